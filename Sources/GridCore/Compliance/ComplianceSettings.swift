/// The configurable figures of the compliance rules (考核参数), read from the `settings` table.
///
/// Keys (all optional; defaults in brackets):
/// - `compliance.patrol_daily_minutes` — daily patrol target per basic grid, minutes [120]
/// - `compliance.reports_monthly` — monthly report target per grid worker [10]
/// - `compliance.suspect_minutes` — a session longer than this is suspect [720 = 12 h]
/// - `compliance.grade_rule` — the grade thresholds, see `GradeRule(parsing:)`
///   [`excellent=125/150;pass=100/100;basic=80/80`]
public struct ComplianceSettings: Hashable, Sendable {
    /// Minutes of patrol a basic grid needs each day (日均巡查).
    public var dailyPatrolMinutes: Int
    /// Reports each grid worker needs each month (月均上报).
    public var monthlyReports: Int
    /// Sessions longer than this many minutes are suspect.
    public var suspectMinutes: Int
    /// How grades are given.
    public var gradeRule: GradeRule

    /// The setting keys, in the order documented.
    public enum Key {
        /// Daily patrol target, minutes.
        public static let dailyPatrolMinutes = "compliance.patrol_daily_minutes"
        /// Monthly report target.
        public static let monthlyReports = "compliance.reports_monthly"
        /// Suspect limit, minutes.
        public static let suspectMinutes = "compliance.suspect_minutes"
        /// Grade rule text.
        public static let gradeRule = "compliance.grade_rule"
        /// Every key.
        public static let all = [dailyPatrolMinutes, monthlyReports, suspectMinutes, gradeRule]
    }

    /// The seed document's figures: 120 min a day, 10 reports a month, 12 h suspect limit, default grades.
    public static let standard = ComplianceSettings(dailyPatrolMinutes: 120, monthlyReports: 10, suspectMinutes: 720, gradeRule: .standard)

    /// Creates settings.
    public init(dailyPatrolMinutes: Int, monthlyReports: Int, suspectMinutes: Int, gradeRule: GradeRule) {
        self.dailyPatrolMinutes = dailyPatrolMinutes; self.monthlyReports = monthlyReports
        self.suspectMinutes = suspectMinutes; self.gradeRule = gradeRule
    }

    /// Reads settings from key/value text; absent keys keep their defaults, bad values are an error naming the key.
    public init(values: [String: String]) throws(ValidationError) {
        var s = ComplianceSettings.standard
        func positive(_ key: String, _ range: ClosedRange<Int>) throws(ValidationError) -> Int? {
            guard let raw = values[key] else { return nil }
            guard let n = Int(raw.trimmingCharacters(in: .whitespaces)), range.contains(n) else {
                throw ValidationError("setting \(key) = \"\(raw)\": expected a whole number from \(range.lowerBound) to \(range.upperBound)",
                                      chinese: "设置 \(key) =「\(raw)」：应为 \(range.lowerBound) 到 \(range.upperBound) 的整数")
            }
            return n
        }
        if let n = try positive(Key.dailyPatrolMinutes, 1...1440) { s.dailyPatrolMinutes = n }
        if let n = try positive(Key.monthlyReports, 1...10_000) { s.monthlyReports = n }
        if let n = try positive(Key.suspectMinutes, 1...(14 * 1440)) { s.suspectMinutes = n }
        if let raw = values[Key.gradeRule] {
            do { s.gradeRule = try GradeRule(parsing: raw) } catch {
                throw ValidationError("setting \(Key.gradeRule): \(error.message)", chinese: "设置 \(Key.gradeRule)：\(error.words(.zh))")
            }
        }
        self = s
    }

    /// The suspect limit in seconds.
    public var suspectSeconds: Int { suspectMinutes * 60 }
    /// The daily target in seconds.
    public var dailyPatrolSeconds: Int { dailyPatrolMinutes * 60 }

    /// The settings as key/value text (what is stored).
    public var values: [String: String] {
        [Key.dailyPatrolMinutes: String(dailyPatrolMinutes), Key.monthlyReports: String(monthlyReports),
         Key.suspectMinutes: String(suspectMinutes), Key.gradeRule: gradeRule.description]
    }
}
