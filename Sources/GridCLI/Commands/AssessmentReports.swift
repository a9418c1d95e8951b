import Foundation
import GridCore
import GridStore

/// `gridroom report first-reports`: first-report credits (首报激励) per worker in a period.
enum FirstReportsReport: ReportKind {
    static let name = "first-reports"
    static let switches: Set<String> = []
    static let usage = """
      gridroom report first-reports \(ReportCommand.periodUsage) [--format table|csv|json|md]

      Per grid worker, the matters they reported in the period that were credited as first report when
      duplicates were merged (categories flagged first_report in the category table), with their numbers.
    """

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        let period = try ReportCommand.requiredPeriod(&args)
        let format = try args.choice("format", ["table", "csv", "json", "md"], default: "table")!
        try args.rejectUnknown()
        let store = try ctx.openStore()
        let credits = try store.firstReportCredits(from: period.firstDay, through: period.lastDay)
        let provisional = period.lastDay >= store.zone.localDate(of: ctx.now(in: store.zone))
        if format == "json" {
            var o = ReportCommand.periodJSON(period, provisional: provisional)
            o["workers"] = credits.map { ["worker": $0.worker, "name": $0.name, "grid": $0.grid, "credits": $0.numbers.count, "numbers": $0.numbers] as [String: Any] }
            print(Output.json(o))
            return 0
        }
        var header = ["worker", "name", "grid", "credits", "number"]
        var rows = credits.map { [$0.worker, $0.name, $0.grid, String($0.numbers.count), $0.numbers.joined(separator: " ")] }
        if format == "csv" { header.remove(at: 1); rows = rows.map { var r = $0; r.remove(at: 1); return r } }
        if format == "table" { print(ctx.language.pick("首报激励 ", "first-report credits ") + ReportCommand.periodTitle(period, provisional: provisional, ctx.language)) }
        Output.emit(format: format, header: header, rows: rows, rightAligned: [3])
        return 0
    }
}

/// `gridroom report missed`: should-have-reported matters (应报未报) per grid and worker.
enum MissedReport: ReportKind {
    static let name = "missed"
    static let switches: Set<String> = []
    static let usage = """
      gridroom report missed \(ReportCommand.periodUsage) [--window HOURS] [--by matter|grid|worker]
                             [--format table|csv|json|md]

      Matters reported in the period through another channel (hotline, public, video, inspection, village
      visit), of a category flagged worker_reportable, with no grid worker's report of the same category in
      the same grid in the window before (setting assessment.missed_window_hours, default 72). Each is listed
      with its number for the supervisor to judge; --by grid / worker counts them. See Docs/compliance.md.
    """

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        let period = try ReportCommand.requiredPeriod(&args)
        let hours = try args.int("window", range: 1...720)
        let by = try args.choice("by", ["matter", "grid", "worker"], default: "matter")!
        let format = try args.choice("format", ["table", "csv", "json", "md"], default: "table")!
        try args.rejectUnknown()
        let store = try ctx.openStore()
        let zone = store.zone, lang = ctx.language
        let windowHours = try hours ?? store.assessmentSettings().missedWindowHours
        let missed = try store.missedReports(from: period.firstDay, through: period.lastDay, window: TimeInterval(windowHours * 3600))
        let provisional = period.lastDay >= zone.localDate(of: ctx.now(in: zone))
        if format == "table" {
            print(lang.pick("应报未报 \(ReportCommand.periodTitle(period, provisional: provisional, lang))（窗口 \(windowHours) 小时；候选，请逐件研判）",
                            "should-have-reported \(ReportCommand.periodTitle(period, provisional: provisional, lang)) (window \(windowHours) h; candidates to judge)"))
        }
        switch by {
        case "grid":
            var counts: [String: (name: String, numbers: [String])] = [:]
            for m in missed { counts[m.candidate.grid, default: (m.gridName, [])].numbers.append(m.candidate.number) }
            let rows = counts.keys.sorted().map { [$0, counts[$0]!.name, String(counts[$0]!.numbers.count), counts[$0]!.numbers.joined(separator: " ")] }
            emit(format, ["grid", "name", "missed", "number"], rows, period, provisional, windowHours)
        case "worker":
            var counts: [String: (grid: String, numbers: [String])] = [:]
            for m in missed { for w in m.workers { counts[w, default: (m.candidate.grid, [])].numbers.append(m.candidate.number) } }
            let rows = counts.keys.sorted().map { [$0, counts[$0]!.grid, String(counts[$0]!.numbers.count), counts[$0]!.numbers.joined(separator: " ")] }
            emit(format, ["worker", "grid", "missed", "number"], rows, period, provisional, windowHours)
        default:
            let rows = missed.map { m -> [String] in
                let c = m.candidate
                return [c.number, format == "csv" || format == "json" ? ISOTime.format(c.reportedAt, zone: zone) : ISOTime.formatShort(c.reportedAt, zone: zone),
                        c.source.rawValue, c.grid, m.gridName, c.category, m.categoryName, m.workers.joined(separator: " "), m.title]
            }
            emit(format, ["number", "reported_at", "source", "grid", "grid_name", "category", "category_name", "grid_workers", "title"], rows,
                 period, provisional, windowHours)
        }
        return 0
    }

    static func emit(_ format: String, _ header: [String], _ rows: [[String]], _ period: ReportPeriod, _ provisional: Bool, _ hours: Int) {
        if format == "json" {
            var o = ReportCommand.periodJSON(period, provisional: provisional)
            o["window_hours"] = hours
            o["rows"] = rows.map { r in Dictionary(uniqueKeysWithValues: zip(header, r).map { ($0, OutputColumns.json($0, $1)) }) }
            print(Output.json(o))
            return
        }
        Output.emit(format: format, header: header, rows: rows, rightAligned: Set(header.indices.filter { header[$0] == "missed" }))
    }
}
