import Foundation
import XCTest
import GridCore
import GridTestSupport
@testable import GridStore

/// The compliance roster each connection keeps between loads (`Store.roster()`, checked against the registry change
/// counter `change_epochs` that triggers keep): the Patrol screen's rows follow at once a change of grids or workers
/// made by another connection (another process), a read inside a write that is rolled back leaves nothing behind,
/// counts are matched to the roster by position, and an older file gets the counter on upgrade.
final class ComplianceRosterTests: XCTestCase {
    let nov = LocalMonth(iso: "2026-11")!

    func rows(_ f: MatterFixture) throws -> [String] {
        try f.store.patrolMonth(nov, now: f.at("2026-11-22T10:00")).rows.map { "\($0.code) \($0.name) \($0.workers) \($0.reports)" }
    }

    func epoch(_ f: MatterFixture) throws -> Int { try f.count("SELECT n FROM change_epochs WHERE name = 'registry'") }

    /// W1 (G1) reports three matters and W2 (G2) one; then another connection adds W3 to G1 and renames G1, W3 reports
    /// once, and W3 moves to G2. Each load shows the registry as it is: a grid's workers and the sum of their reports.
    func testTheRowsFollowTheRegistryChangedByAnotherConnection() throws {
        let f = try MatterFixture()
        for day in ["02", "05", "09"] { try f.new("2026-11-\(day)T09:00", source: .gridWorker, reporter: "W1") }
        try f.new("2026-11-03T09:00", grid: "G2", category: "ZY", source: .gridWorker, reporter: "W2")
        let start = try epoch(f)
        XCTAssertEqual(try rows(f), ["G1 东湖一组 1 3", "G2 西山一组 1 1"])

        try f.sql.execute("""
            INSERT INTO workers(code, name, phone, kind, grid, partner) VALUES ('W3', '王五', '13800000003', 'part', 'G1', NULL);
            UPDATE grids SET name = '东湖新一组' WHERE code = 'G1';
            """)
        try f.new("2026-11-10T09:00", source: .gridWorker, reporter: "W3")
        // G1: W1's 3 and W3's 1. The roster holds G1's W1, W3 then G2's W2; the summary rows come W1, W2, W3.
        XCTAssertEqual(try rows(f), ["G1 东湖新一组 2 4", "G2 西山一组 1 1"])

        try f.sql.execute("UPDATE workers SET grid = 'G2' WHERE code = 'W3'")
        XCTAssertEqual(try rows(f), ["G1 东湖新一组 1 3", "G2 西山一组 2 2"])
        // One insert, one grid update, one worker update: three changes counted.
        XCTAssertEqual(try epoch(f), start + 3)
    }

    /// A roster read inside a write sees the write's own worker; once the write is rolled back the next load does not.
    func testAReadInsideARolledBackWriteIsNotKept() throws {
        struct Planted: Error {}
        let f = try MatterFixture()
        XCTAssertEqual(try rows(f), ["G1 东湖一组 1 0", "G2 西山一组 1 0"])
        XCTAssertThrowsError(try f.store.db.write {
            try f.store.db.run("INSERT INTO workers(code, name, phone, kind, grid) VALUES ('W9', '赵六', '139', 'full', 'G1')")
            XCTAssertEqual(try f.store.roster().roster.workers.map(\.code), ["W1", "W9", "W2"])
            throw Planted()
        })
        XCTAssertEqual(try rows(f), ["G1 东湖一组 1 0", "G2 西山一组 1 0"])
        XCTAssertEqual(try f.store.roster().roster.workers.map(\.code), ["W1", "W2"])
    }

    /// Counts by roster position: a summary row for a reporter outside the roster (W0) is passed over, a worker with
    /// no row has 0, and reports after the "through" instant are taken off their worker.
    func testCountsByPositionSkipReportersOutsideTheRoster() throws {
        let f = try MatterFixture()
        for day in ["02", "05", "09"] { try f.new("2026-11-\(day)T09:00", source: .gridWorker, reporter: "W1") }
        try f.sql.execute("INSERT INTO worker_months(month, worker, reports) VALUES ('2026-11', 'W0', 5)")
        let copy = try f.store.roster()
        XCTAssertEqual(copy.roster.workers.map(\.code), ["W1", "W2"])
        XCTAssertEqual(try f.store.reportCounts(month: nov, through: f.at("2026-11-22T10:00"), roster: copy), [3, 0])
        // Through the 6th at noon (more than half the month still to come, so counted from matters): the 2nd and 5th.
        XCTAssertEqual(try f.store.reportCounts(month: nov, through: f.at("2026-11-06T12:00"), roster: copy), [2, 0])
        // Through the 20th: the summary row less the reports from then on (none), all three.
        XCTAssertEqual(try f.store.reportCounts(month: nov, through: f.at("2026-11-20T00:00"), roster: copy), [3, 0])
        XCTAssertEqual(try f.store.reportCounts(month: nov, through: f.at("2026-11-22T10:00")), ["W0": 5, "W1": 3])
    }

    /// A file from before the counter, with grids and workers, gets it at 0 on upgrade; a rename then counts 1.
    func testAnOlderFileGetsTheCounter() throws {
        let dir = try TestDirectory("roster-upgrade")
        let p = dir.path("old.sqlite")
        do {
            let db = try databaseBefore(.v20RegistryEpoch, at: p)
            for sql in PatrolMonthsTests.registrySQL { try db.run(sql) }
        }
        let upgraded = try Store.open(path: p)
        XCTAssertEqual(upgraded.schemaVersion, Migrator.latestVersion)
        XCTAssertEqual(try upgraded.db.scalarInt("SELECT n FROM change_epochs WHERE name = 'registry'"), 0)
        XCTAssertEqual(try upgraded.roster().roster.grids.map(\.name), ["一", "二", "三"])
        try upgraded.db.write { try upgraded.db.run("UPDATE grids SET name = '一组' WHERE code = 'G1'") }
        XCTAssertEqual(try upgraded.db.scalarInt("SELECT n FROM change_epochs WHERE name = 'registry'"), 1)
        XCTAssertEqual(try upgraded.roster().roster.grids.map(\.name), ["一组", "二", "三"])
    }
}
