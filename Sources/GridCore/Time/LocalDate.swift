import Foundation

/// A day on the township's wall calendar (公历日期), without a time zone.
///
/// Days and months are always taken in the township's time zone; `LocalDate`
/// is the value that says which day an instant falls on there.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// Four-digit year.
    public let year: Int
    /// Month, 1–12.
    public let month: Int
    /// Day of month, 1–31.
    public let day: Int

    /// Creates a date, or nil when the parts do not name a real day.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...LocalDate.daysIn(year: year, month: month)).contains(day) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// The date `daysSinceEpoch` days after 1970-01-01.
    public init(daysSinceEpoch z0: Int) {
        // Howard Hinnant's civil_from_days: exact for the proleptic Gregorian calendar.
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0); month = m; day = d
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01 (negative before).
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        let w = (daysSinceEpoch % 7 + 7) % 7 // 1970-01-01 was a Thursday (index 0)
        return (w + 3) % 7 + 1
    }

    /// Saturday or Sunday.
    public var isWeekend: Bool { weekday >= 6 }

    /// The date `n` days later (earlier when negative).
    public func adding(days n: Int) -> LocalDate { LocalDate(daysSinceEpoch: daysSinceEpoch + n) }

    /// The month this date falls in.
    public var localMonth: LocalMonth { LocalMonth(year: year, month: month)! }

    /// `YYYY-MM-DD`.
    public var description: String {
        zeroPad(year, 4) + "-" + zeroPad(month, 2) + "-" + zeroPad(day, 2)
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Number of days in a month of a year.
    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A calendar month (月), as used by monthly targets and evaluations.
public struct LocalMonth: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// Four-digit year.
    public let year: Int
    /// Month, 1–12.
    public let month: Int

    /// Creates a month, or nil when out of range.
    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year; self.month = month
    }

    /// Parses `YYYY-MM`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        self.init(year: y, month: m)
    }

    /// First day of the month.
    public var firstDay: LocalDate { LocalDate(year: year, month: month, day: 1)! }
    /// Last day of the month.
    public var lastDay: LocalDate { LocalDate(year: year, month: month, day: dayCount)! }
    /// How many days the month has.
    public var dayCount: Int { LocalDate.daysIn(year: year, month: month) }
    /// The following month.
    public var next: LocalMonth { month == 12 ? LocalMonth(year: year + 1, month: 1)! : LocalMonth(year: year, month: month + 1)! }
    /// The preceding month.
    public var previous: LocalMonth { month == 1 ? LocalMonth(year: year - 1, month: 12)! : LocalMonth(year: year, month: month - 1)! }

    /// `YYYY-MM`.
    public var description: String { zeroPad(year, 4) + "-" + zeroPad(month, 2) }

    public static func < (a: LocalMonth, b: LocalMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }
}
