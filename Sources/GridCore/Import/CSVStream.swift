#if canImport(Glibc)
import Glibc
#endif

/// Finds a file's encoding from its bytes fed in chunks (编码识别):
/// UTF-8 with or without BOM, else GB18030/GBK when it is plausible (`GBPlausibility`), else refused.
public struct SourceSniffer: Sendable {
    private var pending: [UInt8] = []
    private var sawStart = false
    private var bom = false
    private var utf8Valid = true
    private var carry: [UInt8] = []
    private var line = 1
    private var firstBadLine = 1
    private var plausibility = GBPlausibility()

    /// Creates a sniffer.
    public init() {}

    /// Looks at the next chunk of the file.
    public mutating func feed(_ chunk: ArraySlice<UInt8>) {
        guard sawStart else {
            // The first three bytes decide the BOM; they may come in more than one chunk.
            pending.append(contentsOf: chunk)
            if pending.count >= 3 { start() }
            return
        }
        consume(chunk)
    }

    private mutating func start() {
        sawStart = true
        var body = pending[...]
        pending = []
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { bom = true; body = body.dropFirst(3) }
        consume(body)
    }

    private mutating func consume(_ body: ArraySlice<UInt8>) {
        plausibility.feed(body)
        guard utf8Valid else { return }
        var bytes = carry
        bytes.append(contentsOf: body)
        let cut = UTF8Chunk.completePrefix(bytes)
        carry = Array(bytes[cut...])
        let part = bytes[..<cut]
        if String(validating: part, as: UTF8.self) == nil {
            utf8Valid = false
            firstBadLine = line + SourceText.firstBadUTF8Line(Array(part)) - 1
        } else {
            for b in part where b == 0x0A { line += 1 }
        }
    }

    /// The encoding, once every chunk was fed.
    public mutating func finish() throws(CSVError) -> SourceEncoding {
        if !sawStart { start() }
        if utf8Valid, !carry.isEmpty { utf8Valid = false; firstBadLine = line }
        if utf8Valid { return bom ? .utf8BOM : .utf8 }
        plausibility.finish()
        guard !bom, plausibility.isWellFormed else { throw CSVError.invalidEncoding(line: firstBadLine) }
        guard plausibility.isPlausible else { throw CSVError.implausibleEncoding }
        return .gb18030
    }

    /// The line of the first byte that is not UTF-8 (for the error when GB18030 fails too).
    public var firstNonUTF8Line: Int { firstBadLine }
}

/// Where a chunk of UTF-8 can be cut without splitting a character.
enum UTF8Chunk {
    /// The length of the longest prefix of `bytes` that ends at a character boundary.
    static func completePrefix(_ bytes: [UInt8]) -> Int {
        let n = bytes.count
        var i = n - 1
        var back = 0
        // Walk back over at most 3 continuation bytes to the lead byte of the last character.
        while i >= 0 && back < 4 {
            let b = bytes[i]
            if b & 0xC0 != 0x80 {
                let len = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                return i + len <= n ? n : i
            }
            i -= 1; back += 1
        }
        return n
    }
}

/// Turns a file's chunks into UTF-8 chunks in the encoding `SourceSniffer` found: UTF-8 passes through
/// (without its BOM), GB18030 goes through iconv with any character split across chunks carried over.
public final class SourceDecoder {
    /// The encoding decoded.
    public let encoding: SourceEncoding
    private var cd: iconv_t?
    private var carry: [UInt8] = []
    private var bomLeft: Int
    private let badLine: Int

    /// Creates a decoder; `badLine` is the line reported if GB18030 decoding fails.
    public init(_ encoding: SourceEncoding, badLine: Int = 1) {
        self.encoding = encoding
        self.badLine = badLine
        bomLeft = encoding == .utf8BOM ? 3 : 0
        if encoding == .gb18030 {
            let c = iconv_open("UTF-8", "GB18030")
            cd = (c == iconv_t(bitPattern: -1)) ? nil : c
        }
    }

    deinit { if let cd { iconv_close(cd) } }

    /// The UTF-8 bytes of the next chunk.
    public func decode(_ chunk: ArraySlice<UInt8>) throws(CSVError) -> [UInt8] {
        var body = chunk
        if bomLeft > 0 {
            let k = min(bomLeft, body.count)
            body = body.dropFirst(k); bomLeft -= k
        }
        guard encoding == .gb18030 else { return Array(body) }
        guard let cd else { throw CSVError.invalidEncoding(line: badLine) }
        var input = carry.map { CChar(bitPattern: $0) } + body.map { CChar(bitPattern: $0) }
        carry = []
        var output = [CChar](repeating: 0, count: input.count * 2 + 16)
        let result: (used: Int, left: Int, ok: Bool) = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                var outLeft = outBuf.count
                let rc = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                // EINVAL: an incomplete character at the end, carried to the next chunk.
                let ok = rc != -1 || errno == EINVAL
                return (outBuf.count - outLeft, inLeft, ok)
            }
        }
        guard result.ok else { throw CSVError.invalidEncoding(line: badLine) }
        if result.left > 0 { carry = input.suffix(result.left).map { UInt8(bitPattern: $0) } }
        return output[..<result.used].map { UInt8(bitPattern: $0) }
    }

    /// Checks that nothing is left over at the end of the file.
    public func finish() throws(CSVError) {
        if encoding == .gb18030, !carry.isEmpty { throw CSVError.invalidEncoding(line: badLine) }
    }
}
