import Foundation

/// The two duties of seed 001 as the dashboards show them (考核标准):
/// each basic grid patrolled at least 2 hours a day, each worker reporting at least 10 matters a month.
public enum ComplianceMarks {
    /// Daily patrol minutes a basic grid must reach (日均巡查至少2小时).
    public static let dailyPatrolMinutes = 120
    /// Matters each worker must report in a month (月均上报不少于10件).
    public static let monthlyReports = 10

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

    /// Reports this month against `monthlyReports × workers`, pro rata over `day` of `daysInMonth`.
    /// E.g. 1 worker, day 15 of 30, 5 reports: the pace is 10 × 15 / 30 = 5, so on pace.
    public static func reportPace(reports: Int, workers: Int, day: Int, daysInMonth: Int) -> Pace {
        let target = monthlyReports * max(workers, 0)
        if reports >= target { return .met }
        // reports / target ≥ day / daysInMonth, in integers.
        return reports * daysInMonth >= target * day ? .onPace : .behind
    }

    /// Today's patrol minutes against the daily mark, pro rata over the minutes of the day passed so far.
    public static func patrolPace(minutes: Int, minutesIntoDay: Int) -> Pace {
        if minutes >= dailyPatrolMinutes { return .met }
        return minutes * 1_440 >= dailyPatrolMinutes * minutesIntoDay ? .onPace : .behind
    }

    /// Minutes covered by a set of sessions inside `[from, to)`: overlapping sessions count once.
    /// Open sessions (nil end) run to `openEnd`.
    public static func coveredMinutes(_ sessions: [(start: Date, end: Date?)], from: Date, to: Date, openEnd: Date) -> Int {
        let clipped = sessions.compactMap { s -> (Double, Double)? in
            let a = max(s.start, from).timeIntervalSince1970
            let b = min(s.end ?? openEnd, to).timeIntervalSince1970
            return b > a ? (a, b) : nil
        }.sorted { $0.0 < $1.0 }
        var total = 0.0
        var cur: (Double, Double)?
        for iv in clipped {
            if let c = cur, iv.0 <= c.1 { cur = (c.0, max(c.1, iv.1)) } else {
                if let c = cur { total += c.1 - c.0 }
                cur = iv
            }
        }
        if let c = cur { total += c.1 - c.0 }
        return Int(total / 60)
    }
}
