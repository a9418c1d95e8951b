import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The encoding a CSV file was found to be in (文件编码).
public enum SourceEncoding: String, Sendable, Equatable {
    /// UTF-8 without a byte-order mark.
    case utf8 = "UTF-8"
    /// UTF-8 with a byte-order mark (what Excel writes for "CSV UTF-8").
    case utf8BOM = "UTF-8 with BOM"
    /// GB18030 / GBK (what Excel writes in Chinese offices as plain "CSV").
    case gb18030 = "GB18030"
}

/// Turns a file's bytes into text: valid UTF-8 (with or without BOM) first, else GB18030/GBK.
public enum SourceText {
    /// Decodes `bytes`; throws `CSVError.invalidEncoding` when they are neither UTF-8 nor GB18030, and
    /// `CSVError.implausibleEncoding` when they are GB18030 only in name (Big5 and the like, `GBPlausibility`).
    public static func decode(_ bytes: [UInt8]) throws(CSVError) -> (text: String, encoding: SourceEncoding) {
        var body = bytes[...]
        var encoding = SourceEncoding.utf8
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3); encoding = .utf8BOM }
        if let s = String(validating: body, as: UTF8.self) { return (s, encoding) }
        if encoding == .utf8 {
            if let s = gb18030(Array(body)) {
                var check = GBPlausibility()
                check.feed(body)
                guard check.isPlausible else { throw CSVError.implausibleEncoding }
                return (s, .gb18030)
            }
        }
        throw CSVError.invalidEncoding(line: firstBadUTF8Line(Array(body)))
    }

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

    /// Decodes GB18030 (a superset of GBK and GB2312) with glibc's iconv; nil when the bytes are not valid GB18030.
    public static func gb18030(_ bytes: [UInt8]) -> String? {
        let cd = iconv_open("UTF-8", "GB18030")
        guard let cd, cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 16)  // ≤ 4 UTF-8 bytes per ≥ 2 GB bytes; ASCII 1:1
        let used: Int? = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                var outLeft = outBuf.count
                let rc = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                if rc == -1 || inLeft != 0 { return nil }
                // Flush any shift state.
                _ = iconv(cd, nil, nil, &outPtr, &outLeft)
                return outBuf.count - outLeft
            }
        }
        guard let used else { return nil }
        return String(validating: output[..<used].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
