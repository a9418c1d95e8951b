import XCTest
import GridCore
@testable import GridStore
@testable import GridConsole

/// What makes the console's screens instant at a year's size: every dashboard query reads through an index
/// (a partial index of open matters counts as one), never a full scan of matters, events or patrols.
final class ConsoleQueryPlanTests: XCTestCase {
    func testDashboardQueriesUseTheirIndexes() throws {
        let store = try Fixture.store()
        XCTAssertGreaterThanOrEqual(ConsoleQueries.all.count, 21)
        for q in ConsoleQueries.all {
            let args = [SQLValue](repeating: .int(1), count: q.args)
            let plan = try store.db.query("EXPLAIN QUERY PLAN " + q.sql, args) { $0.text(3) }
            for line in plan {
                // "SCAN matters" alone (or "SCAN m") is a full table scan; "SCAN m USING INDEX matters_open_…" walks
                // only the open matters' partial index.
                let full = ["matters", "m", "events", "e", "patrols", "p"].contains { t in
                    line == "SCAN \(t)" || line.hasPrefix("SCAN \(t) ") && !line.contains("USING INDEX matters_open_")
                        && !line.contains("USING INDEX matters_shelved") && !line.contains("USING COVERING INDEX")
                }
                XCTAssertFalse(full, "\(q.name): \(line)\n\(plan.joined(separator: "\n"))")
            }
        }
    }

    /// The overview's counters over a million matters read only their covering indexes (no table lookups).
    func testOverviewCountersReadOnlyTheirCoveringIndexes() throws {
        let store = try Fixture.store()
        XCTAssertEqual(ConsoleQueries.covered.count, 6)
        for (name, index) in ConsoleQueries.covered {
            let q = try XCTUnwrap(ConsoleQueries.all.first { $0.name == name }, name)
            let args = [SQLValue](repeating: .int(1), count: q.args)
            let plan = try store.db.query("EXPLAIN QUERY PLAN " + q.sql, args) { $0.text(3) }
            XCTAssertTrue(plan.contains { $0.contains("USING COVERING INDEX \(index)") }, "\(name): \(plan.joined(separator: "\n"))")
        }
    }

    /// The open-matter counters read the few rows of the summary `open_matters`, never `matters` itself.
    func testOpenCountersReadOnlyTheSummary() throws {
        let store = try Fixture.store()
        XCTAssertEqual(ConsoleQueries.summarised.count, 4)
        for name in ConsoleQueries.summarised {
            let q = try XCTUnwrap(ConsoleQueries.all.first { $0.name == name }, name)
            let plan = try store.db.query("EXPLAIN QUERY PLAN " + q.sql) { $0.text(3) }
            XCTAssertTrue(plan.contains { $0.contains("open_matters") }, "\(name): \(plan.joined(separator: "\n"))")
            // Every table read is the summary or the departments it is joined to (by name or alias), never `matters`.
            for line in plan where line.hasPrefix("SCAN ") || line.hasPrefix("SEARCH ") {
                let table = line.split(separator: " ")[1]
                XCTAssertTrue(["open_matters", "departments", "d"].contains(table), "\(name): \(line)")
                XCTAssertFalse(line.contains("INDEX matters_"), "\(name): \(line)")
            }
        }
    }

    /// The matter search reads the pair index newest first and looks matters up by id: no scan of matters or
    /// events, with words alone or with every condition; one-character words read only the newest matters.
    func testSearchReadsTheIndexNotTheTable() throws {
        let store = try Fixture.store()
        let queries = [MatterQuery(words: ["垃圾"], states: nil),
                       MatterQuery(words: ["垃圾桶", "李女士"], grid: "G01", department: "D1", category: "C1",
                                   from: LocalDate(year: 2026, month: 11, day: 1), to: LocalDate(year: 2026, month: 11, day: 30)),
                       MatterQuery(words: ["垃圾", "桶"], states: [.closed])]
        for q in queries {
            let (sql, args) = store.searchSQL(q)
            let plan = try store.db.query("EXPLAIN QUERY PLAN " + sql + " LIMIT 100", args) { $0.text(3) }
            XCTAssertTrue(plan.contains { $0.hasPrefix("SCAN f VIRTUAL TABLE") }, plan.joined(separator: "\n"))
            XCTAssertTrue(plan.contains("SEARCH m USING INTEGER PRIMARY KEY (rowid=?)"), plan.joined(separator: "\n"))
            for line in plan {
                XCTAssertFalse(["SCAN m", "SCAN matters", "SCAN e", "SCAN events"].contains { line == $0 || line.hasPrefix($0 + " ") },
                               "\(q.words): \(line)\n\(plan.joined(separator: "\n"))")
                XCTAssertFalse(line.contains("TEMP B-TREE"), "newest first without a sort: \(line)")
            }
        }
        // One character alone: the newest matters by id, bounded.
        let (sql, args) = store.searchSQL(MatterQuery(words: ["桶"], states: nil))
        XCTAssertTrue(sql.contains("LIMIT \(MatterSearch.singleCharacterScan)"), sql)
        let plan = try store.db.query("EXPLAIN QUERY PLAN " + sql + " LIMIT 100", args) { $0.text(3) }
        XCTAssertTrue(plan.contains("SEARCH m USING INTEGER PRIMARY KEY (rowid=?)"), plan.joined(separator: "\n"))
    }
}
