import Foundation

/// The local days of a period, with the UTC second each begins, worked out once per request.
///
/// Days are the township's calendar days (`TownshipZone`), so a session over midnight splits at
/// local midnight, and a month's window runs from local midnight of the 1st to local midnight after the last day.
public struct DayFrame: Sendable {
    /// The days, in order.
    public let days: [LocalDate]
    /// `bounds[i]` is the first second of `days[i]`; `bounds[days.count]` the first second after the last.
    public let bounds: [Int]
    /// "Now", in whole seconds.
    public let now: Int
    /// How many days have ended by `now` (a day ends at the next local midnight): all of them once the period is
    /// over, none before it begins. Worked out once: every grid's figure asks for it.
    public let completedDays: Int

    /// The days `first` through `last` (inclusive).
    public init(from first: LocalDate, through last: LocalDate, zone: TownshipZone, now: Date) {
        var d: [LocalDate] = []
        var b: [Int] = []
        var day = first
        while day <= last {
            d.append(day); b.append(TimeSpan.seconds(zone.startOfDay(day)))
            day = day.adding(days: 1)
        }
        b.append(TimeSpan.seconds(zone.startOfDay(day)))
        days = d; bounds = b
        let at = TimeSpan.seconds(now)
        self.now = at
        var n = 0
        while n < d.count && b[n + 1] <= at { n += 1 }
        completedDays = n
    }

    /// Every day of a month.
    public init(month: LocalMonth, zone: TownshipZone, now: Date) {
        self.init(from: month.firstDay, through: month.lastDay, zone: zone, now: now)
    }

    /// From the start of the first day to the end of the last.
    public var window: TimeSpan { TimeSpan(start: bounds[0], end: bounds[bounds.count - 1]) }

    /// The index of the day that contains `now`, if it is in the frame ("today").
    public var todayIndex: Int? {
        guard now >= bounds[0], now < bounds[bounds.count - 1] else { return nil }
        return completedDays
    }

    /// Splits disjoint sorted pieces (a union) into seconds per day of the frame.
    public func secondsPerDay(_ pieces: [TimeSpan]) -> [Int] {
        var out = [Int](repeating: 0, count: days.count)
        var i = 0
        for p in pieces {
            guard let c = p.clipped(to: window) else { continue }
            while i < days.count && bounds[i + 1] <= c.start { i += 1 }
            var j = i
            while j < days.count && bounds[j] < c.end {
                out[j] += min(c.end, bounds[j + 1]) - max(c.start, bounds[j])
                j += 1
            }
        }
        return out
    }
}
