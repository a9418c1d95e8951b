import Foundation
import GridCore

/// The Patrol screen's month (巡查考核·月): every basic grid's figures and grade for one month, past or running.
public struct PatrolMonthView: Sendable {
    /// The month shown.
    public let month: LocalMonth
    /// Whether it is still running at `now`: its grades are pace grades, provisional (暂定); once it has ended they are final.
    public let running: Bool
    /// Whether it is the month `now` falls in (then today's patrol is shown).
    public let current: Bool
    /// Completed days judged, and the month's length.
    public let completedDays: Int, daysInMonth: Int
    /// Reports a worker is graded against: the monthly target once the month is over, the pace so far while it runs.
    public let gradeTarget: Int
    /// One row per basic grid, by code.
    public let rows: [PatrolMonthRow]
}

/// One basic grid's line of the month (网格月考核).
public struct PatrolMonthRow: Sendable, Equatable {
    /// Grid code and name.
    public let code: String, name: String
    /// Patrol minutes today (overlaps counted once); nil when the month shown is not the current one.
    public let minutesToday: Int?
    /// Whole patrol minutes over the judged days, and their daily average (rounded down).
    public let patrolMinutes: Int, averageMinutes: Int
    /// Judged days at or above the daily mark, and days judged.
    public let daysMet: Int, days: Int
    /// Workers assigned, and their counted reports in the month.
    public let workers: Int, reports: Int
    /// The grade (final for an ended month, provisional while it runs); nil before any day is judged.
    public let grade: Grade?
    /// Sessions under way now.
    public let ongoing: Int
}

/// A grid's page for a month (网格详情·月): its figures, its workers with their month, and today's sessions.
public struct GridMonthView: Sendable {
    /// The grid's line of the month.
    public let grid: PatrolMonthRow
    /// Its workers, by code.
    public let workers: [WorkerMonthLine]
    /// Today's sessions in the grid (empty unless the month is the current one).
    public let today: [PatrolLine]
}

/// One worker's line on a grid's month page.
public struct WorkerMonthLine: Sendable, Equatable {
    /// Code, name, phone.
    public let code: String, name: String, phone: String
    /// 专职 or 兼职.
    public let kind: WorkerKind
    /// Counted reports in the month.
    public let reports: Int
    /// Their grade for the month (their grid's patrol and their own reports); nil before any day is judged.
    public let grade: Grade?
}

/// One worker's month (网格员月详情): their patrol sessions and the matters they reported.
public struct WorkerMonthView: Sendable {
    /// The worker and their home grid.
    public let worker: WorkerMonthLine
    /// Home grid code and name.
    public let grid: String, gridName: String
    /// Sessions overlapping the month, by start.
    public let sessions: [WorkerSessionLine]
    /// Matters they reported (as grid worker) in the month, by reported time; invalid and merged ones too, with their state.
    public let reports: [WorkerReportLine]
}

/// One of a worker's sessions: when, where, how it counts.
public struct WorkerSessionLine: Sendable, Equatable {
    /// The grid walked.
    public let grid: String
    /// Start; end (nil while under way).
    public let start: Date, end: Date?
    /// Minutes that count within the month (0 for a suspect or runaway session): the session's own span, clipped to
    /// the month and to now. The grid's figure unites overlapping sessions of its workers, so these may add up to more.
    public let countedMinutes: Int
    /// How the counting rule treats it now.
    public let status: PatrolStatus
}

/// One matter a worker reported.
public struct WorkerReportLine: Sendable, Equatable {
    /// Case number and title.
    public let number: String, title: String
    /// Its state now.
    public let state: MatterState
    /// When it was reported.
    public let reportedAt: Date
}

extension Store {
    /// Every basic grid's month: the compliance board of `month` (`complianceBoard(.month)`, one rule), judged at
    /// `now` — final grades once the month has ended, pace grades (暂定) while it runs; today's patrol for the current month.
    public func patrolMonth(_ month: LocalMonth, now: Date) throws -> PatrolMonthView {
        let settings = try complianceSettings()
        let period = CompliancePeriod.month(month)
        return try db.read {
            // The board's rules over the roster kept between loads (`roster()`), by position: no row per worker.
            let copy = try roster()
            let monthEnd = zone.endOfDay(month.lastDay), monthStart = zone.startOfDay(month.firstDay)
            let counts = try reportCounts(month: month, through: max(min(now, monthEnd), monthStart), roster: copy)
            let frame = ComplianceRules.frame(for: period, zone: zone, now: now)
            let patrol: (Int) -> (figure: PatrolFigure, ongoing: Int)
            if let figures = try summarisedPatrol(frame: frame, codes: copy.grids, grid: nil, settings: settings, now: now) {
                patrol = { figures[$0] }
            } else {
                let sessions = try patrolSessions(overlapping: frame.window, settings: settings)
                let byCode = ComplianceRules.figures(sessions, frame: frame, settings: settings, now: now)
                patrol = { byCode(copy.grids.codes[$0]) }
            }
            let (pace, lines) = ComplianceRules.lines(period: period, roster: copy.roster, reports: counts, zone: zone, now: now,
                                                      settings: settings, patrol: patrol)
            return PatrolMonthView(month: month, running: pace.running, current: month == zone.localDate(of: now).localMonth,
                                   completedDays: pace.elapsedDays, daysInMonth: month.dayCount, gradeTarget: pace.gradeTarget,
                                   rows: zip(copy.roster.grids, lines).map(Store.monthRow))
        }
    }

    /// One grid's month: its line, its workers (kind, phone, counted reports, grade) and, for the current month,
    /// today's sessions (`gridDetail`); nil when there is no such grid.
    public func gridMonth(code: String, month: LocalMonth, now: Date) throws -> GridMonthView? {
        try db.read {
            let current = month == zone.localDate(of: now).localMonth
            // Today's sessions only for the month today is in: a past month's page does not show them.
            guard let detail = try gridDetail(code: code, now: now, today: current) else { return nil }
            let board = try complianceBoard(.month(month), grid: code, now: now)
            guard let line = board.grids.first else { return nil }
            let grades = Dictionary(board.workers.map { ($0.reports.worker, $0) }, uniquingKeysWith: { a, _ in a })
            let workers = detail.workers.map { w in
                WorkerMonthLine(code: w.code, name: w.name, phone: w.phone, kind: w.kind,
                                reports: grades[w.code]?.reports.reports ?? 0, grade: grades[w.code]?.grade)
            }
            return GridMonthView(grid: Store.monthRow(line.grid, line.line), workers: workers, today: current ? detail.sessions : [])
        }
    }

    /// One worker's month: the sessions overlapping it (index `patrols_worker_start`, from the suspect limit before
    /// the month, since a session that counts is no longer than that unless confirmed) and the matters they reported in
    /// it (index `matters_reporter`); nil when there is no such worker.
    public func workerMonth(code: String, month: LocalMonth, now: Date) throws -> WorkerMonthView? {
        let settings = try complianceSettings()
        let window = TimeSpan(from: zone.startOfDay(month.firstDay), to: zone.endOfDay(month.lastDay))
        return try db.read {
            guard let head = try db.first("""
                SELECT w.code, w.name, w.phone, w.kind, w.grid, coalesce(g.name, '') FROM workers w LEFT JOIN grids g ON g.code = w.grid WHERE w.code = ?
                """, [.text(code)], { r in (r.text(0), r.text(1), r.text(2), try r.code(3, WorkerKind.self, table: "workers", column: "kind"), r.text(4), r.text(5)) })
            else { return nil }
            let board = try complianceBoard(.month(month), grid: head.4, now: now)
            let mine = board.workers.first { $0.reports.worker == code }
            let sessions = try db.query(Store.workerSessionsSQL, [.text(code), .of(window.start - settings.suspectSeconds), .of(window.end)],
                                        Store.patrolSession)
                .compactMap { s -> WorkerSessionLine? in
                    let status = s.status(limitSeconds: settings.suspectSeconds, now: now)
                    // Sessions from the look-back that ended before the month are not the month's.
                    guard s.end.map({ TimeSpan.seconds($0) > window.start }) ?? true else { return nil }
                    let counted = status.counts ? (s.countedSpan(now: now)?.clipped(to: window)?.seconds ?? 0) / 60 : 0
                    return WorkerSessionLine(grid: s.grid, start: s.start, end: s.end, countedMinutes: counted, status: status)
                }
            let reports = try db.query(Store.workerReportsSQL, [.text(code), .of(window.start), .of(window.end)]) { r in
                WorkerReportLine(number: r.text(0), title: r.text(1), state: try r.code(2, table: "matters", column: "state"), reportedAt: r.date(3))
            }
            let line = WorkerMonthLine(code: head.0, name: head.1, phone: head.2, kind: head.3,
                                       reports: mine?.reports.reports ?? 0, grade: mine?.grade)
            return WorkerMonthView(worker: line, grid: head.4, gridName: head.5, sessions: sessions, reports: reports)
        }
    }

    /// A worker's sessions starting in [?2, ?3): a range of `patrols_worker_start`.
    static let workerSessionsSQL = """
        SELECT \(patrolColumns) FROM patrols WHERE worker = ?1 AND start_at >= ?2 AND start_at < ?3 ORDER BY start_at, id
        """

    /// A worker's reports (as grid worker) in [?2, ?3), any state: a range of the partial index on (reporter, reported_at).
    static let workerReportsSQL = """
        SELECT number, title, state, reported_at FROM matters
        WHERE reporter = ?1 AND \(CountedReports.source()) AND reported_at >= ?2 AND reported_at < ?3 ORDER BY reported_at, number
        """

    /// A board's grid as the month row shows it.
    static func monthRow(_ grid: Grid, _ g: GridLine) -> PatrolMonthRow {
        PatrolMonthRow(code: grid.code, name: grid.name, minutesToday: g.patrol.todayMinutes, patrolMinutes: g.patrol.patrolMinutes,
                       averageMinutes: Int(g.patrol.averageMinutes ?? 0), daysMet: g.patrol.daysMeeting, days: g.patrol.days,
                       workers: g.reports.workers, reports: g.reports.reports, grade: g.grade, ongoing: g.ongoing)
    }
}
