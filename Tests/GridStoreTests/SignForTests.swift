import XCTest
import GridCore
@testable import GridStore

/// 签收: a dispatched matter waits for the department's signature within its limit; unsigned past it, it is on the
/// overdue list as 未签收 and raises the overdue alert, while the handling clock keeps the dispatch instant.
final class SignForTests: XCTestCase {
    func testAnUnsignedMatterIsOverdueAsUnsignedUntilSigned() throws {
        let f = try MatterFixture()
        let n = try f.new("2026-11-20T07:55", urgency: .urgent).number
        // Urgent: signature within 30min (08:30), handling 4h from dispatch (12:00).
        var m = try f.move(n, .dispatch, as: "op", at: "2026-11-20T08:00")
        XCTAssertEqual(m.signDueAt, f.at("2026-11-20T08:30")); XCTAssertNil(m.signedAt); XCTAssertTrue(m.awaitsSignature)
        XCTAssertEqual(m.stageDueAt, f.at("2026-11-20T12:00"))
        var overdue = MatterFilter(); overdue.overdue = true
        XCTAssertEqual(try f.store.matters(overdue, now: f.at("2026-11-20T08:30")).map(\.number), [])   // the deadline second is on time
        XCTAssertEqual(try f.store.matters(overdue, now: f.at("2026-11-20T08:31")).map(\.number), [n])
        XCTAssertEqual(try f.store.dueMatters(now: f.at("2026-11-20T08:31")).map { [$0.number: $0.unsigned] }, [[n: true]])
        XCTAssertEqual(try f.store.newAlerts(afterID: 1, from: f.at("2026-11-20T08:00"), to: f.at("2026-11-20T08:31")).overdue.map(\.number), [n])
        // The sweep records the missed sign-for (its count is of stage breaches: none here), once.
        XCTAssertEqual(try f.store.sweepOverdue(now: f.at("2026-11-20T08:31")), .recorded(0))
        XCTAssertEqual(try f.store.sweepOverdue(now: f.at("2026-11-20T08:35")), .recorded(0))
        XCTAssertEqual(try f.count("SELECT count(*) FROM events WHERE kind = 'sign_overdue'"), 1)
        XCTAssertEqual(try f.store.matterDetail(number: n).2.last?.kind, .signOverdue)
        XCTAssertEqual(try f.store.matterDetail(number: n).2.last?.at, f.at("2026-11-20T08:30"))
        // Signed at 08:40 by the operator on the department's behalf: off the list; the handling due is unchanged.
        m = try f.move(n, .sign, as: "op", at: "2026-11-20T08:40", note: "")
        XCTAssertEqual(m.signedAt, f.at("2026-11-20T08:40")); XCTAssertEqual(m.signedBy, "op")
        XCTAssertEqual(m.stageDueAt, f.at("2026-11-20T12:00")); XCTAssertEqual(m.stageStartedAt, f.at("2026-11-20T08:00"))
        XCTAssertEqual(try f.store.matters(overdue, now: f.at("2026-11-20T08:41")).map(\.number), [])
        XCTAssertEqual(try f.store.dueMatters(now: f.at("2026-11-20T08:41")).map(\.number), [])
        XCTAssertThrowsError(try f.move(n, .sign, as: "op", at: "2026-11-20T08:50", note: "")) { e in
            XCTAssertEqual(e as? StoreError, .notAwaitingSignature(number: n, signedAt: f.at("2026-11-20T08:40")))
        }
    }

    func testNormalMattersHaveTwoWorkingHoursAndEachDispatchAsksAgain() throws {
        let f = try MatterFixture()
        let n = try f.new("2026-11-20T16:00").number
        XCTAssertThrowsError(try f.move(n, .sign, as: "op", at: "2026-11-20T16:05", note: ""))    // not dispatched
        // Friday 16:10 + 2wh: 1h20 to 17:30, then 40min from Monday 08:30 → Monday 09:10.
        var m = try f.move(n, .dispatch, as: "op", at: "2026-11-20T16:10")
        XCTAssertEqual(m.signDueAt, f.at("2026-11-23T09:10"))
        m = try f.move(n, .sign, as: "op", at: "2026-11-20T16:20", note: "")
        XCTAssertFalse(m.awaitsSignature)
        // Returned as misrouted and dispatched again: the new department signs afresh (the setting changed to 1wh).
        try f.store.setMatterSetting("sign_limit", "1wh", by: f.actor("sup"), now: f.at("2026-11-23T08:00"))
        try f.move(n, .returnMatter, as: "op", at: "2026-11-23T09:00", note: "非本部门职责")
        m = try f.move(n, .dispatch, as: "op", at: "2026-11-23T09:30", department: "SC")
        XCTAssertEqual(m.signDueAt, f.at("2026-11-23T10:30")); XCTAssertNil(m.signedAt); XCTAssertTrue(m.awaitsSignature)
    }
}
