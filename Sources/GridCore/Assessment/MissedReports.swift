import Foundation

/// Should-have-reported (应报未报): a matter that reached the command room through another channel — the
/// 12345 hotline, the public, video surveillance, an inspection or a village visit — in a grid, of a category
/// its workers are expected to report (`worker_reportable`), when no grid worker of that grid had reported a
/// matter of the same category there within the window before it (default 72 h).
///
/// The rule is deliberately mechanical: it lists candidates, each with its number, for the supervisor to
/// judge; it does not decide blame.
public enum MissedReports {
    /// The channels whose matters a grid worker should have seen first.
    public static let otherChannels: Set<MatterSource> = [.hotline, .public, .video, .inspection, .villageVisit]

    /// A matter from another channel (the candidate).
    public struct Candidate: Hashable, Sendable {
        /// Case number.
        public let number: String
        /// Grid code.
        public let grid: String
        /// Category code.
        public let category: String
        /// Where it came from.
        public let source: MatterSource
        /// When it was reported.
        public let reportedAt: Date
        /// Creates a candidate.
        public init(number: String, grid: String, category: String, source: MatterSource, reportedAt: Date) {
            self.number = number; self.grid = grid; self.category = category; self.source = source; self.reportedAt = reportedAt
        }
    }

    /// A grid worker's own report (invalidated reports are left out by the caller: they do not show the
    /// worker saw the matter; merged ones stay in, the worker did report it).
    public struct WorkerReport: Hashable, Sendable {
        /// Grid code.
        public let grid: String
        /// Category code.
        public let category: String
        /// When it was reported.
        public let reportedAt: Date
        /// Creates a report.
        public init(grid: String, category: String, reportedAt: Date) { self.grid = grid; self.category = category; self.reportedAt = reportedAt }
    }

    /// The candidates no worker report covers: none of the same grid and category with
    /// `candidate.reportedAt − window ≤ reportedAt ≤ candidate.reportedAt`. Candidates from a channel not in
    /// `otherChannels` or of a category not in `reportable` are never listed. Sorted by time, then number.
    public static func find(_ candidates: [Candidate], reports: [WorkerReport], reportable: Set<String>, window: TimeInterval) -> [Candidate] {
        var times: [String: [Date]] = [:]
        for r in reports { times[r.grid + "\u{1F}" + r.category, default: []].append(r.reportedAt) }
        for k in times.keys { times[k]!.sort() }
        return candidates.filter { c in
            guard otherChannels.contains(c.source), reportable.contains(c.category) else { return false }
            guard let ts = times[c.grid + "\u{1F}" + c.category] else { return true }
            // The last report at or before the candidate: covered if it is within the window.
            var lo = 0, hi = ts.count
            while lo < hi { let mid = (lo + hi) / 2; if ts[mid] <= c.reportedAt { lo = mid + 1 } else { hi = mid } }
            return !(lo > 0 && c.reportedAt.timeIntervalSince(ts[lo - 1]) <= window)
        }.sorted { ($0.reportedAt, $0.number) < ($1.reportedAt, $1.number) }
    }
}
