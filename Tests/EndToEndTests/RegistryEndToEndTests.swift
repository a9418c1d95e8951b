import XCTest

/// Runs the built `gridroom` binary (`swift build` first) on a temporary database.
final class RegistryEndToEndTests: XCTestCase {

    var dir: URL!

    override func setUpWithError() throws {
        try GridroomCLI.requireBinary()
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { if let dir { try? FileManager.default.removeItem(at: dir) } }

    /// Runs gridroom in the temp directory (so Data/ must be found from the executable's path).
    @discardableResult
    func run(_ args: [String]) throws -> (status: Int32, out: String, err: String) {
        try GridroomCLI.run(args, db: dir.appendingPathComponent("t.sqlite").path, now: "2026-11-22T09:00:00+08:00", cwd: dir)
    }

    func testInitDemoAndCSVRoundTrip() throws {
        let initRun = try run(["init", "--demo"])
        XCTAssertEqual(initRun.status, 0, initRun.err)

        for kind in ["grids", "workers", "departments", "categories"] {
            let listed = try run([kind, "--format", "csv"])
            XCTAssertEqual(listed.status, 0, listed.err)
            // The export is the demo file's rows (same header, same rows, perhaps in another order).
            let demo = try String(contentsOf: GridroomCLI.root.appendingPathComponent("Data/\(kind).csv"), encoding: .utf8)
            // Listings for people start with a BOM (Excel on a Chinese Windows then reads UTF-8).
            XCTAssertTrue(listed.out.hasPrefix("\u{FEFF}"), kind)
            let exported = listed.out.dropFirst().split(separator: "\n"), original = demo.split(separator: "\n")
            XCTAssertEqual(exported.first, original.first, kind)
            XCTAssertEqual(Set(exported), Set(original), kind)
            // Importing the export again changes nothing.
            let file = dir.appendingPathComponent("\(kind).csv")
            try listed.out.write(to: file, atomically: true, encoding: .utf8)
            let again = try run(["import", kind, file.path])
            XCTAssertEqual(again.status, 0, again.err)
            XCTAssertTrue(again.out.contains("— 写入 0，未变 \(original.count - 1)"), again.out)
        }
        let grids = try run(["grids", "--format", "csv"]).out.split(separator: "\n")
        XCTAssertGreaterThanOrEqual(grids.filter { $0.contains(",basic,") }.count, 30)
        XCTAssertGreaterThanOrEqual(grids.filter { $0.contains(",area,") }.count, 3)
        XCTAssertGreaterThanOrEqual(try run(["workers", "--format", "csv"]).out.split(separator: "\n").count - 1, 40)
        let log = try run(["imports", "--format", "csv"])
        XCTAssertEqual(log.out.split(separator: "\n").count, 1 + 8)  // header + 4 demo + 4 re-imports
        XCTAssertFalse(log.out.contains("INCOMPLETE"))
    }

    func testRejectedImportExitsOneWithLocatedErrors() throws {
        XCTAssertEqual(try run(["init", "--rehearsal"]).status, 0)
        let bad = dir.appendingPathComponent("bad.csv")
        try "code,name,platform\nZZB,综治办,public_order\nX,,nowhere\n".write(to: bad, atomically: true, encoding: .utf8)
        let r = try run(["import", "departments", bad.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("\(bad.path):3: name（名称）：为空；须填名称"), r.err)
        XCTAssertTrue(r.err.contains("\(bad.path):3: platform（平台）：\"nowhere\"：应为 public_order (综治工作)"), r.err)
        XCTAssertEqual(try run(["departments", "--format", "csv"]).out, "\u{FEFF}code,name,platform\n")
        XCTAssertEqual(try run(["import", "nonsense", bad.path]).status, 2)
    }
}
