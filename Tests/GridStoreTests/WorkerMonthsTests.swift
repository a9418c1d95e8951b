import XCTest
import GridCore
@testable import GridStore

/// The maintained month report summary `worker_months` (网格员月上报数): kept in step by intake, invalidation
/// and merging, equal to a recount across a month boundary and the township time zone, rebuilt on an upgrade.
final class WorkerMonthsTests: XCTestCase {
    func rows(_ s: Store) throws -> [String] {
        try s.db.query("SELECT month, worker, reports FROM worker_months ORDER BY month, worker") { "\($0.text(0)) \($0.text(1)) \($0.int(2))" }
    }

    func testIntakeAndMovesKeepTheMonthInStep() throws {
        let f = try MatterFixture()
        // 23:30 local on 31 Oct is 15:30 UTC (still October); 00:30 local on 1 Nov is 16:30 UTC on 31 Oct (November).
        let a = try f.new("2026-10-31T23:30", source: .gridWorker, reporter: "W1")
        let b = try f.new("2026-11-01T00:30", source: .gridWorker, reporter: "W1")
        try f.new("2026-11-01T01:00", grid: "G2", category: "ZY", source: .gridWorker, reporter: "W2")
        try f.new("2026-11-01T02:00", source: .hotline)                   // not a worker's report
        XCTAssertEqual(try rows(f.store), ["2026-10 W1 1", "2026-11 W1 1", "2026-11 W2 1"])
        try f.move(a.number, .invalidate, at: "2026-11-02T09:00")          // October's only report goes: row removed
        XCTAssertEqual(try rows(f.store), ["2026-11 W1 1", "2026-11 W2 1"])
        let c = try f.new("2026-11-02T10:00", source: .gridWorker, reporter: "W1")
        XCTAssertEqual(try rows(f.store), ["2026-11 W1 2", "2026-11 W2 1"])
        try f.move(c.number, .merge, at: "2026-11-02T11:00", into: b.number) // merged away: 2 − 1 = 1
        XCTAssertEqual(try rows(f.store), ["2026-11 W1 1", "2026-11 W2 1"])
        XCTAssertEqual(try f.store.summaryMismatches(), [])
        // The board's count through 02 Nov 10:30: W1 has b (c is merged), W2 has one.
        let counts = try f.store.reportCounts(month: LocalMonth(year: 2026, month: 11)!, through: f.at("2026-11-02T10:30"))
        XCTAssertEqual(counts, ["W1": 1, "W2": 1])
        XCTAssertEqual(try f.store.reportCounts(month: LocalMonth(year: 2026, month: 11)!, through: f.at("2026-12-01T00:00"), grid: "G2"), ["W2": 1])
    }

    func testRandomWritesMatchARecount() throws {
        let f = try MatterFixture()
        var rng = SeededRandom(seed: 7)
        // Times around the October/November boundary, each with its local month written out by hand.
        let times: [(String, String)] = [("2026-10-30T12:00", "2026-10"), ("2026-10-31T23:30", "2026-10"), ("2026-10-31T23:59", "2026-10"),
                                         ("2026-11-01T00:00", "2026-11"), ("2026-11-01T00:30", "2026-11"), ("2026-11-01T07:59", "2026-11"),
                                         ("2026-11-01T08:00", "2026-11"), ("2026-11-02T09:00", "2026-11")]
        var expected: [String: Int] = [:]          // "month worker" → reports, tracked by the test
        var live: [(number: String, key: String?)] = []
        for i in 0..<120 {
            let roll = rng.int(0...(10 - 1))
            if roll < 6 || live.isEmpty {
                let (time, month) = times[rng.int(0...(times.count - 1))]
                let worker = rng.int(0...(2 - 1)) == 0 ? "W1" : "W2"
                let fromWorker = rng.int(0...(4 - 1)) > 0
                // Each category/grid pair apart, so the duplicate check does not matter here.
                let r = try f.new(time, grid: worker == "W1" ? "G1" : "G2", category: i % 2 == 0 ? "WJ" : "ZY",
                                  source: fromWorker ? .gridWorker : .hotline, reporter: fromWorker ? worker : "")
                let key = fromWorker ? "\(month) \(worker)" : nil
                if let key { expected[key, default: 0] += 1 }
                live.append((r.number, key))
            } else if roll < 8 {
                let k = rng.int(0...(live.count - 1))
                let m = live.remove(at: k)
                try f.move(m.number, .invalidate, at: "2026-11-03T09:00")
                if let key = m.key { expected[key]! -= 1 }
            } else if live.count >= 2 {
                let k = rng.int(0...(live.count - 1))
                let m = live.remove(at: k)
                try f.move(m.number, .merge, at: "2026-11-03T09:00", into: live[rng.int(0...(live.count - 1))].number)
                if let key = m.key { expected[key]! -= 1 }
            }
        }
        let want = expected.filter { $0.value > 0 }.map { "\($0.key) \($0.value)" }.sorted()
        XCTAssertFalse(want.isEmpty)
        XCTAssertEqual(try rows(f.store), want)
        XCTAssertEqual(try f.store.summaryMismatches(), [])
        // Every matter came through intake: the summary is in use, and reads as a count from the matters would.
        XCTAssertTrue(try f.store.workerMonthsCurrent())
        let nov = LocalMonth(year: 2026, month: 11)!
        let end = f.at("2026-12-01T00:00")
        let viaSummary = try f.store.reportCounts(month: nov, through: end)
        let viaMatters = try f.store.reportCounts(from: f.at("2026-11-01T00:00"), to: end)
        XCTAssertEqual(viaSummary, viaMatters)
        XCTAssertEqual(viaSummary, Dictionary(uniqueKeysWithValues: expected.filter { $0.key.hasPrefix("2026-11") && $0.value > 0 }
                                                .map { (String($0.key.dropFirst(8)), $0.value) }))
    }

    func testAPlantedMismatchIsFound() throws {
        let f = try MatterFixture()
        try f.new("2026-11-01T00:30", source: .gridWorker, reporter: "W1")
        XCTAssertEqual(try f.store.summaryMismatches(), [])
        try f.store.db.run("UPDATE worker_months SET reports = reports + 1")
        XCTAssertEqual(try f.store.summaryMismatches(), ["worker_months 2026-11 W1: stored 2, recount 1"])
        try f.store.db.run("DELETE FROM worker_months")
        XCTAssertEqual(try f.store.summaryMismatches(), ["worker_months 2026-11 W1: stored 0, recount 1"])
    }

    func testAnUpgradedFileGetsItsMonthsOnOpen() throws {
        let f = try MatterFixture()
        // Two of W1 in October (local), one in November across the 00:30 edge, one invalidated, one hotline.
        try f.new("2026-10-15T10:00", source: .gridWorker, reporter: "W1")
        try f.new("2026-10-31T23:30", category: "ZY", source: .gridWorker, reporter: "W1")
        try f.new("2026-11-01T00:30", source: .gridWorker, reporter: "W1")
        let gone = try f.new("2026-11-01T09:00", grid: "G2", category: "ZY", source: .gridWorker, reporter: "W2")
        try f.move(gone.number, .invalidate, at: "2026-11-01T10:00")
        try f.new("2026-11-01T11:00", source: .hotline)
        // Back to a v6 file: no summary table, none of the later steps (the search index and caller columns of
        // `.v11Search` undone too, so they can be added again), version 6.
        try f.store.db.execute("""
            DROP TRIGGER matter_fts_insert; DROP TRIGGER matter_fts_update; DROP TRIGGER matter_fts_delete; DROP TRIGGER matter_fts_note;
            DROP TABLE matter_fts; DROP TABLE search_positions; DROP INDEX matters_order_no;
            ALTER TABLE matters DROP COLUMN caller_name; ALTER TABLE matters DROP COLUMN caller_phone; ALTER TABLE matters DROP COLUMN order_no;
            """)
        try f.store.db.execute("DROP TABLE worker_months; DROP TABLE worker_months_through; PRAGMA user_version = 6")
        try f.store.db.execute("ALTER TABLE staff DROP COLUMN deactivated_at; ALTER TABLE staff DROP COLUMN deactivated_by")   // v9StaffActive
        try f.store.db.execute("ALTER TABLE categories DROP COLUMN first_report; ALTER TABLE categories DROP COLUMN worker_reportable") // v17CategoryFlags
        let upgraded = try Store.open(path: f.path)
        XCTAssertEqual(upgraded.schemaVersion, Migrator.latestVersion)
        XCTAssertFalse(try upgraded.workerMonthsStale())
        XCTAssertEqual(try rows(upgraded), ["2026-10 W1 2", "2026-11 W1 1"])
        XCTAssertEqual(try upgraded.summaryMismatches(), [])
    }
}
