import Foundation
import GridCore

/// A duty shift (值班班次): who watched the room, from when to when, the note they handed over and whether the
/// next officer acknowledged the hand-over (接班确认).
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
    /// The handover note (交班记录), in full.
    public var note: String
    /// Who the roster had on duty when it began ('' when nothing was planned).
    public var plannedLogin: String
    /// Whether the officer was on the roster (officer or deputy) for the period it began in; false is shown as 未排班.
    public var onRoster: Bool
    /// The open shift this one took over (ended when this one began), if any.
    public var tookOver: Int?
    /// When the next officer acknowledged this shift's hand-over.
    public var acknowledgedAt: Date?
    /// Who acknowledged it.
    public var acknowledgedBy: String?
}

/// One matter in a shift's lists or its carried-over list, with what it is now.
public struct ShiftMatter: Sendable, Equatable {
    /// Row id.
    public var id: Int
    /// Case number.
    public var number: String
    /// Title.
    public var title: String
    /// State now.
    public var state: MatterState
    /// Urgency.
    public var urgency: Urgency
    /// Current stage deadline, if any.
    public var dueAt: Date?
    /// When it entered the list (intake, deadline, escalation, urge, close, ring; for carried matters the hand-over).
    public var at: Date
    /// Why it was carried over (carried-over lists only).
    public var reasons: [CarryReason]
    /// For the alerts list: when it was acknowledged, and by whom.
    public var acknowledgedAt: Date?
    /// For the alerts list: who acknowledged it.
    public var acknowledgedBy: String?
}

/// The lists of a shift's view (本班情况), each since the shift began.
public enum ShiftListKind: String, Sendable, CaseIterable {
    /// 受理: matters taken in during the shift, by intake time (not reported time).
    case takenIn = "taken_in"
    /// 转超期: matters whose stage deadline fell during the shift.
    case turnedOverdue = "turned_overdue"
    /// 上报: matters escalated to the district.
    case escalated
    /// 督办: matters urged.
    case urged
    /// 办结: matters closed (verification passed).
    case closed
    /// 响铃: every alert that rang during the shift.
    case rang
}

/// A shift's lists.
public struct ShiftActivity: Sendable, Equatable {
    /// The lists, each newest first, at most `ShiftActivity.limit` rows.
    public var lists: [ShiftListKind: [ShiftMatter]] = [:]
    /// Rows a list holds at most.
    public static let limit = 1000
    /// A list (empty when none).
    public subscript(_ kind: ShiftListKind) -> [ShiftMatter] { lists[kind] ?? [] }
    /// Creates lists.
    public init(lists: [ShiftListKind: [ShiftMatter]] = [:]) { self.lists = lists }
}

/// A planned shift with the people's names and when it runs.
public struct RosterSlot: Sendable, Equatable {
    /// The entry.
    public var entry: RosterEntry
    /// The period (its span).
    public var period: DutyPeriod
    /// The officer's staff name.
    public var officerName: String
    /// The deputy's staff name, if any.
    public var deputyName: String?
    /// When it begins.
    public var start: Date
    /// When it ends.
    public var end: Date
}

/// The duty settings (值班设置), from the `settings` table.
public struct DutySettings: Sendable, Equatable {
    /// The shift periods (`duty.periods`).
    public var periods: DutyPeriods
    /// Whether an alert during a shift rings again (every `ringEverySeconds`) until it is acknowledged
    /// (`duty.ring_until_ack`, on by default); off: it rings once and the banner stays.
    public var ringUntilAcknowledged: Bool
    /// Seconds between rings.
    public static let ringEverySeconds: TimeInterval = 15
    /// The keys.
    public static let keys = [DutyPeriods.settingKey, "duty.ring_until_ack"]
}
