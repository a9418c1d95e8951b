import Foundation
import GridCore

extension Store {
    /// The township's office calendar: built-in State Council holidays, overridden and extended by
    /// the `calendar_days` table, with office hours from the `office_hours` setting.
    public func officeCalendar() throws -> OfficeCalendar {
        var exceptions = ChinaHolidays.all
        try db.forEach("SELECT date, workday, name FROM calendar_days") { row in
            if let d = LocalDate(iso: row.text(0)) { exceptions[d] = DayRule(workday: row.bool(1), name: row.text(2)) }
        }
        var hours = OfficeHours.standard
        if let text = try setting("office_hours") { hours = try OfficeHours(parsing: text) }
        return OfficeCalendar(zone: zone, hours: hours, exceptions: exceptions)
    }

    /// Sets one day of the calendar (admin): a holiday, a make-up working day, or a correction.
    public func setCalendarDay(_ date: LocalDate, workday: Bool, name: String, by actor: Actor, now: Date) throws {
        try authorize(actor, .manageRegistry, target: date.description, now: now)
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
        try write {
            let old = try setting(key) ?? ""
            try db.run("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)", [.text(key), .text(value)])
            try audit(actor: actor.login, action: "setting", target: key, allowed: true, detail: "\(old) → \(value)", now: now)
        }
    }
}
