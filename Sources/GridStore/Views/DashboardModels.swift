import Foundation
import GridCore

/// The Overview screen's figures (总览), read in one snapshot.
public struct OverviewFigures: Sendable, Equatable {
    /// Matters reported today.
    public var newToday = 0
    /// Open matters (not closed, invalid or merged).
    public var open = 0
    /// Open matters past their warning point but not their deadline.
    public var nearDue = 0
    /// Open matters past their stage deadline.
    public var overdue = 0
    /// Open urgent matters.
    public var urgentOpen = 0
    /// Matters escalated to the district and still open.
    public var escalated = 0
    /// Open major matters (重大事项), newest first (at most 5): case number and title.
    public var majors: [MajorLine] = []
    /// How many major matters are open.
    public var majorOpen = 0
    /// Open matters shelved on the problem register (挂账).
    public var shelved = 0
    /// Open matters by state, largest first.
    public var byState: [Tally<MatterState>] = []
    /// Open matters by platform (nil = not yet dispatched), largest first.
    public var byPlatform: [Tally<Platform?>] = []
    /// Basic grids whose patrol today reached the mark.
    public var gridsMet = 0
    /// Basic grids patrolled today but under the mark.
    public var gridsUnder = 0
    /// Basic grids with no patrol today.
    public var gridsNobody = 0
    /// Reports by grid workers this month.
    public var reportsThisMonth = 0
    /// Grid workers on the roll.
    public var workers = 0
    /// The township's marks: daily patrol minutes per grid, monthly reports per worker.
    public var dailyPatrolMinutes = 120, monthlyReports = 10
    /// Day of the month and its length (for the pace).
    public var day = 1, daysInMonth = 30
    /// The latest events, newest first.
    public var feed: [FeedItem] = []

    /// Creates empty figures.
    public init() {}
}

/// A count under a key (a state, a platform): one bar of a breakdown. A struct, not a tuple, so that the
/// figures holding it compare with the synthesized `==` over every field.
public struct Tally<Key: Hashable & Sendable>: Sendable, Equatable {
    /// What is counted.
    public var key: Key
    /// How many.
    public var count: Int

    /// Creates a tally.
    public init(key: Key, count: Int) { self.key = key; self.count = count }
}

/// One line of the live feed: something that happened to a matter.
public struct FeedItem: Sendable, Equatable {
    /// When.
    public var at: Date
    /// What happened.
    public var kind: EventKind
    /// The matter's case number.
    public var number: String
    /// The matter's title.
    public var title: String
    /// Who did it.
    public var actor: String
}

/// One row of a matter table: what the Matters and Overdue screens show.
public struct MatterRow: Sendable, Equatable {
    /// Row id.
    public var id: Int
    /// Case number, e.g. 20261122-0007.
    public var number: String
    /// 紧急 or 一般.
    public var urgency: Urgency
    /// Category name.
    public var category: String
    /// Grid code.
    public var grid: String
    /// Grid name ("" when the grid is gone from the registry).
    public var gridName: String
    /// Department name ("" before dispatch).
    public var department: String
    /// Department code ("" before dispatch).
    public var departmentCode: String
    /// State.
    public var state: MatterState
    /// Title.
    public var title: String
    /// Current stage deadline.
    public var dueAt: Date?
    /// Current stage warning point.
    public var nearDueAt: Date?
    /// Shelved.
    public var shelved: Bool
    /// Times urged.
    public var urgeCount: Int
    /// An extension request waits for a supervisor (延期待批).
    public var extensionPending = false
    /// Not signed for in time (未签收): on the overdue list for that, whatever its stage clock says.
    public var unsigned = false
    /// Closed, but its answer to the reporter is late (答复超期; `Store.replyOverdueMatters`, `dueAt` the reply deadline).
    public var replyOverdue = false
    /// A major matter (重大事项): marked ★ on every list.
    public var major = false
}

/// Which column a matter table is sorted by.
public enum MatterSort: String, Sendable, CaseIterable {
    /// Case number (newest first).
    case number
    /// Urgent first.
    case urgency
    /// Category.
    case category
    /// Grid.
    case grid
    /// Department.
    case department
    /// State.
    case state
    /// Deadline, soonest (most overdue) first.
    case due
}

/// Everything the matter page shows.
public struct MatterDetail: Sendable {
    /// The table row.
    public var row: MatterRow
    /// The matter's stored fields, typed.
    public var matter: Matter
    /// The names of the codes it refers to, for people.
    public var names: MatterNames
    /// The stage clocks, oldest first.
    public var stages: [StageClock]
    /// The full history, oldest first.
    public var events: [MatterEvent]
    /// The row version (for moves with version checks).
    public var version: Int { matter.version }
    /// The extension request waiting for a decision, if any (shown on the page; a supervisor decides it there).
    public var pendingExtension: PendingExtension?
    /// The category's default department (pre-selected when dispatching).
    public var defaultDepartment = ""
    /// The category is flagged a dispute (矛盾纠纷): 稳控 applies.
    public var dispute = false
}

/// A matter as an alert banner names it (告警): number, urgency, category name, grid and title.
public struct AlertMatter: Sendable, Equatable {
    public var number: String
    public var urgency: Urgency
    public var category: String
    public var grid: String
    public var title: String
}

/// What the console's alert check found.
public struct ConsoleAlerts: Sendable, Equatable {
    /// New urgent matters (紧急案件).
    public var urgent: [AlertMatter] = []
    /// Newly overdue, including matters overdue when taken in (新超期).
    public var overdue: [AlertMatter] = []
    /// Urgent matters still undispatched past their dispatch limit (紧急未派遣), when a reminder was due.
    public var undispatched: [AlertMatter] = []
    /// Matters taken in as, or marked, major (重大事项) since the last look: named first, on every console.
    public var major: [AlertMatter] = []
    public init() {}
}

/// An extension request not yet decided (延期申请).
public struct PendingExtension: Sendable, Equatable {
    /// Working days asked for.
    public var days: Int
    /// Why.
    public var reason: String
    /// Who asked, and when.
    public var requestedBy: String
    public var requestedAt: Date
}

/// The names beside a matter's codes (名称): "" where the registry no longer knows the code.
public struct MatterNames: Sendable, Equatable {
    /// Grid name, e.g. 东湖村三组.
    public var grid = ""
    /// Category name (小类).
    public var category = ""
    /// Department name.
    public var department = ""
    /// The reporter's name when the reporter is a grid worker's code.
    public var reporter = ""
    /// The first contact's (首问责任人) name from the staff list.
    public var firstContact = ""
    /// Creates empty names.
    public init() {}
}

/// One stage's clock (环节时限).
public struct StageClock: Sendable, Equatable {
    /// The stage.
    public var stage: Stage
    /// Started.
    public var startedAt: Date
    /// Deadline (after extensions).
    public var dueAt: Date
    /// Finished, if it has.
    public var finishedAt: Date?
    /// Whether it went overdue.
    public var overdue: Bool
}

/// Overdue counts for one department.
public struct DepartmentDue: Sendable, Equatable {
    /// Department name ("" before dispatch).
    public var department: String
    /// Overdue matters.
    public var overdue: Int
    /// Near-due matters.
    public var nearDue: Int
}

/// One basic grid's compliance row (巡查考核).
public struct GridComplianceRow: Sendable, Equatable {
    /// Grid code.
    public var code: String
    /// Grid name.
    public var name: String
    /// Map position.
    public var mapRow: Int?, mapCol: Int?
    /// Patrol minutes today (overlaps counted once).
    public var minutesToday: Int
    /// Month-to-date average daily minutes over the completed days.
    public var averageMinutes: Int
    /// Completed days this month at or above the mark.
    public var daysMet: Int
    /// Completed days of the month so far (today is judged when it ends).
    public var daysSoFar: Int
    /// Workers assigned.
    public var workers: Int
    /// Reports by its workers this month.
    public var reports: Int
    /// Open overdue matters in the grid.
    public var overdueMatters: Int
    /// Patrol sessions under way now.
    public var ongoing: Int
}

/// One patrol session as the grid drill-down shows it.
public struct PatrolLine: Sendable, Equatable {
    /// Worker code and name.
    public var worker: String, workerName: String
    /// Start.
    public var start: Date
    /// End; nil while under way.
    public var end: Date?
}

/// One worker's line in the grid drill-down.
public struct WorkerLine: Sendable, Equatable {
    /// Code, name, phone.
    public var code: String, name: String, phone: String
    /// 专职 or 兼职.
    public var kind: WorkerKind
    /// Reports this month.
    public var reports: Int
}

/// The grid drill-down.
public struct GridDetail: Sendable, Equatable {
    /// The grid.
    public var code: String, name: String
    /// Its workers.
    public var workers: [WorkerLine]
    /// Today's sessions.
    public var sessions: [PatrolLine]
}

/// An open major matter (重大事项) as the overview names it.
public struct MajorLine: Sendable, Equatable {
    /// Case number.
    public var number: String
    /// Title.
    public var title: String
    /// Creates a line.
    public init(number: String, title: String) { self.number = number; self.title = title }
}
