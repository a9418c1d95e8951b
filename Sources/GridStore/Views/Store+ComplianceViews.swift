import Foundation
import GridCore

extension Store {
    /// One row per basic grid at `now`: today's patrol, the month so far, workers, reports and overdue matters.
    public func gridCompliance(now: Date) throws -> [GridComplianceRow] {
        let today = zone.localDate(of: now)
        let month = today.localMonth
        let monthStart = zone.startOfDay(month.firstDay), monthEnd = zone.startOfDay(month.next.firstDay)
        return try db.read {
            var rows: [GridComplianceRow] = []
            var index: [String: Int] = [:]
            try db.forEach("""
                SELECT g.code, g.name, g.map_row, g.map_col, (SELECT count(*) FROM workers w WHERE w.grid = g.code)
                FROM grids g WHERE g.level = 'basic' ORDER BY g.code
                """) { r in
                index[r.text(0)] = rows.count
                rows.append(GridComplianceRow(code: r.text(0), name: r.text(1), mapRow: r.optionalInt(2), mapCol: r.optionalInt(3),
                                           minutesToday: 0, averageMinutes: 0, daysMet: 0, daysSoFar: today.day - 1, workers: r.int(4),
                                           reports: 0, overdueMatters: 0, ongoing: 0))
            }
            // The month's sessions, grid by grid (index patrols_grid_start), judged by the compliance rules.
            let settings = try complianceSettings()
            let frame = DayFrame(month: month, zone: zone, now: now)
            var sessions: [PatrolSession] = []
            var current = ""
            func flush() {
                guard let i = index[current] else { return }
                let fig = PatrolRules.figure(sessions, frame: frame, settings: settings)
                rows[i].minutesToday = fig.todayMinutes ?? 0
                rows[i].daysMet = fig.daysMeeting
                rows[i].daysSoFar = fig.days
                rows[i].averageMinutes = Int(fig.averageMinutes ?? 0)
                rows[i].ongoing = sessions.filter { $0.isOpen }.count
            }
            try db.forEach("""
                SELECT p.grid, p.id, p.worker, p.start_at, p.end_at, p.confirmed_by, p.confirmed_at
                FROM grids g JOIN patrols p ON p.grid = g.code AND p.start_at >= ? AND p.start_at < ?
                WHERE g.level = 'basic' ORDER BY g.code
                """, [.of(monthStart.addingTimeInterval(-86_400)), .of(min(monthEnd, now))]) { r in
                if r.text(0) != current { flush(); current = r.text(0); sessions = [] }
                sessions.append(PatrolSession(id: r.int(1), worker: r.text(2), grid: r.text(0), start: r.date(3), end: r.optionalDate(4),
                                              confirmedBy: r.optionalText(5), confirmedAt: r.optionalDate(6)))
            }
            flush()
            try db.forEach(ConsoleQueries.reportsByGrid, [.of(monthStart), .of(monthEnd)]) { r in
                if let i = index[r.text(0)] { rows[i].reports = r.int(1) }
            }
            try db.forEach(ConsoleQueries.overdueByGrid, [.of(now)]) { r in
                if let i = index[r.text(0)] { rows[i].overdueMatters = r.int(1) }
            }
            return rows
        }
    }

    /// One grid's workers (with this month's reports) and today's patrol sessions.
    public func gridDetail(code: String, now: Date) throws -> GridDetail? {
        let today = zone.localDate(of: now)
        let month = today.localMonth
        let monthStart = zone.startOfDay(month.firstDay), monthEnd = zone.startOfDay(month.next.firstDay)
        return try db.read {
            guard let name = try db.first("SELECT name FROM grids WHERE code = ?", [.text(code)], { $0.text(0) }) else { return nil }
            let workers = try db.query("""
                SELECT w.code, w.name, w.kind, w.phone,
                       (SELECT count(*) FROM matters m WHERE m.source = 'grid_worker' AND m.reporter = w.code AND m.reported_at >= ? AND m.reported_at < ?)
                FROM workers w WHERE w.grid = ? ORDER BY w.code
                """, [.of(monthStart), .of(monthEnd), .text(code)]) {
                WorkerLine(code: $0.text(0), name: $0.text(1), kind: $0.text(2), phone: $0.text(3), reports: $0.int(4))
            }
            let dayStart = zone.startOfDay(today)
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
