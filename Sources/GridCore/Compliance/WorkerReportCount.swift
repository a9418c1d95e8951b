import Foundation

/// Which matters count as a grid worker's report, and in which month (网格员上报计数规则): source grid worker,
/// the worker as reporter, neither invalidated nor merged away, in the township-local month of `reported_at`.
/// The board's counts, the maintained `worker_months` summary and its recount all follow this one rule.
public enum WorkerReportCount {
    /// The one source whose matters count: a grid worker's own report.
    public static let source: MatterSource = .gridWorker
    /// The states that take a report out of the count: invalidated, or merged into another matter.
    public static let excludedStates: [MatterState] = [.invalid, .merged]

    /// Whether a matter from `source` in `state` counts as a report of its reporter.
    public static func counts(source: MatterSource, state: MatterState) -> Bool {
        source == WorkerReportCount.source && !excludedStates.contains(state)
    }

    /// The change to the reporter's count when a matter moves from state `from` to `to` (−1, 0 or +1).
    public static func delta(source: MatterSource, from: MatterState, to: MatterState) -> Int {
        (counts(source: source, state: to) ? 1 : 0) - (counts(source: source, state: from) ? 1 : 0)
    }

    /// The local month a report counts in.
    public static func month(reportedAt: Date, zone: TownshipZone) -> LocalMonth {
        zone.localDate(of: reportedAt).localMonth
    }
}
