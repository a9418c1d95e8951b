import Foundation
import XCTest
import GridCore
@testable import GridStore

/// Patrol sessions and compliance through the store, on a fresh file, with figures worked out by hand.
final class PatrolStoreTests: XCTestCase {
    var dir: URL!
    var store: Store!
    var op: Actor!
    var sup: Actor!
    let zone = TownshipZone.shanghai

    func t(_ s: String) -> Date { ISOTime.parse(s, zone: zone)! }

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("patrol-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        store = try Store.create(path: dir.appendingPathComponent("g.sqlite").path, zone: zone,
                                 admin: Staff(login: "root", name: "管理员", role: .admin), now: t("2026-11-01T00:00"))
        let db = store.db
        try db.run("INSERT INTO staff(login, name, role, active, created_at) VALUES ('op', '值班员', 'operator', 1, 0), ('sup', '督查', 'supervisor', 1, 0)")
        // Township T > area A > basic grids G1 (no worker), G2 (W21), G3 (W31, W32).
        try db.run("INSERT INTO grids(code, name, level, parent) VALUES ('T', '镇', 'township', NULL), ('A', '村', 'area', 'T'), ('G1', '一', 'basic', 'A'), ('G2', '二', 'basic', 'A'), ('G3', '三', 'basic', 'A')")
        try db.run("INSERT INTO workers(code, name, phone, kind, grid) VALUES ('W21', '甲', '1', 'full', 'G2'), ('W31', '乙', '2', 'part', 'G3'), ('W32', '丙', '3', 'part', 'G3')")
        try db.run("INSERT INTO departments(code, name, platform) VALUES ('D1', '综治办', 'public_order')")
        try db.run("INSERT INTO categories(code, name, major, department, urgency, dispatch_limit, handle_limit, verify_limit) VALUES ('C1', '矛盾纠纷', '矛盾', 'D1', 'normal', '30min', '3wd', '1wd')")
        op = try store.actor(login: "op")
        sup = try store.actor(login: "sup")
    }

    override func tearDownWithError() throws {
        store = nil
        try? FileManager.default.removeItem(at: dir)
    }

    var matterNo = 0
    /// A matters row written directly (matter intake belongs to another module).
    func matter(_ reporter: String, _ at: String, source: String = "grid_worker", state: String = "new") throws {
        matterNo += 1
        try store.db.run("""
            INSERT INTO matters(number, reported_at, source, reporter, grid, category, urgency, title, state, first_contact, created_at, updated_at, updated_by)
            VALUES (?, ?, ?, ?, 'G2', 'C1', 'normal', '测试', ?, 'op', 0, 0, 'op')
            """, [.text("M\(matterNo)"), .of(t(at)), .text(source), .text(reporter), .text(state)])
    }

    // MARK: writes

    func testStartStopAndOneOpenSessionPerGrid() throws {
        let now = t("2026-11-03T12:00")
        let id = try store.startPatrol(worker: "W21", grid: "G2", at: t("2026-11-03T08:00"), by: op, now: now)
        XCTAssertThrowsError(try store.startPatrol(worker: "W21", grid: "G2", at: t("2026-11-03T08:10"), by: op, now: now)) {
            XCTAssertEqual($0 as? StoreError, .patrol(.underWay(worker: "W21", grid: "G2", id: id, since: t("2026-11-03T08:00"))))
        }
        // Covering the partner's grid at the same time is another grid: allowed.
        try store.startPatrol(worker: "W21", grid: "G3", at: t("2026-11-03T08:10"), by: op, now: now)
        let s = try store.stopPatrol(worker: "W21", grid: "G2", at: t("2026-11-03T09:30"), by: op, now: now)
        XCTAssertEqual(s.seconds(now: now), 5400) // 08:00–09:30
        XCTAssertThrowsError(try store.stopPatrol(worker: "W21", grid: "G2", at: now, by: op, now: now))
        // Stopped before it started: refused, nothing written.
        XCTAssertThrowsError(try store.stopPatrol(worker: "W21", grid: "G3", at: t("2026-11-03T08:00"), by: op, now: now)) {
            XCTAssertEqual($0 as? StoreError, .patrol(.endBeforeStart(end: t("2026-11-03T08:00"), start: t("2026-11-03T08:10"))))
        }
        XCTAssertNil(try store.patrolSession(id: id + 1)!.end)
        // Someone not on the staff may not record patrols.
        XCTAssertThrowsError(try store.startPatrol(worker: "W31", grid: "G3", at: now, by: try store.actor(login: "stranger"), now: now))
    }

    func testValidationNamesTheProblem() throws {
        let now = t("2026-11-03T12:00")
        func refused(_ w: String, _ g: String, _ a: String, _ b: String, _ expected: StoreError) {
            XCTAssertThrowsError(try store.addPatrol(worker: w, grid: g, start: t(a), end: t(b), by: op, now: now)) {
                XCTAssertEqual($0 as? StoreError, expected)
            }
        }
        refused("W99", "G2", "2026-11-03T08:00", "2026-11-03T09:00", .unknownCode(.worker, "W99"))
        refused("W21", "G9", "2026-11-03T08:00", "2026-11-03T09:00", .unknownCode(.grid, "G9"))
        refused("W21", "A", "2026-11-03T08:00", "2026-11-03T09:00", .notBasicGrid(code: "A", level: .area))
        refused("W21", "G2", "2026-11-03T09:00", "2026-11-03T08:00", .patrol(.endBeforeStart(end: t("2026-11-03T08:00"), start: t("2026-11-03T09:00"))))
        refused("W21", "G2", "2026-11-03T11:00", "2026-11-03T13:00", .patrol(.inFuture(field: "end", at: t("2026-11-03T13:00"))))
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM patrols"), 0)
    }

    func testSuspectBeforeAndAfterConfirmation() throws {
        // 06:00–19:00 on the 5th = 13 h > 12 h: stored suspect, counts 0; confirmed by a supervisor: 780 min.
        let now = t("2026-11-06T10:00")
        let id = try store.addPatrol(worker: "W21", grid: "G2", start: t("2026-11-05T06:00"), end: t("2026-11-05T19:00"), by: op, now: now)
        XCTAssertEqual(try store.db.scalarInt("SELECT suspect FROM patrols WHERE id = ?", [.of(id)]), 1)
        func minutes() throws -> Int { try store.complianceBoard(.day(LocalDate(iso: "2026-11-05")!), grid: "G2", now: now).grids[0].patrol.patrolMinutes }
        XCTAssertEqual(try minutes(), 0)
        XCTAssertThrowsError(try store.confirmPatrol(id: id, by: op, now: now)) // operators may not confirm
        XCTAssertEqual(try minutes(), 0)
        try store.confirmPatrol(id: id, by: sup, now: now)
        XCTAssertEqual(try minutes(), 780)
        XCTAssertThrowsError(try store.confirmPatrol(id: id, by: sup, now: now)) { XCTAssertEqual($0 as? StoreError, .patrol(.alreadyConfirmed(id: id, by: "sup"))) }
        // A 2-hour session is not suspect: nothing to confirm.
        let short = try store.addPatrol(worker: "W21", grid: "G2", start: t("2026-11-04T08:00"), end: t("2026-11-04T10:00"), by: op, now: now)
        XCTAssertThrowsError(try store.confirmPatrol(id: short, by: sup, now: now)) { XCTAssertEqual($0 as? StoreError, .patrol(.notSuspect(id: short, limitMinutes: 720))) }
    }

    func testConfirmedLongSessionStartedBeforeTheLookBackIsFound() throws {
        // Confirmed session 2026-11-01 00:00 → 2026-11-03 12:00 (60 h). On the 3rd it counts 00:00–12:00 = 720 min,
        // although it began 48 h before the 3rd, far beyond the 12 h look-back of the start index.
        let now = t("2026-11-04T09:00")
        let id = try store.addPatrol(worker: "W31", grid: "G3", start: t("2026-11-01T00:00"), end: t("2026-11-03T12:00"), by: op, now: now)
        try store.confirmPatrol(id: id, by: sup, now: now)
        // Ordinary sessions around it, in G2 and G3, so the early starter must be merged into G3's place:
        // G2 08:00–09:00 (60 min); G3 11:00–13:00 overlaps the long one until 12:00 → G3 00:00–13:00 = 780 min.
        try store.addPatrol(worker: "W21", grid: "G2", start: t("2026-11-03T08:00"), end: t("2026-11-03T09:00"), by: op, now: now)
        try store.addPatrol(worker: "W32", grid: "G3", start: t("2026-11-03T11:00"), end: t("2026-11-03T13:00"), by: op, now: now)
        let b = try store.complianceBoard(.day(LocalDate(iso: "2026-11-03")!), now: now)
        XCTAssertEqual(b.grids.map(\.grid.code), ["G1", "G2", "G3"])
        XCTAssertEqual(b.grids.map(\.patrol.patrolMinutes), [0, 60, 780])
        // November so far (now the 4th, 09:00): 3 days done. G3: 1 Nov 1440 + 2 Nov 1440 + 3 Nov 780 = 3660 min.
        let m = try store.complianceBoard(.month(LocalMonth(iso: "2026-11")!), now: now)
        XCTAssertEqual(m.grids.map(\.patrol.days), [3, 3, 3])
        XCTAssertEqual(m.grids.map(\.patrol.patrolMinutes), [0, 60, 3660])
        XCTAssertEqual(m.grids[2].patrol.daysMeeting, 3)
    }

    func testOffsetsInInputMeanTheSameInstant() throws {
        // Three records of one walk from 08:00 local, written with +08:00, Z and no offset:
        // 08:00+08:00–09:00+08:00, 00:00Z–01:30Z (08:00–09:30 local), 08:00–10:00 local. Union 08:00–10:00 = 120 min.
        let now = t("2026-11-04T00:00")
        let z = { (s: String) in ISOTime.parse(s, zone: self.zone)! }
        try store.addPatrol(worker: "W21", grid: "G2", start: z("2026-11-03T08:00:00+08:00"), end: z("2026-11-03T09:00:00+08:00"), by: op, now: now)
        try store.addPatrol(worker: "W21", grid: "G2", start: z("2026-11-03T00:00:00Z"), end: z("2026-11-03T01:30:00Z"), by: op, now: now)
        try store.addPatrol(worker: "W21", grid: "G2", start: z("2026-11-03T08:00"), end: z("2026-11-03T10:00"), by: op, now: now)
        let ex = try store.explainPatrol(grid: "G2", day: LocalDate(iso: "2026-11-03")!, now: now)
        XCTAssertEqual(ex.lines.count, 3)
        XCTAssertEqual(ex.pieces.count, 1)
        XCTAssertEqual(ex.minutes, 120)
        XCTAssertTrue(ex.met)
    }

    func testOpenSessionCountsTodaySoFarAndShowsInDrillDown() throws {
        // Now 2026-11-10 15:00. G2: 08:00–09:00 closed, open since 14:00 → 60 + 60 = 120 min today so far.
        let now = t("2026-11-10T15:00")
        try store.addPatrol(worker: "W21", grid: "G2", start: t("2026-11-10T08:00"), end: t("2026-11-10T09:00"), by: op, now: now)
        try store.startPatrol(worker: "W21", grid: "G2", at: t("2026-11-10T14:00"), by: op, now: now)
        let d = try store.gridDrillDown(grid: "G2", now: now)
        XCTAssertEqual(d.compliance.patrol.todayMinutes, 120)
        XCTAssertEqual(d.compliance.patrol.days, 9)
        XCTAssertEqual(d.compliance.ongoing, 1)
        XCTAssertEqual(d.today.map(\.status), [.counted, .ongoing])
        XCTAssertEqual(d.pace.elapsedDays, 9)
        // The day view of today: 120 min so far, met.
        let day = try store.complianceBoard(.day(LocalDate(iso: "2026-11-10")!), grid: "G2", now: now).grids[0]
        XCTAssertEqual(day.patrol.patrolMinutes, 120)
        XCTAssertTrue(day.patrol.ok)
    }

    func testReportCountingSkipsInvalidMergedOtherSourcesAndOtherMonths() throws {
        // W21 in November: 11 grid-worker reports, of which 1 invalid and 1 merged → 9 counted... plus one on
        // the 30th at 23:59 local → 10 counted, met. Not counted: one on 31 Oct 23:30 local (October), one on
        // 1 Dec 00:10 local (December), one hotline call naming W21 as reporter.
        for d in 1...8 { try matter("W21", String(format: "2026-11-%02dT10:00", d)) }
        try matter("W21", "2026-11-09T10:00", state: "closed")
        try matter("W21", "2026-11-10T10:00", state: "invalid")
        try matter("W21", "2026-11-11T10:00", state: "merged")
        try matter("W21", "2026-11-30T23:59")
        try matter("W21", "2026-10-31T23:30")
        try matter("W21", "2026-12-01T00:10")
        try matter("W21", "2026-11-12T10:00", source: "hotline")
        // W31: 10 counted (dispatched). W32: 9 counted + 1 invalid → 9.
        for d in 1...10 { try matter("W31", String(format: "2026-11-%02dT09:00", d), state: "dispatched") }
        for d in 1...9 { try matter("W32", String(format: "2026-11-%02dT09:00", d)) }
        try matter("W32", "2026-11-20T09:00", state: "invalid")
        let now = t("2026-12-05T12:00")
        let b = try store.complianceBoard(.month(LocalMonth(iso: "2026-11")!), now: now)
        XCTAssertEqual(b.workers.map(\.reports.worker), ["W21", "W31", "W32"])
        XCTAssertEqual(b.workers.map(\.reports.reports), [10, 10, 9])
        XCTAssertEqual(b.workers.map(\.reports.ok), [true, true, false])
        // Grids: G1 no worker (flagged), G2 one worker 10 met, G3 two workers 10 + 9 = 19 not met.
        XCTAssertEqual(b.grids.map(\.reports.workers), [0, 1, 2])
        XCTAssertEqual(b.grids.map(\.reports.reports), [0, 10, 19])
        XCTAssertEqual(b.grids.map(\.reports.ok), [false, true, false])
        XCTAssertTrue(b.grids[0].reports.noWorker)
        // The current month, on 2026-11-10 15:00: 9 days done → pace 10 × 9 / 30 = 3.
        // W21 has 9 reports by then (1st–9th; the 10th's is invalid) → on pace; W32 has 9 → on pace.
        let mid = try store.complianceBoard(.month(LocalMonth(iso: "2026-11")!), now: t("2026-11-10T15:00"))
        XCTAssertEqual(mid.pace.elapsedDays, 9)
        XCTAssertEqual(mid.workers.map(\.reports.reports), [9, 10, 9])
        XCTAssertEqual(mid.workers.map(\.reports.onPace), [true, true, true])
        // On 2 Nov 08:00: 1 day done → pace 1/3; W21 has 1 (the 1st's) → on pace.
        let early = try store.complianceBoard(.month(LocalMonth(iso: "2026-11")!), now: t("2026-11-02T08:00"))
        XCTAssertEqual(early.workers.map(\.reports.reports), [1, 1, 1])
    }

    func testSettingsComeFromTheSettingsTable() throws {
        // Daily target lowered to 60 min: a 90-min day is met.
        let now = t("2026-11-04T00:00")
        try store.addPatrol(worker: "W21", grid: "G2", start: t("2026-11-03T08:00"), end: t("2026-11-03T09:30"), by: op, now: now)
        let day = LocalDate(iso: "2026-11-03")!
        XCTAssertFalse(try store.complianceBoard(.day(day), grid: "G2", now: now).grids[0].patrol.ok)
        XCTAssertThrowsError(try store.setComplianceSetting(key: ComplianceSettings.Key.dailyPatrolMinutes, value: "60", by: op, now: now))
        XCTAssertThrowsError(try store.setComplianceSetting(key: ComplianceSettings.Key.dailyPatrolMinutes, value: "abc", by: sup, now: now))
        try store.setComplianceSetting(key: ComplianceSettings.Key.dailyPatrolMinutes, value: "60", by: sup, now: now)
        XCTAssertTrue(try store.complianceBoard(.day(day), grid: "G2", now: now).grids[0].patrol.ok)
    }

    func testBoardQueriesUseTheirIndexes() throws {
        func plan(_ sql: String, _ args: [SQLValue]) throws -> String {
            try store.db.query("EXPLAIN QUERY PLAN " + sql, args) { $0.text(3) }.joined(separator: "\n")
        }
        let sessions = try plan(Store.boardSessionsSQL, [0, 1])
        XCTAssertTrue(sessions.contains("USING COVERING INDEX patrols_grid_start"), sessions)
        XCTAssertFalse(sessions.contains("SCAN p"), sessions)
        // Today's sessions (a short window) of every grid: one run of `patrols_start`, each grid found by its key.
        let today = try plan(Store.shortWindowSessionsSQL, [0, 1])
        XCTAssertTrue(today.contains("SEARCH p USING COVERING INDEX patrols_start (start_at>? AND start_at<?)"), today)
        XCTAssertTrue(today.contains("SEARCH g USING PRIMARY KEY (code=?)"), today)
        XCTAssertFalse(today.contains("SCAN p"), today)
        let long = try plan(Store.longSessionsSQL, [0, 1])
        XCTAssertEqual(long.components(separatedBy: "USING COVERING INDEX patrols_long").count, 3, long) // both halves
        let reports = try plan(Store.reportCountsSQL(oneGrid: false), [0, 1])
        XCTAssertTrue(reports.contains("USING COVERING INDEX matters_worker_reported"), reports)
        XCTAssertFalse(reports.contains("SCAN m"), reports)
        let oneGrid = try plan(Store.reportCountsSQL(oneGrid: true), [0, 1, "G1"])
        XCTAssertTrue(oneGrid.contains("USING COVERING INDEX matters_reporter_state"), oneGrid)
        XCTAssertFalse(oneGrid.contains("SCAN m"), oneGrid)
    }
}
