import Foundation

/// Everything a bulletin (通报) prints, as plain values gathered by the store: the renderer computes no
/// figure of its own beyond the rates, which come from `Evaluation`'s formulas.
public struct Bulletin: Sendable {
    /// One period's matter figures (案件指标).
    public struct MatterFigures: Sendable, Hashable {
        /// 受理数: matters taken in (reported) in the period, every source, invalid and merged included.
        public var takenIn: Int
        /// The evaluation counts of the matters whose first handling deadline fell in the period.
        public var evaluation: EvaluationCounts
        /// The disputes reported in the period (矛盾纠纷), for 就地化解率 and 稳控率.
        public var disputes: DisputeCounts
        /// Creates figures.
        public init(takenIn: Int, evaluation: EvaluationCounts, disputes: DisputeCounts = DisputeCounts()) {
            self.takenIn = takenIn; self.evaluation = evaluation; self.disputes = disputes
        }
    }

    /// One department's line (部门办理情况).
    public struct DepartmentLine: Sendable, Hashable {
        /// Department code ("" for matters never dispatched).
        public var code: String
        /// Its name.
        public var name: String
        /// Its platform (nil for matters never dispatched).
        public var platform: Platform?
        /// Its counts over the period.
        public var counts: EvaluationCounts
        /// Creates a line.
        public init(code: String, name: String, platform: Platform?, counts: EvaluationCounts) {
            self.code = code; self.name = name; self.platform = platform; self.counts = counts
        }
    }

    /// One step of the trend (a week of a month, a month of a quarter or year).
    public struct TrendPoint: Sendable, Hashable {
        /// First day.
        public var first: LocalDate
        /// Last day.
        public var last: LocalDate
        /// Matters taken in (reported) in the step.
        public var takenIn: Int
        /// Matters closed (结案) in the step.
        public var closed: Int
        /// Creates a point.
        public init(first: LocalDate, last: LocalDate, takenIn: Int, closed: Int) {
            self.first = first; self.last = last; self.takenIn = takenIn; self.closed = closed
        }
    }

    /// An open matter that is overdue now or sits with the district (超期 / 上报区级未结).
    public struct OpenMatter: Sendable, Hashable {
        /// Case number.
        public var number: String
        /// Title.
        public var title: String
        /// Grid code and name.
        public var grid: String, gridName: String
        /// Department code and name ("" when none).
        public var department: String, departmentName: String
        /// State.
        public var state: MatterState
        /// Urgent?
        public var urgent: Bool
        /// The running stage's due instant, if a clock runs.
        public var dueAt: Date?
        /// Creates a line.
        public init(number: String, title: String, grid: String, gridName: String, department: String, departmentName: String,
                    state: MatterState, urgent: Bool, dueAt: Date?) {
            self.number = number; self.title = title; self.grid = grid; self.gridName = gridName; self.department = department
            self.departmentName = departmentName; self.state = state; self.urgent = urgent; self.dueAt = dueAt
        }
        /// Whole days past due at `now` (0 on the first day over); nil when not overdue.
        public func daysOver(now: Date) -> Int? {
            guard let d = dueAt, Deadline.isOverdue(now: now, due: d) else { return nil }
            return Int(now.timeIntervalSince(d) / 86_400)
        }
    }

    /// The township's name (from its township-level grid).
    public var township: String
    /// The period.
    public var period: ReportPeriod
    /// The instant the figures were taken.
    public var takenAt: Date
    /// The township's zone.
    public var zone: TownshipZone
    /// This period's and the previous period's matter figures.
    public var current: MatterFigures, previous: MatterFigures
    /// Open escalated matters now, and open overdue matters now.
    public var escalatedOpen: Int, overdueNow: Int
    /// Departments, by platform then name.
    public var departments: [DepartmentLine]
    /// The trend.
    public var trend: [TrendPoint]
    /// Compliance over the period.
    public var compliance: PeriodCompliance
    /// Open matters that are overdue or with the district, most overdue first.
    public var openLate: [OpenMatter]
    /// Years of the period whose make-up working days (调休) are not loaded: only statutory days applied.
    public var calendarWarnings: [Int]
    /// Places on each red/black list.
    public var listSize: Int
    /// Should-have-reported matters (应报未报, `MissedReports`) of the period per grid, most first: code, name, numbers.
    public var missedByGrid: [(grid: String, name: String, numbers: [String])] = []

    /// Creates a bulletin.
    public init(township: String, period: ReportPeriod, takenAt: Date, zone: TownshipZone, current: MatterFigures, previous: MatterFigures,
                escalatedOpen: Int, overdueNow: Int, departments: [DepartmentLine], trend: [TrendPoint], compliance: PeriodCompliance,
                openLate: [OpenMatter], calendarWarnings: [Int] = [], listSize: Int = 5) {
        self.township = township; self.period = period; self.takenAt = takenAt; self.zone = zone
        self.current = current; self.previous = previous; self.escalatedOpen = escalatedOpen; self.overdueNow = overdueNow
        self.departments = departments; self.trend = trend; self.compliance = compliance; self.openLate = openLate
        self.calendarWarnings = calendarWarnings; self.listSize = listSize
    }

    /// Provisional: the period had not ended when the figures were taken (its grades are not final).
    public var provisional: Bool { compliance.provisional || zone.localDate(of: takenAt) <= period.lastDay }
}
