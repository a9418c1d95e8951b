/// The encoding a CSV file was found to be in (文件编码).
public enum SourceEncoding: String, Sendable, Equatable {
    /// UTF-8 without a byte-order mark.
    case utf8 = "UTF-8"
    /// UTF-8 with a byte-order mark (what Excel writes for "CSV UTF-8").
    case utf8BOM = "UTF-8 with BOM"
    /// GB18030 / GBK (what Excel writes in Chinese offices as plain "CSV").
    case gb18030 = "GB18030"
}

/// Byte-level helpers of the encoding detection (`SourceSniffer`, `SourceDecoder` in CSVStream.swift).
public enum SourceText {
    /// The 1-based line holding the first byte that is not valid UTF-8.
    static func firstBadUTF8Line(_ bytes: [UInt8]) -> Int {
        var line = 1
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let len: Int
            switch b {
            case 0x00...0x7F: len = 1
            case 0xC2...0xDF: len = 2
            case 0xE0...0xEF: len = 3
            case 0xF0...0xF4: len = 4
            default: return line
            }
            guard i + len <= bytes.count,
                  String(validating: bytes[i..<(i + len)], as: UTF8.self) != nil else { return line }
            if b == 0x0A { line += 1 }
            i += len
        }
        return line
    }
}
