import XCTest
import GridCore
@testable import GridStore
@testable import GridConsole

/// The overview's "reports this month" follows the one reporting rule (WorkerReportCount):
/// grid-worker matters, neither invalidated nor merged away.
final class OverviewReportsTests: XCTestCase {
    func testInvalidAndMergedReportsDoNotCount() throws {
        let store = try Fixture.store()
        let before = try store.overview(now: Fixture.now).reportsThisMonth
        let t = Int(Fixture.now.timeIntervalSince1970) - 3600
        let worker = try XCTUnwrap(try store.workers().first)
        // Three reports by a grid worker an hour ago: one stays, one invalidated, one merged into the first.
        try store.db.write {
            for (i, state) in ["new", "invalid", "merged"].enumerated() {
                try store.db.run("""
                    INSERT INTO matters(number, reported_at, source, reporter, grid, category, urgency, title, state, first_contact,
                                        created_at, updated_at, updated_by, ended_at)
                    VALUES (?, ?, 'grid_worker', ?, ?, (SELECT code FROM categories LIMIT 1), 'normal', '测试', ?, 'x', ?, ?, 'x', ?)
                    """, [.text("29991231-000\(i + 1)"), .of(t), .text(worker.code), .text(worker.grid), .text(state), .of(t), .of(t),
                          state == "new" ? .null : .of(t)])
            }
        }
        // 1 counted, by hand: the invalid and the merged one are left out.
        XCTAssertEqual(try store.overview(now: Fixture.now).reportsThisMonth, before + 1)
    }
}
