import Foundation

/// What a compliance figure covers: a month, or one day (with month-to-date reports).
public enum CompliancePeriod: Hashable, Sendable, CustomStringConvertible {
    /// A calendar month.
    case month(LocalMonth)
    /// One calendar day.
    case day(LocalDate)

    /// The month the reports are counted in.
    public var month: LocalMonth {
        switch self { case .month(let m): m; case .day(let d): d.localMonth }
    }

    public var description: String {
        switch self { case .month(let m): m.description; case .day(let d): d.description }
    }
}

/// One basic grid's compliance (网格考核): patrol, reports, grade.
public struct GridCompliance: Hashable, Sendable {
    /// The grid.
    public let grid: Grid
    /// Patrol figures over the period.
    public let patrol: PatrolFigure
    /// Its workers' figures, by code.
    public let workers: [WorkerReports]
    /// The grid's reporting figure.
    public let reports: GridReports
    /// Sessions under way now in this grid.
    public let ongoing: Int
    /// The grade (month view, at least one completed day); nil otherwise.
    public let grade: Grade?
}

/// A worker's line on the board, with their grade (网格员考核).
public struct WorkerCompliance: Hashable, Sendable {
    /// Reports figure.
    public let reports: WorkerReports
    /// Their own grid's patrol figure (patrol is per grid).
    public let patrol: PatrolFigure
    /// Grade from their grid's patrol and their own reports; nil when nothing is judged yet.
    public let grade: Grade?
}

/// Every basic grid's compliance for a period (巡查考核总表).
public struct ComplianceBoard: Sendable {
    /// Month or day.
    public let period: CompliancePeriod
    /// The settings used.
    public let settings: ComplianceSettings
    /// The reporting pace at now (or at the end of the day, for a day view).
    public let pace: ReportPace
    /// One row per basic grid, by code.
    public let grids: [GridCompliance]
    /// One row per worker of a basic grid, by grid then worker code.
    public let workers: [WorkerCompliance]

    /// Whether its grades are provisional pace grades (a month view of a month still running).
    public var provisional: Bool { if case .month = period { return pace.running } else { return false } }
}

/// Assembles boards from plain inputs: the pure core behind `report compliance` and the console.
public enum ComplianceRules {
    /// A worker as the rules need them.
    public struct WorkerRef: Hashable, Sendable {
        /// Code.
        public let code: String
        /// Name.
        public let name: String
        /// Home grid.
        public let grid: String
        /// Creates a reference.
        public init(code: String, name: String, grid: String) { self.code = code; self.name = name; self.grid = grid }
    }

    /// The effective "now" for a period: a day view is judged as at the end of that day when it is over.
    public static func effectiveNow(_ period: CompliancePeriod, zone: TownshipZone, now: Date) -> Date {
        switch period {
        case .month: return now
        case .day(let d): return min(now, zone.endOfDay(d))
        }
    }

    /// Builds the board.
    /// - Parameters:
    ///   - grids: the basic grids.
    ///   - workers: their workers.
    ///   - sessions: sessions touching the period, **sorted by grid** (any extra ones are ignored by clipping).
    ///   - reportCounts: counted reports per worker code in the month (up to the period's end).
    public static func board(period: CompliancePeriod, grids: [Grid], workers: [WorkerRef], sessions: [PatrolSession],
                             reportCounts: [String: Int], zone: TownshipZone, now: Date, settings: ComplianceSettings) -> ComplianceBoard {
        board(period: period, grids: grids, workers: workers, reportCounts: reportCounts, zone: zone, now: now, settings: settings,
              patrol: figures(sessions, frame: frame(for: period, zone: zone, now: now), settings: settings, now: now))
    }

    /// Each grid's patrol figure over `frame` and its count of sessions under way, from `sessions` **sorted by grid**
    /// (sliced once; a grid with none has an empty figure).
    public static func figures(_ sessions: [PatrolSession], frame: DayFrame, settings: ComplianceSettings, now: Date)
        -> (String) -> (figure: PatrolFigure, ongoing: Int) {
        var byGrid: [String: Range<Int>] = [:]
        var i = 0
        while i < sessions.count {
            let g = sessions[i].grid
            var j = i + 1
            while j < sessions.count && sessions[j].grid == g { j += 1 }
            byGrid[g] = i..<j
            i = j
        }
        return { code in
            let mine = byGrid[code].map { Array(sessions[$0]) } ?? []
            let ongoing = mine.filter { $0.status(limitSeconds: settings.suspectSeconds, now: now) == .ongoing }.count
            return (PatrolRules.figure(mine, frame: frame, settings: settings), ongoing)
        }
    }

    /// The frame a period's patrol figures are computed over (the month, or the one day), at its effective now.
    public static func frame(for period: CompliancePeriod, zone: TownshipZone, now: Date) -> DayFrame {
        let at = effectiveNow(period, zone: zone, now: now)
        switch period {
        case .month(let m): return DayFrame(month: m, zone: zone, now: at)
        case .day(let d): return DayFrame(from: d, through: d, zone: zone, now: at)
        }
    }

    /// Builds the board from each grid's patrol figure over `frame(for:)` and its count of sessions under way,
    /// given by `patrol(gridCode)` (computed from sessions, or from the maintained day summary plus live sessions).
    public static func board(period: CompliancePeriod, grids: [Grid], workers: [WorkerRef], reportCounts: [String: Int],
                             zone: TownshipZone, now: Date, settings: ComplianceSettings,
                             patrol: (String) -> (figure: PatrolFigure, ongoing: Int)) -> ComplianceBoard {
        let pace = ComplianceRules.pace(period, zone: zone, now: now, settings: settings)
        // Each grid's workers by code. Given in (grid, code) order (as the store reads them), they are walked beside
        // the grids (also in code order), a run per grid, with no hashing; any other order is grouped and sorted first.
        let inOrder = zip(workers, workers.dropFirst()).allSatisfy { ($0.grid, $0.code) < ($1.grid, $1.code) }
        var workersByGrid: [String: [WorkerRef]] = [:]
        if !inOrder {
            for w in workers { workersByGrid[w.grid, default: []].append(w) }
            for (g, ws) in workersByGrid { workersByGrid[g] = ws.sorted { $0.code < $1.code } }
        }
        var cursor = 0
        func workersOf(_ code: String) -> ArraySlice<WorkerRef> {
            guard inOrder else { return (workersByGrid[code] ?? [])[...] }
            while cursor < workers.count && workers[cursor].grid < code { cursor += 1 }
            let first = cursor
            while cursor < workers.count && workers[cursor].grid == code { cursor += 1 }
            return workers[first..<cursor]
        }

        var gridRows: [GridCompliance] = []
        var workerRows: [WorkerCompliance] = []
        gridRows.reserveCapacity(grids.count)
        for g in grids.sorted(by: { $0.code < $1.code }) {
            let p = patrol(g.code)
            let figure = judged(p.figure, period: period, settings: settings)
            let ws = workersOf(g.code).map {
                ReportRules.worker(code: $0.code, name: $0.name, grid: g.code, reports: reportCounts[$0.code] ?? 0, pace: pace)
            }
            let gr = ReportRules.grid(ws)
            for w in ws {
                workerRows.append(WorkerCompliance(reports: w, patrol: figure, grade: grade(figure, reports: w.reports, period: period, pace: pace, settings: settings)))
            }
            gridRows.append(GridCompliance(grid: g, patrol: figure, workers: ws, reports: gr, ongoing: p.ongoing,
                                           grade: grade(figure, reports: gr.weakest ?? 0, period: period, pace: pace, settings: settings)))
        }
        return ComplianceBoard(period: period, settings: settings, pace: pace, grids: gridRows, workers: workerRows)
    }
}
