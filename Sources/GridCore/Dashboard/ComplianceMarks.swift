import Foundation

/// How the dashboards colour the two duties of seed 001 (考核标准) — each basic grid patrolled at least
/// the daily mark, each worker reporting the monthly number — using the township's `ComplianceSettings`
/// and the compliance rules (`PatrolRules`, `ReportPace`).
public enum ComplianceMarks {
    /// How far along a figure is against a mark that accrues through a period.
    public enum Pace: Int, Sendable, Comparable {
        /// Behind where it should be by now (落后).
        case behind
        /// Not yet met, but at or above the pro-rata pace (进度正常).
        case onPace
        /// The mark is met (达标).
        case met

        public static func < (a: Pace, b: Pace) -> Bool { a.rawValue < b.rawValue }
    }

    /// Reports this month against `monthlyReports × workers`, pro rata over `day` of `daysInMonth` (`ReportPace`).
    /// E.g. 1 worker, mark 10, day 15 of 30, 5 reports: the pace is 10 × 15 / 30 = 5, so on pace.
    public static func reportPace(reports: Int, workers: Int, day: Int, daysInMonth: Int, settings: ComplianceSettings) -> Pace {
        let target = settings.monthlyReports * max(workers, 0)
        if reports >= target { return .met }
        return ReportPace(elapsedDays: day, daysInMonth: daysInMonth, target: target).onPace(reports) ? .onPace : .behind
    }

    /// Today's patrol minutes against the daily mark, pro rata over the minutes of the day passed so far.
    /// E.g. mark 120, at 12:00 (720 of 1 440 minutes) 60 minutes is on pace, 59 behind.
    public static func patrolPace(minutes: Int, minutesIntoDay: Int, settings: ComplianceSettings) -> Pace {
        let mark = settings.dailyPatrolMinutes
        if minutes >= mark { return .met }
        return minutes * 1_440 >= mark * minutesIntoDay ? .onPace : .behind
    }
}
