import Foundation
import GridCore

extension Store {
    /// The township's office calendar: the built-in State Council arrangements (2024–2026), the statutory
    /// holidays of later years not yet announced (`ChinaStatutoryHolidays`), each replaced by the
    /// arrangement loaded with `calendar import`, then the `calendar_days` corrections, with office hours
    /// from the `office_hours` setting. `announcedYears` tells which years are known in full.
    public func officeCalendar() throws -> OfficeCalendar {
        let loaded = try loadedArrangementYears()
        let announced = ChinaHolidays.announcedYears.union(loaded)
        var exceptions = ChinaHolidays.announced.filter { !loaded.contains($0.key.year) }
        for y in ChinaStatutoryHolidays.years where !announced.contains(y) {
            exceptions.merge(ChinaStatutoryHolidays.days(ofYear: y)) { a, _ in a }
        }
        try db.forEach("SELECT date, workday, name FROM calendar_days") { row in
            if let d = LocalDate(iso: row.text(0)) { exceptions[d] = DayRule(workday: row.bool(1), name: row.text(2)) }
        }
        var hours = OfficeHours.standard
        if let text = try setting("office_hours") { hours = try OfficeHours(parsing: text) }
        return OfficeCalendar(zone: zone, hours: hours, exceptions: exceptions, announcedYears: announced)
    }

    /// Sets one day of the calendar (admin): a holiday, a make-up working day, or a correction.
    public func setCalendarDay(_ date: LocalDate, workday: Bool, name: String, by actor: Actor, now: Date) throws {
        try authorize(actor, .manageRegistry, target: date.description, now: now)
        try TextSafety.check(name, .singleLine("name"))
        try write {
            try db.run("INSERT OR REPLACE INTO calendar_days(date, workday, name) VALUES (?, ?, ?)",
                       [.text(date.description), .of(workday), .text(name)])
            try audit(actor: actor.login, action: "calendar_set", target: date.description, allowed: true,
                      detail: "\(workday ? "workday" : "off") \(name)", now: now)
        }
    }

    /// A setting's text, nil when unset.
    public func setting(_ key: String) throws -> String? {
        try db.first("SELECT value FROM settings WHERE key = ?", [.text(key)]) { $0.text(0) }
    }

    /// Sets a setting (needs the right to change limits; audited).
    public func setSetting(_ key: String, _ value: String, by actor: Actor, now: Date) throws {
        try authorize(actor, .changeLimits, target: key, now: now)
        try TextSafety.check(value, .singleLine(key))
        try write {
            let old = try setting(key) ?? ""
            try db.run("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)", [.text(key), .text(value)])
            try audit(actor: actor.login, action: "setting", target: key, allowed: true, detail: "\(old) → \(value)", now: now)
        }
    }
}

extension Store {
    /// The settings key marking a year's arrangement as loaded by `calendar import`.
    static let arrangementKeyPrefix = "calendar_arrangement_"

    /// The years whose arrangement was loaded with `calendar import`.
    func loadedArrangementYears() throws -> Set<Int> {
        var years = Set<Int>()
        try db.forEach("SELECT key FROM settings WHERE key LIKE ?", [.text(Store.arrangementKeyPrefix + "%")]) { row in
            if let y = Int(row.text(0).dropFirst(Store.arrangementKeyPrefix.count)) { years.insert(y) }
        }
        return years
    }

    /// The calendar warning the console shows at `now` (this year not announced, or from 1 December next
    /// year), nil when the calendar is complete.
    public func calendarNotice(now: Date) throws -> CalendarWarning? { try officeCalendar().notice(now: now) }

    /// Loads a State Council arrangement (`date,workday,name`) through the shared import runner: every row
    /// checked first and the whole file refused on a bad row; then, in one transaction, each year the file
    /// touches has its `calendar_days` replaced by the file's days that differ from the weekday rule (or
    /// carry a name) and is marked announced. Admin only (the registry right); importing it again changes nothing.
    public func importCalendar(path: String, options: ImportOptions = .init(), actor: Actor, now: Date) throws -> ImportReport {
        try runImport(path: path, action: .manageRegistry, options: options, actor: actor, now: now,
                      makeValidator: { _ in CalendarImportValidator() },
                      writer: .chunked(groups: { [$0] }) { store, rows in try store.writeArrangement(rows, now: now) })
    }

    /// Replaces the years of `rows` inside the runner's transaction; returns how many days changed.
    func writeArrangement(_ rows: [CalendarImportRow], now: Date) throws -> Int {
        var changed = 0
        for year in Set(rows.map(\.date.year)).sorted() {
            let from = "\(year)-01-01", to = "\(year)-12-31"
            var old: [String: DayRule] = [:]
            try db.forEach("SELECT date, workday, name FROM calendar_days WHERE date BETWEEN ? AND ?", [.text(from), .text(to)]) {
                old[$0.text(0)] = DayRule(workday: $0.bool(1), name: $0.text(2))
            }
            var new: [String: DayRule] = [:]
            for r in rows where r.date.year == year && (r.rule.workday == r.date.isWeekend || !r.rule.name.isEmpty) {
                new[r.date.description] = r.rule
            }
            var n = Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.count
            let key = Store.arrangementKeyPrefix + String(year)
            let wasLoaded = try setting(key) != nil
            guard n > 0 || !wasLoaded else { continue }
            try db.run("DELETE FROM calendar_days WHERE date BETWEEN ? AND ?", [.text(from), .text(to)])
            for (d, rule) in new.sorted(by: { $0.key < $1.key }) {
                try db.run("INSERT INTO calendar_days(date, workday, name) VALUES (?, ?, ?)", [.text(d), .of(rule.workday), .text(rule.name)])
            }
            try db.run("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)", [.text(key), .text(ISOTime.formatUTC(now))])
            if n == 0 { n = 1 }  // marking the year announced is a change too
            changed += n
        }
        return changed
    }
}
