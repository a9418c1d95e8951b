import Foundation
import GridCore
import GridStore

/// `gridroom report scores`: departments and grid workers scored by the score sheet (考核评分), each score
/// printed with the figures it came from.
enum ScoresReport: ReportKind {
    static let name = "scores"
    static let switches: Set<String> = []
    static let usage = """
      gridroom report scores (--month YYYY-MM | --quarter YYYYQn | --year YYYY) [--of department|worker]
                             [--format table|csv|json|md]

      Scores by the sheet in the setting assessment.score_sheet (default \(ScoreSheet.standard)):
      a department's = volume tier + 0.3 × 结案率 + 0.3 × 按期结案率 + 0.3 × (100 − 返工率);
      a grid worker's = 0.25 × 有效上报率 + 0.25 × (100 − 漏报率) + 0.25 × 巡查达标天数率 + 0.25 × 上报完成率.
      Each score is printed with its parts (figure × weight = points). See Docs/compliance.md.
    """

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        let period = try ReportCommand.requiredPeriod(&args, wholeMonths: true)
        let of = try args.choice("of", ["department", "worker"], default: "department")!
        let format = try args.choice("format", ["table", "csv", "json", "md"], default: "table")!
        try args.rejectUnknown()
        let store = try ctx.openStore()
        let now = ctx.now(in: store.zone), lang = ctx.language
        let sheet = try store.assessmentSettings().scoreSheet
        let provisional = period.lastDay >= store.zone.localDate(of: now)
        var lines: [(code: String, name: String, score: ScoreSheet.Score)] = []
        if of == "department" {
            let names = try store.names(of: .department)
            for g in try store.evaluation(from: period.firstDay, through: period.lastDay, by: .department, asOf: now) where !g.key.isEmpty {
                if let s = sheet.department(g.counts) { lines.append((g.key, names[g.key] ?? "", s)) }
            }
        } else {
            let pc = try store.periodCompliance(period, now: now)
            let all = try store.workerReportTotals(from: period.firstDay, through: period.lastDay)
            var missed: [String: Int] = [:]
            for m in try store.missedReports(from: period.firstDay, through: period.lastDay) { for w in m.workers { missed[w, default: 0] += 1 } }
            for w in pc.workers {
                let r = w.reports
                lines.append((r.worker, r.name, sheet.worker(counted: r.reports, all: all[r.worker] ?? r.reports, missed: missed[r.worker] ?? 0,
                                                             daysMet: w.patrol.daysMeeting, days: w.patrol.days, target: pc.gradeReportTarget)))
            }
        }
        lines.sort { ($0.score.total, $1.code) > ($1.score.total, $0.code) }
        func n2(_ x: Double) -> String { String(format: "%.2f", (x * 100).rounded() / 100) }
        func partText(_ p: ScoreSheet.Part) -> String {
            let label = partName(p.key, lang)
            if p.key == "volume" { return lang.pick("\(label) \(Int(p.figure)) 件 → \(n2(p.points))", "\(label) \(Int(p.figure)) → \(n2(p.points))") }
            return "\(label) \(n2(p.figure))% × \(n2(p.weight)) = \(n2(p.points))"
        }
        if format == "json" {
            var o = ReportCommand.periodJSON(period, provisional: provisional)
            o["of"] = of; o["sheet"] = sheet.description
            o["rows"] = lines.map { l -> [String: Any] in
                ["code": l.code, "name": l.name, "score": l.score.total,
                 "parts": l.score.parts.map { ["key": $0.key, "figure": $0.figure, "weight": $0.weight, "points": $0.points] as [String: Any] }]
            }
            print(Output.json(o))
            return 0
        }
        if format == "table" {
            print(lang.pick("考核评分 \(ReportCommand.periodTitle(period, provisional: provisional, lang))，\(of == "department" ? "部门" : "网格员")；评分表 \(sheet)",
                            "scores \(ReportCommand.periodTitle(period, provisional: provisional, lang)), \(of == "department" ? "departments" : "grid workers"); sheet \(sheet)"))
        }
        let rows = lines.enumerated().map { i, l in
            [String(i + 1), l.code, l.name, l.score.text, l.score.parts.map(partText).joined(separator: format == "csv" ? "; " : lang.pick("；", "; "))]
        }
        Output.emit(format: format, header: ["rank", of, "name", "score", "figures"], rows: rows, rightAligned: [0, 3])
        return 0
    }

    /// The name of a score part.
    static func partName(_ key: String, _ lang: Language) -> String {
        let zh = ["volume": "办件量", "closure": "结案率", "on_time": "按期结案率", "rework": "100−返工率", "valid": "有效上报率",
                  "missed": "100−漏报率", "patrol": "巡查达标天数率", "reports": "上报完成率"]
        let en = ["volume": "volume", "closure": "closure", "on_time": "on time", "rework": "100 − rework", "valid": "valid reports",
                  "missed": "100 − missed", "patrol": "patrol days met", "reports": "reports done"]
        return (lang == .zh ? zh : en)[key] ?? key
    }
}

/// `gridroom report settings [KEY VALUE]`: the assessment settings (应报未报 window, score sheet).
enum AssessmentSettingsReport: ReportKind {
    static let name = "settings"
    static let switches: Set<String> = []
    static let usage = """
      gridroom report settings [KEY VALUE]

      Lists the assessment settings, or sets one (supervisor): \(AssessmentSettings.Key.all.joined(separator: ", ")).
    """

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        try args.rejectUnknown()
        let store = try ctx.openStore()
        if args.positionals.count >= 3 {
            let key = args.positionals[1], value = args.positionals[2]
            try store.setAssessmentSetting(key: key, value: value, by: try ctx.actor(store), now: ctx.now(in: store.zone))
            print("\(key) = \(value)")
            return 0
        }
        let values = try store.assessmentSettings().values
        Output.emit(format: "table", header: ["key", "value"], rows: AssessmentSettings.Key.all.map { [$0, values[$0] ?? ""] })
        return 0
    }
}
