import XCTest
import GridCore

/// The office calendar against the State Council's announced days, and wh/wd arithmetic.
final class OfficeCalendarTests: XCTestCase {
    let cal = OfficeCalendar()
    let zone = TownshipZone.shanghai

    func t(_ s: String) -> Date { ISOTime.parse(s, zone: zone)! }
    func d(_ s: String) -> LocalDate { LocalDate(iso: s)! }
    func due(_ from: String, _ limit: String) -> String {
        ISOTime.format(cal.due(from: t(from), limit: TimeLimit(parsing: limit)!), zone: zone)
    }

    func testMakeUpWorkingDaysAndSpringFestival2026() {
        // 2026-02-14 and 2026-02-28 are Saturdays worked in exchange (调休上班).
        XCTAssertEqual(d("2026-02-14").weekday, 6)
        XCTAssertTrue(cal.isWorkday(d("2026-02-14")))
        XCTAssertTrue(cal.isWorkday(d("2026-02-28")))
        // The break runs 2026-02-15 (Sun) to 2026-02-23 (Mon): nine days off, weekdays among them.
        for day in 15...23 { XCTAssertFalse(cal.isWorkday(LocalDate(year: 2026, month: 2, day: day)!), "02-\(day)") }
        XCTAssertTrue(cal.isWorkday(d("2026-02-24")))
        XCTAssertEqual(cal.day(d("2026-02-17")).name, "春节")
    }

    func testHolidaysOf2024And2025() {
        XCTAssertFalse(cal.isWorkday(d("2024-02-16"))) // Friday inside 春节 2024
        XCTAssertTrue(cal.isWorkday(d("2024-02-04")))  // Sunday make-up
        XCTAssertTrue(cal.isWorkday(d("2024-10-12")))  // Saturday make-up after 国庆
        XCTAssertFalse(cal.isWorkday(d("2025-01-28")))
        XCTAssertTrue(cal.isWorkday(d("2025-01-26")))
        XCTAssertFalse(cal.isWorkday(d("2025-10-08")))  // 国庆中秋 2025 runs to the 8th
        XCTAssertTrue(cal.isWorkday(d("2025-10-11")))
        XCTAssertFalse(cal.isWorkday(d("2026-01-02")))
        XCTAssertTrue(cal.isWorkday(d("2026-01-04")))
    }

    func testYearCounts() {
        // 2026: 365 days, 104 weekend days (Jan 1 is a Thursday: 52 weeks + Thu → 52 Sat + 52 Sun).
        // Weekdays off: 01-01,01-02, 02-16..02-20,02-23, 04-06, 05-01,05-04,05-05, 06-19, 09-25,
        //   10-01,10-02,10-05,10-06,10-07 = 2+6+1+3+1+1+5 = 19.
        // Weekend days worked: 01-04, 02-14, 02-28, 05-09, 09-20, 10-10 = 6.
        // Working days = 365 - 104 - 19 + 6 = 248.
        let days = cal.days(ofYear: 2026)
        XCTAssertEqual(days.count, 365)
        XCTAssertEqual(days.filter(\.isWorkday).count, 248)
    }

    func testWorkingHoursAcrossLunchNightAndWeekend() {
        // Friday 2026-11-20 16:00 + 4wh: 1.5 h left on Friday, Monday 08:30 + 2.5 h = 11:00.
        XCTAssertEqual(due("2026-11-20T16:00", "4wh"), "2026-11-23T11:00:00+08:00")
        // 11:00 + 2wh: one hour to noon, lunch skipped, 14:00 + 1 h = 15:00.
        XCTAssertEqual(due("2026-11-23T11:00", "2wh"), "2026-11-23T15:00:00+08:00")
        // Started at 12:30 (lunch): the clock starts at 14:00; +1wh = 15:00.
        XCTAssertEqual(due("2026-11-23T12:30", "1wh"), "2026-11-23T15:00:00+08:00")
        // Started at 22:00 Monday: the clock starts Tuesday 08:30; + 3 h = 11:30.
        XCTAssertEqual(due("2026-11-23T22:00", "3wh"), "2026-11-24T11:30:00+08:00")
        // 210 minutes from 08:30 end exactly at 12:00: the period's end, not 14:00.
        XCTAssertEqual(ISOTime.format(cal.advance(from: t("2026-11-24T08:30"), seconds: 210 * 60, unit: .workingHours), zone: zone),
                       "2026-11-24T12:00:00+08:00")
        XCTAssertEqual(due("2026-11-23T08:30", "3wh"), "2026-11-23T11:30:00+08:00")
        // 08:00 is before office: 08:30–12:00 uses 3.5 h, the last 0.5 h runs from 14:00 → 14:30.
        XCTAssertEqual(due("2026-11-24T08:00", "4wh"), "2026-11-24T14:30:00+08:00")
    }

    func testWorkingHoursOverSpringFestival() {
        // Friday 2026-02-13 17:00 + 1wh: 0.5 h Friday; Saturday 02-14 is a make-up working day: 09:00.
        XCTAssertEqual(due("2026-02-13T17:00", "1wh"), "2026-02-14T09:00:00+08:00")
        // Saturday 02-14 17:00 + 1wh: 0.5 h, then nothing until Tuesday 02-24 (break + Mon 23rd off): 09:00.
        XCTAssertEqual(due("2026-02-14T17:00", "1wh"), "2026-02-24T09:00:00+08:00")
    }

    func testWorkingDays() {
        // Friday 2026-11-20: 1wd = Monday 23rd at close; 3wd = Wednesday 25th at close.
        XCTAssertEqual(due("2026-11-20T10:00", "1wd"), "2026-11-23T17:30:00+08:00")
        XCTAssertEqual(due("2026-11-20T10:00", "3wd"), "2026-11-25T17:30:00+08:00")
        // Started on a Sunday: the N-th working day after that Sunday.
        XCTAssertEqual(due("2026-11-22T23:59", "1wd"), "2026-11-23T17:30:00+08:00")
        // 2026-02-13 (Fri): after it come 02-14 (make-up, 1), then break to 02-23, 02-24 (2).
        XCTAssertEqual(due("2026-02-13T10:00", "1wd"), "2026-02-14T17:30:00+08:00")
        XCTAssertEqual(due("2026-02-13T10:00", "2wd"), "2026-02-24T17:30:00+08:00")
        // 2026-09-30 (Wed) + 1wd: 国庆 10-01..10-07, 10-08 (Thu) is the next working day.
        XCTAssertEqual(due("2026-09-30T09:00", "1wd"), "2026-10-08T17:30:00+08:00")
    }

    func testCalendarTimeNeverStops() {
        XCTAssertEqual(due("2026-02-14T23:50", "30min"), "2026-02-15T00:20:00+08:00")
        XCTAssertEqual(due("2026-11-21T22:00", "4h"), "2026-11-22T02:00:00+08:00")
    }

    func testMeasuredOfficeTime() {
        // Friday 16:00 → Monday 11:00 is 1.5 h + 2.5 h = 4 h of office time; calendar time is 67 h.
        let a = t("2026-11-20T16:00"), b = t("2026-11-23T11:00")
        XCTAssertEqual(cal.measured(from: a, to: b, unit: .workingHours), 4 * 3600)
        XCTAssertEqual(cal.measured(from: b, to: a, unit: .workingHours), -4 * 3600)
        XCTAssertEqual(cal.measured(from: a, to: b, unit: .hours), 67 * 3600)
        // advance is the inverse: 3 office hours after Friday 16:00 → Monday 10:00.
        XCTAssertEqual(ISOTime.format(cal.advance(from: a, seconds: 3 * 3600, unit: .workingHours), zone: zone),
                       "2026-11-23T10:00:00+08:00")
    }

    func testOfficeHoursParsing() throws {
        let h = try OfficeHours(parsing: "08:00-12:00,14:30-18:00")
        XCTAssertEqual(h.secondsPerDay, 4 * 3600 + 3 * 3600 + 1800)
        XCTAssertThrowsError(try OfficeHours(parsing: "14:00-12:00"))
        XCTAssertThrowsError(try OfficeHours(parsing: "8-12"))
        XCTAssertThrowsError(try OfficeHours(parsing: "08:00-12:00,11:00-13:00"))
    }
}
