import XCTest
@testable import GridCore

/// Local times resolved with the zone's real offset at that instant (issue 13 §6): both changes of a
/// daylight-saving zone, worked by hand. America/New_York: EDT is UTC−4, EST UTC−5; in 2026 the clocks go
/// back at 02:00 EDT on 1 November (06:00Z), in 2027 forward at 02:00 EST on 14 March (07:00Z).
final class DaylightSavingTests: XCTestCase {
    let ny = TownshipZone(identifier: "America/New_York")!

    func utc(_ s: String) -> Date { ISOTime.parse(s, zone: .utc)! }

    func testFallBack() throws {
        // 00:30 EDT = 04:30Z; 03:30 EST = 08:30Z: a patrol 00:30–03:30 is 240 minutes, not 180.
        let start = try XCTUnwrap(ISOTime.parse("2026-11-01T00:30", zone: ny))
        let end = try XCTUnwrap(ISOTime.parse("2026-11-01T03:30", zone: ny))
        XCTAssertEqual(start, utc("2026-11-01T04:30Z"))
        XCTAssertEqual(end, utc("2026-11-01T08:30Z"))
        XCTAssertEqual(end.timeIntervalSince(start) / 60, 240)
        XCTAssertEqual(ISOTime.format(end, zone: ny), "2026-11-01T03:30:00-05:00")
        // 01:30 happens twice: the first (EDT, 05:30Z) is taken; both are known.
        XCTAssertEqual(ISOTime.parse("2026-11-01T01:30:00", zone: ny), utc("2026-11-01T05:30Z"))
        let day = LocalDate(iso: "2026-11-01")!
        XCTAssertEqual(ny.resolve(day, secondsIntoDay: 5400), .repeated(utc("2026-11-01T05:30Z"), utc("2026-11-01T06:30Z")))
        XCTAssertNil(ISOTime.skippedLocalTime("2026-11-01T01:30", zone: ny))
        // The day is 25 hours long.
        XCTAssertEqual(ny.endOfDay(day).timeIntervalSince(ny.startOfDay(day)), 25 * 3600)
    }

    func testSpringForward() throws {
        // 01:30 EST = 06:30Z; 03:30 EDT = 07:30Z: one hour apart; 02:30 does not exist.
        let start = try XCTUnwrap(ISOTime.parse("2027-03-14T01:30", zone: ny))
        let end = try XCTUnwrap(ISOTime.parse("2027-03-14T03:30", zone: ny))
        XCTAssertEqual(start, utc("2027-03-14T06:30Z"))
        XCTAssertEqual(end, utc("2027-03-14T07:30Z"))
        XCTAssertNil(ISOTime.parse("2027-03-14T02:30", zone: ny))
        XCTAssertNil(ISOTime.parse("2027-03-14T02:30:00", zone: ny))
        let why = try XCTUnwrap(ISOTime.skippedLocalTime("2027-03-14T02:30", zone: ny)?.en)
        XCTAssertTrue(why.hasPrefix("2027-03-14T02:30 does not exist in America/New_York"), why)
        // With an offset every time exists.
        XCTAssertEqual(ISOTime.parse("2027-03-14T02:30:00-05:00", zone: ny), utc("2027-03-14T07:30Z"))
        XCTAssertNil(ISOTime.skippedLocalTime("2027-03-14T02:30-05:00", zone: ny))
        let day = LocalDate(iso: "2027-03-14")!
        XCTAssertEqual(ny.endOfDay(day).timeIntervalSince(ny.startOfDay(day)), 23 * 3600)
        XCTAssertEqual(ny.localDate(of: end), day)
        XCTAssertEqual(ny.secondsIntoDay(of: end), 3 * 3600 + 1800)
    }

    func testZonesWithoutDaylightSavingAreUnchanged() {
        XCTAssertEqual(ISOTime.parse("2026-11-22T08:30", zone: .shanghai), utc("2026-11-22T00:30Z"))
        XCTAssertEqual(TownshipZone.shanghai.resolve(LocalDate(iso: "2026-11-22")!, secondsIntoDay: 8 * 3600), .unique(utc("2026-11-22T00:00Z")))
    }
}
