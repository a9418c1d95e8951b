/// One day of a loaded arrangement: a date and whether it is worked, with the holiday's or make-up day's name.
public struct CalendarImportRow: Sendable, Hashable {
    /// The date.
    public let date: LocalDate
    /// Worked or not, and the name.
    public let rule: DayRule

    /// Creates a row.
    public init(date: LocalDate, rule: DayRule) { self.date = date; self.rule = rule }
}

/// Validates a State Council holiday arrangement (国务院放假安排): `date,workday,name`, the format
/// `gridroom calendar --year` prints. The file may list every day of the year or only the days that
/// differ from Monday–Friday; each year it touches is loaded whole (its old days replaced) and counts
/// as announced from then on.
///
/// Rejected: an unreadable date, a workday other than 0 or 1, a date listed twice, and a day that
/// differs from the weekday rule (a weekday off, a weekend worked) without the holiday's or make-up
/// day's name.
public struct CalendarImportValidator: RowValidator {
    /// `calendar`.
    public let kind = "calendar"
    /// The header.
    public let header = ["date", "workday", "name"]

    /// Creates the validator.
    public init() {}

    /// Validates every record.
    public func validate(_ records: [CSVRecord]) -> ImportBatch<CalendarImportRow> {
        var rows: [(fields: RowFields, value: CalendarImportRow?)] = records.map { rec in
            var f = RowFields(rec, header: header)
            guard f.shapeOK else { return (f, nil) }
            let date = f.date("date")
            let workday = f.choice("workday", expected: Phrase(zh: "1（工作日）或 0（休息日）", en: "1 (a working day) or 0 (a day off)")) { ["1": true, "0": false][$0] }
            let name = f.text("name")
            if name.count > 50 { f.fail("name", zh: "长 \(name.count) 个字符（至多 50 个）", en: "\(name.count) characters long (at most 50)") }
            if let date, let workday, name.isEmpty, workday == date.isWeekend {
                f.fail("name", zh: workday ? "为空；\(date) 是周末上班：请写明调休名称（如 春节调休上班）"
                                           : "为空；\(date) 是工作日放假：请写明节日名称（如 国庆节）",
                       en: workday ? "empty; \(date) is a weekend worked: name the make-up day (e.g. 春节调休上班)"
                                   : "empty; \(date) is a weekday off: name the holiday (e.g. 国庆节)")
            }
            guard f.errors.isEmpty, let date, let workday else { return (f, nil) }
            return (f, CalendarImportRow(date: date, rule: DayRule(workday: workday, name: name)))
        }
        let dupes = ImportChecks.duplicates(keys: rows.map { ($0.fields.line, $0.value?.date.description) }, column: "date", what: ("日期", "date"))
        for i in rows.indices { if let e = dupes[rows[i].fields.line] { rows[i].fields.fail(e.column, e.phrase) } }
        return ImportChecks.settle(rows: rows, key: { $0.date.description }, rawKeyColumn: "date") { _, _, _, _ in [] }
    }
}
