import Foundation
import XCTest
import GridCore
@testable import GridStore

/// The maintained day summary `patrol_days`: kept in step by every patrol write, equal to a full recount,
/// rebuilt on upgrade and on a new suspect limit, and giving the month board exactly the figures computed
/// from the sessions.
final class PatrolDaysTests: XCTestCase {
    var dir: URL!
    var store: Store!
    var op: Actor!
    var sup: Actor!
    var root: Actor!
    let zone = TownshipZone.shanghai
    let nov = LocalMonth(iso: "2026-11")!

    func t(_ s: String) -> Date { ISOTime.parse(s, zone: zone)! }

    static let registrySQL = [
        "INSERT INTO grids(code, name, level, parent) VALUES ('T', '镇', 'township', NULL), ('A', '村', 'area', 'T'), ('G1', '一', 'basic', 'A'), ('G2', '二', 'basic', 'A'), ('G3', '三', 'basic', 'A')",
        "INSERT INTO workers(code, name, phone, kind, grid) VALUES ('W21', '甲', '1', 'full', 'G2'), ('W31', '乙', '2', 'part', 'G3'), ('W32', '丙', '3', 'part', 'G3')",
    ]

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("patroldays-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        store = try Store.create(path: dir.appendingPathComponent("g.sqlite").path, zone: zone,
                                 admin: Staff(login: "root", name: "管理员", role: .admin), now: t("2026-10-01T00:00"))
        try store.db.run("INSERT INTO staff(login, name, role, active, created_at) VALUES ('op', '值班员', 'operator', 1, 0), ('sup', '督查', 'supervisor', 1, 0)")
        for sql in Self.registrySQL { try store.db.run(sql) }
        op = try store.actor(login: "op"); sup = try store.actor(login: "sup"); root = try store.actor(login: "root")
    }

    override func tearDownWithError() throws {
        store = nil
        try? FileManager.default.removeItem(at: dir)
    }

    func rows(_ s: Store? = nil) throws -> [String] {
        try (s ?? store).db.query("SELECT grid, day, counted_seconds FROM patrol_days ORDER BY grid, day") { "\($0.text(0)) \($0.text(1)) \($0.int(2))" }
    }

    /// The board computed from the sessions alone (summary marked stale), for comparison.
    func liveBoard(_ period: CompliancePeriod, grid: String? = nil, now: Date) throws -> ComplianceBoard {
        try store.db.run("INSERT INTO summary_rebuild(name) VALUES ('patrol_days')")
        defer { _ = try? store.db.run("DELETE FROM summary_rebuild") }
        return try store.complianceBoard(period, grid: grid, now: now)
    }

    func testEveryWriteKeepsTheDaysInStep() throws {
        let now = t("2026-11-22T10:00")
        // The worked example of Docs/compliance.md, grid G3 on the 21st.
        try store.addPatrol(worker: "W32", grid: "G3", start: t("2026-11-21T06:00"), end: t("2026-11-21T19:00"), by: op, now: now) // 13 h: suspect
        try store.addPatrol(worker: "W32", grid: "G3", start: t("2026-11-21T16:00"), end: t("2026-11-21T17:00"), by: op, now: now)
        try store.addPatrol(worker: "W31", grid: "G3", start: t("2026-11-21T16:30"), end: t("2026-11-21T17:15"), by: op, now: now)
        try store.addPatrol(worker: "W31", grid: "G3", start: t("2026-11-21T23:00"), end: t("2026-11-22T01:30"), by: op, now: now)
        // 21st: 16:00–17:15 = 4 500 s + 23:00–24:00 = 3 600 s → 8 100; 22nd: 00:00–01:30 = 5 400.
        XCTAssertEqual(try rows(), ["G3 2026-11-21 8100", "G3 2026-11-22 5400"])

        // An open session is not stored; stopped, it is.
        try store.startPatrol(worker: "W21", grid: "G2", at: t("2026-11-22T08:00"), by: op, now: now)
        XCTAssertEqual(try rows().count, 2)
        try store.stopPatrol(worker: "W21", grid: "G2", at: t("2026-11-22T09:00"), by: op, now: now)
        XCTAssertEqual(try rows().first, "G2 2026-11-22 3600")

        // Imported over midnight: 20th 22:00–24:00 = 7 200, 21st 00:00–00:30 = 1 800. Re-import: nothing changes.
        let csv = dir.appendingPathComponent("p.csv").path
        try "worker,grid,start,end\nW21,G2,2026-11-20T22:00,2026-11-21T00:30\n".write(toFile: csv, atomically: true, encoding: .utf8)
        _ = try store.importPatrols(path: csv, actor: op, now: now)
        _ = try store.importPatrols(path: csv, actor: op, now: now)
        let g3Before = ["G3 2026-11-21 8100", "G3 2026-11-22 5400"]
        XCTAssertEqual(try rows(), ["G2 2026-11-20 7200", "G2 2026-11-21 1800", "G2 2026-11-22 3600"] + g3Before)

        // A longer suspect limit (15 h) counts the 13 h session: 06:00–19:00 = 46 800 + 3 600 = 50 400. Back to 12 h: 8 100.
        try store.setComplianceSetting(key: ComplianceSettings.Key.suspectMinutes, value: "900", by: root, now: now)
        XCTAssertEqual(try rows()[3], "G3 2026-11-21 50400")
        try store.setComplianceSetting(key: ComplianceSettings.Key.suspectMinutes, value: "720", by: root, now: now)
        XCTAssertEqual(try rows()[3], "G3 2026-11-21 8100")
        XCTAssertFalse(try store.patrolDaysStale())

        // Confirmed, it counts in full: 50 400.
        let suspectID = try store.db.scalarInt("SELECT id FROM patrols WHERE suspect = 1")
        try store.confirmPatrol(id: suspectID, by: sup, now: now)
        XCTAssertEqual(try rows()[3], "G3 2026-11-21 50400")
        XCTAssertEqual(try store.summaryMismatches(), [])

        // The month board from the summary: G2 = 7 200 + 1 800 = 9 000 s = 150 min over 21 days, today 3 600 s;
        // G3 = 50 400 s = 840 min (the 22nd is today, not judged).
        let b = try store.complianceBoard(.month(nov), now: now)
        let g2 = b.grids[1].patrol, g3 = b.grids[2].patrol
        XCTAssertEqual([g2.days, g2.patrolMinutes, g2.todaySeconds ?? -1], [21, 150, 3600])
        XCTAssertEqual([g3.days, g3.patrolMinutes, g3.todaySeconds ?? -1], [21, 840, 5400])
        XCTAssertEqual(b.grids, try liveBoard(.month(nov), now: now).grids)
    }

    func testAPlantedMismatchIsFound() throws {
        let now = t("2026-11-22T10:00")
        try store.addPatrol(worker: "W31", grid: "G3", start: t("2026-11-21T08:00"), end: t("2026-11-21T10:00"), by: op, now: now)
        XCTAssertEqual(try rows(), ["G3 2026-11-21 7200"])
        XCTAssertEqual(try store.summaryMismatches(), [])
        try store.db.run("UPDATE patrol_days SET counted_seconds = 7201")
        let found = try store.summaryMismatches()
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.contains("G3 2026-11-21: stored 7201, recount 7200 s") ?? false, "\(found)")
        XCTAssertFalse(try store.check().ok)
        try store.db.run("UPDATE patrol_days SET counted_seconds = 7200")
        try store.db.run("INSERT INTO patrol_days(grid, day, counted_seconds) VALUES ('G2', '2026-11-02', 60)")
        XCTAssertTrue(try store.summaryMismatches().first?.contains("G2 2026-11-02: stored 60 s, recount nothing") ?? false)
        try store.db.run("DELETE FROM patrol_days")
        XCTAssertTrue(try store.summaryMismatches().first?.contains("stored nothing, recount 7200") ?? false)
        try store.rebuildPatrolDays()
        XCTAssertEqual(try rows(), ["G3 2026-11-21 7200"])
        // The month board's index was dropped for the refill and is there again.
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'patrol_days_day'"), 1)
        XCTAssertTrue(try store.check().ok)
    }

    func testAnOpenSessionReachingBackIntoYesterdayCountsThere() throws {
        // Open since 22:00 on the 21st, seen at 05:00 on the 22nd (7 h, within the limit):
        // the 21st gets 22:00–24:00 = 7 200 s on top of its stored 20:00–22:30 (the union: 20:00–24:00 = 14 400).
        let now = t("2026-11-22T05:00")
        try store.addPatrol(worker: "W21", grid: "G1", start: t("2026-11-21T20:00"), end: t("2026-11-21T22:30"), by: op, now: now)
        try store.startPatrol(worker: "W21", grid: "G1", at: t("2026-11-21T22:00"), by: op, now: now)
        XCTAssertEqual(try rows(), ["G1 2026-11-21 9000"])
        let g1 = try store.complianceBoard(.month(nov), now: now).grids[0]
        XCTAssertEqual([g1.patrol.patrolSeconds, g1.patrol.todaySeconds ?? -1, g1.ongoing], [14_400, 18_000, 1]) // today 00:00–05:00
        XCTAssertEqual(g1, try liveBoard(.month(nov), now: now).grids[0])
        // 13 h later it has run past the limit: a runaway counts nothing, so the 21st is back to 9 000.
        let later = t("2026-11-22T11:01")
        XCTAssertEqual(try store.complianceBoard(.month(nov), now: later).grids[0].patrol.patrolSeconds, 9000)
    }

    func testRandomWritesMatchAFullRecountAndTheLiveBoard() throws {
        var rng = SeededRandom(seed: 7)
        let nowW = t("2026-12-01T05:00")
        let grids = ["G1", "G2", "G3"], workers = ["W21", "W31", "W32"]
        let base = t("2026-10-27T00:00")
        var importLines: [String] = []
        func minute(_ m: Int) -> Date { base.addingTimeInterval(Double(m * 60)) }
        for step in 0..<400 {
            let g = grids[rng.int(0...2)], w = workers[rng.int(0...2)]
            let roll = rng.int(0...99)
            var start = minute(rng.int(0...(35 * 1440)))
            if rng.chance(0.2) { start = zone.instant(zone.localDate(of: start), secondsIntoDay: rng.int(22 * 60...(24 * 60 - 1)) * 60) } // over midnight
            let minutes = rng.chance(0.12) ? rng.int(600...1000) : rng.int(5...240)
            let end = start.addingTimeInterval(Double(minutes * 60))
            if roll < 50 {
                try store.addPatrol(worker: w, grid: g, start: start, end: end, by: op, now: nowW)
            } else if roll < 70 {
                try store.startPatrol(worker: w, grid: g, at: start, by: op, now: nowW)
                try store.stopPatrol(worker: w, grid: g, at: end, by: op, now: nowW)
            } else if roll < 80 {
                // Only sessions still longer than the limit in force can be confirmed (it changes at step 200).
                let limitMinutes = step > 200 ? 800 : 720
                let ids = try store.db.query("SELECT id FROM patrols WHERE suspect = 1 AND confirmed_at IS NULL AND end_at IS NOT NULL AND end_at - start_at > ? ORDER BY id",
                                             [.of(limitMinutes * 60)]) { $0.int(0) }
                if let id = ids.isEmpty ? nil : ids[rng.int(0...(ids.count - 1))] { try store.confirmPatrol(id: id, by: sup, now: nowW) }
            } else if roll < 95 {
                importLines.append("\(w),\(g),\(ISOTime.format(start, zone: zone)),\(ISOTime.format(end, zone: zone))")
            } else {
                // A duplicate of an existing session by another worker: counts once.
                // Chosen by the seeded generator (not SQLite's random()) so every run is the same.
                let closed = try store.db.query("SELECT grid, start_at, end_at FROM patrols WHERE end_at IS NOT NULL ORDER BY id") { ($0.text(0), $0.date(1), $0.date(2)) }
                if let (sg, s, e) = closed.isEmpty ? nil : closed[rng.int(0...(closed.count - 1))] {
                    try store.addPatrol(worker: w, grid: sg, start: s, end: e, by: op, now: nowW)
                }
            }
            if step == 200 { try store.setComplianceSetting(key: ComplianceSettings.Key.suspectMinutes, value: "800", by: root, now: nowW) }
        }
        let csv = dir.appendingPathComponent("r.csv").path
        try (["worker,grid,start,end"] + importLines + importLines.prefix(3)).joined(separator: "\n").write(toFile: csv, atomically: true, encoding: .utf8)
        _ = try store.importPatrols(path: csv, options: .init(skipInvalid: true), actor: op, now: nowW)
        // Sessions still under way: one reaching back over midnight into the 21st, one later, one runaway,
        // one from the last evening of November.
        try store.startPatrol(worker: "W31", grid: "G3", at: t("2026-11-21T23:30"), by: op, now: nowW)
        try store.startPatrol(worker: "W21", grid: "G2", at: t("2026-11-22T09:00"), by: op, now: nowW)
        try store.startPatrol(worker: "W32", grid: "G1", at: t("2026-11-10T08:00"), by: op, now: nowW)
        try store.startPatrol(worker: "W21", grid: "G1", at: t("2026-11-30T22:00"), by: op, now: nowW)

        XCTAssertGreaterThan(try store.db.scalarInt("SELECT count(*) FROM patrol_days"), 40)
        XCTAssertEqual(try store.summaryMismatches(), [])
        for now in [t("2026-11-22T10:00"), t("2026-11-22T02:00"), t("2026-11-01T00:00"), t("2026-12-01T05:00"), t("2026-12-01T13:00")] {
            for month in ["2026-10", "2026-11", "2026-12"] {
                let period = CompliancePeriod.month(LocalMonth(iso: month)!)
                XCTAssertEqual(try store.complianceBoard(period, now: now).grids, try liveBoard(period, now: now).grids, "\(month) at \(now)")
                XCTAssertEqual(try store.complianceBoard(period, grid: "G3", now: now).grids, try liveBoard(period, grid: "G3", now: now).grids)
            }
        }
        try store.setComplianceSetting(key: ComplianceSettings.Key.suspectMinutes, value: "600", by: root, now: nowW)
        XCTAssertEqual(try store.summaryMismatches(), [])
        let at = t("2026-11-22T10:00")
        XCTAssertEqual(try store.complianceBoard(.month(nov), now: at).grids, try liveBoard(.month(nov), now: at).grids)
    }

    func testAnUpgradedFileGetsItsDaysOnOpen() throws {
        let p = dir.appendingPathComponent("v4.sqlite").path
        do {
            let db = try Database(path: p)
            try Migrator.migrate(db, to: 4)
            try db.run("INSERT INTO settings(key, value) VALUES ('timezone', 'Asia/Shanghai')")
            for sql in Self.registrySQL { try db.run(sql) }
            // 08:00–09:00 and 08:30–10:00 on the 3rd (union 08:00–10:00 = 7 200 s); an open one (not stored);
            // a 13 h suspect one (not counted).
            for (s, e, suspect) in [("2026-11-03T08:00", "2026-11-03T09:00", 0), ("2026-11-03T08:30", "2026-11-03T10:00", 0),
                                    ("2026-11-04T08:00", nil, 0), ("2026-11-05T06:00", "2026-11-05T19:00", 1)] as [(String, String?, Int)] {
                try db.run("INSERT INTO patrols(worker, grid, start_at, end_at, suspect, created_at, created_by) VALUES ('W21', 'G2', ?, ?, ?, 0, 'x')",
                           [.of(t(s)), e.map { .of(t($0)) } ?? .null, .of(suspect)])
            }
        }
        let upgraded = try Store.open(path: p)
        XCTAssertEqual(upgraded.schemaVersion, Migrator.latestVersion)
        XCTAssertFalse(try upgraded.patrolDaysStale())
        XCTAssertEqual(try rows(upgraded), ["G2 2026-11-03 7200"])
        XCTAssertEqual(try upgraded.summaryMismatches(), [])
    }

    func testSummaryQueriesUseTheirIndexes() throws {
        func plan(_ sql: String, _ args: [SQLValue]) throws -> String {
            try store.db.query("EXPLAIN QUERY PLAN " + sql, args) { $0.text(3) }.joined(separator: "\n")
        }
        // The month board reads one `patrol_months` row a grid: a run of its primary key, in grid order.
        let months = try plan(Store.monthRowsSQL, [.text("2026-11")])
        XCTAssertTrue(months.contains("SEARCH patrol_months USING PRIMARY KEY (month=?)"), months)
        XCTAssertFalse(months.contains("ORDER BY"), months)
        let oneGrid = try plan(Store.monthRowOneGridSQL, [.text("2026-11"), .text("G1")])
        XCTAssertTrue(oneGrid.contains("USING PRIMARY KEY (month=? AND grid=?)"), oneGrid)
        // A write rewrites a month row from its grid's days: a range on the primary key of `patrol_days`.
        let gridDays = try plan(Store.gridDaysInRangeSQL, [.text("G1"), .text("2026-11-01"), .text("2026-11-30")])
        XCTAssertTrue(gridDays.contains("USING PRIMARY KEY (grid=? AND day>? AND day<?)"), gridDays)
        XCTAssertFalse(gridDays.contains("ORDER BY"), gridDays)
        let open = try plan(Store.openSessionsSQL, [0])
        XCTAssertTrue(open.contains("USING COVERING INDEX patrols_long (end_at=? AND start_at>?)"), open)
        let openOne = try plan(Store.openSessionsOneGridSQL, [.text("G1"), 0])
        XCTAssertTrue(openOne.contains("USING COVERING INDEX patrols_grid_start (grid=? AND start_at>?)"), openOne)
    }
}
