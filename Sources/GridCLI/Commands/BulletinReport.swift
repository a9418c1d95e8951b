import Foundation
import GridCore
import GridStore

/// `gridroom report bulletin`: the monthly, quarterly or yearly 通报 as one self-contained HTML file.
enum BulletinReport: ReportKind {
    static let name = "bulletin"
    static let switches: Set<String> = []
    static let usage = """
      gridroom report bulletin (--month YYYY-MM | --quarter YYYYQn | --year YYYY) --output FILE.html [--size N]

      Writes one self-contained HTML file (inline CSS and SVG, no script, no external font, image or link)
      that prints to A4 from any browser: headline figures with the previous period, charts, the red and
      black lists with reasons, the open overdue and escalated matters, and a method note. The language
      follows --lang. A period still running is marked provisional on every page. See Docs/reports.md.
    """

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        let given = [("month", args.option("month")), ("quarter", args.option("quarter")), ("year", args.option("year"))]
            .compactMap { k, v in v.map { (k, $0) } }
        guard given.count == 1, let (kind, text) = given.first else {
            throw UsageError(zh: "report bulletin：请只给一个 --month YYYY-MM、--quarter YYYYQn 或 --year YYYY", en: "report bulletin: give exactly one of --month YYYY-MM, --quarter YYYYQn or --year YYYY")
        }
        guard let period = ReportPeriod(parsing: text), period.kindMatches(kind) else {
            throw UsageError(zh: "--\(kind) \(text)：应为 \(kind == "month" ? "YYYY-MM，例如 2026-11" : kind == "quarter" ? "YYYYQn，例如 2026Q4" : "YYYY，例如 2026")", en: "--\(kind) \(text): expected \(kind == "month" ? "YYYY-MM, e.g. 2026-11" : kind == "quarter" ? "YYYYQn, e.g. 2026Q4" : "YYYY, e.g. 2026")")
        }
        let output = try args.required("output")
        let size = try args.int("size", range: 1...100) ?? 5
        try args.rejectUnknown()
        let store = try ctx.openStore()
        let now = ctx.now(in: store.zone)
        guard !period.isFuture(today: store.zone.localDate(of: now)) else {
            throw UsageError(zh: "--\(kind) \(text)：该期尚未开始", en: "--\(kind) \(text): the period has not begun")
        }
        let bulletin = try store.bulletin(period: period, now: now, listSize: size)
        let html = BulletinHTML.render(bulletin, language: ctx.language)
        do {
            try html.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            throw UsageError(zh: "--output \(output)：无法写入（\(error.localizedDescription)）", en: "--output \(output): cannot write (\(error.localizedDescription))")
        }
        print("\(output): \(period.name(ctx.language))\(bulletin.provisional ? " (provisional)" : "") — \(html.utf8.count) bytes")
        return 0
    }
}
