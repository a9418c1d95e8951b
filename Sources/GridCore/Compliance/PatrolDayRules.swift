import Foundation

/// The completed part of a grid's patrol day (已结束巡查日汇总): what the `patrol_days` summary stores.
///
/// Only **closed** sessions are taken, with the ordinary counting rule (`PatrolSession.counts`): a suspect
/// one only once confirmed. For a closed session that rule does not depend on "now", so the figure of a
/// day stays right until a session of the grid touching that day is written, stopped or confirmed, or the
/// suspect limit changes. Sessions still open are left to the live computation at read time.
public enum PatrolDayRules {
    /// Closed sessions that count (not suspect, or confirmed).
    public static func countedClosed(_ sessions: [PatrolSession], settings: ComplianceSettings) -> [TimeSpan] {
        sessions.compactMap { s in
            guard let end = s.end, s.counts(limitSeconds: settings.suspectSeconds, now: end) else { return nil }
            return TimeSpan(from: s.start, to: end)
        }
    }

    /// One grid's seconds of patrol per day of `frame` from its closed counted sessions (the union, split
    /// at local midnight), as `(day index, seconds)` for the days with any patrol, in day order.
    /// `sessions` are that grid's (any order; ones outside the frame are clipped away).
    public static func closedDailySeconds(_ sessions: [PatrolSession], frame: DayFrame, settings: ComplianceSettings) -> [(day: Int, seconds: Int)] {
        let pieces = SpanUnion.union(countedClosed(sessions, settings: settings))
        return frame.sparseSecondsPerDay(pieces)
    }
}

extension DayFrame {
    /// Like `secondsPerDay` for long frames: only the days with any time, as `(day index, seconds)` in order.
    public func sparseSecondsPerDay(_ pieces: [TimeSpan]) -> [(day: Int, seconds: Int)] {
        var out: [(day: Int, seconds: Int)] = []
        for p in pieces {
            guard let c = p.clipped(to: window) else { continue }
            // The last day whose start is at or before c.start (binary search on the bounds).
            var lo = 0, hi = days.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if bounds[mid] <= c.start { lo = mid } else { hi = mid - 1 }
            }
            var j = lo
            while j < days.count && bounds[j] < c.end {
                let s = min(c.end, bounds[j + 1]) - max(c.start, bounds[j])
                if let last = out.last, last.day == j { out[out.count - 1].seconds += s } else { out.append((j, s)) }
                j += 1
            }
        }
        return out
    }

    /// The index of `day` in the frame, or nil.
    public func index(of day: LocalDate) -> Int? {
        let i = day.daysSinceEpoch - days[0].daysSinceEpoch
        return i >= 0 && i < days.count ? i : nil
    }
}

extension PatrolRules {
    /// The figure from seconds per day of the frame (`dailySeconds.count == frame.days.count`).
    public static func figure(dailySeconds perDay: [Int], frame: DayFrame, settings: ComplianceSettings) -> PatrolFigure {
        let judged = frame.completedDays
        let target = settings.dailyPatrolSeconds
        var total = 0, met = 0
        for i in 0..<judged {
            total += perDay[i]
            if perDay[i] >= target { met += 1 }
        }
        return PatrolFigure(dailySeconds: perDay, days: judged, patrolSeconds: total, daysMeeting: met,
                            todaySeconds: frame.todayIndex.map { perDay[$0] }, dailyTargetMinutes: settings.dailyPatrolMinutes)
    }

    /// The figure from stored completed days and live sessions: days before `liveFrom` come from `stored`
    /// (closed sessions only, `PatrolDayRules`), days from `liveFrom` on are computed from `live` with the full
    /// rule at the frame's now (open sessions included). `liveFrom` must be no later than the first day not yet
    /// over and no later than the first day any counting open session touches.
    public static func figure(stored: ArraySlice<Int>, liveFrom: Int, live: ArraySlice<PatrolSession>, frame: DayFrame,
                              settings: ComplianceSettings) -> PatrolFigure {
        var perDay: [Int] = []
        perDay.reserveCapacity(frame.days.count)
        perDay.append(contentsOf: stored.prefix(liveFrom))
        if live.isEmpty {
            // No session from `liveFrom` on: those days have nothing (what the union of none would give, without building it).
            perDay.append(contentsOf: repeatElement(0, count: frame.days.count - perDay.count))
        } else if liveFrom < frame.days.count {
            let now = Date(timeIntervalSince1970: Double(frame.now))
            let liveWindow = TimeSpan(start: frame.bounds[liveFrom], end: frame.window.end)
            let pieces = union(Array(live), within: liveWindow, settings: settings, now: now)
            let computed = frame.secondsPerDay(pieces)
            perDay.append(contentsOf: computed[liveFrom...])
        }
        return figure(dailySeconds: perDay, frame: frame, settings: settings)
    }
}
