import Foundation

/// One patrol session (巡查记录): a grid worker in a basic grid from start to end.
///
/// `end` is nil while the patrol is under way. A session longer than the suspect limit
/// (default 12 h) is **suspect** (存疑) and does not count until a supervisor confirms it.
public struct PatrolSession: Hashable, Sendable {
    /// Row id.
    public let id: Int
    /// The worker's code.
    public let worker: String
    /// The basic grid patrolled (counts for this grid, whoever walked it).
    public let grid: String
    /// When the patrol began.
    public let start: Date
    /// When it ended; nil while under way.
    public let end: Date?
    /// Who confirmed it as genuine, if anyone.
    public let confirmedBy: String?
    /// When it was confirmed.
    public let confirmedAt: Date?

    /// Creates a session.
    public init(id: Int, worker: String, grid: String, start: Date, end: Date?, confirmedBy: String? = nil, confirmedAt: Date? = nil) {
        self.id = id; self.worker = worker; self.grid = grid; self.start = start; self.end = end
        self.confirmedBy = confirmedBy; self.confirmedAt = confirmedAt
    }

    /// Whether the patrol is still under way (进行中).
    public var isOpen: Bool { end == nil }
    /// Whether a supervisor confirmed it.
    public var isConfirmed: Bool { confirmedAt != nil }

    /// Length in seconds; an open session runs to `now`.
    public func seconds(now: Date) -> Int {
        max(0, TimeSpan.seconds(end ?? now) - TimeSpan.seconds(start))
    }

    /// Suspect: longer than `limitSeconds` (an open one, once it has run that long).
    public func isSuspect(limitSeconds: Int, now: Date) -> Bool { seconds(now: now) > limitSeconds }

    /// How the rules treat this session at `now`.
    public func status(limitSeconds: Int, now: Date) -> PatrolStatus {
        if isSuspect(limitSeconds: limitSeconds, now: now) {
            if isOpen { return .runaway }
            return isConfirmed ? .confirmed : .suspect
        }
        return isOpen ? .ongoing : .counted
    }

    /// Whether the session counts towards patrol time at `now`.
    public func counts(limitSeconds: Int, now: Date) -> Bool { status(limitSeconds: limitSeconds, now: now).counts }

    /// The stretch that counts: start to end (or to `now` while open), never past `now`; nil if none.
    public func countedSpan(now: Date) -> TimeSpan? {
        let n = TimeSpan.seconds(now)
        let s = TimeSpan.seconds(start)
        let e = min(TimeSpan.seconds(end ?? now), n)
        return e > s ? TimeSpan(start: s, end: e) : nil
    }
}

/// How the counting rule treats a session.
public enum PatrolStatus: String, Sendable, CaseIterable {
    /// Ended, within the limit: counts.
    case counted
    /// Under way, within the limit: counts up to now.
    case ongoing
    /// Ended, longer than the limit, not confirmed: kept but not counted (存疑待确认).
    case suspect
    /// Longer than the limit and confirmed by a supervisor: counts in full.
    case confirmed
    /// Still open and already longer than the limit (a forgotten stop): not counted.
    case runaway

    /// Whether sessions in this state count.
    public var counts: Bool { self == .counted || self == .ongoing || self == .confirmed }

}
