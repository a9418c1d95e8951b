import Foundation

/// Where an open matter stands against its current stage's deadline (时限状态).
public enum DueStatus: Int, Sendable, Comparable {
    /// Within its time limit and not yet near the end.
    case onTime
    /// Past the near-due warning point (临期) but not the deadline.
    case nearDue
    /// Past the deadline (超期).
    case overdue

    /// The status at `now` from the stage's deadline and warning point; no deadline means on time.
    /// Overdue is `Deadline.isOverdue` (strictly after the deadline).
    public static func of(dueAt: Date?, nearDueAt: Date?, now: Date) -> DueStatus {
        guard let dueAt else { return .onTime }
        if Deadline.isOverdue(now: now, due: dueAt) { return .overdue }
        if let nearDueAt, now >= nearDueAt { return .nearDue }
        return .onTime
    }

    public static func < (a: DueStatus, b: DueStatus) -> Bool { a.rawValue < b.rawValue }
}
