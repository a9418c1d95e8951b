import Foundation
import GridCore
import GridStore

/// `gridroom report redblack`: the month's red and black lists (红黑榜).
enum RedBlackReport: ReportKind {
    static let name = "redblack"
    static let switches: Set<String> = []
    static let usage = """
      gridroom report redblack (--month YYYY-MM | --quarter YYYYQn | --year YYYY | --from DATE --to DATE)
                               [--size N] [--format table|csv|json|md]

      Red list (红榜): grids and workers meeting both targets, best first; black list (黑榜): those missing
      one or both, worst first; with the figures behind each place and its reason (RedBlackReason).
      --size: places per list (default 5). A quarter or year is ranked on its sums; a running period on pace.
    """

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        let store = try ctx.openStore()
        let now = ctx.now(in: store.zone)
        let period = try ReportCommand.requiredPeriod(&args, wholeMonths: true)
        let size = try args.int("size", range: 1...1000) ?? 5
        let format = try args.choice("format", ["table", "csv", "json", "md"], default: "table")!
        try args.rejectUnknown()
        // Every period, a month included, through PeriodCompliance: a month alone is judged and ranked
        // exactly as the month's board (pace grades while it runs).
        let pc = try store.periodCompliance(period, now: now)
        let rb = pc.redBlack(size: size)
        let daily = pc.settings.dailyPatrolMinutes, target = pc.gradeReportTarget, lang = Output.language
        let f = ReportCommand.flag
        func avg(_ p: PatrolFigure) -> String { p.averageMinutes.map { String(format: "%.1f", $0) } ?? "" }
        var rows: [[String]] = []
        func grids(_ list: String, _ gs: [GridCompliance]) {
            for (i, g) in gs.enumerated() {
                rows.append([list, "grid", String(i + 1), g.grid.code, g.grid.name, String(g.patrol.patrolMinutes), String(g.patrol.days), avg(g.patrol),
                             String(g.patrol.daysMeeting), f(g.patrol.ok), String(g.reports.reports), f(g.reports.ok), g.grade?.rawValue ?? "",
                             g.reports.noWorker ? Output.language.pick("无网格员", "no worker") : "",
                             RedBlackReason.grid(g, dailyTarget: daily, reportTarget: target, language: lang)])
            }
        }
        func workers(_ list: String, _ ws: [WorkerCompliance]) {
            for (i, w) in ws.enumerated() {
                rows.append([list, "worker", String(i + 1), w.reports.worker, w.reports.name, String(w.patrol.patrolMinutes), String(w.patrol.days),
                             avg(w.patrol), String(w.patrol.daysMeeting), f(w.patrol.ok), String(w.reports.reports), f(w.reports.ok),
                             w.grade?.rawValue ?? "", Output.language.pick("网格 ", "grid ") + w.reports.grid,
                             RedBlackReason.worker(w, dailyTarget: daily, reportTarget: target, language: lang)])
            }
        }
        grids("red", rb.redGrids); grids("black", rb.blackGrids)
        workers("red", rb.redWorkers); workers("black", rb.blackWorkers)
        let header = ["list", "kind", "rank", "code", "name", "patrol_minutes", "days", "avg_per_day", "days_meeting_patrol", "patrol_ok",
                      "reports", "reports_ok", "grade", "note", "reason"]
        if format == "table" {
            let title = ReportCommand.periodTitle(period, provisional: pc.provisional, lang)
            print(lang.pick("红黑榜 \(title)（巡查数据按网格统计，网格员取其所在网格的数据；上报目标 \(target) 件）",
                            "red and black lists \(title) (patrol figures are the grid's; a worker's are their own grid's; report target \(target))"))
        }
        if format == "json" {
            var o = ReportCommand.periodJSON(period, provisional: pc.provisional)
            o["report_target"] = target
            o["places"] = rows.map { r in Dictionary(uniqueKeysWithValues: zip(header, r).map { ($0, OutputColumns.json($0, $1)) }) }
            print(Output.json(o))
            return 0
        }
        Output.emit(format: format, header: header, rows: rows, rightAligned: [2, 5, 6, 7, 8, 10])
        return 0
    }
}
