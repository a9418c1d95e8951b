import Foundation
import GridCore

extension Store {
    /// Each grid's patrol figure over a month frame from the day summary: completed days from `patrol_days`,
    /// the rest (today, and any earlier day a counting open session reaches back into) computed live from
    /// the sessions with the full rule. Nil when the summary is marked stale (the caller computes from `patrols`).
    /// The figures equal `PatrolRules.figure` over all the sessions.
    func summarisedPatrol(frame: DayFrame, grid: String?, settings: ComplianceSettings, now: Date) throws
        -> [String: (figure: PatrolFigure, ongoing: Int)]? {
        guard try !patrolDaysStale() else { return nil }
        let window = frame.window
        let completed = frame.completedDays
        // Open sessions: few (partial index `patrols_long`). One still counting makes its days live.
        var liveFrom: [String: Int] = [:], ongoing: [String: Int] = [:]
        var args: [SQLValue] = []
        if let grid { args.append(.text(grid)) }
        try db.forEach("""
            SELECT \(Store.patrolColumns) FROM patrols WHERE (suspect = 1 OR end_at IS NULL) AND end_at IS NULL \(grid == nil ? "" : "AND grid = ?1")
            """, args) { r in
            let s = Store.patrolSession(r)
            let start = TimeSpan.seconds(s.start)
            guard start < window.end, s.status(limitSeconds: settings.suspectSeconds, now: now) == .ongoing else { return }
            ongoing[s.grid, default: 0] += 1
            let day = start < window.start ? 0 : frame.index(of: zone.localDate(of: s.start)) ?? 0
            liveFrom[s.grid] = min(liveFrom[s.grid] ?? completed, day)
        }
        let firstLive = liveFrom.values.reduce(completed, min)
        // Stored completed days.
        var stored: [String: [Int]] = [:]
        if completed > 0 {
            let from = frame.days[0].description, to = frame.days[completed - 1].description
            let visit: (Row) -> Void = { r in
                guard let d = LocalDate(iso: r.text(1)), let i = frame.index(of: d) else { return }
                stored[r.text(0), default: [Int](repeating: 0, count: completed)][i] = r.int(2)
            }
            if let grid {
                try db.forEach("SELECT grid, day, counted_seconds FROM patrol_days WHERE grid = ?1 AND day >= ?2 AND day <= ?3",
                               [.text(grid), .text(from), .text(to)], visit)
            } else {
                try db.forEach("""
                    SELECT d.grid, d.day, d.counted_seconds FROM grids g JOIN patrol_days d ON d.grid = g.code
                    WHERE g.level = 'basic' AND d.day >= ?1 AND d.day <= ?2
                    """, [.text(from), .text(to)], visit)
            }
        }
        // Live days: the sessions from the first live day on (with the usual look-back), by grid.
        var live: [String: [PatrolSession]] = [:]
        if firstLive < frame.days.count {
            let span = TimeSpan(start: frame.bounds[firstLive], end: window.end)
            for s in try patrolSessions(overlapping: span, grid: grid, settings: settings) where grid == nil || s.grid == grid {
                live[s.grid, default: []].append(s)
            }
        }
        let zeros = [Int](repeating: 0, count: completed)
        var out: [String: (figure: PatrolFigure, ongoing: Int)] = [:]
        let codes = Set(stored.keys).union(live.keys).union(liveFrom.keys)
        for code in codes {
            let f = PatrolRules.figure(stored: stored[code] ?? zeros, liveFrom: liveFrom[code] ?? completed,
                                       live: live[code] ?? [], frame: frame, settings: settings)
            out[code] = (f, ongoing[code] ?? 0)
        }
        // Grids with nothing stored and nothing live: all zero.
        out[""] = (PatrolRules.figure(stored: zeros, liveFrom: completed, live: [], frame: frame, settings: settings), 0)
        return out
    }
}
