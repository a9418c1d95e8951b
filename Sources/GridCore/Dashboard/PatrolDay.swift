/// The hours in which a grid's daily patrol is expected (巡查时段), by default 08:00–20:00: today's pace is
/// judged against them, so no grid is "behind today" at 02:17 because the pace ran over 24 hours.
/// The township's setting `compliance.patrol_day` (`HH:MM-HH:MM`) changes them.
public struct PatrolDay: Sendable, Equatable {
    /// Start and end, in minutes after local midnight (start < end).
    public let startMinute: Int, endMinute: Int

    /// 08:00–20:00.
    public static let standard = PatrolDay(startMinute: 480, endMinute: 1_200)!
    /// The setting that holds it.
    public static let settingKey = TownshipSetting.patrolDay.rawValue

    /// A patrol day, or nil unless 0 ≤ start < end ≤ 24:00.
    public init?(startMinute: Int, endMinute: Int) {
        guard 0 <= startMinute, startMinute < endMinute, endMinute <= 1_440 else { return nil }
        self.startMinute = startMinute; self.endMinute = endMinute
    }

    /// Parses `08:00-20:00`.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-").map { $0.split(separator: ":").compactMap { Int($0) } }
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && (0...59).contains($0[1]) && (0...24).contains($0[0]) }) else { return nil }
        self.init(startMinute: parts[0][0] * 60 + parts[0][1], endMinute: parts[1][0] * 60 + parts[1][1])
    }

    /// The minutes of the day "passed" for the pace at wall-clock minute `m`, on the 24-hour scale
    /// `ComplianceMarks.patrolPace` takes: none before the patrol day starts, the whole day after it ends,
    /// pro rata between. E.g. 08:00–20:00 at 14:00: half the patrol day, 720.
    public func paceMinutes(atMinuteOfDay m: Int) -> Int {
        if m <= startMinute { return 0 }
        if m >= endMinute { return 1_440 }
        return (m - startMinute) * 1_440 / (endMinute - startMinute)
    }
}
