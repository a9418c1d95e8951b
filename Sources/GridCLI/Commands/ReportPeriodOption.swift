import Foundation
import GridCore

extension ReportCommand {
    /// The period words every report takes, for usage lines.
    static let periodUsage = "(--month YYYY-MM | --quarter YYYYQn | --year YYYY | --from YYYY-MM-DD --to YYYY-MM-DD)"

    /// Reads the report's period (考核周期): exactly one of `--month YYYY-MM`, `--quarter YYYYQn`, `--year YYYY`,
    /// or `--from DATE --to DATE` (local days, both included). Nil when none is given; a usage error when
    /// more than one is, or a value does not parse. `wholeMonths`: the report judges compliance, which is
    /// judged by whole months, so a range must run from a 1st to a month's last day.
    static func period(_ args: inout Arguments, wholeMonths: Bool = false) throws -> ReportPeriod? {
        let kinds = [("month", args.option("month")), ("quarter", args.option("quarter")), ("year", args.option("year"))]
            .compactMap { k, v in v.map { (k, $0) } }
        let from = args.option("from"), to = args.option("to")
        let range = from != nil || to != nil
        guard kinds.count + (range ? 1 : 0) <= 1 else {
            throw UsageError("give one period: \(periodUsage)")
        }
        if let (kind, text) = kinds.first {
            guard let p = ReportPeriod(parsing: text), p.kindMatches(kind) else {
                throw UsageError("--\(kind) \(text): expected \(kind == "month" ? "YYYY-MM, e.g. 2026-11" : kind == "quarter" ? "YYYYQn, e.g. 2026Q4" : "YYYY, e.g. 2026")")
            }
            return p
        }
        guard range else { return nil }
        guard let from, let to else { throw UsageError("--from and --to go together: --from YYYY-MM-DD --to YYYY-MM-DD") }
        guard let first = LocalDate(iso: from) else { throw UsageError("--from \(from): expected YYYY-MM-DD, e.g. 2026-11-01") }
        guard let last = LocalDate(iso: to) else { throw UsageError("--to \(to): expected YYYY-MM-DD, e.g. 2026-11-30") }
        guard first <= last else { throw UsageError("--from \(from) is after --to \(to)") }
        let p = ReportPeriod.days(first: first, last: last)
        if wholeMonths && !p.isWholeMonths {
            throw UsageError("--from \(from) --to \(to): compliance is judged by whole months; give a range from a 1st to a month's last day, or --month/--quarter/--year")
        }
        return p
    }

    /// The period or a usage error naming the choices.
    static func requiredPeriod(_ args: inout Arguments, wholeMonths: Bool = false) throws -> ReportPeriod {
        guard let p = try period(&args, wholeMonths: wholeMonths) else { throw UsageError("missing the period: \(periodUsage)") }
        return p
    }

    /// `2026年第四季度（暂定）` / `Q4 2026 (provisional)`: the period's name, marked while it runs.
    static func periodTitle(_ p: ReportPeriod, provisional: Bool, _ lang: Language) -> String {
        p.name(lang) + (provisional ? lang.pick("（暂定）", " (provisional)") : "")
    }

    /// The JSON fields naming a period.
    static func periodJSON(_ p: ReportPeriod, provisional: Bool) -> [String: Any] {
        var o: [String: Any] = ["period": p.description, "from": p.firstDay.description, "to": p.lastDay.description, "provisional": provisional]
        if case .month(let m) = p { o["month"] = m.description }
        return o
    }
}
