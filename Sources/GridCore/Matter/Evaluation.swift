/// The counts behind one row of the monthly evaluation (月度考核), for matters whose handling deadline
/// fell in the month.
public struct EvaluationCounts: Hashable, Sendable, Codable {
    /// 应结案数: matters whose first handling deadline fell in the month.
    public var due: Int
    /// 结案数: of those, closed.
    public var closed: Int
    /// 按期结案数: closed, no stage ever overdue, and no approved extension.
    public var closedOnTime: Int
    /// 延期数: matters with an approved extension (they leave the on-time denominator).
    public var extended: Int
    /// 超期数: matters with at least one overdue stage.
    public var overdue: Int
    /// 返工次数: failed verifications plus reopens.
    public var reworks: Int
    /// Closed matters that needed rework at least once.
    public var reworkedClosed: Int
    /// 普通督办 count.
    public var urgesOrdinary: Int
    /// 黄牌 count.
    public var urgesYellow: Int
    /// 红牌 count.
    public var urgesRed: Int
    /// 已回复: closed matters answered (to the hotline or the reporter).
    public var replied = 0
    /// 按时回复: closed matters first answered by their reply deadline.
    public var repliedOnTime = 0
    /// 已回访: closed matters with a follow-up call.
    public var revisited = 0
    /// 满意 + 基本满意: revisited matters whose latest call was satisfied or fairly satisfied.
    public var satisfied = 0

    /// Creates counts.
    public init(due: Int = 0, closed: Int = 0, closedOnTime: Int = 0, extended: Int = 0, overdue: Int = 0, reworks: Int = 0,
                reworkedClosed: Int = 0, urgesOrdinary: Int = 0, urgesYellow: Int = 0, urgesRed: Int = 0,
                replied: Int = 0, repliedOnTime: Int = 0, revisited: Int = 0, satisfied: Int = 0) {
        self.due = due; self.closed = closed; self.closedOnTime = closedOnTime; self.extended = extended
        self.overdue = overdue; self.reworks = reworks; self.reworkedClosed = reworkedClosed
        self.urgesOrdinary = urgesOrdinary; self.urgesYellow = urgesYellow; self.urgesRed = urgesRed
        self.replied = replied; self.repliedOnTime = repliedOnTime; self.revisited = revisited; self.satisfied = satisfied
    }

    /// Adds another row's counts (for totals).
    public static func + (a: EvaluationCounts, b: EvaluationCounts) -> EvaluationCounts {
        EvaluationCounts(due: a.due + b.due, closed: a.closed + b.closed, closedOnTime: a.closedOnTime + b.closedOnTime,
                         extended: a.extended + b.extended, overdue: a.overdue + b.overdue, reworks: a.reworks + b.reworks,
                         reworkedClosed: a.reworkedClosed + b.reworkedClosed, urgesOrdinary: a.urgesOrdinary + b.urgesOrdinary,
                         urgesYellow: a.urgesYellow + b.urgesYellow, urgesRed: a.urgesRed + b.urgesRed,
                         replied: a.replied + b.replied, repliedOnTime: a.repliedOnTime + b.repliedOnTime,
                         revisited: a.revisited + b.revisited, satisfied: a.satisfied + b.satisfied)
    }
}

/// One matter's outcome, the plain values the evaluation counts.
public struct MatterOutcome: Hashable, Sendable {
    /// Closed (已结案)?
    public var closed: Bool
    /// Any stage ever overdue?
    public var everOverdue: Bool
    /// Approved extensions.
    public var extensions: Int
    /// Reworks (failed verifications and reopens).
    public var reworks: Int
    /// Urges by level.
    public var urges: [UrgeLevel: Int]
    /// Answered at all (回复)?
    public var replied: Bool
    /// First answered by the reply deadline?
    public var repliedOnTime: Bool
    /// The latest follow-up call's verdict (nil: not revisited).
    public var revisit: Satisfaction?
    /// Settled on the spot (就地化解): closed on time, whatever the dispatch clock said.
    public var settled: Bool

    /// Creates an outcome.
    public init(closed: Bool, everOverdue: Bool, extensions: Int = 0, reworks: Int = 0, urges: [UrgeLevel: Int] = [:],
                replied: Bool = false, repliedOnTime: Bool = false, revisit: Satisfaction? = nil, settled: Bool = false) {
        self.closed = closed; self.everOverdue = everOverdue; self.extensions = extensions; self.reworks = reworks; self.urges = urges
        self.replied = replied; self.repliedOnTime = repliedOnTime; self.revisit = revisit; self.settled = settled
    }
}

/// The evaluation formulas (考核公式), pure functions over counts. A rate is nil when its denominator is 0.
public enum Evaluation {
    /// Counts a month's matters.
    public static func count(_ outcomes: [MatterOutcome]) -> EvaluationCounts {
        var c = EvaluationCounts()
        for o in outcomes { add(o, to: &c) }
        return c
    }

    /// Adds one matter to running counts (the store streams a month's matters through this).
    public static func add(_ o: MatterOutcome, to c: inout EvaluationCounts) {
        c.due += 1
        if o.closed { c.closed += 1 }
        if o.closed && (o.settled || (!o.everOverdue && o.extensions == 0)) { c.closedOnTime += 1 }
        if o.extensions > 0 { c.extended += 1 }
        if o.everOverdue { c.overdue += 1 }
        c.reworks += o.reworks
        if o.closed && o.reworks > 0 { c.reworkedClosed += 1 }
        c.urgesOrdinary += o.urges[.ordinary] ?? 0
        c.urgesYellow += o.urges[.yellow] ?? 0
        c.urgesRed += o.urges[.red] ?? 0
        // Replies and follow-up calls count for closed matters only: an open matter has nothing to answer yet.
        guard o.closed else { return }
        if o.replied { c.replied += 1 }
        if o.replied && o.repliedOnTime { c.repliedOnTime += 1 }
        if let r = o.revisit {
            c.revisited += 1
            if r.countsSatisfied { c.satisfied += 1 }
        }
    }

    /// 结案率 = 结案数 / 应结案数.
    public static func closureRate(_ c: EvaluationCounts) -> Double? { ratio(c.closed, c.due) }

    /// 按期结案率 = 按期结案数 / (应结案数 − 延期数).
    public static func onTimeRate(_ c: EvaluationCounts) -> Double? { ratio(c.closedOnTime, c.due - c.extended) }

    /// 返工率 = 返工过的结案数 / 结案数 (the share of closed matters that needed rework at least once).
    public static func reworkRate(_ c: EvaluationCounts) -> Double? { ratio(c.reworkedClosed, c.closed) }

    /// `n / d`, or nil when `d` is not positive.
    public static func ratio(_ n: Int, _ d: Int) -> Double? { d > 0 ? Double(n) / Double(d) : nil }
}

/// A rate as published bulletins print it (通报口径): numerator over denominator, shown as a percentage to
/// two decimals rounded half up on the exact fraction (911 / 972 → 93.72%), `—` when the denominator is 0.
/// JSON keeps the exact ratio (`value`).
public struct Rate: Hashable, Sendable, CustomStringConvertible {
    /// Numerator.
    public let numerator: Int
    /// Denominator.
    public let denominator: Int

    /// Creates a rate.
    public init(_ numerator: Int, _ denominator: Int) { self.numerator = numerator; self.denominator = denominator }

    /// The exact ratio, nil when the denominator is not positive.
    public var value: Double? { Evaluation.ratio(numerator, denominator) }

    /// Hundredths of a percent, rounded half up in integers: 911 / 972 → 9372.
    public var hundredths: Int? { denominator > 0 ? (numerator * 20_000 + denominator) / (2 * denominator) : nil }

    /// `93.72%`, or `—`.
    public var description: String {
        guard let h = hundredths else { return "—" }
        return "\(h / 100).\(zeroPad(h % 100, 2))%"
    }
}

extension Evaluation {
    /// 结案率 as a `Rate`.
    public static func closure(_ c: EvaluationCounts) -> Rate { Rate(c.closed, c.due) }
    /// 按期结案率 as a `Rate` (extended matters leave the denominator).
    public static func onTime(_ c: EvaluationCounts) -> Rate { Rate(c.closedOnTime, c.due - c.extended) }
    /// 返工率 as a `Rate`.
    public static func rework(_ c: EvaluationCounts) -> Rate { Rate(c.reworkedClosed, c.closed) }
    /// 回复率 = 已回复 / 结案数.
    public static func reply(_ c: EvaluationCounts) -> Rate { Rate(c.replied, c.closed) }
    /// 按时回复率 = 按时回复 / 结案数 (a late reply or none both miss it).
    public static func replyOnTime(_ c: EvaluationCounts) -> Rate { Rate(c.repliedOnTime, c.closed) }
    /// 回访率 = 已回访 / 结案数.
    public static func revisit(_ c: EvaluationCounts) -> Rate { Rate(c.revisited, c.closed) }
    /// 满意率 = (满意 + 基本满意) / 已回访, by each matter's latest call.
    public static func satisfaction(_ c: EvaluationCounts) -> Rate { Rate(c.satisfied, c.revisited) }
}

/// The disputes (矛盾纠纷) taken in over a period, for 就地化解率 and 稳控率: matters of `dispute` categories reported in
/// the period, neither invalid nor merged; their state as it is now.
public struct DisputeCounts: Hashable, Sendable {
    /// Disputes taken in.
    public var takenIn = 0
    /// Of those, settled on the spot (就地化解).
    public var settled = 0
    /// Of those not settled on the spot, the ones closed or under control now (稳控).
    public var closedOrControlled = 0

    /// Creates counts.
    public init(takenIn: Int = 0, settled: Int = 0, closedOrControlled: Int = 0) {
        self.takenIn = takenIn; self.settled = settled; self.closedOrControlled = closedOrControlled
    }

    /// Adds one dispute: settled on the spot, otherwise closed or under control, otherwise neither.
    public mutating func add(settled s: Bool, closed: Bool, underControl: Bool) {
        takenIn += 1
        if s { settled += 1 } else if closed || underControl { closedOrControlled += 1 }
    }
}

extension Evaluation {
    /// The seeds' targets: 95% of disputes settled on the spot, 100% of the rest kept under control
    /// ("95%以上…就地有效化解…100%稳控"), in hundredths of a percent as `Rate.hundredths`.
    public static let onTheSpotTarget = 9_500, controlTarget = 10_000

    /// 矛盾纠纷就地化解率 = disputes settled on the spot / disputes taken in.
    public static func onTheSpot(_ d: DisputeCounts) -> Rate { Rate(d.settled, d.takenIn) }
    /// 稳控率 = disputes not settled on the spot that are closed or under control / those disputes.
    public static func control(_ d: DisputeCounts) -> Rate { Rate(d.closedOrControlled, d.takenIn - d.settled) }
    /// Whether a rate reaches its target (nil when there is nothing to rate).
    public static func meets(_ r: Rate, target: Int) -> Bool? { r.hundredths.map { $0 >= target } }
}
