import XCTest
@testable import GridCore

/// Stage clocks on the real office calendar (08:30–12:00, 14:00–17:30; State Council holidays).
final class MatterCalendarDeadlineTests: XCTestCase {
    let zone = TownshipZone.shanghai
    let calendar = OfficeCalendar(zone: .shanghai)
    func at(_ s: String) -> Date { ISOTime.parse(s, zone: zone)! }
    func clock(_ limit: String, _ start: String) -> StageClock {
        Deadline.clock(stage: .handling, limit: TimeLimit(parsing: limit)!, start: at(start), calendar: calendar, share: 0.25)
    }

    func testWorkingHoursAcrossTheWeekend() {
        // Fri 16:00 + 4wh: 1.5 h on Friday, 2.5 h from Monday 08:30 → Mon 11:00.
        let c = clock("4wh", "2026-11-20T16:00")
        XCTAssertEqual(c.dueAt, at("2026-11-23T11:00"))
        // Near due after 3 of the 4 office hours: 1.5 h Friday + 1.5 h Monday → Mon 10:00.
        XCTAssertEqual(c.nearDueAt, at("2026-11-23T10:00"))
        // Saturday noon: 2.5 office hours are left (> 1 h), so not near due although the wall clock says otherwise.
        XCTAssertFalse(Deadline.isNearDue(now: at("2026-11-21T12:00"), start: c.startedAt, due: c.dueAt, unit: .workingHours, calendar: calendar, share: 0.25))
        XCTAssertTrue(Deadline.isNearDue(now: at("2026-11-23T10:00"), start: c.startedAt, due: c.dueAt, unit: .workingHours, calendar: calendar, share: 0.25))
    }

    func testWorkingHoursSkipLunch() {
        // Mon 11:00 + 2wh: 1 h to noon, lunch skipped, 1 h from 14:00 → 15:00; near due after 1.5 h → 14:30.
        let c = clock("2wh", "2026-11-23T11:00")
        XCTAssertEqual(c.dueAt, at("2026-11-23T15:00"))
        XCTAssertEqual(c.nearDueAt, at("2026-11-23T14:30"))
    }

    func testWorkingDaysNearDueOnOfficeTime() {
        // Fri 10:00 + 1wd → Mon 17:30. Office time: Fri 2 h + 3.5 h = 5.5 h, Mon 7 h: 12.5 h = 45 000 s.
        // Near due after 75 %: 33 750 s = 9 h 22 m 30 s. Friday gives 5.5 h; Monday 08:30–12:00 gives 3.5 h
        // (9 h); the last 22 m 30 s run from 14:00 → Mon 14:22:30.
        let c = clock("1wd", "2026-11-20T10:00")
        XCTAssertEqual(c.dueAt, at("2026-11-23T17:30"))
        XCTAssertEqual(c.nearDueAt, at("2026-11-23T14:22:30"))
    }

    func testWorkingDaysOverTheNationalDayHoliday() {
        // Wed 2026-09-30 09:00 + 1wd: 10-01 … 10-07 are off → Thu 10-08 17:30.
        XCTAssertEqual(clock("1wd", "2026-09-30T09:00").dueAt, at("2026-10-08T17:30"))
    }

    func testWorkingDaysOverAMakeUpDay() {
        // Fri 2026-02-13 10:00 + 2wd: Sat 02-14 is a make-up working day (1), the Spring Festival
        // break runs to Mon 02-23, Tue 02-24 (2).
        XCTAssertEqual(clock("2wd", "2026-02-13T10:00").dueAt, at("2026-02-24T17:30"))
    }

    func testUrgentClocksNeverStop() {
        // Urgent handling 4h, started Saturday 22:00 before a holiday-free Sunday: due Sun 02:00, near due 01:00.
        let cat = Category(code: "C", name: "n", major: "m", department: "D", urgency: .normal,
                           dispatchLimit: TimeLimit(parsing: "1wh")!, handleLimit: TimeLimit(parsing: "3wd")!, verifyLimit: TimeLimit(parsing: "1wd")!)
        let limit = MatterRules.standard.limit(for: .handling, category: cat, urgency: .urgent)
        let c = Deadline.clock(stage: .handling, limit: limit, start: at("2026-11-21T22:00"), calendar: calendar, share: 0.25)
        XCTAssertEqual(c.dueAt, at("2026-11-22T02:00"))
        XCTAssertEqual(c.nearDueAt, at("2026-11-22T01:00"))
    }

    func testAnExtensionAddsWorkingDaysToTheDeadline() {
        // Due Fri 2026-11-20 17:00, 2 working days more: Mon (1), Tue (2) → Tue 11-24 17:30.
        XCTAssertEqual(Deadline.extended(due: at("2026-11-20T17:00"), days: 2, calendar: calendar), at("2026-11-24T17:30"))
    }
}
