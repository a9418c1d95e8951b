import Foundation
import GridCore

extension Store {
    /// The Overview screen's figures at `now`: counters, bars, today's patrol and the latest `feedSize` events.
    public func overview(now: Date, feedSize: Int = 10) throws -> OverviewFigures {
        let today = zone.localDate(of: now)
        let dayStart = zone.startOfDay(today), dayEnd = zone.endOfDay(today)
        let month = today.localMonth
        return try db.read {
            var f = OverviewFigures()
            f.newToday = try db.scalarInt(ConsoleQueries.newInRange, [.of(dayStart), .of(dayEnd)])
            f.byState = try db.query(ConsoleQueries.openByState) { Tally(key: try $0.code(0, table: "matters", column: "state"), count: $0.int(1)) }
            f.open = f.byState.reduce(0) { $0 + $1.count }
            f.escalated = f.byState.first { $0.key == .escalated }?.count ?? 0
            f.overdue = try db.scalarInt(ConsoleQueries.overdueCount, [.of(now)])
            f.nearDue = try db.scalarInt(ConsoleQueries.nearDueCount, [.of(now), .of(now)])
            f.urgentOpen = try db.scalarInt(ConsoleQueries.urgentOpenCount)
            f.shelved = try db.scalarInt(ConsoleQueries.shelvedCount)
            f.byPlatform = try db.query(ConsoleQueries.openByPlatform) { Tally(key: try $0.optionalCode(0, table: "departments", column: "platform"), count: $0.int(1)) }
            let minutes = try patrolMinutesToday(now: now)
            let settings = try complianceSettings()
            f.dailyPatrolMinutes = settings.dailyPatrolMinutes
            f.monthlyReports = settings.monthlyReports
            for (_, m) in minutes {
                if m >= settings.dailyPatrolMinutes { f.gridsMet += 1 } else if m > 0 { f.gridsUnder += 1 } else { f.gridsNobody += 1 }
            }
            f.reportsThisMonth = try reportTotal(month: month)
            f.workers = try db.scalarInt("SELECT count(*) FROM workers")
            f.day = today.day; f.daysInMonth = month.dayCount
            f.feed = try db.query(ConsoleQueries.feed, [.of(feedSize), .of(feedSize)]) { FeedItem(at: $0.date(0), kind: try $0.code(1, table: "events", column: "kind"), number: $0.text(2), title: $0.text(3), actor: $0.text(4)) }
            return f
        }
    }

    /// Patrol minutes today per basic grid, by the compliance rules (overlaps once, suspect sessions left out).
    public func patrolMinutesToday(now: Date) throws -> [(code: String, minutes: Int)] {
        let today = zone.localDate(of: now)
        let settings = try complianceSettings()
        let frame = DayFrame(from: today, through: today, zone: zone, now: now)
        let dayStart = zone.startOfDay(today), dayEnd = zone.endOfDay(today)
        // The board's own read: sessions from today's start less the suspect limit (covering `patrols_grid_start`),
        // plus the few flagged long or open ones that started earlier (`patrols_long`), by grid.
        var sessions: [String: [PatrolSession]] = [:]
        let window = TimeSpan(from: dayStart, to: max(dayStart, min(dayEnd, now)))
        for s in try patrolSessions(overlapping: window, settings: settings) { sessions[s.grid, default: []].append(s) }
        let order = try db.query("SELECT code FROM grids WHERE level = 'basic' ORDER BY code") { $0.text(0) }
        return order.map { code in (code, PatrolRules.figure(sessions[code] ?? [], frame: frame, settings: settings).todayMinutes ?? 0) }
    }
}
