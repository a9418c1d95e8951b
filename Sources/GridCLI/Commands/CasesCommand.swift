import Foundation
import GridCore
import GridStore

/// `gridroom cases [filters] [--format table|csv|json]`: lists matters, newest first, page by page.
enum CasesCommand: Command {
    static let name = "cases"
    static let switches: Set<String> = ["open", "overdue", "near-due", "shelved"]
    static let summary = "list matters: --open --overdue --near-due --shelved --grid --department --category --state --source --from --to --by"
    static let usage = """
    usage: gridroom cases [--open] [--overdue] [--near-due] [--shelved] [--grid CODE] [--department CODE]
                          [--category CODE|NAME|MAJOR] [--major-class NAME] [--state S[,S…]] [--source S[,S…]]
                          [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--by reported|closed|event]
                          [--limit N] [--format table|csv|json]

    Newest first. --grid includes the grids under it. A table shows 50 rows unless --limit says
    otherwise; csv and json list every match unless --limit is given (read in pages of 500).
    --from/--to take local days, placing a matter by its reported time (default), its closing (--by closed:
    closed matters closed in those days) or any event of its history (--by event). --state and --source take
    codes or names, comma-separated; --category a code, a category name or a major class (大类). An unknown
    value is refused with the accepted ones listed.
    """

    static let header = ["number", "reported_at", "source", "reporter", "grid", "category", "urgency", "state", "department",
                         "due_at", "overdue", "near_due", "shelved", "version", "title"]

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        var f = MatterFilter()
        f.open = args.flag("open"); f.overdue = args.flag("overdue"); f.nearDue = args.flag("near-due"); f.shelved = args.flag("shelved")
        f.grid = args.option("grid"); f.department = args.option("department")
        let words = CasesFilterWords(&args)
        let format = try args.choice("format", ["table", "csv", "json"], default: "table")!
        let limit = try args.int("limit", range: 1...10_000_000) ?? (format == "table" ? 50 : Int.max)
        try args.rejectUnknown()
        let store = try ctx.openStore()
        try words.apply(to: &f, store: store, language: ctx.language)
        let now = ctx.now(in: store.zone)
        let z = store.zone
        func row(_ m: Matter) -> [String] {
            [m.number, ISOTime.format(m.reportedAt, zone: z), m.source.rawValue, m.reporter, m.grid, m.category, m.urgency.rawValue,
             m.state.rawValue, m.department ?? "", m.stageDueAt.map { ISOTime.format($0, zone: z) } ?? "",
             m.isOverdue(now: now) ? "1" : "0", m.isNearDue(now: now) && !m.isOverdue(now: now) ? "1" : "0",
             m.shelved ? "1" : "0", String(m.version), m.title]
        }
        var shown = 0
        var before: Int? = nil
        var rows: [[String]] = []
        var jsonFirst = true
        if format == "csv" { print(CSVWriter.bom + CSVWriter.line(header), terminator: "") }
        if format == "json" { print("[") }
        while shown < limit {
            let want = min(500, limit - shown)
            let page = try store.matters(f, now: now, before: before, limit: want)
            for m in page {
                switch format {
                case "csv": print(CSVWriter.line(row(m), numbers: [13]), terminator: "")  // 13: version
                case "json":
                    var o: [String: Any] = Dictionary(uniqueKeysWithValues: zip(header, row(m)))
                    o["overdue"] = m.isOverdue(now: now); o["near_due"] = m.isNearDue(now: now) && !m.isOverdue(now: now)
                    o["shelved"] = m.shelved; o["version"] = m.version
                    let text = Output.json(o).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
                    print((jsonFirst ? "" : ",\n") + text, terminator: "")
                    jsonFirst = false
                default: rows.append(row(m))
                }
            }
            shown += page.count
            if let last = page.last { before = last.id }
            if page.count < want { break }
        }
        switch format {
        case "csv": break
        case "json": print(jsonFirst ? "]" : "\n]")
        default:
            // For people: the category's and department's names instead of their codes; `overdue` is a flag here.
            let categories = try store.names(of: .category), departments = try store.names(of: .department)
            let people = rows.map { r -> [String] in
                var r = r
                r[5] = categories[r[5]].map { $0.isEmpty ? r[5] : $0 } ?? r[5]
                r[8] = departments[r[8]].map { $0.isEmpty ? r[8] : $0 } ?? r[8]
                return Array(r.prefix(12)) + [r.last!]
            }
            Output.emit(format: "table", header: Array(header.prefix(12)).map { $0 == "overdue" ? "is_overdue" : $0 } + ["title"], rows: people)
            if shown == limit, let before, try !store.matters(f, now: now, before: before, limit: 1).isEmpty {
                print(ctx.language.pick("（只显示前 \(limit) 件；用 --limit N 或 --format csv 查看更多）",
                                        "(first \(limit) shown; more with --limit N or --format csv)"))
            }
        }
        return 0
    }
}
