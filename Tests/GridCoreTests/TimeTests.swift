import XCTest
import GridCore

/// Local dates, the township zone, ISO-8601 text and time limits.
final class TimeTests: XCTestCase {
    let zone = TownshipZone.shanghai

    func testLocalDateArithmetic() {
        XCTAssertEqual(LocalDate(iso: "1970-01-01")!.daysSinceEpoch, 0)
        // 1970-01-01 to 2026-11-22: 56 years (1970..2025) = 56*365 + 14 leap days (1972..2024) = 20454, plus Jan 1..Nov 22 2026 = 325 → 20779.
        XCTAssertEqual(LocalDate(iso: "2026-11-22")!.daysSinceEpoch, 20_779)
        XCTAssertEqual(LocalDate(daysSinceEpoch: 20_779).description, "2026-11-22")
    }

    func testWeekdays() {
        XCTAssertEqual(LocalDate(iso: "2026-11-22")!.weekday, 7) // a Sunday
        XCTAssertEqual(LocalDate(iso: "2024-02-29")!.weekday, 4) // a Thursday
        XCTAssertNil(LocalDate(iso: "2026-02-29"))
        XCTAssertNil(LocalDate(iso: "2026-13-01"))
        XCTAssertEqual(LocalDate(iso: "2026-12-31")!.adding(days: 1).description, "2027-01-01")
        XCTAssertEqual(LocalMonth(iso: "2026-02")!.dayCount, 28)
        XCTAssertEqual(LocalMonth(iso: "2024-02")!.dayCount, 29)
        XCTAssertEqual(LocalMonth(iso: "2026-12")!.next.description, "2027-01")
    }

    func testZoneDays() {
        // 2026-11-21T16:30Z is 2026-11-22 00:30 in Shanghai (UTC+8).
        let t = ISOTime.parse("2026-11-21T16:30:00Z", zone: zone)!
        XCTAssertEqual(zone.localDate(of: t).description, "2026-11-22")
        XCTAssertEqual(zone.secondsIntoDay(of: t), 30 * 60)
        XCTAssertEqual(zone.startOfDay(LocalDate(iso: "2026-11-22")!).timeIntervalSince1970, t.timeIntervalSince1970 - 1800)
    }

    func testISOParsing() {
        let a = ISOTime.parse("2026-11-22T08:30:00+08:00", zone: zone)!
        XCTAssertEqual(ISOTime.parse("2026-11-22T00:30:00Z", zone: zone), a)
        XCTAssertEqual(ISOTime.parse("2026-11-22T08:30", zone: zone), a)   // no offset: local
        XCTAssertEqual(ISOTime.parse("2026-11-22 08:30:00", zone: zone), a)
        XCTAssertEqual(ISOTime.parse("2026-11-22T09:30:00+0900", zone: zone), a)
        XCTAssertNil(ISOTime.parse("2026-11-22T25:00", zone: zone))
        XCTAssertNil(ISOTime.parse("22/11/2026", zone: zone))
        XCTAssertNil(ISOTime.parse("2026-11-22T08:30+8:0", zone: zone))
        XCTAssertEqual(ISOTime.format(a, zone: zone), "2026-11-22T08:30:00+08:00")
        XCTAssertEqual(ISOTime.formatUTC(a), "2026-11-22T00:30:00Z")
    }

    func testTimeLimits() {
        XCTAssertEqual(TimeLimit(parsing: "30min"), TimeLimit(amount: 30, unit: .minutes))
        XCTAssertEqual(TimeLimit(parsing: " 4 wh"), TimeLimit(amount: 4, unit: .workingHours))
        XCTAssertEqual(TimeLimit(parsing: "3wd")?.description, "3wd")
        XCTAssertNil(TimeLimit(parsing: "0h"))
        XCTAssertNil(TimeLimit(parsing: "3days"))
        XCTAssertNil(TimeLimit(parsing: "wd"))
    }
}
