import Foundation
import GridCore

extension Store {
    /// The duty settings; a bad stored value is an error naming the key.
    public func dutySettings() throws -> DutySettings {
        var values: [String: String] = [:]
        try db.forEach("SELECT key, value FROM settings WHERE key LIKE 'duty.%'") { values[$0.text(0)] = $0.text(1) }
        let periods: DutyPeriods
        do { periods = try DutyPeriods(setting: values[DutyPeriods.settingKey]) } catch {
            throw StoreError.badSetting(key: DutyPeriods.settingKey, why: error)
        }
        return DutySettings(periods: periods, ringUntilAcknowledged: values["duty.ring_until_ack"].map { $0 == "on" } ?? true)
    }

    /// Changes a duty setting (supervisor: the `limits` right): `duty.periods` (`name=HH:MM-HH:MM,…`) or
    /// `duty.ring_until_ack` (`on`/`off`). The value is checked before it is stored.
    public func setDutySetting(_ key: String, _ value: String, by actor: Actor, now: Date) throws {
        try authorize(actor, .changeLimits, target: key, now: now)
        switch key {
        case DutyPeriods.settingKey:
            do { _ = try DutyPeriods(setting: value) } catch { throw StoreError.badSetting(key: key, why: error) }
        case "duty.ring_until_ack":
            guard value == "on" || value == "off" else {
                throw StoreError.badSetting(key: key, why: ValidationError("\"\(value)\": expected on or off", chinese: "「\(value)」：应为 on 或 off"))
            }
        default:
            throw StoreError.unknownCode(.setting, key)
        }
        try write {
            try db.run("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)", [.text(key), .text(value)])
            try audit(actor: actor.login, action: Action.changeLimits.rawValue, target: key, allowed: true, detail: value, now: now)
        }
    }

    /// Roster entries of days `from` … `to` (inclusive), by day then period start.
    public func rosterEntries(from: LocalDate, to: LocalDate) throws -> [RosterEntry] {
        try db.query("SELECT day, period, login, deputy FROM roster WHERE day >= ? AND day <= ? ORDER BY day, period",
                     [.text(from.description), .text(to.description)]) { r in
            guard let day = LocalDate(iso: r.text(0)) else { throw StoreError.unknownStoredValue(table: "roster", column: "day", value: r.text(0)) }
            return RosterEntry(day: day, period: r.text(1), login: r.text(2), deputy: r.optionalText(3))
        }
    }

    /// The roster of days `from` … `to` with names and times, in time order. Entries whose period the settings
    /// no longer know are left out of the times but kept (shown at the day's start).
    public func roster(from: LocalDate, to: LocalDate) throws -> [RosterSlot] {
        let periods = try dutySettings().periods
        var names: [String: String] = [:]
        try db.forEach("SELECT login, name FROM staff") { names[$0.text(0)] = $0.text(1) }
        return try rosterEntries(from: from, to: to).map { e in
            let p = periods.named(e.period) ?? DutyPeriod(name: e.period, startMinute: 0, endMinute: 0)
            let span = p.interval(on: e.day, zone: zone)
            return RosterSlot(entry: e, period: p, officerName: names[e.login] ?? e.login, deputyName: e.deputy.map { names[$0] ?? $0 },
                              start: span.start, end: span.end)
        }.sorted { ($0.start, $0.entry.period) < ($1.start, $1.entry.period) }
    }

    /// Plans one shift of the roster (`gridroom duty plan`), replacing what was planned for that day and period.
    public func planDuty(_ entry: RosterEntry, by actor: Actor, now: Date) throws {
        try authorize(actor, .planRoster, target: entry.key, now: now)
        let periods = try dutySettings().periods
        guard let p = periods.named(entry.period) else { throw StoreError.duty(.unknownPeriod(name: entry.period, known: periods.all.map(\.name))) }
        var e = entry
        e.period = p.name
        let (active, known) = try staffLogins()
        let problems = RosterRules.problems(login: e.login, deputy: e.deputy, activeStaff: active, knownStaff: known)
        if let p = problems.first { throw StoreError.duty(.badRoster(column: p.column, message: p.message)) }
        try write {
            _ = try Store.rosterWrite(self, e, now: now, by: actor.login)
            try audit(actor: actor.login, action: "roster_plan", target: e.key, allowed: true,
                      detail: e.login + (e.deputy.map { ", deputy \($0)" } ?? ""), now: now)
        }
    }

    /// Imports `roster.csv` (`date,shift,login,deputy`, or 日期,班次,登录名,副班), validated whole like every import;
    /// a day and shift already planned is replaced.
    public func importRoster(path: String, options: ImportOptions = .init(), actor: Actor, now: Date) throws -> ImportReport {
        try runImport(path: path, action: .planRoster, options: options, actor: actor, now: now, makeValidator: { store in
            let (active, known) = try store.staffLogins()
            return RosterValidator(periods: try store.dutySettings().periods, activeStaff: active, knownStaff: known)
        }, writer: ImportWriter(write: { store, e in try Store.rosterWrite(store, e, now: now, by: actor.login) }))
    }

    /// Logins of active staff and of all staff.
    func staffLogins() throws -> (active: Set<String>, known: Set<String>) {
        var active: Set<String> = [], known: Set<String> = []
        try db.forEach("SELECT login, active FROM staff") { known.insert($0.text(0)); if $0.bool(1) { active.insert($0.text(0)) } }
        return (active, known)
    }

    /// Upserts one entry; false when the same was already planned.
    static func rosterWrite(_ store: Store, _ e: RosterEntry, now: Date, by login: String) throws -> Bool {
        let db = store.db
        let old = try db.first("SELECT login, deputy FROM roster WHERE day = ? AND period = ?", [.text(e.day.description), .text(e.period)]) {
            ($0.text(0), $0.optionalText(1))
        }
        if let old, old.0 == e.login, old.1 == e.deputy { return false }
        try db.run("""
            INSERT INTO roster(day, period, login, deputy, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(day, period) DO UPDATE SET login = excluded.login, deputy = excluded.deputy,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """, [.text(e.day.description), .text(e.period), .text(e.login), .of(e.deputy), .of(now), .text(login)])
        return true
    }
}
