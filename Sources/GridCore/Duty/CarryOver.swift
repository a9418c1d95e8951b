import Foundation

/// Why an open matter is carried over to the next shift (移交事项).
public enum CarryReason: String, Sendable, CaseIterable, Comparable {
    /// 紧急: an urgent matter still open.
    case urgent
    /// 超期: its stage deadline has passed.
    case overdue
    /// 临期: its stage deadline falls within the next 12 hours.
    case nearDue = "near_due"
    /// 上报待复: escalated to the district and waiting for its answer.
    case escalated
    /// 今日挂账: put on the problem register today.
    case shelvedToday = "shelved_today"

    /// Order of importance (urgent first).
    public var rank: Int { CarryReason.allCases.firstIndex(of: self)! }
    public static func < (a: CarryReason, b: CarryReason) -> Bool { a.rank < b.rank }
}

/// What the hand-over rule needs to know about one open matter.
public struct CarryFacts: Sendable, Equatable {
    /// Urgent.
    public var urgent: Bool
    /// Escalated and waiting for the district.
    public var escalated: Bool
    /// The current stage's deadline (nil when shelved or closed).
    public var dueAt: Date?
    /// When it was last put on the problem register, if it is on it now.
    public var shelvedAt: Date?
    /// Creates facts.
    public init(urgent: Bool, escalated: Bool, dueAt: Date?, shelvedAt: Date?) {
        self.urgent = urgent; self.escalated = escalated; self.dueAt = dueAt; self.shelvedAt = shelvedAt
    }
}

/// The hand-over list rule (交接清单): every open matter that is urgent, overdue, near due within the next
/// 12 hours, escalated and waiting, or shelved today goes to the incoming officer.
public enum CarryOver {
    /// How far ahead a deadline makes a matter "near due" for the hand-over: 12 hours, the length of a shift.
    public static let nearDueWindow: TimeInterval = 12 * 3600

    /// The reasons an open matter is carried over at `now` (empty: it is not); `dayStart` is local midnight of today.
    public static func reasons(_ f: CarryFacts, now: Date, dayStart: Date) -> [CarryReason] {
        var out: [CarryReason] = []
        if f.urgent { out.append(.urgent) }
        if let due = f.dueAt {
            if due < now { out.append(.overdue) }
            else if due < now.addingTimeInterval(nearDueWindow) { out.append(.nearDue) }
        }
        if f.escalated { out.append(.escalated) }
        if let s = f.shelvedAt, s >= dayStart { out.append(.shelvedToday) }
        return out
    }
}

/// Rules about shifts themselves (班次).
public enum ShiftRules {
    /// A shift shorter than this with no note was not really held (a start pressed by mistake, then taken over):
    /// the "previous shift" is never such a one.
    public static let minimumHeld: TimeInterval = 10 * 60

    /// Whether an ended shift counts as held: it has a note, or it lasted at least `minimumHeld`.
    public static func wasHeld(start: Date, end: Date, note: String) -> Bool {
        !note.isEmpty || end.timeIntervalSince(start) >= minimumHeld
    }
}
