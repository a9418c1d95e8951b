import Foundation

/// A year the office calendar counts in without its announced arrangement (调休安排未载入).
///
/// Deadlines in such a year skip the statutory holidays (`ChinaStatutoryHolidays`) or, past the shipped
/// table, no holiday at all; the make-up working days (调休) and bridged weekends of the State Council's
/// notice are missing either way, so a `wd`/`wh` deadline may be a day or more off. Every place that
/// shows such a deadline or such a year says so.
public struct CalendarWarning: Sendable, Hashable, CustomStringConvertible {
    /// The year.
    public let year: Int
    /// Whether the statutory holidays are applied (a year of the shipped table), or none at all.
    public let statutoryHolidaysApplied: Bool

    /// Creates a warning.
    public init(year: Int, statutoryHolidaysApplied: Bool) {
        self.year = year; self.statutoryHolidaysApplied = statutoryHolidaysApplied
    }

    /// In English, for the command line.
    public var description: String {
        "\(year): the State Council's holiday arrangement is not loaded; "
            + (statutoryHolidaysApplied ? "only the statutory holidays are applied, " : "no holidays are known, ")
            + "make-up working days (调休) are missing — load the notice with `gridroom calendar import FILE.csv`"
    }

    /// In Chinese, for the console.
    public var chinese: String {
        "\(year)年放假调休安排未载入："
            + (statutoryHolidaysApplied ? "仅按法定节假日计算" : "未含任何节假日")
            + "，请用 gridroom calendar import 载入国务院通知"
    }
}

extension OfficeCalendar {
    /// The warning for `year`, nil when its arrangement is loaded.
    public func warning(forYear year: Int) -> CalendarWarning? {
        guard !announcedYears.contains(year) else { return nil }
        return CalendarWarning(year: year, statutoryHolidaysApplied: ChinaStatutoryHolidays.years.contains(year))
    }

    /// The warnings for the local years from `start` to `end` (a deadline's clock), in order.
    public func warnings(from start: Date, to end: Date) -> [CalendarWarning] {
        let a = zone.localDate(of: min(start, end)).year, b = zone.localDate(of: max(start, end)).year
        return (a...b).compactMap { warning(forYear: $0) }
    }

    /// What the console shows at `now`: this year's warning, or from 1 December next year's, when not loaded.
    public func notice(now: Date) -> CalendarWarning? {
        let today = zone.localDate(of: now)
        if let w = warning(forYear: today.year) { return w }
        if today.month == 12 { return warning(forYear: today.year + 1) }
        return nil
    }
}
