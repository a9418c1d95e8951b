import XCTest

/// Years the calendar does not know (issue 13 §6): statutory holidays applied, a warning everywhere a
/// deadline or the year is shown, and `calendar import` to load the State Council's notice.
final class CalendarEndToEndTests: XCTestCase {
    var dir: URL!
    var db: String { dir.appendingPathComponent("t.sqlite").path }

    override func setUpWithError() throws {
        try GridroomCLI.requireBinary()
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-e2e-cal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { if let dir { try? FileManager.default.removeItem(at: dir) } }

    @discardableResult
    func run(_ args: [String], now: String = "2026-12-01T09:00") throws -> (status: Int32, out: String, err: String) {
        try GridroomCLI.run(args, db: db, now: now)
    }

    func testUnannouncedYearsWarnAndAnImportedNoticeSilencesThem() throws {
        let year = try run(["calendar", "--year", "2027"])
        XCTAssertEqual(year.status, 0, year.err)
        XCTAssertTrue(year.out.contains("\n2027-01-01,0,元旦\n"), year.out)
        XCTAssertTrue(year.out.contains("\n2027-10-01,0,国庆节\n2027-10-02,0,国庆节\n2027-10-03,0,国庆节\n2027-10-04,1,\n"), year.out)
        XCTAssertTrue(year.err.contains("警告：2027年放假调休安排未载入：仅按法定节假日计算"), year.err)
        XCTAssertTrue(try run(["--lang", "en", "calendar", "--year", "2027"]).err
            .contains("warning: 2027: the State Council's holiday arrangement is not loaded"))
        XCTAssertEqual(try run(["calendar", "--year", "2026"]).err, "")
        let due = try run(["calendar", "due", "--from", "2027-09-30T16:00", "--limit", "2wd"])
        XCTAssertEqual(due.out, "2027-10-05T17:30:00+08:00\n")
        XCTAssertTrue(due.err.contains("警告：2027年"), due.err)

        // A deadline computed on a file in such a year warns too.
        XCTAssertEqual(try run(["init", "--demo"], now: "2027-09-30T08:00").status, 0)
        let new = try run(["case", "new", "--source", "hotline", "--grid", "DH-01-01", "--category", "SR03", "--title", "路面油污"],
                          now: "2027-09-30T16:00")
        XCTAssertEqual(new.status, 0, new.err)
        XCTAssertTrue(new.err.contains("警告：2027年"), new.err)

        // The notice, in the format `calendar --year` prints (here only the days that differ).
        let notice = dir.appendingPathComponent("2027.csv").path
        try "date,workday,name\n2027-10-01,0,国庆节\n2027-10-04,0,国庆节\n2027-10-05,0,国庆节\n2027-10-09,1,国庆节调休上班\n"
            .write(toFile: notice, atomically: true, encoding: .utf8)
        let imp = try run(["calendar", "import", notice])
        XCTAssertEqual(imp.status, 0, imp.err)
        let after = try run(["calendar", "due", "--from", "2027-09-30T16:00", "--limit", "2wd"])
        // 10-01..10-05 off except the weekend rule: Sat 10-02, Sun 10-03 off too → Wed 10-06 (1), Thu 10-07 (2).
        XCTAssertEqual(after.out, "2027-10-07T17:30:00+08:00\n")
        XCTAssertEqual(after.err, "")
        // `calendar --year` output imports back (BOM and all).
        let printed = try run(["calendar", "--year", "2027"])
        XCTAssertEqual(printed.err, "")
        try printed.out.write(toFile: notice, atomically: true, encoding: .utf8)
        let again = try run(["calendar", "import", notice])
        XCTAssertEqual(again.status, 0, again.err)
        XCTAssertTrue(again.out.contains("共 365 行 — 写入 0，"), again.out)
        // A bad notice is refused whole.
        try "date,workday,name\n2027-10-11,0,\n".write(toFile: notice, atomically: true, encoding: .utf8)
        let bad = try run(["calendar", "import", notice])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.err.contains("未写入任何数据"), bad.err)
        XCTAssertTrue(bad.err.contains(":2: name（名称）：为空；2027-10-11 是工作日放假：请写明节日名称（如 国庆节）"), bad.err)
    }
}

/// A township in a daylight-saving zone: local times after the change are stored right.
final class DaylightSavingEndToEndTests: XCTestCase {
    func testAPatrolOverTheFallBackCountsFourHours() throws {
        try GridroomCLI.requireBinary()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-e2e-dst-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("t.sqlite").path
        func run(_ args: [String]) throws -> (status: Int32, out: String, err: String) {
            try GridroomCLI.run(args, db: db, now: "2026-11-02T09:00:00-05:00")
        }
        XCTAssertEqual(try run(["init", "--demo", "--timezone", "America/New_York"]).status, 0)
        let add = try run(["patrol", "add", "--worker", "W001", "--grid", "DH-01-01", "--start", "2026-11-01T00:30", "--end", "2026-11-01T03:30"])
        XCTAssertEqual(add.status, 0, add.err)
        let list = try run(["patrol", "list", "--day", "2026-11-01", "--format", "json"])
        XCTAssertTrue(list.out.contains("\"minutes\" : 240") || list.out.contains("\"minutes\" : \"240\""), list.out)
        XCTAssertTrue(list.out.contains("2026-11-01T03:30:00-05:00"), list.out)
        let gap = try run(["patrol", "add", "--worker", "W001", "--grid", "DH-01-01", "--start", "2027-03-14T02:30", "--end", "2027-03-14T04:00"])
        XCTAssertEqual(gap.status, 2)
        XCTAssertTrue(gap.err.contains("2027-03-14T02:30 在 America/New_York 不存在"), gap.err)
        let gapEn = try run(["--lang", "en", "patrol", "add", "--worker", "W001", "--grid", "DH-01-01", "--start", "2027-03-14T02:30", "--end", "2027-03-14T04:00"])
        XCTAssertEqual(gapEn.status, 2)
        XCTAssertTrue(gapEn.err.contains("2027-03-14T02:30 does not exist in America/New_York"), gapEn.err)
    }
}
