import XCTest
import GridCore
@testable import GridStore

/// `calendar import`: a State Council arrangement loaded whole, replacing the statutory days of its year.
final class CalendarImportTests: XCTestCase {
    var dir: URL!
    var store: Store!
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let admin = Actor(login: "admin", staff: Staff(login: "admin", name: "管理员", role: .admin))

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-cal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        store = try Store.create(path: dir.appendingPathComponent("t.sqlite").path, zone: .shanghai,
                                 admin: Staff(login: "admin", name: "管理员", role: .admin), now: now)
    }

    override func tearDownWithError() throws { store = nil; try? FileManager.default.removeItem(at: dir) }

    func file(_ text: String) throws -> String {
        let p = dir.appendingPathComponent("cal-\(UUID().uuidString).csv").path
        try text.write(toFile: p, atomically: true, encoding: .utf8)
        return p
    }

    func d(_ s: String) -> LocalDate { LocalDate(iso: s)! }

    // An imagined 2027 notice: 国庆 10-01..10-07 with make-up Sundays 09-26 and 10-09 (Saturday); 清明 left out.
    let notice = """
    date,workday,name
    2027-01-01,0,元旦
    2027-10-01,0,国庆节
    2027-10-02,0,国庆节
    2027-10-03,0,国庆节
    2027-10-04,0,国庆节
    2027-10-05,0,国庆节
    2027-10-06,0,国庆节
    2027-10-07,0,国庆节
    2027-09-26,1,国庆节调休上班
    2027-10-09,1,国庆节调休上班
    2027-10-08,1,

    """

    func testAnArrangementReplacesTheStatutoryDaysAndEndsTheWarning() throws {
        XCTAssertEqual(try store.officeCalendar().warning(forYear: 2027)?.statutoryHolidaysApplied, true)
        XCTAssertFalse(try store.officeCalendar().isWorkday(d("2027-04-05")))   // statutory 清明
        let r = try store.importCalendar(path: try file(notice), actor: admin, now: now)
        XCTAssertEqual(r.rowsTotal, 11)
        let cal = try store.officeCalendar()
        XCTAssertNil(cal.warning(forYear: 2027))
        XCTAssertTrue(cal.isWorkday(d("2027-04-05")), "the loaded year is the notice, not the statutory table")
        XCTAssertFalse(cal.isWorkday(d("2027-10-06")))
        XCTAssertTrue(cal.isWorkday(d("2027-09-26")))
        XCTAssertEqual(cal.day(d("2027-10-09")).name, "国庆节调休上班")
        XCTAssertNotNil(cal.warning(forYear: 2028))
        // Again: nothing changes.
        XCTAssertEqual(try store.importCalendar(path: try file(notice), actor: admin, now: now).rowsWritten, 0)
    }

    func testABadFileIsRefusedWholeAndWritesNothing() throws {
        let bad = "date,workday,name\n2027-10-01,0,国庆节\n2027-10-01,0,国庆节\n2027-10-04,2,x\n2027-13-01,0,x\n2027-10-11,0,\n2027-10-12,0,a\u{1B}[2J\n"
        XCTAssertThrowsError(try store.importCalendar(path: try file(bad), actor: admin, now: now)) { e in
            guard let ie = e as? ImportError, case .rejected = ie else { return XCTFail("\(e)") }
            let problems = ie.problems
            let text = problems.joined(separator: "\n")
            XCTAssertTrue(text.contains(":2: date: duplicate date 2027-10-01: also on line 3"), text)
            XCTAssertTrue(text.contains(":4: workday: \"2\": expected 1 (a working day) or 0 (a day off)"), text)
            XCTAssertTrue(text.contains(":5: date: \"2027-13-01\": expected a date YYYY-MM-DD"), text)
            XCTAssertTrue(text.contains(":6: name: empty; 2027-10-11 is a weekday off: name the holiday"), text)
            XCTAssertTrue(text.contains(":7: name: contains U+001B"), text)
        }
        XCTAssertNotNil(try store.officeCalendar().warning(forYear: 2027))
        XCTAssertTrue(try store.officeCalendar().isWorkday(d("2027-10-04")))
    }

    func testAnOperatorMayNotLoadACalendar() throws {
        let op = Actor(login: "op", staff: Staff(login: "op", name: "值班员", role: .operator_))
        try store.addStaff(Staff(login: "op", name: "值班员", role: .operator_), by: admin, now: now)
        XCTAssertThrowsError(try store.importCalendar(path: try file(notice), actor: op, now: now))
        XCTAssertNotNil(try store.officeCalendar().warning(forYear: 2027))
    }
}
