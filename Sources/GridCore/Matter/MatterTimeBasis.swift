/// Which time of a matter places it in a period (时间口径) for `cases --from/--to` and the ledger (台账):
/// when it was reported (受理), when it was closed (结案, closed matters only), or any event of its history
/// (办理过程中任一操作) in the period.
public enum MatterTimeBasis: String, Sendable, CaseIterable {
    /// Reported in the period (the default: a month's intake).
    case reported
    /// Closed in the period (its end time; only closed matters).
    case closed
    /// Any event of its history in the period (intake, a move, an urge, a note).
    case event
}
