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
    static let kinds: [any ReportKind.Type] = [EvaluationReport.self, ComplianceReport.self, RedBlackReport.self, BulletinReport.self]

    static let name = "report"
    static let summary = "reports: evaluation (closure, on-time and rework rates), compliance (patrol and reporting), redblack (red and black lists), bulletin (the printable 通报 as HTML)"
    static var usage: String { "usage:\n" + kinds.map { $0.usage }.joined(separator: "\n\n") }
    /// Every kind's switches: the kind is a positional, known only after parsing.
    static var switches: Set<String> { kinds.reduce(into: []) { $0.formUnion($1.switches) } }

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        let sub = try args.positional(0, "report kind (\(kinds.map { $0.name }.joined(separator: ", ")))")
        guard let kind = kinds.first(where: { $0.name == sub }) else {
            throw UsageError("report \(sub): expected one of \(kinds.map { $0.name }.joined(separator: ", "))")
        }
        return try kind.run(ctx, &args)
    }

    /// `1`/`0` for CSV booleans.
    static func flag(_ b: Bool) -> String { b ? "1" : "0" }

    /// Reads `--month YYYY-MM`.
    static func month(_ args: inout Arguments) throws -> LocalMonth? {
        guard let t = args.option("month") else { return nil }
        guard let m = LocalMonth(iso: t) else { throw UsageError("--month \(t): expected YYYY-MM, e.g. 2026-11") }
        return m
    }

    /// Reads `--day YYYY-MM-DD`.
    static func day(_ args: inout Arguments) throws -> LocalDate? {
        guard let t = args.option("day") else { return nil }
        guard let d = LocalDate(iso: t) else { throw UsageError("--day \(t): expected YYYY-MM-DD, e.g. 2026-11-22") }
        return d
    }
}

/// The evaluation report's table.
enum EvaluationReport {
    static let header = ["group", "due", "closed", "closed_on_time", "closure_rate", "on_time_rate", "extended", "overdue",
                         "reworks", "rework_rate", "urges_ordinary", "urges_yellow", "urges_red",
                         "replied", "reply_rate", "on_time_reply_rate", "revisited", "revisit_rate", "satisfaction_rate"]

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        let monthText = try args.required("month")
        guard let month = LocalMonth(iso: monthText) else { throw UsageError("--month \(monthText): expected YYYY-MM") }
        let by = EvaluationGrouping(rawValue: try args.choice("by", EvaluationGrouping.allCases.map(\.rawValue), default: "department")!)!
        let format = try args.choice("format", ["table", "csv", "json", "md"], default: "table")!
        try args.rejectUnknown()
        let store = try ctx.openStore()
        let groups = try store.evaluation(month: month, by: by, asOf: ctx.now(in: store.zone))
        let names = try store.names(of: by)
        let lang = ctx.language
        let total = groups.reduce(EvaluationCounts()) { $0 + $1.counts }
        let disputes = try store.disputes(from: month.firstDay, through: month.lastDay)
        let onTheSpot = Evaluation.onTheSpot(disputes), control = Evaluation.control(disputes)
        let coHandled = by == .department ? try store.coHandled(month: month) : [:]
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
            print(Output.json(["month": month.description, "by": by.rawValue, "rows": objects, "disputes": d,
                               "co_handled": coHandled]))
            return 0
        }
        if format == "table" || format == "md" {
            print(lang.pick("考核 \(month)，按\(Heading.name(by.rawValue, .zh))（首个处置期限在本月的案件）\n",
                            "evaluation \(month) by \(by.rawValue) (matters whose handling deadline fell in the month)\n"))
        }
        Output.emit(format: format, header: hdr, rows: rows, rightAligned: Set((format == "csv" ? 1 : 2)..<hdr.count))
        if format == "table" || format == "md" {
            // The township's disputes of the month (by report date), against the seeds' targets.
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
    static let switches: Set<String> = []
    static let usage = """
      gridroom report evaluation --month YYYY-MM [--by department|grid|category] [--format table|csv|json|md]

      Counts the matters whose first handling deadline fell in the month (township local time), except
      invalid and merged ones. 结案率 = closed / due; 按期结案率 = closed on time / (due − extended);
      返工率 = closed matters reworked at least once / closed. See Docs/matters.md.
    """
}
