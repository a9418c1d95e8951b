import Foundation

// PLACEHOLDER — the calendar helper replaces this file (real office hours, holidays, wh/wd arithmetic).

/// One office period of a working day, in seconds after local midnight.
public struct OfficePeriod: Hashable, Sendable {
    /// Start, seconds after midnight.
    public let start: Int
    /// End, seconds after midnight.
    public let end: Int
    /// Creates a period.
    public init(start: Int, end: Int) { self.start = start; self.end = end }
}

/// Office hours of a working day (办公时间), default 08:30–12:00 and 14:00–17:30.
public struct OfficeHours: Hashable, Sendable {
    /// The periods, in order, not overlapping.
    public let periods: [OfficePeriod]
    /// 08:30–12:00, 14:00–17:30.
    public static let standard = OfficeHours(periods: [OfficePeriod(start: 30_600, end: 43_200), OfficePeriod(start: 50_400, end: 63_000)])
    /// Creates office hours from periods.
    public init(periods: [OfficePeriod]) { self.periods = periods }
}

/// Whether a date is a working day, and the holiday or make-up day's name.
public struct DayRule: Hashable, Sendable {
    /// A working day?
    public let workday: Bool
    /// The holiday's or make-up day's name (e.g. 春节, 春节调休).
    public let name: String
    /// Creates a rule.
    public init(workday: Bool, name: String) { self.workday = workday; self.name = name }
}

/// One day of the office calendar as printed by `gridroom calendar`.
public struct CalendarDay: Hashable, Sendable {
    /// The date.
    public let date: LocalDate
    /// A working day?
    public let isWorkday: Bool
    /// Holiday or make-up day name, nil for an ordinary day.
    public let name: String?
}

/// The township's office calendar (工作日历): working days, office hours, and deadline arithmetic.
public struct OfficeCalendar: Sendable {
    /// The township's zone.
    public let zone: TownshipZone
    /// Office hours on working days.
    public let hours: OfficeHours
    /// Dates that differ from the weekday rule.
    public let exceptions: [LocalDate: DayRule]

    /// Creates a calendar.
    public init(zone: TownshipZone = .shanghai, hours: OfficeHours = .standard, exceptions: [LocalDate: DayRule] = [:]) {
        self.zone = zone; self.hours = hours; self.exceptions = exceptions
    }

    /// Whether a date is a working day.
    public func isWorkday(_ date: LocalDate) -> Bool { exceptions[date]?.workday ?? !date.isWeekend }

    /// The calendar entry for a date.
    public func day(_ date: LocalDate) -> CalendarDay {
        CalendarDay(date: date, isWorkday: isWorkday(date), name: exceptions[date]?.name)
    }

    /// The instant a stage started at `start` with `limit` falls due.
    public func due(from start: Date, limit: TimeLimit) -> Date {
        switch limit.unit {
        case .minutes: return start.addingTimeInterval(Double(limit.amount) * 60)
        case .hours: return start.addingTimeInterval(Double(limit.amount) * 3600)
        case .workingHours: return start.addingTimeInterval(Double(limit.amount) * 3600)
        case .workingDays: return start.addingTimeInterval(Double(limit.amount) * 86_400)
        }
    }

    /// Time between two instants as the limit's clock counts it (office seconds for `wh`/`wd`).
    public func measured(from a: Date, to b: Date, unit: LimitUnit) -> TimeInterval {
        b.timeIntervalSince(a)
    }
}
