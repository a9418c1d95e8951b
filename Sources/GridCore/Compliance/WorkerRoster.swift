import Foundation

/// The basic grids and their workers as the compliance rules walk them (考核名册): grids by code, each grid's
/// workers one run by code. Made once per change of the registry (the store keeps it between loads), so a board
/// finds a grid's workers and a worker's count by position, with no hashing or sorting on each load.
public struct WorkerRoster: Sendable {
    /// The basic grids, by code.
    public let grids: [Grid]
    /// Their workers, by grid (in `grids`' order) then code; workers of any other grid are left out.
    public let workers: [ComplianceRules.WorkerRef]
    /// `workers[runs[k]]` are `grids[k]`'s workers.
    public let runs: [Range<Int>]

    /// Sorts and groups `grids` (basic ones) and `workers` (any order).
    public init(grids: [Grid], workers: [ComplianceRules.WorkerRef]) {
        let grids = grids.sorted { $0.code < $1.code }
        var slot: [String: Int] = [:]
        for (k, g) in grids.enumerated() { slot[g.code] = k }
        let sorted = workers.compactMap { w in slot[w.grid].map { (k: $0, w: w) } }
            .sorted { ($0.k, $0.w.code) < ($1.k, $1.w.code) }
        var runs = [Range<Int>](repeating: 0..<0, count: grids.count)
        var i = 0
        while i < sorted.count {
            var j = i + 1
            while j < sorted.count && sorted[j].k == sorted[i].k { j += 1 }
            runs[sorted[i].k] = i..<j
            i = j
        }
        self.grids = grids
        self.workers = sorted.map(\.w)
        self.runs = runs
    }
}

/// One basic grid's line of a month or day (网格考核行): its patrol, its workers' reports summed and its grade,
/// without a row per worker (the Patrol screen's line; `GridCompliance` carries the grid and its workers too).
/// The grid itself is the roster's, at the same position: a line copies none of its names.
public struct GridLine: Hashable, Sendable {
    /// Patrol figures over the period.
    public let patrol: PatrolFigure
    /// The grid's reporting figure.
    public let reports: GridReports
    /// Sessions under way now in this grid.
    public let ongoing: Int
    /// The grade (month view, at least one completed day); nil otherwise.
    public let grade: Grade?
}

extension GridCompliance {
    /// The grid's line without its workers.
    public var line: GridLine { GridLine(patrol: patrol, reports: reports, ongoing: ongoing, grade: grade) }
}
