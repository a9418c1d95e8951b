import Foundation

/// A duty shift (值班班次): who watched the room, from when to when, and the note they handed over.
public struct Shift: Sendable, Equatable {
    /// Row id.
    public var id: Int
    /// The duty officer's OS login.
    public var login: String
    /// Their staff name, if known.
    public var name: String
    /// Started.
    public var startedAt: Date
    /// Ended; nil while on duty.
    public var endedAt: Date?
    /// The handover note (交班记录).
    public var note: String
}

/// What happened since a shift began (本班情况).
public struct ShiftSummary: Sendable, Equatable {
    /// Matters reported.
    public var new = 0
    /// Matters closed.
    public var closed = 0
    /// Open matters whose deadline passed.
    public var becameOverdue = 0
    /// Urgent matters reported.
    public var urgent = 0
    /// Creates a summary.
    public init(new: Int = 0, closed: Int = 0, becameOverdue: Int = 0, urgent: Int = 0) {
        self.new = new; self.closed = closed; self.becameOverdue = becameOverdue; self.urgent = urgent
    }
}
