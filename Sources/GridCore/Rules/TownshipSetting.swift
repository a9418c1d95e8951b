import Foundation

/// A township setting that `gridroom settings` shows and sets (乡镇设置项), with its key, its accepted values
/// and its default written here once: the console and the store read the stored text through `value(_:)`-style
/// readers below, so the key names and ranges are not spelled anywhere else.
///
/// Other settings keep their own commands (`patrol settings`, `duty settings`, `report settings`,
/// `case settings`); `otherCommands` names them for the refusal of an unknown key.
public enum TownshipSetting: String, NamedCode, Sendable {
    /// 紧急案件提醒间隔: how many minutes pass before an urgent matter still undispatched past its dispatch
    /// limit rings again on the console (1–1440, default 10).
    case urgentReminderMinutes = "console.urgent_reminder_minutes"
    /// 巡查时段: the hours a grid's daily patrol is expected, `HH:MM-HH:MM` with start before end
    /// (default 08:00-20:00); today's patrol pace is judged against them (`PatrolDay`).
    case patrolDay = "compliance.patrol_day"
    /// 提示音: whether the console rings its bell for alerts, `on` or `off` (default on; `--no-bell` and
    /// `GRIDROOM_BELL=off` silence one console, this every console of the township).
    case bell = "console.bell"

    /// The reminder interval's accepted minutes.
    public static let reminderRange = 1...1_440
    /// The reminder interval when none is set.
    public static let defaultReminderMinutes = 10

    /// The commands that set the other settings, for the refusal of an unknown key.
    public static let otherCommands = ["patrol settings", "duty settings", "report settings", "case settings"]

    /// The value in force when nothing is stored, as it is written.
    public var defaultText: String {
        switch self {
        case .urgentReminderMinutes: String(Self.defaultReminderMinutes)
        case .patrolDay: PatrolDay.standard.settingText
        case .bell: "on"
        }
    }

    /// Whether the value is a whole number (JSON gives it as a number) rather than text.
    public var isInteger: Bool { self == .urgentReminderMinutes }

    /// What is accepted, for help and errors.
    public func expected(_ language: Language) -> String {
        let r = Self.reminderRange
        switch self {
        case .urgentReminderMinutes: return language.pick("\(r.lowerBound)–\(r.upperBound) 的整数（分钟）", "a whole number of minutes, \(r.lowerBound)–\(r.upperBound)")
        case .patrolDay: return language.pick("HH:MM-HH:MM，开始早于结束（如 08:00-20:00）", "HH:MM-HH:MM, the start before the end (e.g. 08:00-20:00)")
        case .bell: return language.pick("on 或 off", "on or off")
        }
    }

    /// Checks a value a person typed; returns the text to store (times written HH:MM), or an error naming the key
    /// and what is accepted, in both languages.
    public func validated(_ text: String) throws(ValidationError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let stored: String?
        switch self {
        case .urgentReminderMinutes: stored = Self.reminderMinutes(parsing: trimmed).map(String.init)
        case .patrolDay: stored = PatrolDay(parsing: trimmed)?.settingText
        case .bell: stored = trimmed == "on" || trimmed == "off" ? trimmed : nil
        }
        guard let stored else {
            throw ValidationError("setting \(rawValue) = \"\(text)\": expected \(expected(.en))",
                                  chinese: "设置 \(rawValue) =「\(text)」：应为\(expected(.zh))")
        }
        return stored
    }

    /// The setting a key names, or an error listing the accepted keys (and where the other settings are set).
    public static func named(_ key: String) throws(ValidationError) -> TownshipSetting {
        if let s = TownshipSetting(rawValue: key) { return s }
        let keys = allCases.map(\.rawValue)
        throw ValidationError("no setting \(key); accepted: \(keys.joined(separator: ", ")) (other settings: "
                                + otherCommands.map { "gridroom \($0)" }.joined(separator: ", ") + ")",
                              chinese: "没有设置项 \(key)；可用：\(keys.joined(separator: "、"))（其他设置见 "
                                + otherCommands.map { "gridroom \($0)" }.joined(separator: "、") + "）")
    }

    /// The reminder interval in a stored or typed text, or nil unless a whole number in `reminderRange`.
    public static func reminderMinutes(parsing text: String) -> Int? {
        guard let n = Int(text), reminderRange.contains(n) else { return nil }
        return n
    }
}

extension PatrolDay {
    /// The setting's text, `HH:MM-HH:MM` (e.g. `08:00-20:00`).
    public var settingText: String {
        func hm(_ m: Int) -> String { (m / 60 < 10 ? "0" : "") + "\(m / 60):" + (m % 60 < 10 ? "0" : "") + "\(m % 60)" }
        return hm(startMinute) + "-" + hm(endMinute)
    }
}
