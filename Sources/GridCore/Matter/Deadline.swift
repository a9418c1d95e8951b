import Foundation

/// One stage's clock (环节时限): when it started, when it falls due, and when it becomes near due.
public struct StageClock: Hashable, Sendable {
    /// The stage.
    public let stage: Stage
    /// Its limit.
    public let limit: TimeLimit
    /// When the clock started.
    public let startedAt: Date
    /// When it falls due (超期 after this instant).
    public let dueAt: Date
    /// From this instant on it is near due (临期) until it is due.
    public let nearDueAt: Date

    /// Creates a clock from its parts.
    public init(stage: Stage, limit: TimeLimit, startedAt: Date, dueAt: Date, nearDueAt: Date) {
        self.stage = stage; self.limit = limit; self.startedAt = startedAt; self.dueAt = dueAt; self.nearDueAt = nearDueAt
    }
}

/// The deadline rules of a matter, in one place (时限规则).
///
/// - due = `calendar.due(from: start, limit:)`;
/// - near due once no more than `share` of the stage's time is left, measured on the stage's own clock
///   (`calendar.measured(from:to:unit:)`: office time for `wh`/`wd`, calendar time for `min`/`h`);
/// - overdue once `now` is past due; on time = no stage ever overdue.
public enum Deadline {
    /// Starts a stage's clock at `start`.
    public static func clock(stage: Stage, limit: TimeLimit, start: Date, calendar: OfficeCalendar, share: Double) -> StageClock {
        let due = calendar.due(from: start, limit: limit)
        return StageClock(stage: stage, limit: limit, startedAt: start, dueAt: due,
                          nearDueAt: nearDueAt(start: start, due: due, unit: limit.unit, calendar: calendar, share: share))
    }

    /// The first whole second at which no more than `share` of the stage's time [start, due] is left,
    /// on the clock of `unit`. Precomputed so that near-due lists are indexed range queries.
    public static func nearDueAt(start: Date, due: Date, unit: LimitUnit, calendar: OfficeCalendar, share: Double) -> Date {
        let total = calendar.measured(from: start, to: due, unit: unit)
        guard total > 0, due > start else { return due }
        let needed = total * (1 - share)          // elapsed time at which only `share` is left
        if needed <= 0 { return start }
        // Whole seconds, rounded up, so that at nearDueAt no more than `share` is left.
        let t = calendar.advance(from: start, seconds: needed, unit: unit)
        return min(due, Date(timeIntervalSince1970: ceil(t.timeIntervalSince1970)))
    }

    /// The rule itself, without precomputation: near due when `now` is before due and no more than
    /// `share` of the stage's time is left on its own clock.
    public static func isNearDue(now: Date, start: Date, due: Date, unit: LimitUnit, calendar: OfficeCalendar, share: Double) -> Bool {
        guard now <= due else { return false }
        let total = calendar.measured(from: start, to: due, unit: unit)
        let left = calendar.measured(from: max(now, start), to: due, unit: unit)
        return left <= total * share + 1e-6
    }

    /// Overdue (超期) once `now` is past the due instant: the due second itself is still on time.
    /// This is the one boundary: SQL reads it as `stage_due_at < now`, the console colours by it, and the
    /// detected `overdue` event is written for the stages it selects.
    public static func isOverdue(now: Date, due: Date) -> Bool { now > due }

    /// The handling deadline after an approved extension (延期) of `days` working days.
    public static func extended(due: Date, days: Int, calendar: OfficeCalendar) -> Date {
        guard TimeRules.extensionDays.contains(days), let l = TimeLimit(amount: days, unit: .workingDays) else { return due }
        return calendar.due(from: due, limit: l)
    }
}
