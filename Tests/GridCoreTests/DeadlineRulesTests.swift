import XCTest
@testable import GridCore

final class DeadlineRulesTests: XCTestCase {
    let zone = TownshipZone.shanghai
    var calendar: OfficeCalendar { OfficeCalendar(zone: zone) }
    func at(_ s: String) -> Date { ISOTime.parse(s, zone: zone)! }

    func testNearDueAtAQuarterLeftOnCalendarClocks() {
        // 4h from 08:00 → due 12:00; a quarter (1h) left at 11:00.
        let c = Deadline.clock(stage: .handling, limit: TimeLimit(parsing: "4h")!, start: at("2026-11-23T08:00"), calendar: calendar, share: 0.25)
        XCTAssertEqual(c.dueAt, at("2026-11-23T12:00"))
        XCTAssertEqual(c.nearDueAt, at("2026-11-23T11:00"))
        // 30min with share 0.1 → 3 min left at 27 min.
        let d = Deadline.clock(stage: .dispatch, limit: TimeLimit(parsing: "30min")!, start: at("2026-11-23T23:50"), calendar: calendar, share: 0.1)
        XCTAssertEqual(d.dueAt, at("2026-11-24T00:20"))
        XCTAssertEqual(d.nearDueAt, at("2026-11-24T00:17"))
    }

    func testNearDueRuleAgreesWithThePrecomputedInstant() {
        let start = at("2026-11-23T08:00"), due = at("2026-11-23T12:00")
        func near(_ t: String) -> Bool { Deadline.isNearDue(now: at(t), start: start, due: due, unit: .hours, calendar: calendar, share: 0.25) }
        XCTAssertFalse(near("2026-11-23T10:59:59"))  // 1h00m01s left > 1h
        XCTAssertTrue(near("2026-11-23T11:00:00"))   // exactly 1h left
        XCTAssertTrue(near("2026-11-23T12:00:00"))   // due, not yet past
        XCTAssertFalse(near("2026-11-23T12:00:01"))  // overdue, no longer "near"
        XCTAssertFalse(Deadline.isOverdue(now: due, due: due))
        XCTAssertTrue(Deadline.isOverdue(now: due.addingTimeInterval(1), due: due))
    }

    func testUrgentMattersUseTownshipLimits() throws {
        let cat = Category(code: "C", name: "n", major: "m", department: "D", urgency: .normal,
                           dispatchLimit: TimeLimit(parsing: "30min")!, handleLimit: TimeLimit(parsing: "3wd")!, verifyLimit: TimeLimit(parsing: "2h")!)
        let r = MatterRules.standard
        XCTAssertEqual(r.limit(for: .dispatch, category: cat, urgency: .normal).description, "30min")
        XCTAssertEqual(r.limit(for: .handling, category: cat, urgency: .normal).description, "3wd")
        XCTAssertEqual(r.limit(for: .dispatch, category: cat, urgency: .urgent).description, "10min")
        XCTAssertEqual(r.limit(for: .handling, category: cat, urgency: .urgent).description, "4h")
        XCTAssertEqual(r.limit(for: .verification, category: cat, urgency: .urgent).description, "1h")
        let custom = try MatterRules(settings: ["urgent_handle_limit": "2h", "near_due_share": "0.5", "duplicate_window_hours": "48"])
        XCTAssertEqual(custom.limit(for: .handling, category: cat, urgency: .urgent).description, "2h")
        XCTAssertEqual(custom.nearDueShare, 0.5)
        XCTAssertEqual(custom.duplicateWindowHours, 48)
        XCTAssertThrowsError(try MatterRules(settings: ["near_due_share": "1.5"])) { e in
            XCTAssertEqual((e as? ValidationError)?.message,
                           "setting near_due_share = 1.5: expected a share from 0 up to (not including) 1, e.g. 0.25")
        }
        XCTAssertThrowsError(try MatterRules(settings: ["urgent_dispatch_limit": "soon"]))
    }
}
