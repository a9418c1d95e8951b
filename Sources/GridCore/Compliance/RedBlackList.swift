/// The red and black lists (红黑榜) of a month: the best and the worst grids and workers.
///
/// Red list (红榜): those meeting **both** targets, best first — by grade, then the lower of the two
/// ratios to target (patrol average / daily target, reports / monthly target), then patrol minutes,
/// then reports, then code. Black list (黑榜): those missing at least one target, worst first — by grade,
/// then the lower ratio, then the same tie-breaks reversed. A grid with no worker is always on the black list.
public struct RedBlackList: Sendable {
    /// Best grids.
    public let redGrids: [GridCompliance]
    /// Worst grids.
    public let blackGrids: [GridCompliance]
    /// Best workers.
    public let redWorkers: [WorkerCompliance]
    /// Worst workers.
    public let blackWorkers: [WorkerCompliance]

    /// Ranks a month's board, keeping `size` on each list.
    public init(board: ComplianceBoard, size: Int = 5) {
        self.init(grids: board.grids, workers: board.workers, dailyTarget: board.settings.dailyPatrolMinutes,
                  reportTarget: board.pace.gradeTarget, size: size)
    }

    /// Ranks grids and workers judged against `reportTarget` reports over their period (a month's 10, a quarter's 30).
    public init(grids: [GridCompliance], workers: [WorkerCompliance], dailyTarget: Int, reportTarget: Int, size: Int = 5) {
        // Lower ratio to target, in parts per million (exact enough for ranking, integer for stable order).
        func ratio(_ p: PatrolFigure, _ reports: Int) -> Int {
            let patrol = p.days > 0 ? p.patrolMinutes * 1_000_000 / (dailyTarget * p.days) : 0
            return min(patrol, reports * 1_000_000 / reportTarget)
        }
        typealias GKey = (grade: Int, ratio: Int, minutes: Int, reports: Int)
        func gkey(_ g: GridCompliance) -> GKey { (g.grade?.rank ?? -1, ratio(g.patrol, g.reports.weakest ?? 0), g.patrol.patrolMinutes, g.reports.reports) }
        func wkey(_ w: WorkerCompliance) -> GKey { (w.grade?.rank ?? -1, ratio(w.patrol, w.reports.reports), w.reports.reports, w.patrol.patrolMinutes) }
        func better(_ a: GKey, _ b: GKey) -> Bool { (a.grade, a.ratio, a.minutes, a.reports) > (b.grade, b.ratio, b.minutes, b.reports) }

        let good = grids.filter { $0.patrol.ok && $0.reports.ok }
        let bad = grids.filter { !($0.patrol.ok && $0.reports.ok) }
        redGrids = Array(good.sorted { better(gkey($0), gkey($1)) || (gkey($0) == gkey($1) && $0.grid.code < $1.grid.code) }.prefix(size))
        blackGrids = Array(bad.sorted { better(gkey($1), gkey($0)) || (gkey($0) == gkey($1) && $0.grid.code < $1.grid.code) }.prefix(size))
        let wgood = workers.filter { $0.patrol.ok && $0.reports.ok }
        let wbad = workers.filter { !($0.patrol.ok && $0.reports.ok) }
        redWorkers = Array(wgood.sorted { better(wkey($0), wkey($1)) || (wkey($0) == wkey($1) && $0.reports.worker < $1.reports.worker) }.prefix(size))
        blackWorkers = Array(wbad.sorted { better(wkey($1), wkey($0)) || (wkey($0) == wkey($1) && $0.reports.worker < $1.reports.worker) }.prefix(size))
    }
}
