import XCTest

/// Runs the built `gridroom` binary through patrol recording, import and the compliance reports on the demo township.
final class PatrolEndToEndTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        try GridroomCLI.requireBinary()
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-e2e-patrols-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { if let dir { try? FileManager.default.removeItem(at: dir) } }

    @discardableResult
    func run(_ args: [String], now: String) throws -> (status: Int32, out: String, err: String) {
        try GridroomCLI.run(args, db: dir.appendingPathComponent("t.sqlite").path, now: now)
    }

    func testPatrolsToComplianceCSV() throws {
        XCTAssertEqual(try run(["init", "--demo"], now: "2026-11-01T08:00").status, 0)
        // DH-01-01 on Sat 2026-11-21: W001 08:00–09:30 (start/stop), W002 covering 01:00Z–02:00Z = 09:00–10:00 local.
        // Union 08:00–10:00 = 120 min: met.
        var r = try run(["patrol", "start", "--worker", "W001", "--grid", "DH-01-01", "--at", "2026-11-21T08:00"], now: "2026-11-21T12:00")
        XCTAssertEqual(r.status, 0, r.err)
        r = try run(["patrol", "start", "--worker", "W001", "--grid", "DH-01-01"], now: "2026-11-21T12:00")
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("在 DH-01-01 已有进行中的巡查 #1"), r.err)
        r = try run(["patrol", "stop", "--worker", "W001", "--grid", "DH-01-01", "--at", "2026-11-21T09:30"], now: "2026-11-21T12:00")
        XCTAssertEqual(r.out, "巡查 #1 结束：W001 在 DH-01-01，90 分钟\n", r.err)
        r = try run(["patrol", "add", "--worker", "W002", "--grid", "DH-01-01", "--start", "2026-11-21T01:00:00Z", "--end", "2026-11-21T02:00:00Z"],
                    now: "2026-11-21T12:00")
        XCTAssertEqual(r.status, 0, r.err)
        // Imported: DH-01-02 22:30 on the 21st to 00:30 on the 22nd → 90 min on the 21st; and a 13 h suspect walk.
        let csv = dir.appendingPathComponent("p.csv")
        try "worker,grid,start,end\nW002,DH-01-02,2026-11-21T22:30,2026-11-22T00:30\nW002,DH-01-02,2026-11-20T06:00+08:00,2026-11-20T19:00+08:00\n"
            .write(to: csv, atomically: true, encoding: .utf8)
        r = try run(["import", "patrols", csv.path], now: "2026-11-22T09:00")
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("共 2 行 — 写入 2"), r.out)
        r = try run(["import", "patrols", csv.path], now: "2026-11-22T09:00")
        XCTAssertTrue(r.out.contains("写入 0，未变 2"), r.out)
        // One report by W001 as grid worker.
        r = try run(["case", "new", "--source", "grid_worker", "--reporter", "W001", "--grid", "DH-01-01", "--category", "SR03", "--title", "路面油污"],
                    now: "2026-11-21T11:00")
        XCTAssertEqual(r.status, 0, r.err)

        r = try run(["report", "compliance", "--day", "2026-11-21", "--format", "csv"], now: "2026-11-22T09:00")
        XCTAssertEqual(r.status, 0, r.err)
        let lines = r.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "\u{FEFF}grid,days,patrol_minutes,days_meeting_patrol,patrol_ok,workers,reports,reports_ok")
        XCTAssertTrue(lines.contains("DH-01-01,1,120,1,1,1,1,0"), r.out)
        XCTAssertTrue(lines.contains("DH-01-02,1,90,0,0,1,0,0"), r.out)
        r = try run(["report", "compliance", "--month", "2026-11", "--by", "worker", "--format", "csv"], now: "2026-11-22T09:00")
        XCTAssertTrue(r.out.hasPrefix("\u{FEFF}worker,grid,reports,reports_ok,missed\n"), r.out)
        XCTAssertTrue(r.out.contains("\nW001,DH-01-01,1,0,0\n"), r.out)

        // The suspect walk counts nothing on the 20th until confirmed, then 780 min.
        r = try run(["report", "compliance", "--explain", "--grid", "DH-01-02", "--day", "2026-11-20"], now: "2026-11-22T09:00")
        XCTAssertTrue(r.out.contains("Total: 0 s = 0 min"), r.out)
        r = try run(["patrol", "list", "--grid", "DH-01-02", "--day", "2026-11-20", "--format", "csv"], now: "2026-11-22T09:00")
        let id = try XCTUnwrap(r.out.split(separator: "\n").dropFirst().first?.split(separator: ",").first.map(String.init))
        XCTAssertTrue(r.out.contains(",suspect,"), r.out)
        r = try run(["patrol", "confirm", id], now: "2026-11-22T09:00")
        XCTAssertEqual(r.status, 0, r.err)
        r = try run(["report", "compliance", "--explain", "--grid", "DH-01-02", "--day", "2026-11-20"], now: "2026-11-22T09:00")
        XCTAssertTrue(r.out.contains("Total: 46800 s = 780 min"), r.out)

        r = try run(["report", "redblack", "--month", "2026-11", "--format", "csv"], now: "2026-11-22T09:00")
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.hasPrefix("\u{FEFF}list,kind,rank,code,name,patrol_minutes,days,avg_per_day,days_meeting_patrol,patrol_ok,reports,reports_ok,grade,note,reason\n"), r.out)
        r = try run(["report", "compliance", "--month", "2026-11", "--day", "2026-11-21"], now: "2026-11-22T09:00")
        XCTAssertEqual(r.status, 2)
    }
}
