import Foundation
import GridCore
import GridStore

/// `gridroom cases [filters] [--format table|csv|json]`: lists matters, newest first, page by page.
enum CasesCommand: Command {
    static let name = "cases"
    static let switches: Set<String> = ["open", "all", "overdue", "near-due", "shelved"]
    static let summary = "list and search matters: --open --overdue --near-due --shelved --grid --department --category --state --source --from --to --by --search"
    static let usage = """
    usage: gridroom cases [--open | --all] [--overdue] [--near-due] [--shelved] [--grid CODE] [--department CODE]
                          [--category CODE|NAME|MAJOR] [--major-class NAME] [--state S[,S…]] [--source S[,S…]]
                          [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--by reported|closed|event] [--limit N] [--format …]
           gridroom cases [--open | --all] --search TEXT [--state S] [--from DATE] [--to DATE] [--limit N] [--format …]

    Newest first. --grid includes the grids under it. A table shows 50 rows unless --limit says
    otherwise; csv and json list every match unless --limit is given (read in pages of 500).
    --search finds matters, open and ended (--all, the default) or open only (--open), by words anywhere in
    the number, title, description, location, caller name and phone, work-order number or a note; TEXT may
    hold the console's terms too (state: grid: dept: cat: from: to:, codes or names). --state S (a state
    code or name, open, ended or all) and --from/--to DATE (YYYY-MM-DD, reported on those local days) narrow it.
    A one-character word reads only the newest 5000 matters.
    Without --search, --from/--to place a matter by its reported time (default), its closing (--by closed:
    closed matters closed in those days) or any event of its history (--by event); --state and --source take
    codes or names, comma-separated; --category a code, a category name or a major class (大类). An unknown
    value is refused with the accepted ones listed.
    """

    static let header = ["number", "reported_at", "source", "reporter", "grid", "category", "urgency", "state", "department",
                         "due_at", "overdue", "near_due", "shelved", "version", "title"]

    /// `--search`: the console's query, parsed the same way (messages in the --lang language), open or every matter.
    static func search(_ ctx: Context, _ text: String, open: Bool, format: String, limit: Int) throws -> Int32 {
        let store = try ctx.openStore()
        let now = ctx.now(in: store.zone)
        var q: MatterQuery
        let vocabulary = try store.queryVocabulary()
        do { q = try MatterQuery.parse(text, vocabulary: vocabulary) } catch {
            throw UsageError(zh: "--search：" + error.message(chinese: true, limit: 40), en: "--search: " + error.message(chinese: false, limit: 40))
        }
        if !text.contains("state:") { q.states = open ? MatterQuery.openStates : nil }
        if MatterSearch.isBounded(q) {
            let n = MatterSearch.singleCharacterScan
            Output.toStandardError(ctx.language.pick("注意：单字检索只查了最近的 \(n) 件\n", "note: one-character words: only the newest \(n) matters were searched\n"))
        }
        var offset = 0
        return try emit(ctx, store: store, now: now, format: format, limit: limit) { want in
            defer { offset += want }
            return try store.searchMatterRecords(q, offset: offset, limit: want)
        }
    }

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        var f = MatterFilter()
        f.open = args.flag("open"); f.overdue = args.flag("overdue"); f.nearDue = args.flag("near-due"); f.shelved = args.flag("shelved")
        f.grid = args.option("grid"); f.department = args.option("department")
        let all = args.flag("all")
        let words = CasesFilterWords(&args)
        // --search: the console's query (its state:, from:, to: terms); otherwise the ledger filters below.
        let searchWords = args.option("search")
        let searchText = searchWords == nil ? [] : [searchWords, args.option("state").map { "state:" + $0 },
                                               args.option("from").map { "from:" + $0 }, args.option("to").map { "to:" + $0 }].compactMap { $0 }
        if searchWords != nil, words.by != nil || words.sources != nil || words.major != nil {
            throw UsageError(zh: "--by、--source 和 --major-class 用于筛选列表，不能与 --search 同用；请去掉 --search", en: "--by, --source and --major-class filter the listing, not --search; leave --search out")
        }
        if all && f.open { throw UsageError(zh: "--open 与 --all 只能给一个（未结事项，或全部事项）", en: "--open and --all: give one (open matters, or open and ended)") }
        let format = try args.choice("format", ["table", "csv", "json"], default: "table")!
        let limit = try args.int("limit", range: 1...10_000_000) ?? (format == "table" ? 50 : Int.max)
        try args.rejectUnknown()
        if !searchText.isEmpty { return try search(ctx, searchText.joined(separator: " "), open: f.open, format: format, limit: limit) }
        let store = try ctx.openStore()
        try words.apply(to: &f, store: store, language: ctx.language)
        let now = ctx.now(in: store.zone)
        var before: Int? = nil
        return try emit(ctx, store: store, now: now, format: format, limit: limit) { want in
            let page = try store.matters(f, now: now, before: before, limit: want)
            if let last = page.last { before = last.id }
            return page
        }
    }

    /// Prints matters page by page (`next(n)` gives up to n more; fewer means the end) as a table, CSV or JSON.
    static func emit(_ ctx: Context, store: Store, now: Date, format: String, limit: Int, next: (Int) throws -> [Matter]) throws -> Int32 {
        let z = store.zone
        func row(_ m: Matter) -> [String] {
            [m.number, ISOTime.format(m.reportedAt, zone: z), m.source.rawValue, m.reporter, m.grid, m.category, m.urgency.rawValue,
             m.state.rawValue, m.department ?? "", m.stageDueAt.map { ISOTime.format($0, zone: z) } ?? "",
             m.isOverdue(now: now) ? "1" : "0", m.isNearDue(now: now) && !m.isOverdue(now: now) ? "1" : "0",
             m.shelved ? "1" : "0", String(m.version), m.title]
        }
        var shown = 0
        var rows: [[String]] = []
        var jsonFirst = true
        var ended = false
        if format == "csv" { print(CSVWriter.bom + CSVWriter.line(header), terminator: "") }
        if format == "json" { print("[") }
        while shown < limit {
            let want = min(500, limit - shown)
            let page = try next(want)
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
            if page.count < want { ended = true; break }
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
            if shown == limit, !ended, try !next(1).isEmpty {
                print(ctx.language.pick("（只显示前 \(limit) 件；用 --limit N 或 --format csv 查看更多）",
                                        "(first \(limit) shown; more with --limit N or --format csv)"))
            }
        }
        return 0
    }
}
