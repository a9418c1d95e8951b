import XCTest
import GridCore
@testable import GridStore

/// The open-matter summary `open_matters` (v8, kept by triggers): hand-counted after a few moves, equal to a
/// recount after random moves and plain-SQL writes, and what the overview's counters read.
final class OpenMattersTests: XCTestCase {
    func testCountsFollowTheMovesByHand() throws {
        let f = try MatterFixture()
        let a = try f.new("2026-11-20T08:00").number                                   // G1 WJ
        let b = try f.new("2026-11-20T08:10", grid: "G2", category: "ZY").number       // G2 ZY
        let c = try f.new("2026-11-20T08:20", grid: "G2", category: "WJ", urgency: .urgent).number
        XCTAssertEqual(try f.store.openMatterRows(), ["new WJ - normal 0 1", "new WJ - urgent 0 1", "new ZY - normal 0 1"])
        try f.move(a, .dispatch, as: "op", at: "2026-11-20T08:30")                      // to its category's ZF
        try f.move(b, .dispatch, as: "op", at: "2026-11-20T08:30")                      // to SC
        try f.move(b, .shelve, as: "sup", at: "2026-11-20T09:00")
        try f.move(c, .invalidate, as: "sup", at: "2026-11-20T09:00")                   // ends: leaves the summary
        XCTAssertEqual(try f.store.openMatterRows(), ["dispatched WJ ZF normal 0 1", "dispatched ZY SC normal 1 1"])
        try f.move(a, .feedback, as: "op", at: "2026-11-20T10:00")
        try f.move(a, .verifyPass, as: "op", at: "2026-11-20T10:30")                    // closed
        XCTAssertEqual(try f.store.openMatterRows(), ["dispatched ZY SC normal 1 1"])
        try f.move(a, .reopen, as: "sup", at: "2026-11-20T11:00")                       // open again, back with ZF
        XCTAssertEqual(try f.store.openMatterRows(), ["dispatched WJ ZF normal 0 1", "dispatched ZY SC normal 1 1"])
        // The overview reads these: 2 open, both dispatched; 1 shelved; no urgent one (c was invalidated);
        // platforms: ZF is enforcement, SC market, one each.
        let o = try f.store.overview(now: f.at("2026-11-20T11:05"))
        XCTAssertEqual(o.open, 2)
        XCTAssertEqual(o.byState.map { "\($0.key) \($0.count)" }, ["dispatched 2"])
        XCTAssertEqual(o.shelved, 1)
        XCTAssertEqual(o.urgentOpen, 0)
        XCTAssertEqual(o.byPlatform.map { "\($0.key?.rawValue ?? "-") \($0.count)" }.sorted(), ["enforcement 1", "market 1"])
        XCTAssertEqual(try f.store.summaryMismatches(), [])
    }

    func testRandomMovesAndPlainSQLMatchARecount() throws {
        let f = try MatterFixture()
        var rng = SeededRandom(seed: 11)
        var numbers: [String] = []
        let moves: [Move] = [.dispatch, .returnMatter, .feedback, .verifyPass, .verifyRework, .escalate, .invalidate, .merge,
                             .shelve, .unshelve, .reopen, .urge(.yellow), .comment]
        var applied = 0
        for i in 0..<300 {
            let minute = 8 * 60 + i   // one move a minute from 08:00 on the 20th
            let at = String(format: "2026-11-20T%02d:%02d", minute / 60, minute % 60)
            if numbers.isEmpty || rng.int(0...3) == 0 {
                let grid = rng.int(0...1) == 0 ? "G1" : "G2", category = rng.int(0...1) == 0 ? "WJ" : "ZY"
                numbers.append(try f.new(at, grid: grid, category: category, urgency: rng.int(0...4) == 0 ? .urgent : nil).number)
                continue
            }
            let n = numbers[rng.int(0...(numbers.count - 1))]
            let move = moves[rng.int(0...(moves.count - 1))]
            let department = rng.int(0...1) == 0 ? "ZF" : "SC"
            let into = numbers[rng.int(0...(numbers.count - 1))]
            // Moves the state machine refuses from the matter's state are part of the walk: they must change nothing.
            if (try? f.move(n, move, as: "admin", at: at, department: department, into: into == n ? nil : into)) != nil { applied += 1 }
        }
        XCTAssertGreaterThan(applied, 60)
        XCTAssertEqual(try f.store.openMatterRows(), try f.store.recountOpenMatterRows())
        XCTAssertFalse(try f.store.openMatterRows().isEmpty)
        // Writers that go round the store (plain SQL) are kept in step too: the triggers are on the table.
        try f.store.db.write {
            try f.store.db.run("UPDATE matters SET category = 'ZY' WHERE ended_at IS NULL AND category = 'WJ' AND id % 2 = 0")
            try f.store.db.run("UPDATE matters SET ended_at = 1795000000, state = 'closed' WHERE ended_at IS NULL AND id % 3 = 0")
            try f.store.db.run("""
                INSERT INTO matters(number, reported_at, source, reporter, grid, category, urgency, title, state, first_contact,
                                    created_at, updated_at, updated_by, department, shelved)
                VALUES ('20261120-0999', 1795000000, 'hotline', '', 'G1', 'WJ', 'urgent', '测试', 'dispatched', 'x', 1795000000, 1795000000, 'x', 'ZF', 1)
                """)
        }
        XCTAssertEqual(try f.store.openMatterRows(), try f.store.recountOpenMatterRows())
        XCTAssertEqual(try f.store.summaryMismatches(), [])
        // The overview's total is the number of open matters counted from the table.
        XCTAssertEqual(try f.store.overview(now: f.at("2026-11-20T14:00")).open,
                       try f.count("SELECT count(*) FROM matters WHERE ended_at IS NULL"))
    }

    /// A plain-SQL write that changes only `ended_at` (ends a matter, or reopens it) moves it out of, and back
    /// into, the summary: 2 open, then 1, then 2, by hand.
    func testEndedAtAloneMovesAMatterOutAndBackIn() throws {
        let f = try MatterFixture()
        try f.new("2026-11-20T08:00")
        try f.new("2026-11-20T08:10", grid: "G2")
        XCTAssertEqual(try f.store.openMatterRows(), ["new WJ - normal 0 2"])
        try f.store.db.write { try f.store.db.run("UPDATE matters SET ended_at = 1795000000 WHERE id = 1") }
        XCTAssertEqual(try f.store.openMatterRows(), ["new WJ - normal 0 1"])
        try f.store.db.write { try f.store.db.run("UPDATE matters SET ended_at = NULL WHERE id = 1") }
        XCTAssertEqual(try f.store.openMatterRows(), ["new WJ - normal 0 2"])
        // A change that touches none of the counted columns leaves it alone.
        try f.store.db.write { try f.store.db.run("UPDATE matters SET title = '改' WHERE id = 2") }
        XCTAssertEqual(try f.store.openMatterRows(), ["new WJ - normal 0 2"])
        XCTAssertEqual(try f.store.summaryMismatches(), [])
    }

    func testCheckReportsADriftedSummary() throws {
        let f = try MatterFixture()
        try f.new("2026-11-20T08:00")
        try f.store.db.write { try f.store.db.run("UPDATE open_matters SET n = n + 2") }
        XCTAssertEqual(try f.store.summaryMismatches(),
                       ["open_matters: recount new WJ - normal 0 1, not stored", "open_matters: stored new WJ - normal 0 3, not in the recount"])
    }

    /// The overview's month report total reads `worker_months` when every matter came through intake, and counts
    /// from `matters` when one did not; both give the hand count.
    func testMonthReportTotalFromTheSummaryAndWithout() throws {
        let f = try MatterFixture()
        let a = try f.new("2026-11-02T09:00", source: .gridWorker, reporter: "W1")
        try f.new("2026-11-03T09:00", grid: "G2", category: "ZY", source: .gridWorker, reporter: "W2")
        try f.new("2026-11-04T09:00", source: .hotline)                     // not a worker's report
        try f.new("2026-10-31T23:30", source: .gridWorker, reporter: "W1")  // October, local time
        let nov = LocalMonth(year: 2026, month: 11)!
        XCTAssertTrue(try f.store.workerMonthsCurrent())
        XCTAssertEqual(try f.store.reportTotal(month: nov), 2)
        try f.move(a.number, .invalidate, as: "sup", at: "2026-11-05T09:00")
        XCTAssertEqual(try f.store.reportTotal(month: nov), 1)
        XCTAssertEqual(try f.store.overview(now: f.at("2026-11-05T10:00")).reportsThisMonth, 1)
        // A report written round intake: the summary is behind, the total is counted from the matters: 2.
        try f.store.db.write {
            try f.store.db.run("""
                INSERT INTO matters(number, reported_at, source, reporter, grid, category, urgency, title, state, first_contact,
                                    created_at, updated_at, updated_by)
                VALUES ('20261105-0099', ?1, 'grid_worker', 'W2', 'G2', 'ZY', 'normal', '测试', 'new', 'x', ?1, ?1, 'x')
                """, [.of(f.at("2026-11-05T09:30"))])
        }
        XCTAssertFalse(try f.store.workerMonthsCurrent())
        XCTAssertEqual(try f.store.reportTotal(month: nov), 2)
        XCTAssertEqual(try f.store.reportTotal(month: LocalMonth(year: 2026, month: 10)!), 1)
    }
}
