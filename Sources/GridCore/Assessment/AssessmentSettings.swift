import Foundation

/// The assessment's settings (考核设置) from the `settings` table: the 应报未报 window and the score sheet.
public struct AssessmentSettings: Hashable, Sendable {
    /// The setting keys.
    public enum Key {
        /// Hours before a matter from another channel in which a worker's report of the same category in the
        /// same grid covers it (default 72).
        public static let missedWindowHours = "assessment.missed_window_hours"
        /// The score sheet (`ScoreSheet(parsing:)`).
        public static let scoreSheet = "assessment.score_sheet"
        /// Every key.
        public static let all = [missedWindowHours, scoreSheet]
    }

    /// The 应报未报 window in hours (1…720).
    public let missedWindowHours: Int
    /// The score sheet.
    public let scoreSheet: ScoreSheet

    /// The window in seconds.
    public var missedWindow: TimeInterval { TimeInterval(missedWindowHours * 3600) }

    /// The defaults: 72 h, `ScoreSheet.standard`.
    public static let standard = AssessmentSettings(missedWindowHours: 72, scoreSheet: .standard)

    /// Creates settings.
    public init(missedWindowHours: Int, scoreSheet: ScoreSheet) {
        self.missedWindowHours = missedWindowHours; self.scoreSheet = scoreSheet
    }

    /// From stored values (absent keys keep their defaults); a bad value is refused naming its key.
    public init(values: [String: String]) throws(ValidationError) {
        var hours = 72
        if let t = values[Key.missedWindowHours] {
            guard let h = Int(t), (1...720).contains(h) else {
                throw ValidationError("\(Key.missedWindowHours) \"\(t)\": expected whole hours from 1 to 720, e.g. 72",
                                      chinese: "\(Key.missedWindowHours)「\(t)」：应为 1 到 720 的整数小时，如 72")
            }
            hours = h
        }
        let sheet = try values[Key.scoreSheet].map { t throws(ValidationError) in try ScoreSheet(parsing: t) } ?? .standard
        self.init(missedWindowHours: hours, scoreSheet: sheet)
    }

    /// The values as stored text, every key.
    public var values: [String: String] {
        [Key.missedWindowHours: String(missedWindowHours), Key.scoreSheet: scoreSheet.description]
    }
}
