import Foundation
import GridCore

/// What the first pass over an import file found: its encoding and its SHA-256.
struct ImportSource: Sendable {
    /// The encoding.
    let encoding: SourceEncoding
    /// SHA-256 of the bytes, hex.
    let hash: String
    /// The line reported if GB18030 decoding fails (the first byte that is not UTF-8).
    let badLine: Int
    /// Size and modification time when scanned: a later pass tells the file changed under it.
    let stamp: ImportFile.Stamp
}

/// An import file read in chunks (分块读取): memory stays bounded whatever the file's size; a pass reads
/// it again from the start (the page cache makes the second read cheap).
struct ImportFile {
    /// Size and modification time (ns) of the file.
    struct Stamp: Sendable, Equatable { let size: Int; let modified: Int }

    /// The file cannot be read, with the system's reason (`errno` as the failed call left it).
    static func cannotRead(_ path: String) -> ImportError {
        let why = String(cString: strerror(errno))
        return .unreadable(Phrase(zh: "\(path)：无法读取（\(why)）", en: "\(path): cannot be read (\(why))"))
    }

    /// The file's size and modification time now.
    func stamp() throws -> Stamp {
        var st = stat()
        guard stat(path, &st) == 0 else { throw ImportFile.cannotRead(path) }
        return Stamp(size: Int(st.st_size), modified: Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec))
    }

    /// Bytes per read.
    static let chunkBytes = 1 << 20
    /// The path as given.
    let path: String

    /// Checks the file can be opened, with the message `import` has always given.
    init(path: String) throws {
        self.path = path
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ImportError.unreadable(FileManager.default.fileExists(atPath: path)
                ? Phrase(zh: "\(path)：无法读取（权限？）", en: "\(path): cannot be read (permissions?)")
                : Phrase(zh: "\(path)：没有这个文件", en: "\(path): no such file"))
        }
    }

    /// Calls `body` with each chunk of the file, in order.
    func forEachChunk(_ body: (ArraySlice<UInt8>) throws -> Void) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw ImportFile.cannotRead(path) }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: ImportFile.chunkBytes)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, ImportFile.chunkBytes) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ImportFile.cannotRead(path)
            }
            if n == 0 { return }
            try body(buffer[..<n])
        }
    }

    /// The first pass: encoding (`SourceSniffer`) and hash.
    func scan() throws -> ImportSource {
        let before = try stamp()
        var sniffer = SourceSniffer()
        var hasher = SHA256.Hasher()
        try forEachChunk { sniffer.feed($0); hasher.update($0) }
        do {
            let encoding = try sniffer.finish()
            return ImportSource(encoding: encoding, hash: hasher.hex(), badLine: sniffer.firstNonUTF8Line, stamp: before)
        } catch {
            throw ImportError.unreadable(error.phrase.after(zh: "\(path):\(error.line): ", en: "\(path):\(error.line): "))
        }
    }

    /// Every data record of the file (header checked, blank records left out), decoded and parsed a chunk at a
    /// time. Returns the header as found (an older file may stop before the `optional` columns).
    @discardableResult
    func forEachRecord(_ source: ImportSource, header: [String], optional: [String] = [], _ body: (CSVRecord) throws -> Void) throws -> [String] {
        let decoder = SourceDecoder(source.encoding, badLine: source.badLine)
        var parser = CSVStreamParser()
        var gate = CSVHeaderGate(expected: header, optional: optional)
        try withoutActuallyEscaping(body) { body in
            let emit: (CSVRecord) throws -> Void = { r in if let k = try gate.admit(r) { try body(k) } }
            do {
                try forEachChunk { chunk in
                    try parser.feed(try decoder.decode(chunk), emit)
                }
                try decoder.finish()
                try parser.finish(emit)
                try gate.finish()
            } catch let e as CSVError {
                throw ImportError.unreadable(e.phrase.after(zh: "\(path):\(e.line): ", en: "\(path):\(e.line): "))
            }
        }
        return gate.found
    }
}
