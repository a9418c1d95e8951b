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
            throw UsageError(zh: "只能给出一个期间：\(periodUsage)", en: "give one period: \(periodUsage)")
        }
        if let (kind, text) = kinds.first {
            guard let p = ReportPeriod(parsing: text), p.kindMatches(kind) else {
                throw UsageError(zh: "--\(kind) \(text)：应为 \(kind == "month" ? "YYYY-MM，例如 2026-11" : kind == "quarter" ? "YYYYQn，例如 2026Q4" : "YYYY，例如 2026")", en: "--\(kind) \(text): expected \(kind == "month" ? "YYYY-MM, e.g. 2026-11" : kind == "quarter" ? "YYYYQn, e.g. 2026Q4" : "YYYY, e.g. 2026")")
            }
            return p
        }
        guard range else { return nil }
        guard let from, let to else { throw UsageError(zh: "--from 与 --to 须同时给出：--from YYYY-MM-DD --to YYYY-MM-DD", en: "--from and --to go together: --from YYYY-MM-DD --to YYYY-MM-DD") }
        guard let first = LocalDate(iso: from) else { throw UsageError(zh: "--from \(from)：应为 YYYY-MM-DD，例如 2026-11-01", en: "--from \(from): expected YYYY-MM-DD, e.g. 2026-11-01") }
        guard let last = LocalDate(iso: to) else { throw UsageError(zh: "--to \(to)：应为 YYYY-MM-DD，例如 2026-11-30", en: "--to \(to): expected YYYY-MM-DD, e.g. 2026-11-30") }
        guard first <= last else { throw UsageError(zh: "--from \(from) 晚于 --to \(to)", en: "--from \(from) is after --to \(to)") }
        let p = ReportPeriod.days(first: first, last: last)
        if wholeMonths && !p.isWholeMonths {
            throw UsageError(zh: "--from \(from) --to \(to)：考核按整月计；请给出从某月 1 日到某月最后一天的范围，或用 --month/--quarter/--year", en: "--from \(from) --to \(to): compliance is judged by whole months; give a range from a 1st to a month's last day, or --month/--quarter/--year")
        }
        return p
    }

    /// The period or a usage error naming the choices.
    static func requiredPeriod(_ args: inout Arguments, wholeMonths: Bool = false) throws -> ReportPeriod {
        guard let p = try period(&args, wholeMonths: wholeMonths) else { throw UsageError(zh: "缺少期间：\(periodUsage)", en: "missing the period: \(periodUsage)") }
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
