import Foundation
import GridCore

/// One grid opened from the board (网格详情): its month, today's sessions and each worker's reports.
public struct GridDrillDown: Sendable {
    /// The grid's compliance for the month (workers and their reports included).
    public let compliance: GridCompliance
    /// Today's sessions in the grid, ongoing ones included, by start, with their status.
    public let today: [(session: PatrolSession, status: PatrolStatus)]
    /// The reporting pace used.
    public let pace: ReportPace
    /// The day "today" is.
    public let day: LocalDate
}

extension Store {
    /// Compliance of every basic grid and worker for a month or a day (巡查考核). One read snapshot,
    /// one ordered pass over the period's sessions, one grouped count of reports.
    public func complianceBoard(_ period: CompliancePeriod, grid: String? = nil, now: Date) throws -> ComplianceBoard {
        let settings = try complianceSettings()
        return try db.read {
            // Every grid's from the roster kept between loads; one grid's read as it is.
            let copy = grid == nil ? try roster() : nil
            let grids = try copy?.roster.grids ?? basicGrids(code: grid)
            let workers = try copy?.roster.workers ?? complianceWorkers(grid: grid)
            let month = period.month
            let at = ComplianceRules.effectiveNow(period, zone: zone, now: now)
            let window: TimeSpan
            switch period {
            case .month(let m): window = TimeSpan(from: zone.startOfDay(m.firstDay), to: zone.endOfDay(m.lastDay))
            case .day(let d): window = TimeSpan(from: zone.startOfDay(d), to: zone.endOfDay(d))
            }
            let reportsEnd = min(at, zone.endOfDay(month.lastDay))
            let counts = try reportCounts(month: month, through: max(reportsEnd, zone.startOfDay(month.firstDay)), grid: grid)
            // A month reads the maintained day summary for its completed days (see Store+PatrolDayReads).
            if case .month = period, let figures = try summarisedPatrol(frame: ComplianceRules.frame(for: period, zone: zone, now: now),
                                                                          codes: copy?.grids ?? CodeIndex(grids.map(\.code)), grid: grid, settings: settings, now: now) {
                // The board asks grid by grid in code order, the order `grids` was read in: the next one is almost always it.
                var next = 0
                return ComplianceRules.board(period: period, grids: grids, workers: workers, reportCounts: counts,
                                             zone: zone, now: now, settings: settings) { code in
                    let k = next < grids.count && grids[next].code == code ? next : grids.firstIndex { $0.code == code }!
                    next = k + 1
                    return figures[k]
                }
            }
            let sessions = try patrolSessions(overlapping: window, grid: grid, settings: settings)
            return ComplianceRules.board(period: period, grids: grids, workers: workers, sessions: sessions, reportCounts: counts,
                                         zone: zone, now: now, settings: settings)
        }
    }

    /// One grid's month with today's sessions (the console's Enter on a grid).
    public func gridDrillDown(grid: String, now: Date) throws -> GridDrillDown {
        let today = zone.localDate(of: now)
        return try db.read {
            let board = try complianceBoard(.month(today.localMonth), grid: grid, now: now)
            let sessions = try patrolList(day: today, grid: grid, now: now)
            return GridDrillDown(compliance: board.grids[0], today: sessions, pace: board.pace, day: today)
        }
    }

    /// The red and black lists of a month (红黑榜).
    public func redBlackList(month: LocalMonth, size: Int = 5, now: Date) throws -> RedBlackList {
        RedBlackList(board: try complianceBoard(.month(month), now: now), size: size)
    }

    /// How one grid's figure for one day was formed (`report compliance --explain`).
    public func explainPatrol(grid: String, day: LocalDate, now: Date) throws -> PatrolExplanation {
        let settings = try complianceSettings()
        _ = try basicGrids(code: grid)
        let window = TimeSpan(from: zone.startOfDay(day), to: zone.endOfDay(day))
        let sessions = try patrolSessions(overlapping: window, grid: grid, settings: settings)
            .filter { TimeSpan.seconds($0.start) < window.end }
        return PatrolRules.explain(sessions, day: day, zone: zone, settings: settings, now: now)
    }
}
