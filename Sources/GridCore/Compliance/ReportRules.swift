/// The pace a worker should be at in a month not yet over (上报进度).
///
/// `elapsedDays` is the number of **completed** local days of the month at "now" (today is not
/// counted until it ends), the same count as the patrol `days`. Once the month has ended it equals
/// the days in the month, so the pace is the full target. Expected = target × elapsed / daysInMonth.
public struct ReportPace: Hashable, Sendable {
    /// Completed days of the month.
    public let elapsedDays: Int
    /// Days in the month.
    public let daysInMonth: Int
    /// Monthly target (10).
    public let target: Int

    /// Creates a pace.
    public init(elapsedDays: Int, daysInMonth: Int, target: Int) {
        self.elapsedDays = elapsedDays; self.daysInMonth = daysInMonth; self.target = target
    }

    /// Reports expected by now: target × elapsed / days in month (a fraction).
    public var expected: Double { Double(target * elapsedDays) / Double(daysInMonth) }

    /// Whether `reports` are on pace: reports ≥ target × elapsed / days, compared exactly in integers.
    public func onPace(_ reports: Int) -> Bool { reports * daysInMonth >= target * elapsedDays }

    /// Whether the month is still running (days left): its grades are pace grades, provisional (暂定).
    public var running: Bool { elapsedDays < daysInMonth }

    /// Reports a grade is judged against: the target once the month is over; while it runs, the pace so far
    /// rounded up, `⌈target × elapsed ÷ days⌉` (at least 1), so the 2nd of a month never grades anyone
    /// 不合格 on 2 of 10 (the same rule `PeriodCompliance` applies to a quarter or year).
    public var gradeTarget: Int { running ? max((target * elapsedDays + daysInMonth - 1) / daysInMonth, 1) : target }
}

/// A grid worker's reporting for a month (网格员上报).
public struct WorkerReports: Hashable, Sendable {
    /// Worker code.
    public let worker: String
    /// Worker name.
    public let name: String
    /// The worker's own basic grid.
    public let grid: String
    /// Reports counted (as grid worker, not invalid, not merged away).
    public let reports: Int
    /// Monthly target met (reports ≥ target).
    public let ok: Bool
    /// On pace for the month so far.
    public let onPace: Bool
}

/// A basic grid's reporting figure: its workers' reports summed (网格上报).
public struct GridReports: Hashable, Sendable {
    /// Number of workers whose grid this is.
    public let workers: Int
    /// Their reports, summed.
    public let reports: Int
    /// Met only if every worker met the target; false with no worker.
    public let ok: Bool
    /// Every worker on pace; false with no worker.
    public let onPace: Bool
    /// The weakest worker's count (used for the grid's grade); nil with no worker.
    public let weakest: Int?
    /// Flag: a basic grid must have at least one worker (每个网格配备1名网格员).
    public var noWorker: Bool { workers == 0 }
}

/// The reporting rules.
public enum ReportRules {
    /// One worker's figure from their count.
    public static func worker(code: String, name: String, grid: String, reports: Int, pace: ReportPace) -> WorkerReports {
        WorkerReports(worker: code, name: name, grid: grid, reports: reports, ok: reports >= pace.target, onPace: pace.onPace(reports))
    }

    /// A grid's figure from its workers' figures.
    public static func grid(_ workers: [WorkerReports]) -> GridReports {
        GridReports(workers: workers.count, reports: workers.reduce(0) { $0 + $1.reports },
                    ok: !workers.isEmpty && workers.allSatisfy(\.ok),
                    onPace: !workers.isEmpty && workers.allSatisfy(\.onPace),
                    weakest: workers.map(\.reports).min())
    }

    /// A grid's figure from its workers' counts at `pace`: the same figure as `grid(_:)` over their `worker(…)` figures.
    public static func grid<C: Collection<Int>>(counts: C, pace: ReportPace) -> GridReports {
        var sum = 0, ok = true, onPace = true, weakest: Int?
        for n in counts {
            sum += n
            ok = ok && n >= pace.target
            onPace = onPace && pace.onPace(n)
            weakest = min(weakest ?? n, n)
        }
        return GridReports(workers: counts.count, reports: sum, ok: !counts.isEmpty && ok, onPace: !counts.isEmpty && onPace, weakest: weakest)
    }
}
