import Foundation

extension ComplianceRules {
    /// The reporting pace of `period` at `now`: the report month's completed days (a day view as at its end).
    public static func pace(_ period: CompliancePeriod, zone: TownshipZone, now: Date, settings: ComplianceSettings) -> ReportPace {
        let month = period.month
        let monthFrame = DayFrame(month: month, zone: zone, now: effectiveNow(period, zone: zone, now: now))
        return ReportPace(elapsedDays: monthFrame.completedDays, daysInMonth: month.dayCount, target: settings.monthlyReports)
    }

    /// A grid's figure as `period` judges it: a day view judges that one day (so far, if it is today).
    static func judged(_ figure: PatrolFigure, period: CompliancePeriod, settings: ComplianceSettings) -> PatrolFigure {
        guard case .day = period else { return figure }
        let s = figure.dailySeconds[0]
        return PatrolFigure(dailySeconds: [s], days: 1, patrolSeconds: s, daysMeeting: s >= settings.dailyPatrolSeconds ? 1 : 0,
                            todaySeconds: figure.todaySeconds, dailyTargetMinutes: settings.dailyPatrolMinutes)
    }

    /// The grade from a grid's patrol and `reports` (a worker's own, or the grid's weakest worker's): a month view
    /// only; nil for a day view or before any day is judged.
    static func grade(_ figure: PatrolFigure, reports: Int, period: CompliancePeriod, pace: ReportPace,
                      settings: ComplianceSettings) -> Grade? {
        guard case .month = period else { return nil }
        return settings.gradeRule.grade(patrolMinutes: figure.patrolMinutes, days: figure.days, dailyTarget: settings.dailyPatrolMinutes,
                                        reports: reports, reportTarget: pace.gradeTarget)
    }

    /// Every basic grid's line of `period`, with the same rules as `board` but no row per worker: the roster's grids
    /// in order, `reports[i]` the counted reports of `roster.workers[i]` and `patrol(k)` the figure and sessions under
    /// way of `roster.grids[k]` (over `frame(for:)`). Line k is `roster.grids[k]`'s and equals its `board` row's `line`.
    public static func lines(period: CompliancePeriod, roster: WorkerRoster, reports: [Int], zone: TownshipZone, now: Date,
                             settings: ComplianceSettings, patrol: (Int) -> (figure: PatrolFigure, ongoing: Int))
        -> (pace: ReportPace, lines: [GridLine]) {
        precondition(reports.count == roster.workers.count, "one count per roster worker")
        let pace = pace(period, zone: zone, now: now, settings: settings)
        var out: [GridLine] = []
        out.reserveCapacity(roster.grids.count)
        for k in roster.grids.indices {
            let p = patrol(k)
            let figure = judged(p.figure, period: period, settings: settings)
            let gr = ReportRules.grid(counts: reports[roster.runs[k]], pace: pace)
            out.append(GridLine(patrol: figure, reports: gr, ongoing: p.ongoing,
                                grade: grade(figure, reports: gr.weakest ?? 0, period: period, pace: pace, settings: settings)))
        }
        return (pace, out)
    }
}
