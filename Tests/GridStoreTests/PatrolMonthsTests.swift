import Foundation
import XCTest
import GridCore
@testable import GridStore

/// The maintained month rows `patrol_months` (巡查月汇总): one row per grid and month holding that month's
/// `patrol_days`, written in the same transactions, held to a recount of `patrols` by the check, filled by the migration
/// from an older file, and giving the month board (this month and past ones) the figures worked out by hand,
/// the same as the full computation from `patrols`.
final class PatrolMonthsTests: XCTestCase {
    var dir: URL!
    var store: Store!
    var op: Actor!
    var root: Actor!
    let zone = TownshipZone.shanghai
    let oct = LocalMonth(iso: "2026-10")!, nov = LocalMonth(iso: "2026-11")!

    func t(_ s: String) -> Date { ISOTime.parse(s, zone: zone)! }
    var now: Date { t("2026-11-22T10:00") }

    static let registrySQL = [
        "INSERT INTO grids(code, name, level, parent) VALUES ('T', '镇', 'township', NULL), ('A', '村', 'area', 'T'), ('G1', '一', 'basic', 'A'), ('G2', '二', 'basic', 'A'), ('G3', '三', 'basic', 'A')",
        "INSERT INTO workers(code, name, phone, kind, grid) VALUES ('W11', '甲', '1', 'full', 'G1'), ('W21', '乙', '2', 'full', 'G2'), ('W31', '丙', '3', 'part', 'G3')",
    ]

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("patrolmonths-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        store = try Store.create(path: dir.appendingPathComponent("g.sqlite").path, zone: zone,
                                 admin: Staff(login: "root", name: "管理员", role: .admin), now: t("2026-10-01T00:00"))
        try store.db.run("INSERT INTO staff(login, name, role, active, created_at) VALUES ('op', '值班员', 'operator', 1, 0)")
        for sql in Self.registrySQL { try store.db.run(sql) }
        op = try store.actor(login: "op"); root = try store.actor(login: "root")
    }

    override func tearDownWithError() throws {
        store = nil
        try? FileManager.default.removeItem(at: dir)
    }

    func months(_ s: Store? = nil) throws -> [String] {
        try (s ?? store).db.query("SELECT month, grid, days FROM patrol_months ORDER BY month, grid") { "\($0.text(0)) \($0.text(1)) \($0.text(2))" }
    }

    /// The board computed from the sessions alone (summary marked stale), for comparison.
    func fullBoard(_ period: CompliancePeriod, grid: String? = nil) throws -> ComplianceBoard {
        try store.db.run("INSERT INTO summary_rebuild(name) VALUES ('patrol_days')")
        defer { _ = try? store.db.run("DELETE FROM summary_rebuild") }
        return try store.complianceBoard(period, grid: grid, now: now)
    }

    /// The fixture: G1 over the month's first midnight, two overlapping sessions on the 3rd, the 21st, today
    /// and one under way; G2 a 13 h suspect session beside a counted one, and a morning in October; G3 nothing.
    func addSessions() throws {
        try store.addPatrol(worker: "W11", grid: "G1", start: t("2026-10-31T23:00"), end: t("2026-11-01T01:00"), by: op, now: now)
        try store.addPatrol(worker: "W11", grid: "G1", start: t("2026-11-03T08:00"), end: t("2026-11-03T10:30"), by: op, now: now)
        try store.addPatrol(worker: "W11", grid: "G1", start: t("2026-11-03T09:00"), end: t("2026-11-03T11:00"), by: op, now: now)
        try store.addPatrol(worker: "W11", grid: "G1", start: t("2026-11-21T07:00"), end: t("2026-11-21T09:00"), by: op, now: now)
        try store.addPatrol(worker: "W11", grid: "G1", start: t("2026-11-22T08:00"), end: t("2026-11-22T09:30"), by: op, now: now)
        try store.startPatrol(worker: "W11", grid: "G1", at: t("2026-11-22T09:40"), by: op, now: now)
        try store.addPatrol(worker: "W21", grid: "G2", start: t("2026-11-05T06:00"), end: t("2026-11-05T19:00"), by: op, now: now)
        try store.addPatrol(worker: "W21", grid: "G2", start: t("2026-11-05T14:00"), end: t("2026-11-05T16:00"), by: op, now: now)
        try store.addPatrol(worker: "W21", grid: "G2", start: t("2026-10-10T08:00"), end: t("2026-10-10T12:00"), by: op, now: now)
    }

    /// The rows worked out by hand: G1 in October 23:00–24:00 on the 31st (3 600 s); in November 00:00–01:00 on the
    /// 1st (3 600), 08:00–11:00 on the 3rd (the union: 10 800), 07:00–09:00 on the 21st (7 200), 08:00–09:30 today
    /// (5 400; the open session is not stored). G2: 08:00–12:00 on 10 October (14 400); 14:00–16:00 on the 5th
    /// (7 200; the 13 h session is suspect and not counted).
    static let handWorkedRows = [
        "2026-10 G1 3103600", "2026-10 G2 1014400",
        "2026-11 G1 0103600031080021072002205400", "2026-11 G2 0507200",
    ]

    func testEveryWriteKeepsTheMonthRowsInStepWithTheDays() throws {
        try addSessions()
        XCTAssertEqual(try months(), Self.handWorkedRows)
        XCTAssertEqual(try store.summaryMismatches(), [])
        // Stopping the open session (09:40–09:50) widens today's row: 5 400 + 600 = 6 000.
        try store.stopPatrol(worker: "W11", grid: "G1", at: t("2026-11-22T09:50"), by: op, now: now)
        XCTAssertEqual(try months()[2], "2026-11 G1 0103600031080021072002206000")
        // A longer suspect limit (15 h) rebuilds: G2's 13 h session counts, 06:00–19:00 = 46 800 on the 5th.
        try store.setComplianceSetting(key: ComplianceSettings.Key.suspectMinutes, value: "900", by: root, now: now)
        XCTAssertEqual(try months()[3], "2026-11 G2 0546800")
        try store.setComplianceSetting(key: ComplianceSettings.Key.suspectMinutes, value: "720", by: root, now: now)
        XCTAssertEqual(try months()[3], "2026-11 G2 0507200")
        XCTAssertEqual(try store.summaryMismatches(), [])
    }

    /// The fast path (month rows plus today's sessions) gives the figures worked out by hand, for this month and a
    /// past one (the Patrol screen's month selector), every grid and one grid, and equals the full computation.
    func testTheMonthBoardFromTheRowsIsTheHandWorkedOneAndTheFullOne() throws {
        try addSessions()
        let b = try store.complianceBoard(.month(nov), now: now)
        let g1 = b.grids[0].patrol, g2 = b.grids[1].patrol, g3 = b.grids[2].patrol
        // 21 days judged. G1: 3 600 + 10 800 + 7 200 = 21 600 s = 360 min; the 3rd and the 21st reach 120 min; today
        // 08:00–09:30 and 09:40–10:00 = 6 600 s, one session under way.
        XCTAssertEqual([g1.days, g1.patrolMinutes, g1.daysMeeting, g1.todaySeconds ?? -1, b.grids[0].ongoing], [21, 360, 2, 6600, 1])
        XCTAssertEqual([g1.dailySeconds[0], g1.dailySeconds[1], g1.dailySeconds[2], g1.dailySeconds[20], g1.dailySeconds[21], g1.dailySeconds.count],
                       [3600, 0, 10800, 7200, 6600, 30])
        // G2: 7 200 s = 120 min on the 5th, met; nothing today. G3: nothing.
        XCTAssertEqual([g2.days, g2.patrolMinutes, g2.daysMeeting, g2.todaySeconds ?? -1, b.grids[1].ongoing], [21, 120, 1, 0, 0])
        XCTAssertEqual([g3.patrolSeconds, g3.daysMeeting, g3.todaySeconds ?? -1], [0, 0, 0])
        XCTAssertEqual(b.grids, try fullBoard(.month(nov)).grids)
        XCTAssertEqual(try store.complianceBoard(.month(nov), grid: "G1", now: now).grids, [b.grids[0]])

        // October, all 31 days judged, no today: G1 60 min (the 31st, not met), G2 240 min (the 10th, met).
        let o = try store.complianceBoard(.month(oct), now: now)
        XCTAssertEqual([o.grids[0].patrol.days, o.grids[0].patrol.patrolMinutes, o.grids[0].patrol.daysMeeting], [31, 60, 0])
        XCTAssertEqual([o.grids[1].patrol.days, o.grids[1].patrol.patrolMinutes, o.grids[1].patrol.daysMeeting], [31, 240, 1])
        XCTAssertNil(o.grids[0].patrol.todaySeconds)
        XCTAssertEqual(o.grids, try fullBoard(.month(oct)).grids)
        XCTAssertEqual(try store.complianceBoard(.month(oct), grid: "G2", now: now).grids, try fullBoard(.month(oct), grid: "G2").grids)

        // The console's rows are the board's: G1 110 min today, 360 / 21 = 17 min a day on average, 2 days met.
        let row = try XCTUnwrap(store.gridCompliance(now: now).first)
        XCTAssertEqual([row.minutesToday, row.averageMinutes, row.daysMet, row.daysSoFar, row.ongoing], [110, 17, 2, 21, 1])
    }

    /// The Patrol screen's month (`patrolMonth`, the roster kept between loads and no row per worker) gives the figures
    /// worked out above, from the month rows and, with the summary marked stale, from the sessions alone.
    func testThePatrolScreensMonthIsTheHandWorkedOneEitherWay() throws {
        try addSessions()
        // G1: today 08:00–09:30 and 09:40–10:00 = 110 min; 360 min over 21 days = 17 a day; the 3rd and 21st met; one
        // worker with no report; one session under way. G2: 120 min, 5 a day, the 5th met. G3: nothing.
        let expected = ["G1 110 360 17 2/21 1w 0r 1", "G2 0 120 5 1/21 1w 0r 0", "G3 0 0 0 0/21 1w 0r 0"]
        func lines(_ v: PatrolMonthView) -> [String] {
            v.rows.map { "\($0.code) \($0.minutesToday ?? -1) \($0.patrolMinutes) \($0.averageMinutes) \($0.daysMet)/\($0.days) \($0.workers)w \($0.reports)r \($0.ongoing)" }
        }
        let v = try store.patrolMonth(nov, now: now)
        XCTAssertEqual(lines(v), expected)
        XCTAssertEqual([v.completedDays, v.daysInMonth, v.gradeTarget], [21, 30, 7])   // ⌈10 × 21 ÷ 30⌉ = 7
        XCTAssertTrue(v.running)
        try store.db.run("INSERT INTO summary_rebuild(name) VALUES ('patrol_days')")
        XCTAssertEqual(lines(try store.patrolMonth(nov, now: now)), expected)
        try store.db.run("DELETE FROM summary_rebuild")
        // The grades are the board's.
        XCTAssertEqual(v.rows.map(\.grade), try store.complianceBoard(.month(nov), now: now).grids.map(\.grade))
    }

    /// Live days reach back to yesterday for a session still under way since last night, and a session that starts after
    /// "now" (a rehearsal read in the past) counts for nothing: the screen's month and the board agree with the hand-worked
    /// figures and with the full computation.
    func testLiveDaysFromYesterdayAndASessionAfterNow() throws {
        try addSessions()
        // G3: under way since 23:30 yesterday (10 h 30 min at 10:00, inside the 12 h limit): 30 min on the 21st, 600 today.
        try store.startPatrol(worker: "W31", grid: "G3", at: t("2026-11-21T23:30"), by: op, now: now)
        // G2: 11:00–12:00 today, written at 12:30 and read as of 10:00 (`--now`): nothing yet.
        try store.addPatrol(worker: "W21", grid: "G2", start: t("2026-11-22T11:00"), end: t("2026-11-22T12:00"), by: op, now: t("2026-11-22T12:30"))
        let rows = try store.patrolMonth(nov, now: now).rows
        XCTAssertEqual(rows.map { "\($0.code) \($0.minutesToday ?? -1) \($0.patrolMinutes) \($0.daysMet)/\($0.days) \($0.ongoing)" },
                       ["G1 110 360 2/21 1", "G2 0 120 1/21 0", "G3 600 30 0/21 1"])
        let b = try store.complianceBoard(.month(nov), now: now)
        XCTAssertEqual(b.grids, try fullBoard(.month(nov)).grids)
        XCTAssertEqual(b.grids[2].patrol.dailySeconds[20], 1800)
    }

    /// Counts every insert or update of a `patrol_months` row from now on ("month grid", in write order).
    func logMonthWrites() throws {
        try store.db.execute("""
            CREATE TEMP TABLE month_writes(month TEXT, grid TEXT);
            CREATE TEMP TRIGGER month_insert AFTER INSERT ON main.patrol_months BEGIN INSERT INTO month_writes VALUES (new.month, new.grid); END;
            CREATE TEMP TRIGGER month_update AFTER UPDATE ON main.patrol_months BEGIN INSERT INTO month_writes VALUES (new.month, new.grid); END;
            """)
    }

    func monthWrites() throws -> [String] {
        try store.db.query("SELECT month || ' ' || grid FROM month_writes ORDER BY rowid") { $0.text(0) }
    }

    /// An import touching two months of two grids, with a session over the midnight that ends October, two sessions
    /// of one grid on one day and days of one month far apart: the month rows worked out by hand, each written once
    /// per chunk that changes it, whatever the chunk size; a re-import writes none.
    func testAnImportWritesEachChangedMonthRowOncePerChunk() throws {
        let csv = dir.appendingPathComponent("p.csv").path
        // File order mixes the grids; written in (grid, worker, start) order.
        try """
            worker,grid,start,end
            W21,G2,2026-11-05T14:00,2026-11-05T16:00
            W11,G1,2026-11-21T07:00,2026-11-21T09:00
            W11,G1,2026-10-31T23:00,2026-11-01T01:00
            W21,G2,2026-10-10T08:00,2026-10-10T12:00
            W11,G1,2026-11-03T09:00,2026-11-03T11:00
            W21,G2,2026-11-05T06:00,2026-11-05T19:00
            W11,G1,2026-11-03T08:00,2026-11-03T10:30

            """.write(toFile: csv, atomically: true, encoding: .utf8)
        // By hand: G1 23:00–24:00 on 31 October = 3 600; in November 00:00–01:00 on the 1st = 3 600, the 3rd's two
        // sessions joined 08:00–11:00 = 10 800, 07:00–09:00 on the 21st = 7 200. G2 08:00–12:00 on 10 October
        // = 14 400; 14:00–16:00 on the 5th = 7 200 (the 13 h session beside it is suspect and counts nothing).
        let expected = ["2026-10 G1 3103600", "2026-10 G2 1014400", "2026-11 G1 010360003108002107200", "2026-11 G2 0507200"]
        try logMonthWrites()
        _ = try store.importPatrols(path: csv, actor: op, now: now)
        XCTAssertEqual(try months(), expected)
        XCTAssertEqual(try store.summaryMismatches(), [])
        // One chunk: G1's three runs (31 Oct–1 Nov, the 3rd, the 21st) share November, so each of its months is
        // written once; G2's October and November, once each.
        XCTAssertEqual(try monthWrites(), ["2026-10 G1", "2026-11 G1", "2026-10 G2", "2026-11 G2"])

        // Chunks of two, in write order: [G1 31 Oct, G1 3rd 08:00] writes G1's October and November; [G1 3rd 09:00,
        // G1 21st] November again; [G2 10 Oct, G2 5th 06:00] October only (the suspect session changes no day);
        // [G2 5th 14:00] November.
        try useFreshStore("chunks-of-two.sqlite")
        try logMonthWrites()
        _ = try store.importPatrols(path: csv, options: ImportOptions(chunkSize: 2), actor: op, now: now)
        XCTAssertEqual(try months(), expected)
        XCTAssertEqual(try store.summaryMismatches(), [])
        XCTAssertEqual(try monthWrites(), ["2026-10 G1", "2026-11 G1", "2026-11 G1", "2026-10 G2", "2026-11 G2"])

        let again = try store.importPatrols(path: csv, options: ImportOptions(chunkSize: 2), actor: op, now: now)
        XCTAssertEqual([again.rowsWritten, again.rowsUnchanged], [0, 7])
        XCTAssertEqual(try monthWrites().count, 5)
        XCTAssertEqual(try months(), expected)
    }

    /// A second file beside the first, with the fixture's registry and nothing else, in place of the current one.
    func useFreshStore(_ name: String) throws {
        store = try Store.create(path: dir.appendingPathComponent(name).path, zone: zone,
                                 admin: Staff(login: "root", name: "管理员", role: .admin), now: t("2026-10-01T00:00"))
        try store.db.run("INSERT INTO staff(login, name, role, active, created_at) VALUES ('op', '值班员', 'operator', 1, 0)")
        for sql in Self.registrySQL { try store.db.run(sql) }
        op = try store.actor(login: "op")
    }

    func testAWrongMonthRowIsFoundAndRebuilt() throws {
        try addSessions()
        try store.db.run("UPDATE patrol_months SET days = '0507201' WHERE month = '2026-11' AND grid = 'G2'")
        let found = try store.summaryMismatches()
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found.first?.contains("2026-11 G2: stored \"0507201\", recount \"0507200\"") ?? false, "\(found)")
        XCTAssertFalse(try store.check().ok)
        try store.db.run("DELETE FROM patrol_months WHERE month = '2026-10'")
        let three = try store.summaryMismatches()
        XCTAssertTrue(three.first?.hasPrefix("3 patrol_months rows differ") ?? false, "\(three)")
        try store.rebuildPatrolDays()
        XCTAssertEqual(try months(), Self.handWorkedRows)
        XCTAssertTrue(try store.check().ok)
    }

    /// A file from before the month rows, with sessions and their days, gets its month rows from `patrol_days` in
    /// the migration itself (no rebuild: the day summary was current) and reads the same board.
    func testAnOlderFileGetsItsMonthRowsFromItsDays() throws {
        let p = dir.appendingPathComponent("v-before.sqlite").path
        do {
            let db = try databaseBefore(.v19PatrolMonths, at: p)
            for sql in Self.registrySQL { try db.run(sql) }
            // 08:00–09:00 and 08:30–10:00 on 3 November (union 7 200 s), 23:00–01:00 over the first of December.
            for (s, e) in [("2026-11-03T08:00", "2026-11-03T09:00"), ("2026-11-03T08:30", "2026-11-03T10:00"), ("2026-11-30T23:00", "2026-12-01T01:00")] {
                try db.run("INSERT INTO patrols(worker, grid, start_at, end_at, suspect, created_at, created_by) VALUES ('W21', 'G2', ?, ?, 0, 0, 'x')",
                           [.of(t(s)), .of(t(e))])
            }
            try db.run("INSERT INTO patrol_days(grid, day, counted_seconds) VALUES ('G2', '2026-11-03', 7200), ('G2', '2026-11-30', 3600), ('G2', '2026-12-01', 3600)")
            try db.run("DELETE FROM summary_rebuild")
        }
        let upgraded = try Store.open(path: p)
        XCTAssertEqual(upgraded.schemaVersion, Migrator.latestVersion)
        XCTAssertFalse(try upgraded.patrolDaysStale())
        XCTAssertEqual(try months(upgraded), ["2026-11 G2 03072003003600", "2026-12 G2 0103600"])
        XCTAssertEqual(try upgraded.summaryMismatches(), [])
        let g2 = try upgraded.complianceBoard(.month(nov), now: t("2026-12-05T10:00")).grids[1].patrol
        XCTAssertEqual([g2.days, g2.patrolMinutes, g2.daysMeeting], [30, 180, 1])
    }
}
