import Foundation
import GridCore

extension Store {
    /// Open sessions started at or after ?1, every grid: the partial index `patrols_long` (NULL ends first).
    static let openSessionsSQL = """
        SELECT \(patrolColumns) FROM patrols
        WHERE (suspect = 1 OR end_at IS NULL) AND end_at IS NULL AND start_at >= ?1
        """
    /// Open sessions of grid ?1 started at or after ?2: a range on the covering `patrols_grid_start`.
    static let openSessionsOneGridSQL = """
        SELECT id, worker, grid, start_at, end_at, NULL, confirmed_at FROM patrols
        WHERE grid = ?1 AND start_at >= ?2 AND end_at IS NULL
        """
    /// Each grid's patrol figure over a month frame from the day summary: completed days from `patrol_months`
    /// (the month's `patrol_days` rows, one row a grid),
    /// the rest (today, and any earlier day a counting open session reaches back into) computed live from
    /// the sessions with the full rule. Nil when the summary is marked stale (the caller computes from `patrols`).
    /// The figures equal `PatrolRules.figure` over all the sessions.
    /// - Parameter index: the grids wanted (the basic grids, by code); the figures come back in the same order.
    /// - Precondition: `frame` is a whole month (its rows are that month's `patrol_months` row).
    func summarisedPatrol(frame: DayFrame, codes index: CodeIndex, grid: String?, settings: ComplianceSettings, now: Date) throws
        -> [(figure: PatrolFigure, ongoing: Int)]? {
        guard try !patrolDaysStale() else { return nil }
        let window = frame.window
        let completed = frame.completedDays
        // Open sessions that may count: an open one counts (and is under way) only while it has run no longer than
        // the limit, so it started at or after now − limit. Few: the partial index `patrols_long` for every grid,
        // the covering `patrols_grid_start` for one.
        let codes = index.codes, slot = index.slot, codeBytes = index.bytes
        // By position in `codes`: the first day computed live (the first not over, unless an open session reaches back)
        // and the sessions under way.
        var liveFrom = [Int](repeating: completed, count: codes.count), ongoing = [Int](repeating: 0, count: codes.count)
        let since = SQLValue.of(TimeSpan.seconds(now) - settings.suspectSeconds)
        let visitOpen: (Row) -> Void = { r in
            let s = Store.patrolSession(r)
            let start = TimeSpan.seconds(s.start)
            guard start < window.end, s.status(limitSeconds: settings.suspectSeconds, now: now) == .ongoing,
                  let k = slot[s.grid] else { return }
            ongoing[k] += 1
            let day = start < window.start ? 0 : frame.index(of: self.zone.localDate(of: s.start)) ?? 0
            liveFrom[k] = min(liveFrom[k], day)
        }
        if let grid {
            try db.forEach(Store.openSessionsOneGridSQL, [.text(grid), since], visitOpen)
        } else {
            try db.forEach(Store.openSessionsSQL, [since], visitOpen)
        }
        let firstLive = liveFrom.reduce(completed, min)
        // Stored completed days: one `patrol_months` row a grid (a run of its primary key, in grid order like
        // `codes`), its pieces decoded in place. `stored[k * completed + i]` is grid k's day i.
        var stored = [Int](repeating: 0, count: codes.count * completed)
        if completed > 0 {
            var next = 0
            let visit: (Row) -> Void = { r in
                let k: Int
                if next < codes.count && r.textEquals(0, codeBytes[next]) { k = next } else if let s = slot[r.text(0)] { k = s } else { return }
                next = k + 1
                let base = k * completed
                _ = r.withTextBytes(1) { bytes in
                    PatrolMonthText.decode(bytes) { day, seconds in
                        if day >= 1 && day <= completed { stored[base + day - 1] = seconds }
                    }
                }
            }
            let month = SQLValue.text(frame.days[0].localMonth.description)
            if let grid {
                try db.forEach(Store.monthRowOneGridSQL, [month, .text(grid)], visit)
            } else {
                try db.forEach(Store.monthRowsSQL, [month], visit)
            }
        }
        // Live days: the sessions from the first live day on (with the usual look-back) up to the end of today (a session
        // starting later counts for none of the days so far), each given to its grid's position; other grids' are passed over.
        var live = [[PatrolSession]](repeating: [], count: codes.count)
        if firstLive < frame.days.count {
            let liveEnd = frame.todayIndex.map { frame.bounds[$0 + 1] } ?? window.end
            let span = TimeSpan(start: frame.bounds[firstLive], end: liveEnd)
            let add: (PatrolSession) -> Void = { s in if let k = slot[s.grid] { live[k].append(s) } }
            if grid == nil && span.end - (span.start - settings.suspectSeconds) <= Store.shortWindowSeconds {
                try visitSessions(overlapping: span, settings: settings, add)
            } else {
                for s in try patrolSessions(overlapping: span, grid: grid, settings: settings) { add(s) }
            }
        }
        var out: [(figure: PatrolFigure, ongoing: Int)] = []
        out.reserveCapacity(codes.count)
        for k in codes.indices {
            let f = PatrolRules.figure(stored: stored[(k * completed)..<((k + 1) * completed)], liveFrom: liveFrom[k],
                                       live: live[k][...], frame: frame, settings: settings)
            out.append((f, ongoing[k]))
        }
        return out
    }
}
