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
}
