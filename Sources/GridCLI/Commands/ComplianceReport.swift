import Foundation
import GridCore
import GridStore

/// `gridroom report compliance`: patrol and reporting compliance by grid or worker (巡查考核).
enum ComplianceReport: ReportKind {
    static let name = "compliance"
    static let switches: Set<String> = ["explain"]
    static let usage = """
      gridroom report compliance (--month YYYY-MM | --quarter YYYYQn | --year YYYY | --from DATE --to DATE
                                  | --day YYYY-MM-DD) [--by grid|worker] [--grid CODE] [--head LOGIN]
                                 [--format table|csv|json|md]
      gridroom report compliance --explain --grid CODE --day YYYY-MM-DD [--format table|json]
      gridroom report compliance --explain --worker CODE PERIOD [--format table|csv|json|md]

      CSV by grid: grid,days,patrol_minutes,days_meeting_patrol,patrol_ok,workers,reports,reports_ok
      CSV by worker: worker,grid,reports,reports_ok (booleans 1/0). Other formats show more (today so far,
      average, pace, grade, flags). --day judges that day (so far, if today) with month-to-date reports.
      A quarter, year or range of whole months is judged on its sums: patrol 120 min × days, reports
      10 × months; while it runs, grades are pace grades marked provisional (暂定), as for a running month.
      --head LOGIN: only the basic grids whose head (网格长) is LOGIN, or that lie under a grid LOGIN heads.
      The rules: Docs/compliance.md.
    """

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        let store = try ctx.openStore()
        let now = ctx.now(in: store.zone)
        let period = try ReportCommand.period(&args, wholeMonths: true), day = try ReportCommand.day(&args)
        let month: LocalMonth? = { if case .month(let m) = period { return m } else { return nil } }()
        let grid = args.option("grid")
        if args.flag("explain"), let worker = args.option("worker") {
            // The reports behind a worker's count in the period, each with its number.
            let format = try args.choice("format", ["table", "csv", "json", "md"], default: "table")!
            guard let p = period ?? day.map({ .month($0.localMonth) }) else { throw UsageError(zh: "--explain --worker 需要给出期间：\(ReportCommand.periodUsage)", en: "--explain --worker needs a period: \(ReportCommand.periodUsage)") }
            try args.rejectUnknown()
            let z = store.zone
            let rows = try store.countedReports(worker: worker, from: p.firstDay, through: p.lastDay).map {
                [$0.number, format == "table" || format == "md" ? ISOTime.formatShort($0.reportedAt, zone: z) : ISOTime.format($0.reportedAt, zone: z),
                 $0.grid, $0.category, $0.state.rawValue]
            }
            if format == "table" {
                print(Output.language.pick("网格员 \(worker) \(p.name(.zh)) 计入的上报 \(rows.count) 件（网格员上报，未作废、未被合并）",
                                           "reports counted for \(worker) in \(p.name(.en)): \(rows.count) (grid-worker reports, not invalidated or merged)"))
            }
            Output.emit(format: format, header: ["number", "reported_at", "grid", "category", "state"], rows: rows)
            return 0
        }
        if args.flag("explain") {
            let format = try args.choice("format", ["table", "json"], default: "table")!
            guard let grid, let day, period == nil else { throw UsageError(zh: "--explain 需要 --grid 网格编码 和 --day YYYY-MM-DD", en: "--explain needs --grid CODE and --day YYYY-MM-DD") }
            try args.rejectUnknown()
            let ex = try store.explainPatrol(grid: grid, day: day, now: now)
            print(format == "json" ? explainJSON(ex, grid: grid, zone: store.zone) : explainText(ex, grid: grid, zone: store.zone), terminator: "")
            return 0
        }
        let head = args.option("head")
        let by = try args.choice("by", ["grid", "worker"], default: "grid")!
        let format = try args.choice("format", ["table", "csv", "json", "md"], default: "table")!
        try args.rejectUnknown()
        // A head (网格长) sees only the basic grids they answer for (directly or under a grid they head).
        let only = try head.map { login -> Set<String> in
            let codes = try store.basicGrids(headedBy: login)
            guard !codes.isEmpty else { throw UsageError(zh: "--head \(login)：没有网格以 \(login) 为网格长；见 gridroom grids", en: "--head \(login): no grid names \(login) as its head (网格长); see gridroom grids") }
            return codes
        }
        let boardPeriod: CompliancePeriod
        switch (period, month, day) {
        case let (_, m?, nil): boardPeriod = .month(m)
        case let (nil, nil, d?): boardPeriod = .day(d)
        case let (p?, nil, nil):
            // A quarter, a year or a run of whole months: judged on the period's sums (PeriodCompliance).
            var pc = try store.periodCompliance(p, grid: grid, now: now)
            if let only { pc = pc.narrowed(to: only) }
            if by == "grid" { emitGrids(pc, format: format) } else { emitWorkers(pc, format: format, missed: try missedCounts(store, p)) }
            return 0
        default: throw UsageError(zh: "请只给一个 --day YYYY-MM-DD 或 \(ReportCommand.periodUsage)", en: "give exactly one of --day YYYY-MM-DD or \(ReportCommand.periodUsage)")
        }
        var board = try store.complianceBoard(boardPeriod, grid: grid, now: now)
        if let only { board = board.narrowed(to: only) }
        if by == "grid" { emitGrids(board, format: format) } else {
            emitWorkers(board, format: format, missed: try missedCounts(store, month.map { .month($0) } ?? .days(first: day!, last: day!)))
        }
        return 0
    }

    /// While the month runs: its grades are pace grades, provisional.
    static func provisionalNote(_ b: ComplianceBoard) -> String {
        guard b.provisional else { return "" }
        return Output.language.pick("；本月未结束，评价按进度（上报应达 \(b.pace.gradeTarget) 件），为暂定，非最终评价",
                                    "; the month is running: grades are on pace (\(b.pace.gradeTarget) reports so far), provisional, not final")
    }

    /// Should-have-reported matters (应报未报) of each worker's grid in the period, shown beside their reports.
    static func missedCounts(_ store: Store, _ p: ReportPeriod) throws -> [String: Int] {
        var out: [String: Int] = [:]
        for m in try store.missedReports(from: p.firstDay, through: p.lastDay) { for w in m.workers { out[w, default: 0] += 1 } }
        return out
    }

    static func minutesText(_ m: Double?) -> String { m.map { String(format: "%.1f", $0) } ?? "" }

    static func emitGrids(_ b: ComplianceBoard, format: String) {
        let f = ReportCommand.flag
        if format == "csv" {
            let header = ["grid", "days", "patrol_minutes", "days_meeting_patrol", "patrol_ok", "workers", "reports", "reports_ok"]
            Output.emit(format: "csv", header: header, rows: b.grids.map {
                [$0.grid.code, String($0.patrol.days), String($0.patrol.patrolMinutes), String($0.patrol.daysMeeting), f($0.patrol.ok),
                 String($0.reports.workers), String($0.reports.reports), f($0.reports.ok)]
            })
            return
        }
        if format == "json" {
            let objects: [[String: Any]] = b.grids.map { g in
                var o: [String: Any] = [
                    "grid": g.grid.code, "name": g.grid.name, "days": g.patrol.days, "patrol_minutes": g.patrol.patrolMinutes,
                    "days_meeting_patrol": g.patrol.daysMeeting, "patrol_ok": g.patrol.ok, "workers": g.reports.workers,
                    "reports": g.reports.reports, "reports_ok": g.reports.ok, "reports_on_pace": g.reports.onPace,
                    "no_worker": g.reports.noWorker, "ongoing": g.ongoing,
                ]
                if let a = g.patrol.averageMinutes { o["average_minutes"] = (a * 10).rounded() / 10 }
                if let t = g.patrol.todayMinutes { o["today_minutes"] = t }
                o["grade"] = g.grade.map { $0.rawValue as Any } ?? NSNull()
                return o
            }
            print(Output.json(["period": b.period.description, "provisional": b.provisional, "grade_report_target": b.pace.gradeTarget,
                               "daily_target_minutes": b.settings.dailyPatrolMinutes,
                               "monthly_report_target": b.settings.monthlyReports, "pace_elapsed_days": b.pace.elapsedDays,
                               "pace_expected_reports": (b.pace.expected * 100).rounded() / 100, "grids": objects] as [String: Any]))
            return
        }
        let header = ["grid", "name", "days", "patrol_minutes", "avg/day", "days_met", "patrol_ok", "today", "workers", "reports",
                      "reports_ok", "on_pace", "grade", "flag"]
        let rows = b.grids.map { g in
            [g.grid.code, g.grid.name, String(g.patrol.days), String(g.patrol.patrolMinutes), minutesText(g.patrol.averageMinutes),
             String(g.patrol.daysMeeting), f(g.patrol.ok), g.patrol.todayMinutes.map { "\($0)" + (g.ongoing > 0 ? "+" : "") } ?? "",
             String(g.reports.workers), String(g.reports.reports), f(g.reports.ok), f(g.reports.onPace),
             g.grade?.rawValue ?? "", g.reports.noWorker ? Output.language.pick("无网格员", "no worker") : ""]
        }
        Output.emit(format: format, header: header, rows: rows, rightAligned: [2, 3, 4, 5, 7, 8, 9])
        if format == "table" {
            let pace = String(format: "%.2f", b.pace.expected)
            print(Output.language.pick(
                "期间 \(b.period)；标准 每日巡查 \(b.settings.dailyPatrolMinutes) 分钟、每月上报 \(b.settings.monthlyReports) 件；"
                    + "进度：\(b.pace.daysInMonth) 天中已过 \(b.pace.elapsedDays) 天，应达 \(pace) 件；今日 = 截至现在，+ = 巡查进行中",
                "period \(b.period); targets \(b.settings.dailyPatrolMinutes) min/day, \(b.settings.monthlyReports) reports/month;"
                    + " pace \(pace) reports after \(b.pace.elapsedDays) of \(b.pace.daysInMonth) days"
                    + "; today = so far, + = patrol under way") + provisionalNote(b))
        }
    }

    static func emitWorkers(_ b: ComplianceBoard, format: String, missed: [String: Int] = [:]) {
        let f = ReportCommand.flag
        if format == "csv" {
            Output.emit(format: "csv", header: ["worker", "grid", "reports", "reports_ok", "missed"], rows: b.workers.map {
                [$0.reports.worker, $0.reports.grid, String($0.reports.reports), f($0.reports.ok), String(missed[$0.reports.worker] ?? 0)]
            })
            return
        }
        if format == "json" {
            let objects: [[String: Any]] = b.workers.map { w in
                var o: [String: Any] = ["worker": w.reports.worker, "name": w.reports.name, "grid": w.reports.grid,
                                        "reports": w.reports.reports, "reports_ok": w.reports.ok, "on_pace": w.reports.onPace,
                                        "grid_patrol_ok": w.patrol.ok, "missed": missed[w.reports.worker] ?? 0]
                o["grade"] = w.grade.map { $0.rawValue as Any } ?? NSNull()
                return o
            }
            print(Output.json(["period": b.period.description, "provisional": b.provisional, "grade_report_target": b.pace.gradeTarget,
                               "monthly_report_target": b.settings.monthlyReports,
                               "pace_elapsed_days": b.pace.elapsedDays, "workers": objects] as [String: Any]))
            return
        }
        let rows = b.workers.map { w in
            [w.reports.worker, w.reports.name, w.reports.grid, String(w.reports.reports), String(missed[w.reports.worker] ?? 0),
             f(w.reports.ok), f(w.reports.onPace), f(w.patrol.ok), w.grade?.rawValue ?? ""]
        }
        Output.emit(format: format, header: ["worker", "name", "grid", "reports", "missed", "reports_ok", "on_pace", "grid_patrol_ok", "grade"],
                    rows: rows, rightAligned: [3, 4])
        if format == "table" {
            let pace = String(format: "%.2f", b.pace.expected)
            print(Output.language.pick(
                "期间 \(b.period)；标准 每月上报 \(b.settings.monthlyReports) 件；进度：\(b.pace.daysInMonth) 天中已过 \(b.pace.elapsedDays) 天，应达 \(pace) 件",
                "period \(b.period); target \(b.settings.monthlyReports) reports/month; pace \(pace) after \(b.pace.elapsedDays) of \(b.pace.daysInMonth) days")
                + provisionalNote(b))
        }
    }

    static func span(_ s: TimeSpan, zone: TownshipZone) -> String {
        let a = Date(timeIntervalSince1970: Double(s.start)), b = Date(timeIntervalSince1970: Double(s.end))
        return "\(ISOTime.formatShort(a, zone: zone)) – \(ISOTime.formatShort(b, zone: zone))"
    }

    static func explainText(_ ex: PatrolExplanation, grid: String, zone: TownshipZone) -> String {
        var out = "Patrol of grid \(grid) on \(ex.day) (\(span(ex.window, zone: zone)), township time)\(ex.dayComplete ? "" : ", so far")\n\n"
        let rows = ex.lines.map { l -> [String] in
            [String(l.session.id), l.session.worker, ISOTime.formatShort(l.session.start, zone: zone),
             l.session.end.map { ISOTime.formatShort($0, zone: zone) } ?? Output.language.pick("（进行中）", "(under way)"), l.status.displayName(Output.language),
             l.clipped.map { span($0, zone: zone) } ?? "—", l.clipped.map { String(format: "%d:%02d", $0.seconds / 60, $0.seconds % 60) } ?? "0:00"]
        }
        out += TextTable(headers: ["id", "worker", "start", "end", "status", "counted part of the day", "min:sec"], rows: rows, rightAligned: [0, 6]).render()
        out += "\nUnion (overlapping, nested, duplicate and touching parts merged):\n"
        for p in ex.pieces { out += "  \(span(p, zone: zone))  \(p.seconds) s\n" }
        if ex.pieces.isEmpty { out += "  (nothing counted)\n" }
        let sum = ex.pieces.map { String($0.seconds) }.joined(separator: " + ")
        out += "Total: \(ex.pieces.count > 1 ? sum + " = " : "")\(ex.seconds) s = \(ex.minutes) min (rounded down); target \(ex.targetMinutes) min: \(ex.met ? "met" : "not met")\(ex.dayComplete ? "" : " so far")\n"
        return out
    }

    static func explainJSON(_ ex: PatrolExplanation, grid: String, zone: TownshipZone) -> String {
        let sessions: [[String: Any]] = ex.lines.map { l in
            var o: [String: Any] = ["id": l.session.id, "worker": l.session.worker, "start": ISOTime.format(l.session.start, zone: zone),
                                    "status": l.status.rawValue, "counted_seconds": l.clipped?.seconds ?? 0]
            if let e = l.session.end { o["end"] = ISOTime.format(e, zone: zone) }
            return o
        }
        let pieces: [[String: Any]] = ex.pieces.map {
            ["start": ISOTime.format(Date(timeIntervalSince1970: Double($0.start)), zone: zone),
             "end": ISOTime.format(Date(timeIntervalSince1970: Double($0.end)), zone: zone), "seconds": $0.seconds]
        }
        return Output.json(["grid": grid, "day": ex.day.description, "complete": ex.dayComplete, "sessions": sessions, "union": pieces,
                            "seconds": ex.seconds, "minutes": ex.minutes, "target_minutes": ex.targetMinutes, "met": ex.met] as [String: Any]) + "\n"
    }
}
