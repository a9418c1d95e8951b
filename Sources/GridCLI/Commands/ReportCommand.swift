import Foundation
import GridCore
import GridStore

/// One `gridroom report KIND`: each report kind registers here (others may add theirs to `ReportCommand.kinds`).
protocol ReportKind {
    /// The word after `report`.
    static var name: String { get }
    /// Usage lines.
    static var usage: String { get }
    /// Its switches (options that take no value), as `Command.switches`.
    static var switches: Set<String> { get }
    /// Runs it.
    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32
}

/// `gridroom report KIND …`: the command room's reports.
enum ReportCommand: Command {
    /// Every report kind, in the order `--help` lists them.
    static let kinds: [any ReportKind.Type] = [EvaluationReport.self, ComplianceReport.self, RedBlackReport.self, MissedReport.self, FirstReportsReport.self,
                                               ScoresReport.self, AssessmentSettingsReport.self,
                                               BulletinReport.self]

    static let name = "report"
    static let summary = "reports: evaluation (closure, on-time and rework rates), compliance (patrol and reporting), redblack (red and black lists), missed (应报未报), first-reports (首报激励), scores (考核评分), settings, bulletin (the printable 通报 as HTML)"
    static var usage: String { "usage:\n" + kinds.map { $0.usage }.joined(separator: "\n\n") }
    /// Every kind's switches: the kind is a positional, known only after parsing.
    static var switches: Set<String> { kinds.reduce(into: []) { $0.formUnion($1.switches) } }

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        let sub = try args.positional(0, "report kind (\(kinds.map { $0.name }.joined(separator: ", ")))")
        guard let kind = kinds.first(where: { $0.name == sub }) else {
            throw UsageError(zh: "report \(sub)：应为以下之一：\(kinds.map { $0.name }.joined(separator: "、"))", en: "report \(sub): expected one of \(kinds.map { $0.name }.joined(separator: ", "))")
        }
        return try kind.run(ctx, &args)
    }

    /// `1`/`0` for CSV booleans.
    static func flag(_ b: Bool) -> String { b ? "1" : "0" }

    /// Reads `--month YYYY-MM`.
    static func month(_ args: inout Arguments) throws -> LocalMonth? {
        guard let t = args.option("month") else { return nil }
        guard let m = LocalMonth(iso: t) else { throw UsageError(zh: "--month \(t)：应为 YYYY-MM，例如 2026-11", en: "--month \(t): expected YYYY-MM, e.g. 2026-11") }
        return m
    }

    /// Reads `--day YYYY-MM-DD`.
    static func day(_ args: inout Arguments) throws -> LocalDate? {
        guard let t = args.option("day") else { return nil }
        guard let d = LocalDate(iso: t) else { throw UsageError(zh: "--day \(t)：应为 YYYY-MM-DD，例如 2026-11-22", en: "--day \(t): expected YYYY-MM-DD, e.g. 2026-11-22") }
        return d
    }
}

/// The evaluation report's table.
enum EvaluationReport {
    static let header = ["group", "due", "closed", "closed_on_time", "closure_rate", "on_time_rate", "extended", "overdue",
                         "reworks", "rework_rate", "urges_ordinary", "urges_yellow", "urges_red",
                         "replied", "reply_rate", "on_time_reply_rate", "revisited", "revisit_rate", "satisfaction_rate"]

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        let period = try ReportCommand.requiredPeriod(&args)
        let by = EvaluationGrouping(rawValue: try args.choice("by", EvaluationGrouping.allCases.map(\.rawValue), default: "department")!)!
        let format = try args.choice("format", ["table", "csv", "json", "md"], default: "table")!
        let explain = args.flag("explain"), group = args.option("group")
        try args.rejectUnknown()
        let store = try ctx.openStore()
        let now = ctx.now(in: store.zone)
        if explain {
            // Every figure down to its matters: one row per matter, 1 where it counted.
            let f = ReportCommand.flag
            let rows = try store.evaluationMatters(from: period.firstDay, through: period.lastDay, by: by, group: group, asOf: now).map { m in
                [m.number, m.key, m.state.rawValue, f(m.counted.closed > 0), f(m.counted.closedOnTime > 0), f(m.counted.extended > 0),
                 f(m.counted.overdue > 0), String(m.counted.reworks), f(m.counted.reworkedClosed > 0)]
            }
            if format == "table" {
                print(ctx.language.pick("考核明细 \(period.name(.zh))：每件计入的案件（1 = 计入该项）",
                                        "evaluation detail \(period.name(.en)): each matter counted (1 = counted in that figure)"))
            }
            Output.emit(format: format, header: ["number", by.rawValue, "state", "closed", "closed_on_time", "extended", "overdue", "reworks",
                                                 "reworked_closed"], rows: rows)
            return 0
        }
        // Matters of a period still running may yet close: its figures are provisional.
        let provisional = period.lastDay >= store.zone.localDate(of: now)
        let groups = try store.evaluation(from: period.firstDay, through: period.lastDay, by: by, asOf: now)
        let names = try store.names(of: by)
        let lang = ctx.language
        let total = groups.reduce(EvaluationCounts()) { $0 + $1.counts }
        let disputes = try store.disputes(from: period.firstDay, through: period.lastDay)
        let onTheSpot = Evaluation.onTheSpot(disputes), control = Evaluation.control(disputes)
        let coHandled = by == .department ? try store.coHandled(from: period.firstDay, through: period.lastDay) : [:]
        // The name beside each code, for people (table, md, JSON); the documented CSV keeps its columns.
        func name(_ key: String) -> String {
            key == "total" ? lang.pick("合计", "total") : key.isEmpty ? lang.pick("未派遣", "not dispatched") : names[key] ?? ""
        }
        func row(_ key: String, _ c: EvaluationCounts) -> [String] {
            [key, String(c.due), String(c.closed), String(c.closedOnTime), Evaluation.closure(c).description,
             Evaluation.onTime(c).description, String(c.extended), String(c.overdue), String(c.reworks),
             Evaluation.rework(c).description, String(c.urgesOrdinary), String(c.urgesYellow), String(c.urgesRed),
             String(c.replied), Evaluation.reply(c).description, Evaluation.replyOnTime(c).description, String(c.revisited),
             Evaluation.revisit(c).description, Evaluation.satisfaction(c).description]
        }
        var rows = groups.map { row($0.key.isEmpty ? "(none)" : $0.key, $0.counts) }
        rows.append(row("total", total))
        var hdr = header
        hdr[0] = by.rawValue
        if format != "csv" {
            let keys = groups.map(\.key) + ["total"]
            hdr.insert("name", at: 1)
            rows = zip(rows, keys).map { r, k in [r[0], name(k)] + r.dropFirst() }
        }
        if format == "json" {
            let objects: [[String: Any]] = (groups.map { ($0.key, $0.counts) } + [("total", total)]).map { key, c in
                ["group": key, "name": name(key), "due": c.due, "closed": c.closed, "closed_on_time": c.closedOnTime, "extended": c.extended,
                 "overdue": c.overdue, "reworks": c.reworks, "reworked_closed": c.reworkedClosed,
                 "closure_rate": Evaluation.closureRate(c) ?? NSNull(), "on_time_rate": Evaluation.onTimeRate(c) ?? NSNull(),
                 "rework_rate": Evaluation.reworkRate(c) ?? NSNull(),
                 "urges_ordinary": c.urgesOrdinary, "urges_yellow": c.urgesYellow, "urges_red": c.urgesRed,
                 "replied": c.replied, "replied_on_time": c.repliedOnTime, "revisited": c.revisited, "satisfied": c.satisfied,
                 "reply_rate": Evaluation.reply(c).value ?? NSNull(), "on_time_reply_rate": Evaluation.replyOnTime(c).value ?? NSNull(),
                 "revisit_rate": Evaluation.revisit(c).value ?? NSNull(), "satisfaction_rate": Evaluation.satisfaction(c).value ?? NSNull()]
            }
            let d: [String: Any] = ["taken_in": disputes.takenIn, "settled": disputes.settled,
                                    "closed_or_controlled": disputes.closedOrControlled,
                                    "on_the_spot_rate": onTheSpot.value ?? NSNull(), "control_rate": control.value ?? NSNull(),
                                    "on_the_spot_met": Evaluation.meets(onTheSpot, target: Evaluation.onTheSpotTarget) ?? NSNull(),
                                    "control_met": Evaluation.meets(control, target: Evaluation.controlTarget) ?? NSNull()]
            var o = ReportCommand.periodJSON(period, provisional: provisional)
            o["by"] = by.rawValue; o["rows"] = objects; o["disputes"] = d; o["co_handled"] = coHandled
            print(Output.json(o))
            return 0
        }
        if format == "table" || format == "md" {
            let title = ReportCommand.periodTitle(period, provisional: provisional, lang)
            print(lang.pick("考核 \(title)，按\(Heading.name(by.rawValue, .zh))（首个处置期限在 \(period.firstDay) 至 \(period.lastDay) 的案件）\n",
                            "evaluation \(title) by \(by.rawValue) (matters whose handling deadline fell in \(period.firstDay) to \(period.lastDay))\n"))
        }
        Output.emit(format: format, header: hdr, rows: rows, rightAligned: Set((format == "csv" ? 1 : 2)..<hdr.count))
        if format == "table" || format == "md" {
            // The township's disputes of the period (by report date), against the seeds' targets.
            func verdict(_ r: Rate, _ target: Int) -> String {
                switch Evaluation.meets(r, target: target) {
                case true?: lang.pick("达标", "met")
                case false?: lang.pick("未达标", "not met")
                case nil: "—"
                }
            }
            if !coHandled.isEmpty {
                let list = coHandled.sorted { $0.key < $1.key }.map { "\($0.key) \(names[$0.key] ?? "") \($0.value)" }
                print(lang.pick("\n协办（不计入考核）：", "\nco-handled (not counted): ") + list.joined(separator: lang.pick("；", "; ")))
            }
            print(lang.pick("\n矛盾纠纷 \(disputes.takenIn) 件：就地化解率 \(onTheSpot)（\(disputes.settled)/\(disputes.takenIn)，目标 95%，\(verdict(onTheSpot, Evaluation.onTheSpotTarget))）；稳控率 \(control)（\(disputes.closedOrControlled)/\(disputes.takenIn - disputes.settled)，目标 100%，\(verdict(control, Evaluation.controlTarget))）",
                            "\ndisputes \(disputes.takenIn): settled on the spot \(onTheSpot) (\(disputes.settled)/\(disputes.takenIn), target 95%, \(verdict(onTheSpot, Evaluation.onTheSpotTarget))); under control \(control) (\(disputes.closedOrControlled)/\(disputes.takenIn - disputes.settled), target 100%, \(verdict(control, Evaluation.controlTarget)))"))
        }
        return 0
    }
}

extension EvaluationReport: ReportKind {
    static let name = "evaluation"
    static let switches: Set<String> = ["explain"]
    static let usage = """
      gridroom report evaluation (--month YYYY-MM | --quarter YYYYQn | --year YYYY | --from DATE --to DATE)
                                 [--by department|grid|category] [--explain [--group KEY]] [--format table|csv|json|md]

      Counts the matters whose first handling deadline fell in the period (township local time), once
      each, except invalid and merged ones; a quarter or year is counted from its own matters, never
      averaged from months. A period still running is marked provisional. --explain lists the matters
      behind every figure (one row each, 1 where it counted), --group KEY those of one department, grid or category. 结案率 = closed / due; 按期结案率 = closed on time / (due − extended);
      返工率 = closed matters reworked at least once / closed. See Docs/matters.md.
    """
}
