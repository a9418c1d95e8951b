import XCTest
@testable import GridCore

final class CSVReaderTests: XCTestCase {
    let header = ["code", "name", "platform"]

    func testPlainLF() throws {
        let t = try CSVReader.read(Array("code,name,platform\nD1,综治办,public_order\nD2,派出所,综治工作\n".utf8), header: header)
        XCTAssertEqual(t.encoding, .utf8)
        XCTAssertEqual(t.records.map(\.line), [2, 3])
        XCTAssertEqual(t.records[1].fields, ["D2", "派出所", "综治工作"])
    }

    func testBOMAndCRLF() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("code,name,platform\r\nD1,综治办,public_order\r\n".utf8)
        let t = try CSVReader.read(bytes, header: header)
        XCTAssertEqual(t.encoding, .utf8BOM)
        XCTAssertEqual(t.header, header)  // BOM not glued to "code"
        XCTAssertEqual(t.records, [CSVRecord(line: 2, fields: ["D1", "综治办", "public_order"])])
    }

    func testQuotedCommaQuoteAndNewlineKeepStartLine() throws {
        // Line 2 holds a record whose name spans lines 2–3; the next record starts on line 4.
        let text = "code,name,platform\nD1,\"综治办, \"\"一\"\"\n号\",market\nD2,x,market"
        let t = try CSVReader.read(Array(text.utf8), header: header)
        XCTAssertEqual(t.records.map(\.line), [2, 4])
        XCTAssertEqual(t.records[0].fields[1], "综治办, \"一\"\n号")
        XCTAssertNil(t.records[0].problem)
    }

    func testGBKBytes() throws {
        // "东湖村" in GBK, checked with `printf 东湖村 | iconv -f UTF-8 -t GBK | xxd`: b6ab bafe b4e5.
        let bytes = Array("code,name,platform\nV1,".utf8) + [0xB6, 0xAB, 0xBA, 0xFE, 0xB4, 0xE5] + Array(",services\n".utf8)
        let t = try CSVReader.read(bytes, header: header)
        XCTAssertEqual(t.encoding, .gb18030)
        XCTAssertEqual(t.records[0].fields[1], "东湖村")
    }

    func testInvalidEncodingNamesLine() {
        // 0xFF is never valid in UTF-8; a lone 0xFF at the end is not GB18030 either.
        let bytes = Array("code,name,platform\nD1,a,market\n".utf8) + [0xFF]
        XCTAssertThrowsError(try CSVReader.read(bytes, header: header)) { e in
            XCTAssertEqual(e as? CSVError, .invalidEncoding(line: 3))
        }
    }

    func testEmptyAndBlankFiles() {
        XCTAssertThrowsError(try CSVReader.read([], header: header)) { XCTAssertEqual($0 as? CSVError, .empty) }
        XCTAssertThrowsError(try CSVReader.read(Array("\n\r\n".utf8), header: header)) { XCTAssertEqual($0 as? CSVError, .empty) }
    }

    func testWrongHeaderSaysExpectedAndFound() {
        XCTAssertThrowsError(try CSVReader.read(Array("code,title,platform\n".utf8), header: header)) { e in
            XCTAssertEqual(e as? CSVError, .wrongHeader(expected: header, found: ["code", "title", "platform"]))
            XCTAssertTrue((e as! CSVError).message.contains("column 2: expected \"name\", found \"title\""))
        }
    }

    func testUnterminatedQuoteNamesOpeningLine() {
        XCTAssertThrowsError(try CSVReader.read(Array("code,name,platform\nD1,a,b\nD2,\"open\nmore\n".utf8), header: header)) { e in
            XCTAssertEqual(e as? CSVError, .unterminatedQuote(line: 3))
        }
    }

    func testStrayQuotesAreRowProblems() throws {
        let t = try CSVReader.read(Array("code,name,platform\nD1,a\"b,market\nD2,\"a\"b,market\n".utf8), header: header)
        XCTAssertNotNil(t.records[0].problem)
        XCTAssertNotNil(t.records[1].problem)
    }

    func testBlankRecordsSkipped() throws {
        let t = try CSVReader.read(Array("code,name,platform\n\n,,\nD1,a,market\n".utf8), header: header)
        XCTAssertEqual(t.records.map(\.line), [4])
    }

    func testSHA256KnownVectors() {
        // FIPS 180-4 examples, also `printf abc | sha256sum`.
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        // Two-block message (56 bytes → padding spills into a second block).
        XCTAssertEqual(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // Whole blocks read straight from the input, then the tail (values from Python's hashlib):
        // exactly two blocks; 15 whole blocks and 40 bytes more.
        XCTAssertEqual(SHA256.hex([UInt8](repeating: 0x61, count: 128)), "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e")
        XCTAssertEqual(SHA256.hex((0..<1000).map { UInt8(($0 * 7 + 3) % 256) }), "1e9bc38cbf860b9ec31918b065f9b52476c549a782e0e7990bed8ce3868d2371")
    }
}
