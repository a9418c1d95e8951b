import Foundation

/// One planned shift of the duty roster (排班): a day, a period, the officer on duty (值班) and a deputy (副班).
public struct RosterEntry: Hashable, Sendable {
    /// The township day the period starts on (a night period belongs to the evening's day).
    public var day: LocalDate
    /// The period's name (`day`, `night` or one from the settings).
    public var period: String
    /// The officer's OS login.
    public var login: String
    /// The deputy's login, if any.
    public var deputy: String?

    /// Creates an entry.
    public init(day: LocalDate, period: String, login: String, deputy: String? = nil) {
        self.day = day; self.period = period; self.login = login; self.deputy = deputy
    }

    /// The roster's key: one officer per day and period.
    public var key: String { "\(day) \(period)" }
}

/// The rules a roster entry must meet, shared by `duty plan` and the roster import.
public enum RosterRules {
    /// What is wrong with an entry naming `login`/`deputy` against the active staff logins, as (column, message) pairs.
    public static func problems(login: String, deputy: String?, activeStaff: Set<String>, knownStaff: Set<String>) -> [(column: String, message: Phrase)] {
        var out: [(String, Phrase)] = []
        func check(_ who: String, _ column: String) {
            if !knownStaff.contains(who) {
                out.append((column, Phrase(zh: "\(who) 不是指挥室工作人员（见 `gridroom staff list`）", en: "\(who) is not on the command-room staff (`gridroom staff list`)")))
            } else if !activeStaff.contains(who) {
                out.append((column, Phrase(zh: "\(who) 已停用", en: "\(who) is not active on the staff")))
            }
        }
        check(login, "login")
        if let deputy {
            if deputy == login { out.append(("deputy", Phrase(zh: "副班须是值班员（\(login)）以外的人", en: "the deputy must be someone other than the officer (\(login))"))) }
            else { check(deputy, "deputy") }
        }
        return out
    }

    /// The entry whose period covers `now`, if any (the latest-starting one when periods overlap).
    public static func covering(_ now: Date, entries: [RosterEntry], periods: DutyPeriods, zone: TownshipZone) -> RosterEntry? {
        entries.compactMap { e -> (RosterEntry, Date)? in
            guard let p = periods.named(e.period) else { return nil }
            let span = p.interval(on: e.day, zone: zone)
            return span.start <= now && now < span.end ? (e, span.start) : nil
        }.max { $0.1 < $1.1 }?.0
    }

    /// Whether `login` is the officer or the deputy of `entry`.
    public static func isOn(_ login: String, _ entry: RosterEntry?) -> Bool {
        guard let entry else { return false }
        return entry.login == login || entry.deputy == login
    }
}

/// Validates `roster.csv`: `date,shift,login,deputy` (or the Chinese headings of `Heading`: 日期,班次,登录名,副班).
///
/// Rules: the date is `YYYY-MM-DD`; the shift is a period of the settings (`day`, `night`, 白班, 夜班, or a named
/// one); the officer and the deputy are active staff, and not the same person; a day and shift appear once in the file.
public struct RosterValidator: RowValidator {
    /// `roster`.
    public let kind = "roster"
    /// The header.
    public let header = ["date", "shift", "login", "deputy"]
    /// The periods the settings define.
    public let periods: DutyPeriods
    /// Logins of active staff.
    public let activeStaff: Set<String>
    /// Logins of all staff.
    public let knownStaff: Set<String>

    /// Creates the validator.
    public init(periods: DutyPeriods, activeStaff: Set<String>, knownStaff: Set<String>) {
        self.periods = periods; self.activeStaff = activeStaff; self.knownStaff = knownStaff
    }

    /// Validates every record.
    public func validate(_ records: [CSVRecord]) -> ImportBatch<RosterEntry> {
        var rows: [(fields: RowFields, value: RosterEntry?)] = records.map { rec in
            var f = RowFields(rec, header: header)
            guard f.shapeOK else { return (f, nil) }
            let day = f.date("date")
            let period = f.choice("shift", expected: periods.names) { periods.named($0) }
            let login = f.code("login")
            let deputyText = f.optionalCode("deputy")
            if let login, let deputy = deputyText {
                for p in RosterRules.problems(login: login, deputy: deputy, activeStaff: activeStaff, knownStaff: knownStaff) { f.fail(p.column, p.message) }
            }
            guard f.errors.isEmpty, let day, let period, let login, let deputy = deputyText else { return (f, nil) }
            return (f, RosterEntry(day: day, period: period.name, login: login, deputy: deputy))
        }
        let dup = ImportChecks.duplicates(keys: rows.map { ($0.fields.line, $0.value?.key) }, column: "shift", what: ("日期和班次", "day and shift"))
        for i in rows.indices { if let e = dup[rows[i].fields.line] { rows[i].fields.fail(e.column, e.phrase); rows[i].value = nil } }
        return ImportChecks.settle(rows: rows, key: \.key, rawKeyColumn: nil) { _, _, _, _ in [] }
    }
}
