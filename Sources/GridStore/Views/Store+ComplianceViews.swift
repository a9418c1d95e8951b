import Foundation
import GridCore

extension Store {
    /// One row per basic grid at `now`: today's patrol, the month so far, workers, reports and overdue matters.
    /// The patrol and report figures are the compliance board's for the month (`complianceBoard(.month)`, read
    /// from the maintained day summary `patrol_days`): one rule, one place.
    public func gridCompliance(now: Date) throws -> [GridComplianceRow] {
        let month = zone.localDate(of: now).localMonth
        return try db.read {
            let board = try complianceBoard(.month(month), now: now)
            var overdue: [String: Int] = [:]
            try db.forEach(ConsoleQueries.overdueByGrid, [.of(now)]) { overdue[$0.text(0)] = $0.int(1) }
            return board.grids.map { g in
                GridComplianceRow(code: g.grid.code, name: g.grid.name, mapRow: g.grid.row, mapCol: g.grid.col,
                                  minutesToday: g.patrol.todayMinutes ?? 0, averageMinutes: Int(g.patrol.averageMinutes ?? 0),
                                  daysMet: g.patrol.daysMeeting, daysSoFar: g.patrol.days, workers: g.reports.workers,
                                  reports: g.reports.reports, overdueMatters: overdue[g.grid.code] ?? 0, ongoing: g.ongoing)
            }
        }
    }

    /// One grid's workers (with this month's reports) and today's patrol sessions (none read when `today` is false).
    public func gridDetail(code: String, now: Date, today withToday: Bool = true) throws -> GridDetail? {
        let today = zone.localDate(of: now)
        let month = today.localMonth
        let monthStart = zone.startOfDay(month.firstDay), monthEnd = zone.startOfDay(month.next.firstDay)
        return try db.read {
            guard let name = try db.first("SELECT name FROM grids WHERE code = ?", [.text(code)], { $0.text(0) }) else { return nil }
            let workers = try db.query("""
                SELECT w.code, w.name, w.kind, w.phone,
                       (SELECT count(*) FROM matters m WHERE \(CountedReports.source("m")) AND m.reporter = w.code AND m.reported_at >= ? AND m.reported_at < ?
                          AND \(CountedReports.state("m")))
                FROM workers w WHERE w.grid = ? ORDER BY w.code
                """, [.of(monthStart), .of(monthEnd), .text(code)]) {
                WorkerLine(code: $0.text(0), name: $0.text(1), phone: $0.text(3), kind: try $0.code(2, table: "workers", column: "kind"), reports: $0.int(4))
            }
            let dayStart = zone.startOfDay(today)
            guard withToday else { return GridDetail(code: code, name: name, workers: workers, sessions: []) }
            let sessions = try db.query("""
                SELECT p.worker, coalesce(w.name, p.worker), p.start_at, p.end_at FROM patrols p LEFT JOIN workers w ON w.code = p.worker
                WHERE p.grid = ? AND p.start_at >= ? AND p.start_at < ? AND (p.end_at IS NULL OR p.end_at > ?) ORDER BY p.start_at
                """, [.text(code), .of(dayStart.addingTimeInterval(-86_400)), .of(zone.endOfDay(today)), .of(dayStart)]) {
                PatrolLine(worker: $0.text(0), workerName: $0.text(1), start: $0.date(2), end: $0.optionalDate(3))
            }
            return GridDetail(code: code, name: name, workers: workers, sessions: sessions)
        }
    }
}

extension Store {
    /// The grid map's cells: basic grids with a map position, today's patrol minutes and open overdue matters
    /// (the month figures of `gridCompliance` are left at zero: the map does not show them).
    public func gridMapCells(now: Date) throws -> [GridComplianceRow] {
        try db.read {
            let minutes = Dictionary(uniqueKeysWithValues: try patrolMinutesToday(now: now).map { ($0.code, $0.minutes) })
            var overdue: [String: Int] = [:]
            try db.forEach(ConsoleQueries.overdueByGrid, [.of(now)]) { overdue[$0.text(0)] = $0.int(1) }
            return try db.query("""
                SELECT g.code, g.name, g.map_row, g.map_col, (SELECT count(*) FROM workers w WHERE w.grid = g.code)
                FROM grids g WHERE g.level = 'basic' AND g.map_row IS NOT NULL AND g.map_col IS NOT NULL ORDER BY g.code
                """) { r in
                GridComplianceRow(code: r.text(0), name: r.text(1), mapRow: r.optionalInt(2), mapCol: r.optionalInt(3),
                                  minutesToday: minutes[r.text(0)] ?? 0, averageMinutes: 0, daysMet: 0, daysSoFar: 0, workers: r.int(4),
                                  reports: 0, overdueMatters: overdue[r.text(0)] ?? 0, ongoing: 0)
            }
        }
    }
}
