/// A period's patrol and reporting compliance (季度 / 年度考核), from the boards of its months.
///
/// The rule, once: every additive figure is summed over the months — seconds of patrol, days, days that
/// met the daily mark, each worker's counted reports — and the period is judged on the sums against the
/// period's targets: patrol `dailyPatrolMinutes × days`, reports `monthlyReports × months`. A month is
/// therefore judged exactly as `report compliance --month` judges it. The grade uses the township's
/// `GradeRule` with those period targets. While the period is running (a month still open) the figures
/// are provisional: patrol is judged on the completed days (as always) and reports against the pace so far,
/// `⌈monthlyReports × Σ(completed days of month ÷ days of month)⌉`, so a grade mid-period is a pace grade,
/// printed as provisional, never a final 不合格 on a target the period has not had time to reach.
public struct PeriodCompliance: Sendable {
    /// The period.
    public let period: ReportPeriod
    /// The settings used.
    public let settings: ComplianceSettings
    /// Whether a month of the period is still running.
    public let provisional: Bool
    /// Reports each worker must make over the whole period.
    public let reportTarget: Int
    /// Reports the grades are judged against: `reportTarget`, or the pace so far while provisional.
    public let gradeReportTarget: Int
    /// One row per basic grid, by code, with period figures (a pace grade while provisional).
    public let grids: [GridCompliance]
    /// One row per worker, by grid then code.
    public let workers: [WorkerCompliance]

    /// Combines the boards of the period's months (each `.month`, in any order; months not yet begun are left out).
    public init(period: ReportPeriod, boards: [ComplianceBoard], settings: ComplianceSettings) {
        self.period = period
        self.settings = settings
        let months = boards.count
        reportTarget = settings.monthlyReports * max(months, 1)
        provisional = boards.contains { $0.pace.elapsedDays < $0.pace.daysInMonth }
        // Pace as a fraction with a common denominator: Σ elapsed/days = Σ elapsed × (L/days) / L.
        let l = boards.reduce(1) { lcm($0, $1.pace.daysInMonth) }
        let paceNumerator = boards.reduce(0) { $0 + $1.pace.elapsedDays * (l / $1.pace.daysInMonth) }
        func onPace(_ reports: Int) -> Bool { reports * l >= settings.monthlyReports * paceNumerator }
        let paceTarget = (settings.monthlyReports * paceNumerator + l - 1) / l
        gradeReportTarget = provisional ? max(paceTarget, 1) : reportTarget

        var patrol: [String: (grid: Grid, daily: [Int], days: Int, seconds: Int, met: Int)] = [:]
        var reports: [String: (name: String, grid: String, count: Int)] = [:]
        for b in boards.sorted(by: { $0.period.month < $1.period.month }) {
            for g in b.grids {
                var p = patrol[g.grid.code] ?? (g.grid, [], 0, 0, 0)
                p.grid = g.grid
                p.daily += g.patrol.dailySeconds; p.days += g.patrol.days
                p.seconds += g.patrol.patrolSeconds; p.met += g.patrol.daysMeeting
                patrol[g.grid.code] = p
            }
            for w in b.workers {
                // A worker who moved grid counts in the grid of the latest month.
                let prior = reports[w.reports.worker]?.count ?? 0
                reports[w.reports.worker] = (w.reports.name, w.reports.grid, prior + w.reports.reports)
            }
        }
        let daily = settings.dailyPatrolMinutes, target = reportTarget, gradeTarget = gradeReportTarget, rule = settings.gradeRule
        var workersByGrid: [String: [WorkerReports]] = [:]
        for (code, r) in reports {
            workersByGrid[r.grid, default: []].append(
                WorkerReports(worker: code, name: r.name, grid: r.grid, reports: r.count, ok: r.count >= target, onPace: onPace(r.count)))
        }
        var gridRows: [GridCompliance] = []
        var workerRows: [WorkerCompliance] = []
        for code in patrol.keys.sorted() {
            let p = patrol[code]!
            let figure = PatrolFigure(dailySeconds: p.daily, days: p.days, patrolSeconds: p.seconds, daysMeeting: p.met,
                                      todaySeconds: nil, dailyTargetMinutes: daily)
            let ws = (workersByGrid[code] ?? []).sorted { $0.worker < $1.worker }
            let gr = ReportRules.grid(ws)
            func grade(_ n: Int) -> Grade? {
                rule.grade(patrolMinutes: figure.patrolMinutes, days: figure.days, dailyTarget: daily, reports: n, reportTarget: gradeTarget)
            }
            for w in ws { workerRows.append(WorkerCompliance(reports: w, patrol: figure, grade: grade(w.reports))) }
            gridRows.append(GridCompliance(grid: p.grid, patrol: figure, workers: ws, reports: gr, ongoing: 0,
                                           grade: grade(gr.weakest ?? 0)))
        }
        grids = gridRows
        workers = workerRows
    }

    /// The period's red and black lists, ranked by the same rule as a month's (`RedBlackList`).
    public func redBlack(size: Int) -> RedBlackList {
        RedBlackList(grids: grids, workers: workers, dailyTarget: settings.dailyPatrolMinutes, reportTarget: gradeReportTarget, size: size)
    }
}

private func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
private func lcm(_ a: Int, _ b: Int) -> Int { a / gcd(a, b) * b }
