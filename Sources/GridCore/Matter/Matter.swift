import Foundation

/// A matter (事项 / 案件) as stored: its fields, state, current stage clock and counters.
public struct Matter: Hashable, Sendable {
    /// Row id.
    public var id: Int
    /// Case number, `YYYYMMDD-NNNN` by the local day it was reported.
    public var number: String
    /// When it was reported.
    public var reportedAt: Date
    /// Where it came from.
    public var source: MatterSource
    /// Reporter: a worker code for grid-worker reports, else free text (may be empty).
    public var reporter: String
    /// Grid code.
    public var grid: String
    /// Category code.
    public var category: String
    /// 紧急 / 一般.
    public var urgency: Urgency
    /// Title.
    public var title: String
    /// Description.
    public var description: String
    /// Location text.
    public var location: String
    /// State.
    public var state: MatterState
    /// The caller's name (来电人); empty when not given.
    public var callerName = ""
    /// The caller's phone (来电号码); empty when not given.
    public var callerPhone = ""
    /// The hotline work-order number (工单号); empty when not given.
    public var orderNo = ""
    /// On the problem register (挂账)?
    public var shelved: Bool
    /// Department it is (or was last) dispatched to.
    public var department: String?
    /// The operator who took it in (首问责任人).
    public var firstContact: String
    /// The matter it was merged into (case number).
    public var mergedInto: String?
    /// A possible duplicate flagged at intake (case number).
    public var duplicateOf: String?
    /// The stage whose clock runs now.
    public var stage: Stage?
    /// When that clock started.
    public var stageStartedAt: Date?
    /// When that stage falls due.
    public var stageDueAt: Date?
    /// When it becomes near due.
    public var nearDueAt: Date?
    /// Whether any stage ever went overdue.
    public var everOverdue: Bool
    /// The first handling deadline (the evaluation month is taken from it).
    public var handleDueAt: Date?
    /// Reworks (failed verifications and reopens).
    public var reworkCount: Int
    /// Urges, all levels.
    public var urgeCount: Int
    /// Yellow-card urges.
    public var urgeYellow: Int
    /// Red-card urges.
    public var urgeRed: Int
    /// Approved extensions.
    public var extensionCount: Int
    /// Credited as the first report (首报) of its merged group.
    public var firstReport: Bool
    /// When it was closed, invalidated or merged.
    public var endedAt: Date?
    /// Version for the stale-move check.
    public var version: Int
    /// Last change.
    public var updatedAt: Date
    /// Who made the last change.
    public var updatedBy: String

    /// Creates a matter from its stored fields.
    public init(id: Int, number: String, reportedAt: Date, source: MatterSource, reporter: String, grid: String, category: String, urgency: Urgency, title: String, description: String, location: String, state: MatterState, shelved: Bool, department: String?, firstContact: String, mergedInto: String?, duplicateOf: String?, stage: Stage?, stageStartedAt: Date?, stageDueAt: Date?, nearDueAt: Date?, everOverdue: Bool, handleDueAt: Date?, reworkCount: Int, urgeCount: Int, urgeYellow: Int, urgeRed: Int, extensionCount: Int, firstReport: Bool, endedAt: Date?, version: Int, updatedAt: Date, updatedBy: String) {
        self.id = id
        self.number = number
        self.reportedAt = reportedAt
        self.source = source
        self.reporter = reporter
        self.grid = grid
        self.category = category
        self.urgency = urgency
        self.title = title
        self.description = description
        self.location = location
        self.state = state
        self.shelved = shelved
        self.department = department
        self.firstContact = firstContact
        self.mergedInto = mergedInto
        self.duplicateOf = duplicateOf
        self.stage = stage
        self.stageStartedAt = stageStartedAt
        self.stageDueAt = stageDueAt
        self.nearDueAt = nearDueAt
        self.everOverdue = everOverdue
        self.handleDueAt = handleDueAt
        self.reworkCount = reworkCount
        self.urgeCount = urgeCount
        self.urgeYellow = urgeYellow
        self.urgeRed = urgeRed
        self.extensionCount = extensionCount
        self.firstReport = firstReport
        self.endedAt = endedAt
        self.version = version
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }

    /// Overdue now: open, a clock running, and past its due instant.
    public func isOverdue(now: Date) -> Bool {
        guard state.isOpen, let d = stageDueAt else { return false }
        return Deadline.isOverdue(now: now, due: d)
    }

    /// Near due now: open, not yet due, and past the precomputed near-due instant.
    public func isNearDue(now: Date) -> Bool {
        guard state.isOpen, let d = stageDueAt, let n = nearDueAt else { return false }
        return now >= n && now <= d
    }
}

/// One stage clock of a matter, as kept in its stage list.
public struct StageRecord: Hashable, Sendable {
    /// The stage.
    public var stage: Stage
    /// The limit it ran under, e.g. `4h`.
    public var limit: TimeLimit
    /// When it started.
    public var startedAt: Date
    /// When it falls (fell) due, after any extension.
    public var dueAt: Date
    /// The due instant before any extension.
    public var originalDueAt: Date
    /// When it finished (nil: still running).
    public var finishedAt: Date?
    /// Whether it went overdue.
    public var overdue: Bool

    /// Creates a record.
    public init(stage: Stage, limit: TimeLimit, startedAt: Date, dueAt: Date, originalDueAt: Date, finishedAt: Date?, overdue: Bool) {
        self.stage = stage; self.limit = limit; self.startedAt = startedAt; self.dueAt = dueAt
        self.originalDueAt = originalDueAt; self.finishedAt = finishedAt; self.overdue = overdue
    }
}

/// One entry of a matter's history (流转记录). Never changed once written.
public struct MatterEvent: Hashable, Sendable {
    /// Row id (history order).
    public var id: Int
    /// When.
    public var at: Date
    /// What happened.
    public var kind: EventKind
    /// State before (nil for intake and detected overdue).
    public var fromState: MatterState?
    /// State after.
    public var toState: MatterState?
    /// Who (a staff login, or `system` for detected overdue).
    public var actor: String
    /// The person's note or reason, as typed (system events carry none; their meaning is in the other fields).
    public var note: String
    /// The stage concerned (finished or gone overdue).
    public var stage: Stage?
    /// Time the finished stage took, on its own clock, in seconds.
    public var stageSeconds: Int?
    /// Department concerned.
    public var department: String?
    /// Urge level.
    public var level: UrgeLevel?
    /// The working days of an extension event (request or decision), from the extension it belongs to.
    public var extensionDays: Int?

    /// Creates an event.
    public init(id: Int, at: Date, kind: EventKind, fromState: MatterState?, toState: MatterState?, actor: String, note: String,
                stage: Stage?, stageSeconds: Int?, department: String?, level: UrgeLevel?, extensionDays: Int? = nil) {
        self.id = id; self.at = at; self.kind = kind; self.fromState = fromState; self.toState = toState; self.actor = actor
        self.note = note; self.stage = stage; self.stageSeconds = stageSeconds; self.department = department; self.level = level
        self.extensionDays = extensionDays
    }
}
