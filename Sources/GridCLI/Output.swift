import Foundation
import GridCore

/// Printing results as table, CSV, JSON or Markdown.
///
/// Tables and Markdown are for people: headings and coded values (states, roles, flags…) in `language`, times
/// local and short. CSV and JSON are for machines: English codes as headers and keys (CSV headings in
/// Chinese with `--headings zh`), ISO-8601 times, and JSON values of their real type (`OutputColumns`).
enum Output {
    /// The language of tables and messages (`--lang`); set once by `Context`.
    nonisolated(unsafe) static var language: Language = .zh
    /// The language of CSV headings (`--headings`, English codes by default).
    nonisolated(unsafe) static var csvHeadings: Language = .en
    /// The township's zone and "now", for the short local times of tables.
    nonisolated(unsafe) static var zone: TownshipZone = .shanghai
    nonisolated(unsafe) static var now = Date()

    /// Prints rows in a format; JSON is an array of objects keyed by header, each value typed by its column.
    /// `numbers` are the CSV columns that hold numbers (never given a formula guard); by default the
    /// right-aligned ones. CSV starts with a BOM (Excel on a Chinese Windows then reads the Chinese right);
    /// every text the terminal shows is escaped (`TextSafety`).
    static func emit(format: String, header: [String], rows: [[String]], rightAligned: Set<Int> = [], numbers: Set<Int>? = nil) {
        switch format {
        case "csv":
            // The English codes by default (never the spaced English headings of tables).
            print(CSVWriter.bom + CSVWriter.document(header: csvHeadings == .zh ? header.map { Heading.name($0, .zh) } : header,
                                                     rows: rows, numbers: numbers ?? rightAligned), terminator: "")
        case "json":
            let objects = rows.map { r in
                Dictionary(uniqueKeysWithValues: zip(header, r).map { ($0, OutputColumns.json($0, $1)) })
            }
            print(json(objects))
        case "md":
            let (h, body) = forPeople(header, rows)
            print("| " + h.joined(separator: " | ") + " |")
            print("|" + h.map { _ in " --- |" }.joined())
            for r in body { print("| " + r.map { TextSafety.escaped($0).replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |") }
        default:
            let (h, body) = forPeople(header, rows)
            print(TextTable(headers: h, rows: body, rightAligned: rightAligned).render(), terminator: "")
        }
    }

    /// Warns on standard error, once per year, when a deadline's clock from `from` to `to` runs through a year
    /// whose holiday arrangement is not loaded (`CalendarWarning`): its make-up days are missing.
    static func warnCalendar(_ calendar: OfficeCalendar, from: Date, to: Date) {
        for w in calendar.warnings(from: from, to: to) { warn(w) }
    }

    /// One calendar warning on standard error, in `language`.
    static func warn(_ w: CalendarWarning) {
        toStandardError((language == .zh ? "警告：" + w.chinese : "warning: " + w.description) + "\n")
    }

    /// Writes `text` as it is to standard error. A standard error that has gone away (a closed terminal, a hung-up SSH
    /// session: EIO or EPIPE) loses the text instead of stopping the program: `FileHandle.write(_:)` would trap.
    static func toStandardError(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }

    /// Headings and cells as people read them in `language`.
    static func forPeople(_ header: [String], _ rows: [[String]]) -> ([String], [[String]]) {
        (header.map { Heading.name($0, language) },
         rows.map { r in zip(header, r).map { OutputColumns.people($0, $1, language, zone: zone, now: now) } })
    }

    /// Pretty, key-sorted JSON text of a JSON-compatible value.
    static func json(_ value: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else { return "null" }
        let text = String(decoding: data, as: UTF8.self)
        // C0 controls are escaped by JSONSerialization; DEL, C1 and direction overrides are not: written as
        // \uXXXX they read back the same and never reach the terminal raw.
        guard text.unicodeScalars.contains(where: TextSafety.isDangerous) else { return text }
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            if TextSafety.isDangerous(u) { out.append(contentsOf: ("\\u" + TextSafety.codePoint(u).dropFirst(2).lowercased()).unicodeScalars) }
            else { out.append(u) }
        }
        return String(out)
    }
}

/// What each listing column holds, by its code, once for every command (the generic listings print cells as
/// text; this gives JSON its numbers, booleans and nulls, and tables their names and short times).
enum OutputColumns {
    /// Whole numbers.
    static let integers: Set<String> = ["id", "days", "patrol_minutes", "days_meeting_patrol", "days_met", "workers", "reports", "rank",
                                        "minutes", "rows", "written", "rejected", "map_row", "map_col", "row", "col", "version",
                                        "stage_seconds", "extension_days"]
    /// Decimals.
    static let decimals: Set<String> = ["avg_per_day", "avg/day"]
    /// Booleans, printed 1/0 in CSV.
    static let booleans: Set<String> = ["workday", "active", "patrol_ok", "reports_ok", "on_pace", "grid_patrol_ok", "shelved", "near_due",
                                        "is_overdue", "ever_overdue", "first_report", "sign_overdue", "reply_overdue", "dispute", "settled",
                                        "under_control", "major_matter"]
    /// Instants, ISO-8601 in CSV and JSON, short and local in tables.
    static let times: Set<String> = ["start", "end", "started", "finished", "reported_at", "due_at", "at", "started_at",
                                     "finished_at", "original_due_at", "near_due_at", "handle_due_at", "ended_at", "updated_at",
                                     "sign_due_at", "signed_at", "reply_due_at", "replied_at"]
    /// Optional text: empty is JSON null (a name or a note stays text, possibly empty).
    static let optionalText: Set<String> = ["confirmed_by", "partner", "parent", "department", "grade"]

    /// A cell as a typed JSON value (empty typed cells are null).
    static func json(_ column: String, _ text: String) -> Any {
        if integers.contains(column) { return Int(text).map { $0 as Any } ?? NSNull() }
        if decimals.contains(column) { return Double(text).map { $0 as Any } ?? NSNull() }
        if booleans.contains(column) { return text.isEmpty ? NSNull() : (text == "1" || text == "true") as Any }
        if times.contains(column) || optionalText.contains(column) {
            return text.isEmpty ? NSNull() : text
        }
        return text
    }

    /// The kinds of rows in red/black lists and of files in the import log, in Chinese.
    static let kinds = ["grid": "网格", "worker": "网格员", "grids": "网格", "workers": "网格员", "departments": "部门",
                        "categories": "类别", "cases": "案件", "patrols": "巡查"]

    /// A cell as people read it: coded values by name, flags in words, times short and local.
    static func people(_ column: String, _ text: String, _ language: Language, zone: TownshipZone, now: Date) -> String {
        if text.isEmpty { return text }
        if booleans.contains(column) { return text == "1" ? language.pick("是", "yes") : language.pick("否", "no") }
        if times.contains(column), let t = ISOTime.parse(text, zone: zone) { return PeopleTime.dated(t, now: now, zone: zone) }
        guard language == .zh else { return text }
        func named<T: NamedCode>(_: T.Type) -> String? { T(rawValue: text)?.displayName(language) }
        switch column {
        case "state": return named(MatterState.self) ?? text
        case "urgency": return named(Urgency.self) ?? text
        case "source": return named(MatterSource.self) ?? text
        case "stage": return named(Stage.self) ?? text
        case "role": return named(Role.self) ?? text
        case "platform": return named(Platform.self) ?? text
        case "level": return named(GridLevel.self) ?? named(UrgeLevel.self) ?? text
        case "kind": return named(WorkerKind.self) ?? named(EventKind.self) ?? kinds[text] ?? text
        case "list": return ["red": "红榜", "black": "黑榜"][text] ?? text
        case "grade": return named(Grade.self) ?? text
        case "limit", "dispatch_limit", "handle_limit", "verify_limit":
            return TimeLimit(parsing: text).map { "\($0.amount)\($0.unit.displayName(.zh))" } ?? text
        case "status": return named(PatrolStatus.self) ?? ["complete": "完成", "INCOMPLETE": "未完成"][text] ?? text
        case "channel": return named(ReplyChannel.self) ?? text
        case "revisit_result", "result": return named(Satisfaction.self) ?? text
        case "from", "to": return named(MatterState.self) ?? text
        default: return text
        }
    }
}
