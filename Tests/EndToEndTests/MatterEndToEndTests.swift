import XCTest

/// Runs the built `gridroom` binary through a matter's life on the demo township.
final class MatterEndToEndTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        try GridroomCLI.requireBinary()
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-e2e-matters-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { if let dir { try? FileManager.default.removeItem(at: dir) } }

    @discardableResult
    func run(_ args: [String], now: String) throws -> (status: Int32, out: String, err: String) {
        try GridroomCLI.run(args, db: dir.appendingPathComponent("t.sqlite").path, now: now)
    }

    func testAMatterFromIntakeToReport() throws {
        XCTAssertEqual(try run(["init", "--demo"], now: "2026-11-20T08:00").status, 0)
        // SR03 道路不洁: dispatch 30min, handling 4wh, verification 4wh.
        let new = try run(["case", "new", "--source", "grid_worker", "--reporter", "W001", "--grid", "DH-01-01",
                           "--category", "SR03", "--title", "路面油污"], now: "2026-11-20T16:00")
        XCTAssertEqual(new.status, 0, new.err)
        XCTAssertEqual(new.out, "已受理 20261120-0001（一般；派遣期限 2026-11-20T16:30:00+08:00）\n")
        let d = try run(["case", "dispatch", "20261120-0001", "--version", "1"], now: "2026-11-20T16:10")
        XCTAssertEqual(d.status, 0, d.err)
        // 4wh from Fri 16:10: 1h20 on Friday, 2h40 from Monday 08:30 → Mon 11:10.
        XCTAssertEqual(d.out, "20261120-0001：待派遣 → 处置中；第 2 版；处置期限 2026-11-23T11:10:00+08:00\n")
        let stale = try run(["case", "feedback", "20261120-0001", "--version", "1", "--note", "已清理"], now: "2026-11-23T09:00")
        XCTAssertEqual(stale.status, 1)
        XCTAssertTrue(stale.err.contains("已被 root 于 2026-11-20 16:10 改动"), stale.err)
        XCTAssertTrue(stale.err.contains("（你看到的是第 1 版，现为第 2 版）；请刷新后再办理"), stale.err)
        // --lang en words the same refusal in English.
        let staleEn = try run(["--lang", "en", "case", "feedback", "20261120-0001", "--version", "1", "--note", "已清理"], now: "2026-11-23T09:00")
        XCTAssertTrue(staleEn.err.contains("— reload (you had version 1, it is now version 2)"), staleEn.err)
        // Monday 10:30: near due (after 3 of 4 office hours: 1h20 Friday + 1h40 Monday = 10:10).
        let near = try run(["cases", "--near-due", "--format", "csv"], now: "2026-11-23T10:30")
        XCTAssertEqual(near.out.split(separator: "\n").count, 2, near.out)
        XCTAssertTrue(near.out.hasPrefix("\u{FEFF}number,reported_at,source,reporter,grid,category,urgency,state,department,due_at,overdue"))
        // Monday 12:00: overdue. Showing it is a read: it says overdue but writes nothing (issue 13).
        let look = try run(["case", "show", "20261120-0001", "--format", "json"], now: "2026-11-23T12:00")
        let seen = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(look.out.utf8)) as? [String: Any])
        XCTAssertEqual(seen["overdue"] as? Bool, true)
        XCTAssertEqual((seen["history"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }, ["intake", "dispatch"])
        // The sweep (a writer: cron, a console, a move) records the breach once, dated at the deadline.
        let sweep = try run(["sweep"], now: "2026-11-23T12:00")
        XCTAssertEqual(sweep.out, "已记录 1 个超期环节\n", sweep.err)
        XCTAssertEqual(try run(["sweep"], now: "2026-11-23T12:05").out, "已记录 0 个超期环节\n")
        let show = try run(["case", "show", "20261120-0001", "--format", "json"], now: "2026-11-23T12:00")
        let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(show.out.utf8)) as? [String: Any])
        XCTAssertEqual(obj["overdue"] as? Bool, true)
        XCTAssertEqual(obj["version"] as? Int, 2)
        let kinds = (obj["history"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
        XCTAssertEqual(kinds, ["intake", "dispatch", "overdue"])
        XCTAssertEqual((obj["stages"] as? [[String: Any]])?.count, 2)
        try run(["case", "show", "20261120-0001"], now: "2026-11-23T12:30")
        XCTAssertEqual(try run(["case", "feedback", "20261120-0001", "--note", "已清理"], now: "2026-11-23T13:00").status, 0)
        XCTAssertEqual(try run(["case", "verify", "20261120-0001", "--pass"], now: "2026-11-23T14:30").status, 0)
        let report = try run(["report", "evaluation", "--month", "2026-11", "--format", "csv"], now: "2026-11-30T09:00")
        XCTAssertEqual(report.status, 0, report.err)
        // One matter due, closed, late: 结案率 100%, 按期结案率 0%.
        XCTAssertTrue(report.out.contains("\ntotal,1,1,0,100.00%,0.00%,0,1,0,0.00%,0,0,0\n"), report.out)
        // Bulk intake through the import.
        let file = dir.appendingPathComponent("cases.csv")
        try "reported_at,source,reporter,grid,category,urgency,title,description,location\n2026-11-24T08:00,hotline,,DH-01-01,SR03,,又有油污,,\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let imp = try run(["import", "cases", file.path], now: "2026-11-24T09:00")
        XCTAssertEqual(imp.status, 0, imp.err)
        XCTAssertEqual(try run(["import", "cases", file.path], now: "2026-11-24T09:00").out.contains("写入 0，未变 1"), true)
        XCTAssertTrue(try run(["cases", "--format", "csv"], now: "2026-11-24T09:00").out.contains("20261124-0001,"))
        // Roles: the admin may do everything; an illegal move exits 1 naming what is allowed.
        let bad = try run(["case", "reopen", "20261124-0001"], now: "2026-11-24T09:05")
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.err.contains("状态下不能 reopen；可用：dispatch"), bad.err)
        // A move without its reason: the command line names its own flag.
        let noNote = try run(["case", "invalidate", "20261124-0001"], now: "2026-11-24T09:06")
        XCTAssertEqual(noNote.status, 1)
        XCTAssertTrue(noNote.err.contains("案件 20261124-0001：invalidate 需要 --note"), noNote.err)
    }

    /// `make run`'s database: the demo township with two months of activity, consistent and reportable.
    func testDemoActivity() throws {
        let made = try run(["init", "--demo", "--activity"], now: "2026-11-22T10:00")
        XCTAssertEqual(made.status, 0, made.err)
        XCTAssertTrue(made.out.contains("演示活动：近两个月 1800 件案件、4500 次巡查"), made.out)
        XCTAssertEqual(try run(["check"], now: "2026-11-22T10:00").status, 0)
        let open = try run(["cases", "--open", "--format", "csv"], now: "2026-11-22T10:00")
        XCTAssertEqual(open.status, 0, open.err)
        XCTAssertGreaterThan(open.out.split(separator: "\n").count, 1, "open matters expected")
        // One compliance row per basic grid of Data/grids.csv (35), plus the header.
        let board = try run(["report", "compliance", "--month", "2026-11", "--format", "csv"], now: "2026-11-22T10:00")
        XCTAssertEqual(board.out.split(separator: "\n").count, 36, board.out)
        XCTAssertEqual(try run(["init", "--activity"], now: "2026-11-22T10:00").status, 2) // --activity needs --demo
    }
}
