import XCTest
@testable import GridCore

/// Today's patrol pace over the patrol day, not the clock's 24 hours.
final class PatrolDayTests: XCTestCase {
    func testPaceRunsOverThePatrolDayOnly() {
        let d = PatrolDay.standard
        XCTAssertEqual(d.paceMinutes(atMinuteOfDay: 2 * 60 + 17), 0, "02:17: the patrol day has not begun")
        XCTAssertEqual(d.paceMinutes(atMinuteOfDay: 14 * 60), 720, "14:00 is 6 of 12 hours: half of 1 440")
        XCTAssertEqual(d.paceMinutes(atMinuteOfDay: 10 * 60), 240, "10:00 is 2 of 12 hours: 1 440 / 6")
        XCTAssertEqual(d.paceMinutes(atMinuteOfDay: 21 * 60), 1_440)
        // At 02:17 a grid with no patrol yet is on pace, not behind; at 14:00 it needs 60 of 120 minutes.
        let s = ComplianceSettings.standard
        XCTAssertEqual(ComplianceMarks.patrolPace(minutes: 0, minutesIntoDay: d.paceMinutes(atMinuteOfDay: 137), settings: s), .onPace)
        XCTAssertEqual(ComplianceMarks.patrolPace(minutes: 59, minutesIntoDay: d.paceMinutes(atMinuteOfDay: 840), settings: s), .behind)
        XCTAssertEqual(ComplianceMarks.patrolPace(minutes: 60, minutesIntoDay: d.paceMinutes(atMinuteOfDay: 840), settings: s), .onPace)
    }

    func testParsing() {
        XCTAssertEqual(PatrolDay(parsing: "07:30-19:00"), PatrolDay(startMinute: 450, endMinute: 1_140))
        XCTAssertNil(PatrolDay(parsing: "20:00-08:00"))
        XCTAssertNil(PatrolDay(parsing: "8-20"))
    }
}
