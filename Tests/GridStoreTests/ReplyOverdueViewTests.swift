import XCTest
import GridCore
@testable import GridStore
import GridTestSupport

/// `Store.replyOverdueMatters`, the overdue list's late replies (答复超期): exactly the closed matters past their reply
/// deadline without a reply, longest late first, read through the partial index (no scan of matters).
final class ReplyOverdueViewTests: XCTestCase {
    func testOnlyLateUnansweredClosedMattersLongestLateFirst() throws {
        let f = try MatterFixture()
        let now = f.at("2026-11-22T10:00")
        // id, state, reply due, replied: 1 late (due 08:00), 2 later (due 09:00), 3 answered, 4 not yet due, 5 open.
        for (id, state, due, replied) in [(1, "closed", "2026-11-22T08:00", false), (2, "closed", "2026-11-22T09:00", false),
                                          (3, "closed", "2026-11-22T07:00", true), (4, "closed", "2026-11-22T11:00", false),
                                          (5, "dispatched", "2026-11-22T07:00", false)] {
            try f.sql.run("""
                INSERT INTO matters(id, number, reported_at, source, grid, category, urgency, title, state, first_contact, created_at, updated_at, updated_by,
                  ended_at, reply_due_at, replied_at) VALUES (?, ?, 0, 'hotline', 'G1', 'WJ', 'normal', ?, ?, 'op', 0, 0, 'op', ?, ?, ?)
                """, [.of(id), .text("20261122-000\(id)"), .text("事项\(id)"), .text(state), state == "closed" ? .of(now.addingTimeInterval(-86_400)) : .null,
                      .of(f.at(due)), replied ? .of(f.at(due)) : .null])
        }
        let rows = try f.store.replyOverdueMatters(now: now)
        XCTAssertEqual(rows.map(\.number), ["20261122-0001", "20261122-0002"])
        XCTAssertEqual(rows.map(\.dueAt), [f.at("2026-11-22T08:00"), f.at("2026-11-22T09:00")])
        XCTAssertTrue(rows.allSatisfy(\.replyOverdue))
        XCTAssertEqual(try f.store.replyOverdueMatters(now: now, limit: 1).map(\.number), ["20261122-0001"])
        let plan = try f.store.db.query("EXPLAIN QUERY PLAN " + Store.replyLateList, [.of(now), .of(10)]) { $0.text(3) }
        XCTAssertTrue(plan.contains { $0.contains("matters_unreplied") }, plan.joined(separator: "\n"))
        XCTAssertFalse(plan.contains { $0 == "SCAN matters" || $0.hasPrefix("SCAN matters ") && !$0.contains("INDEX") }, plan.joined(separator: "\n"))
    }
}
