import Foundation

/// Whether a date is a working day, and the holiday or make-up day's name.
public struct DayRule: Hashable, Sendable {
    /// A working day?
    public let workday: Bool
    /// The holiday's or make-up day's name (e.g. 春节, 春节调休上班).
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
///
/// - `min`, `h`: calendar time, the clock never stops.
/// - `wh`: office time on working days only; a clock started outside office hours starts at the next period.
/// - `wd`: due at the close of office on the N-th working day after the day the clock started.
public struct OfficeCalendar: Sendable {
    /// The township's zone.
    public let zone: TownshipZone
    /// Office hours on working days.
    public let hours: OfficeHours
    /// Dates that differ from the weekday rule.
    public let exceptions: [LocalDate: DayRule]
    /// The years whose announced arrangement (holidays and make-up days) `exceptions` holds; other years
    /// are counted without make-up days and warned about (`CalendarWarning`).
    public let announcedYears: Set<Int>

    /// Creates a calendar; by default with the State Council's holidays built in.
    public init(zone: TownshipZone = .shanghai, hours: OfficeHours = .standard,
                exceptions: [LocalDate: DayRule] = ChinaHolidays.all, announcedYears: Set<Int> = ChinaHolidays.announcedYears) {
        self.zone = zone; self.hours = hours; self.exceptions = exceptions; self.announcedYears = announcedYears
    }

    /// Whether a date is a working day: the exception if any, else Monday to Friday.
    public func isWorkday(_ date: LocalDate) -> Bool { exceptions[date]?.workday ?? !date.isWeekend }

    /// The calendar entry for a date.
    public func day(_ date: LocalDate) -> CalendarDay {
        CalendarDay(date: date, isWorkday: isWorkday(date), name: exceptions[date]?.name)
    }

    /// Every day of a year.
    public func days(ofYear year: Int) -> [CalendarDay] {
        var out: [CalendarDay] = []
        var d = LocalDate(year: year, month: 1, day: 1)!
        while d.year == year { out.append(day(d)); d = d.adding(days: 1) }
        return out
    }

    /// The instant a stage started at `start` with `limit` falls due.
    public func due(from start: Date, limit: TimeLimit) -> Date {
        switch limit.unit {
        case .minutes: return start.addingTimeInterval(Double(limit.amount) * 60)
        case .hours: return start.addingTimeInterval(Double(limit.amount) * 3600)
        case .workingHours: return advanceOffice(from: start, seconds: Double(limit.amount) * 3600)
        case .workingDays:
            var d = zone.localDate(of: start)
            var left = limit.amount
            // Bounded: no calendar has a year without working days; 20 years is far beyond any limit.
            for _ in 0..<7_300 {
                d = d.adding(days: 1)
                if isWorkday(d) { left -= 1; if left == 0 { break } }
            }
            return zone.instant(d, secondsIntoDay: hours.close)
        }
    }

    /// The instant `seconds` of the unit's clock after `start`: calendar seconds for `min`/`h`,
    /// office seconds for `wh`/`wd`. Used to place the near-due point inside a stage.
    public func advance(from start: Date, seconds: Double, unit: LimitUnit) -> Date {
        switch unit {
        case .minutes, .hours: return start.addingTimeInterval(seconds)
        case .workingHours, .workingDays: return advanceOffice(from: start, seconds: seconds)
        }
    }

    /// Time between two instants as the unit's clock counts it (office seconds for `wh`/`wd`);
    /// negative when `b` is before `a`.
    public func measured(from a: Date, to b: Date, unit: LimitUnit) -> TimeInterval {
        switch unit {
        case .minutes, .hours: return b.timeIntervalSince(a)
        case .workingHours, .workingDays:
            return b < a ? -officeSeconds(from: b, to: a) : officeSeconds(from: a, to: b)
        }
    }

    /// Office seconds between two instants (`a` ≤ `b`).
    public func officeSeconds(from a: Date, to b: Date) -> TimeInterval {
        guard a < b else { return 0 }
        var total = 0.0
        var d = zone.localDate(of: a)
        let last = zone.localDate(of: b)
        while d <= last {
            if isWorkday(d) {
                for p in hours.periods {
                    let ps = zone.instant(d, secondsIntoDay: p.start), pe = zone.instant(d, secondsIntoDay: p.end)
                    let s = max(ps, a), e = min(pe, b)
                    if e > s { total += e.timeIntervalSince(s) }
                }
            }
            d = d.adding(days: 1)
        }
        return total
    }

    /// Walks forward through office periods of working days until `seconds` of office time are used.
    /// Ending exactly at a period's end gives that end (12:00), not the next period's start.
    func advanceOffice(from start: Date, seconds: Double) -> Date {
        var left = seconds
        var d = zone.localDate(of: start)
        for _ in 0..<36_500 {
            if isWorkday(d) {
                for p in hours.periods {
                    let ps = zone.instant(d, secondsIntoDay: p.start), pe = zone.instant(d, secondsIntoDay: p.end)
                    let s = max(ps, start)
                    guard pe > s else { continue }
                    let available = pe.timeIntervalSince(s)
                    if left <= available { return s.addingTimeInterval(left) }
                    left -= available
                }
            }
            d = d.adding(days: 1)
        }
        return start.addingTimeInterval(seconds) // unreachable with any real calendar
    }
}
