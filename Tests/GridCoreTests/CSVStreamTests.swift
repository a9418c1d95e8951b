import XCTest
@testable import GridCore

/// The streamed reader gives what the whole-file reader gives, however the bytes are cut into chunks.
final class CSVStreamTests: XCTestCase {
    /// Sniffs, decodes and parses `bytes` fed `size` bytes at a time.
    func streamed(_ bytes: [UInt8], size: Int) throws -> (SourceEncoding, [CSVRecord]) {
        var sniffer = SourceSniffer()
        var at = 0
        while at < bytes.count { sniffer.feed(bytes[at..<min(bytes.count, at + size)]); at += size }
        let encoding = try sniffer.finish()
        let decoder = SourceDecoder(encoding, badLine: sniffer.firstNonUTF8Line)
        var parser = CSVStreamParser()
        var records: [CSVRecord] = []
        at = 0
        while at < bytes.count {
            parser.feed(try decoder.decode(bytes[at..<min(bytes.count, at + size)])) { records.append($0) }
            at += size
        }
        try decoder.finish()
        try parser.finish { records.append($0) }
        return (encoding, records)
    }

    func testEveryChunkSizeGivesTheSameRecords() throws {
        let text = "\u{FEFF}code,name\r\nX1,\"东湖\r\n村\",\"say \"\"hi\"\"\"\r\nX2,👨‍👩‍👧 ok\rX3,bad\"quote\nX4,\"closed\"junk\n\nX5,last"
        let bytes = Array(text.utf8)
        let whole = try CSVReader.parse(String(decoding: bytes.dropFirst(3), as: UTF8.self))
        XCTAssertEqual(whole.map(\.line), [1, 2, 4, 5, 6, 7, 8])
        for size in [1, 2, 3, 5, 7, 64, 4096] {
            let (enc, records) = try streamed(bytes, size: size)
            XCTAssertEqual(enc, .utf8BOM, "size \(size)")
            XCTAssertEqual(records, whole, "size \(size)")
        }
    }

    func testGBKSplitInsideACharacterDecodes() throws {
        // 东湖村 in GBK, then a line: every cut, including between the two bytes of a character.
        let bytes: [UInt8] = Array("code,name\nX1,".utf8) + [0xB6, 0xAB, 0xBA, 0xFE, 0xB4, 0xE5] + [0x0A]
        for size in [1, 2, 3, 13, 14] {
            let (enc, records) = try streamed(bytes, size: size)
            XCTAssertEqual(enc, .gb18030)
            XCTAssertEqual(records.last?.fields, ["X1", "东湖村"], "size \(size)")
        }
    }

    func testAnUnclosedQuoteAndABadByteAreFoundWhenStreamed() {
        XCTAssertThrowsError(try streamed(Array("a,b\n1,2\n3,\"open\nmore\n".utf8), size: 3)) { e in
            XCTAssertEqual(e as? CSVError, .unterminatedQuote(line: 3))
        }
        // 0xFF is neither UTF-8 nor GB18030: the line of the first bad byte.
        XCTAssertThrowsError(try streamed(Array("a,b\n1,2\n3,".utf8) + [0xFF, 0x0A], size: 2)) { e in
            XCTAssertEqual(e as? CSVError, .invalidEncoding(line: 3))
        }
    }

    func testIncrementalSHA256MatchesTheOneShot() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        // SHA-256("abc") from FIPS 180-4's example.
        var abc = SHA256.Hasher()
        abc.update(Array("a".utf8)[...]); abc.update(Array("bc".utf8)[...])
        XCTAssertEqual(abc.hex(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        for size in [1, 63, 64, 65, 500] {
            var h = SHA256.Hasher()
            var at = 0
            while at < bytes.count { h.update(bytes[at..<min(bytes.count, at + size)]); at += size }
            XCTAssertEqual(h.hex(), SHA256.hex(bytes), "size \(size)")
        }
    }
}
