import Foundation
import GridCore
import GridStore

/// `gridroom calendar`: the office calendar and deadline arithmetic.
enum CalendarCommand: Command {
    static let name = "calendar"
    static let switches: Set<String> = []
    static let summary = "print the office calendar of a year, compute a due time, set a day (admin)"
    static let usage = """
    usage: gridroom calendar --year YYYY [--format csv|table|json]
           gridroom calendar due --from ISO-8601 --limit LIMIT
           gridroom calendar set YYYY-MM-DD --workday 0|1 --name NAME
           gridroom calendar import FILE.csv

    --year prints date,workday,name for every day (workday 1 or 0; name of the holiday or
    make-up working day). `due` prints when a clock started at --from with --limit (30min,
    2h, 4wh, 3wd) falls due, as ISO-8601 with offset. Without a database file the built-in
    calendar (State Council arrangements 2024–2026, statutory holidays alone 2027–2035, office
    hours 08:30–12:00, 14:00–17:30, Asia/Shanghai) is used. A year without its announced
    arrangement has no make-up working days (调休): `--year` and `due` warn about it on standard
    error. `import` loads the State Council's arrangement for one or more years from a CSV in
    the format `--year` prints (date,workday,name; every day, or only the days that differ from
    Monday–Friday), checked whole like every import; each year in the file replaces that year.
    `set` adds one day (a local correction). See Docs/time-limits.md.
    """

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        let store = FileManager.default.fileExists(atPath: ctx.dbPath) ? try ctx.openStore() : nil
        let calendar = try store?.officeCalendar() ?? OfficeCalendar()
        let sub = args.positionals.first
        switch sub {
        case nil:
            guard let y = try args.int("year", range: 1900...2200) else { throw UsageError(zh: "缺少 --year YYYY", en: "missing --year YYYY") }
            let format = try args.choice("format", ["csv", "table", "json"], default: "csv")!
            try args.rejectUnknown()
            let rows = calendar.days(ofYear: y).map { [$0.date.description, $0.isWorkday ? "1" : "0", $0.name ?? ""] }
            Output.emit(format: format, header: ["date", "workday", "name"], rows: rows, numbers: [1])
            if let w = calendar.warning(forYear: y) { Output.warn(w) }
        case "due":
            let fromText = try args.required("from")
            let limitText = try args.required("limit")
            try args.rejectUnknown()
            guard let from = ISOTime.parse(fromText, zone: calendar.zone) else {
                if let why = ISOTime.skippedLocalTime(fromText, zone: calendar.zone) { throw UsageError(why.after(zh: "--from ", en: "--from ")) }
                throw UsageError(zh: "--from \(fromText)：不是 ISO-8601 时间（例如 2026-11-20T16:00:00+08:00）", en: "--from \(fromText): not an ISO-8601 time (e.g. 2026-11-20T16:00:00+08:00)")
            }
            guard let limit = TimeLimit(parsing: limitText) else {
                throw UsageError(zh: "--limit \(limitText)：应为数字加单位 min、h、wh 或 wd（例如 30min、4wh、3wd）", en: "--limit \(limitText): expected a number and a unit min, h, wh or wd (e.g. 30min, 4wh, 3wd)")
            }
            let due = calendar.due(from: from, limit: limit)
            print(ISOTime.format(due, zone: calendar.zone))
            Output.warnCalendar(calendar, from: from, to: due)
        case "set":
            let dateText = try args.positional(1, "date YYYY-MM-DD")
            guard let date = LocalDate(iso: dateText) else { throw UsageError(zh: "\(dateText)：应为日期 YYYY-MM-DD", en: "\(dateText): expected a date YYYY-MM-DD") }
            guard let wd = try args.choice("workday", ["0", "1"]) else { throw UsageError(zh: "缺少 --workday 0|1", en: "missing --workday 0|1") }
            let name = try args.required("name")
            try args.rejectUnknown()
            guard let store else { throw StoreError.missing(path: ctx.dbPath) }
            try store.setCalendarDay(date, workday: wd == "1", name: name, by: try ctx.actor(store), now: try ctx.writeNow(store, "calendar set"))
            print("\(date): \(wd == "1" ? "working day" : "day off") — \(name)")
        case "import":
            let file = try args.positional(1, "FILE.csv")
            try args.rejectUnknown()
            guard let store else { throw StoreError.missing(path: ctx.dbPath) }
            do {
                let r = try store.importCalendar(path: file, actor: try ctx.actor(store), now: ctx.now(in: store.zone))
                print(ImportCommand.summary(r, ctx.language))
            } catch let e as ImportError {
                Output.toStandardError(TextSafety.escaped(e.words(ctx.language), keepNewlines: true) + "\n")
                return 1
            }
        default:
            throw UsageError(zh: "calendar \(sub!)：应为 due、set 或 import（或 --year）", en: "calendar \(sub!): expected due, set or import (or --year)")
        }
        return 0
    }
}
