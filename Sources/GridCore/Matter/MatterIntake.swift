import Foundation

/// What an operator takes in (受理): the fields of a new matter.
public struct MatterIntake: Sendable, Hashable {
    /// When it was reported (the dispatch clock starts here).
    public var reportedAt: Date
    /// Channel.
    public var source: MatterSource
    /// Reporter: a worker code for `grid_worker` (required), else free text.
    public var reporter: String
    /// Grid code.
    public var grid: String
    /// Category code.
    public var category: String
    /// Urgency; nil takes the category's default.
    public var urgency: Urgency?
    /// Title (required).
    public var title: String
    /// Description.
    public var description: String
    /// Location text.
    public var location: String
    /// Key for idempotent imports (nil for typed-in matters).
    public var importKey: String?
    /// The caller's name (来电人), free text; may be empty.
    public var callerName: String
    /// The caller's phone (来电号码), free text; may be empty.
    public var callerPhone: String
    /// The hotline work-order number (工单号), unique per source when given; may be empty.
    public var orderNo: String

    /// Creates an intake.
    public init(reportedAt: Date, source: MatterSource, reporter: String = "", grid: String, category: String,
                urgency: Urgency? = nil, title: String, description: String = "", location: String = "", importKey: String? = nil,
                callerName: String = "", callerPhone: String = "", orderNo: String = "") {
        self.reportedAt = reportedAt; self.source = source; self.reporter = reporter; self.grid = grid; self.category = category
        self.urgency = urgency; self.title = title; self.description = description; self.location = location; self.importKey = importKey
        self.callerName = callerName; self.callerPhone = callerPhone; self.orderNo = orderNo
    }
}
