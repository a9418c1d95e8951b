import Foundation
import GridCore

/// One township setting as it stands (设置现值): the value in force and whether it is stored or the default.
public struct TownshipSettingValue: Sendable, Equatable {
    /// Which setting.
    public let setting: TownshipSetting
    /// The value in force, as written (`10`, `08:00-20:00`).
    public let value: String
    /// False when nothing is stored and the default is in force.
    public let stored: Bool
}

extension Store {
    /// Every `TownshipSetting` with its value in force, in their order; a stored value the rules refuse is an
    /// error naming the key (never quietly replaced by the default).
    public func townshipSettings() throws -> [TownshipSettingValue] {
        try TownshipSetting.allCases.map { s in
            guard let raw = try settingValue(s.rawValue) else { return TownshipSettingValue(setting: s, value: s.defaultText, stored: false) }
            let value: String
            do throws(ValidationError) { value = try s.validated(raw) } catch { throw StoreError.badSetting(key: s.rawValue, why: error) }
            return TownshipSettingValue(setting: s, value: value, stored: true)
        }
    }

    /// How often an urgent matter left undispatched rings again, in minutes (`console.urgent_reminder_minutes`).
    public func urgentReminderMinutes() throws -> Int {
        guard let raw = try settingValue(TownshipSetting.urgentReminderMinutes.rawValue) else { return TownshipSetting.defaultReminderMinutes }
        guard let n = TownshipSetting.reminderMinutes(parsing: raw) else {
            throw StoreError.badSetting(key: TownshipSetting.urgentReminderMinutes.rawValue,
                                        why: TownshipSettingError.stored(.urgentReminderMinutes, raw))
        }
        return n
    }

    /// The patrol day hours (`compliance.patrol_day`), 08:00–20:00 unless set.
    public func patrolDay() throws -> PatrolDay {
        guard let raw = try settingValue(TownshipSetting.patrolDay.rawValue) else { return .standard }
        guard let day = PatrolDay(parsing: raw) else {
            throw StoreError.badSetting(key: TownshipSetting.patrolDay.rawValue, why: TownshipSettingError.stored(.patrolDay, raw))
        }
        return day
    }

    /// Whether the consoles ring their bell for alerts (`console.bell`, on unless set to off).
    public func consoleBellOn() throws -> Bool {
        guard let raw = try settingValue(TownshipSetting.bell.rawValue) else { return true }
        guard raw == "on" || raw == "off" else {
            throw StoreError.badSetting(key: TownshipSetting.bell.rawValue, why: TownshipSettingError.stored(.bell, raw))
        }
        return raw == "on"
    }

    /// Sets one township setting (the `limits` right: supervisor or admin). The key and the value are checked
    /// first; the change is one short write with its audit row (old → new). Returns the value stored.
    @discardableResult
    public func setTownshipSetting(key: String, value: String, by actor: Actor, now: Date) throws -> String {
        try authorize(actor, .changeLimits, target: key, now: now)
        let setting: TownshipSetting
        do throws(ValidationError) { setting = try TownshipSetting.named(key) } catch { throw StoreError.badSetting(key: key, why: error) }
        let text: String
        do throws(ValidationError) { text = try setting.validated(value) } catch { throw StoreError.badSetting(key: key, why: error) }
        try write {
            let old = try db.first("SELECT value FROM settings WHERE key = ?", [.text(key)]) { $0.text(0) }
            try db.run("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)", [.text(key), .text(text)])
            try audit(actor: actor.login, action: Action.changeLimits.rawValue, target: key, allowed: true,
                      detail: "\(old ?? "(default)") → \(text)", now: now)
        }
        return text
    }
}

/// A stored township setting the rules refuse (the file was edited by hand or by a newer version).
enum TownshipSettingError {
    /// The words for a bad stored `raw` of `setting`.
    static func stored(_ setting: TownshipSetting, _ raw: String) -> ValidationError {
        ValidationError("setting \(setting.rawValue) holds \"\(raw)\": expected \(setting.expected(.en)); set it again with `gridroom settings set`",
                        chinese: "设置 \(setting.rawValue) 的值「\(raw)」无效：应为\(setting.expected(.zh))；请用 `gridroom settings set` 重新设置")
    }
}
