import Foundation

/// A named shift period of the duty roster (班次): a wall-clock span of the township day, e.g. 夜班 20:00–08:00.
///
/// A period whose end is not after its start runs past midnight: a night period on day D runs from D 20:00 to
/// D+1 08:00 and belongs to day D on the roster.
public struct DutyPeriod: Hashable, Sendable {
    /// The name on the roster and in CSV files (`day`, `night`, or a name from the settings).
    public let name: String
    /// Minutes after local midnight where it begins (0 ..< 1440).
    public let startMinute: Int
    /// Minutes after local midnight where it ends (0 ..< 1440); not after the start means the next day.
    public let endMinute: Int

    /// Creates a period.
    public init(name: String, startMinute: Int, endMinute: Int) {
        self.name = name; self.startMinute = startMinute; self.endMinute = endMinute
    }

    /// Whether it runs past midnight into the next day.
    public var crossesMidnight: Bool { endMinute <= startMinute }

    /// `20:00–08:00`.
    public var span: String { DutyPeriod.clock(startMinute) + "–" + DutyPeriod.clock(endMinute) }

    /// The instants it covers on roster day `day`, in the township zone: [start, end).
    public func interval(on day: LocalDate, zone: TownshipZone) -> (start: Date, end: Date) {
        let start = zone.instant(day, secondsIntoDay: startMinute * 60)
        let end = zone.instant(crossesMidnight ? day.adding(days: 1) : day, secondsIntoDay: endMinute * 60)
        return (start, end)
    }

    /// The name people read: 白班 / day shift and 夜班 / night shift for the standard two; other names are data,
    /// shown as written in both languages.
    public func displayName(_ language: Language) -> String {
        switch name {
        case "day": language.pick("白班", "day shift")
        case "night": language.pick("夜班", "night shift")
        default: name
        }
    }

    static func clock(_ m: Int) -> String { zeroPad(m / 60, 2) + ":" + zeroPad(m % 60, 2) }
}

/// The township's shift periods (班次设置), from the setting `duty.periods`.
///
/// The text is `name=HH:MM-HH:MM` items separated by commas, e.g. `day=08:00-20:00,night=20:00-08:00,early=06:00-14:00`.
/// `day` and `night` are always known (the standard spans unless the setting gives others).
public struct DutyPeriods: Hashable, Sendable {
    /// The setting key.
    public static let settingKey = "duty.periods"
    /// The periods, in the order given (day and night first when the setting does not name them).
    public let all: [DutyPeriod]

    /// 白班 08:00–20:00 and 夜班 20:00–08:00.
    public static let standard = DutyPeriods(unchecked: [DutyPeriod(name: "day", startMinute: 8 * 60, endMinute: 20 * 60),
                                                         DutyPeriod(name: "night", startMinute: 20 * 60, endMinute: 8 * 60)])

    private init(unchecked: [DutyPeriod]) { all = unchecked }

    /// Parses the setting's text (nil or empty: the standard periods); a bad item is an error naming it.
    public init(setting text: String?) throws(ValidationError) {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { self = .standard; return }
        var found: [DutyPeriod] = []
        for raw in text.split(separator: ",") {
            let item = raw.trimmingCharacters(in: .whitespaces)
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ValidationError("setting \(DutyPeriods.settingKey): \"\(item)\": expected name=HH:MM-HH:MM")
            }
            let name = parts[0]
            if name.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) || $0 == ";" }) || name.count > 20 {
                throw ValidationError("setting \(DutyPeriods.settingKey): period name \"\(name)\" must be at most 20 characters, without control characters")
            }
            let times = parts[1].split(separator: "-").map { String($0).trimmingCharacters(in: .whitespaces) }
            guard times.count == 2, let a = DutyPeriods.minutes(times[0]), let b = DutyPeriods.minutes(times[1]), a != b else {
                throw ValidationError("setting \(DutyPeriods.settingKey): \"\(item)\": expected two different times HH:MM-HH:MM")
            }
            guard !found.contains(where: { $0.name.lowercased() == name.lowercased() }) else {
                throw ValidationError("setting \(DutyPeriods.settingKey): period \(name) is named twice")
            }
            found.append(DutyPeriod(name: name, startMinute: a, endMinute: b))
        }
        for std in DutyPeriods.standard.all.reversed() where !found.contains(where: { $0.name == std.name }) { found.insert(std, at: 0) }
        all = found
    }

    /// The period named `text` (case-insensitive; 白班 and 夜班 name the standard two).
    public func named(_ text: String) -> DutyPeriod? {
        let t = text.trimmingCharacters(in: .whitespaces)
        let key = t == "白班" ? "day" : t == "夜班" ? "night" : t.lowercased()
        return all.first { $0.name.lowercased() == key }
    }

    /// The names, for messages: `day, night, early`.
    public var names: String { all.map(\.name).joined(separator: ", ") }

    /// The setting text that gives these periods back.
    public var settingText: String { all.map { "\($0.name)=\(DutyPeriod.clock($0.startMinute))-\(DutyPeriod.clock($0.endMinute))" }.joined(separator: ",") }

    /// `HH:MM` → minutes after midnight.
    static func minutes(_ t: String) -> Int? {
        let p = t.split(separator: ":")
        guard p.count == 2, p[0].count <= 2, p[1].count == 2, let h = Int(p[0]), let m = Int(p[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return h * 60 + m
    }
}
