import Foundation
import GridCore
import GridStore

/// `gridroom report redblack`: the month's red and black lists (红黑榜).
enum RedBlackReport: ReportKind {
    static let name = "redblack"
    static let switches: Set<String> = []
    static let usage = """
      gridroom report redblack --month YYYY-MM [--size N] [--format table|csv|json|md]

      Red list (红榜): grids and workers meeting both targets, best first; black list (黑榜): those missing
      one or both, worst first; with the figures behind each place. --size: places per list (default 5).
    """

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        let store = try ctx.openStore()
        let now = ctx.now(in: store.zone)
        guard let month = try ReportCommand.month(&args) else { throw UsageError("missing --month YYYY-MM") }
        let size = try args.int("size", range: 1...1000) ?? 5
        let format = try args.choice("format", ["table", "csv", "json", "md"], default: "table")!
        try args.rejectUnknown()
        let rb = try store.redBlackList(month: month, size: size, now: now)
        let f = ReportCommand.flag
        func avg(_ p: PatrolFigure) -> String { p.averageMinutes.map { String(format: "%.1f", $0) } ?? "" }
        var rows: [[String]] = []
        func grids(_ list: String, _ gs: [GridCompliance]) {
            for (i, g) in gs.enumerated() {
                rows.append([list, "grid", String(i + 1), g.grid.code, g.grid.name, String(g.patrol.patrolMinutes), String(g.patrol.days), avg(g.patrol),
                             String(g.patrol.daysMeeting), f(g.patrol.ok), String(g.reports.reports), f(g.reports.ok), g.grade?.rawValue ?? "",
                             g.reports.noWorker ? Output.language.pick("无网格员", "no worker") : ""])
            }
        }
        func workers(_ list: String, _ ws: [WorkerCompliance]) {
            for (i, w) in ws.enumerated() {
                rows.append([list, "worker", String(i + 1), w.reports.worker, w.reports.name, String(w.patrol.patrolMinutes), String(w.patrol.days),
                             avg(w.patrol), String(w.patrol.daysMeeting), f(w.patrol.ok), String(w.reports.reports), f(w.reports.ok),
                             w.grade?.rawValue ?? "", Output.language.pick("网格 ", "grid ") + w.reports.grid])
            }
        }
        grids("red", rb.redGrids); grids("black", rb.blackGrids)
        workers("red", rb.redWorkers); workers("black", rb.blackWorkers)
        let header = ["list", "kind", "rank", "code", "name", "patrol_minutes", "days", "avg_per_day", "days_meeting_patrol", "patrol_ok",
                      "reports", "reports_ok", "grade", "note"]
        if format == "table" {
            print(Output.language.pick("红黑榜 \(month)（巡查数据按网格统计，网格员取其所在网格的数据）",
                                       "red and black lists \(month) (patrol figures are the grid's; a worker's are their own grid's)"))
        }
        Output.emit(format: format, header: header, rows: rows, rightAligned: [2, 5, 6, 7, 8, 10])
        return 0
    }
}
