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
    /// Every grid's stored days ?1 … ?2 (text), by day then grid: one contiguous run of the covering `patrol_days_day`.
    static let storedDaysSQL = """
        SELECT grid, day, counted_seconds FROM patrol_days INDEXED BY patrol_days_day
        WHERE day >= ?1 AND day <= ?2 ORDER BY day, grid
        """
    /// Grid ?1's stored days ?2 … ?3: a range on the primary key.
    static let storedDaysOneGridSQL = """
        SELECT grid, day, counted_seconds FROM patrol_days WHERE grid = ?1 AND day >= ?2 AND day <= ?3
        """

    /// Each grid's patrol figure over a month frame from the day summary: completed days from `patrol_days`,
    /// the rest (today, and any earlier day a counting open session reaches back into) computed live from
    /// the sessions with the full rule. Nil when the summary is marked stale (the caller computes from `patrols`).
    /// The figures equal `PatrolRules.figure` over all the sessions.
    /// - Parameter codes: the grids wanted (the basic grids, by code).
    func summarisedPatrol(frame: DayFrame, codes: [String], grid: String?, settings: ComplianceSettings, now: Date) throws
        -> [String: (figure: PatrolFigure, ongoing: Int)]? {
        guard try !patrolDaysStale() else { return nil }
        let window = frame.window
        let completed = frame.completedDays
        // Open sessions that may count: an open one counts (and is under way) only while it has run no longer than
        // the limit, so it started at or after now − limit. Few: the partial index `patrols_long` for every grid,
        // the covering `patrols_grid_start` for one.
        var liveFrom: [String: Int] = [:], ongoing: [String: Int] = [:]
        let since = SQLValue.of(TimeSpan.seconds(now) - settings.suspectSeconds)
        let visitOpen: (Row) -> Void = { r in
            let s = Store.patrolSession(r)
            let start = TimeSpan.seconds(s.start)
            guard start < window.end, s.status(limitSeconds: settings.suspectSeconds, now: now) == .ongoing else { return }
            ongoing[s.grid, default: 0] += 1
            let day = start < window.start ? 0 : frame.index(of: self.zone.localDate(of: s.start)) ?? 0
            liveFrom[s.grid] = min(liveFrom[s.grid] ?? completed, day)
        }
        if let grid {
            try db.forEach(Store.openSessionsOneGridSQL, [.text(grid), since], visitOpen)
        } else {
            try db.forEach(Store.openSessionsSQL, [since], visitOpen)
        }
        let firstLive = liveFrom.values.reduce(completed, min)
        // Stored completed days, by day then grid from the covering `patrol_days_day` (one contiguous run). About
        // 20,000 rows a month: grid and day are compared in place with what was expected (the next grid in code
        // order; the day of the previous row) and only a new day's text is parsed. `stored[k * completed + i]` is grid k's day i.
        var slot: [String: Int] = [:]
        for (k, c) in codes.enumerated() { slot[c] = k }
        let codeBytes = codes.map { Array($0.utf8) }
        var stored = [Int](repeating: 0, count: codes.count * completed)
        if completed > 0 {
            let from = frame.days[0].description, to = frame.days[completed - 1].description
            let first = frame.days[0].daysSinceEpoch
            var next = 0
            var dayBytes: [UInt8] = [], dayIndex = -1
            let visit: (Row) -> Void = { r in
                if !r.textEquals(1, dayBytes) {
                    let text = r.text(1)
                    dayBytes = Array(text.utf8)
                    dayIndex = LocalDate(iso: text).map { $0.daysSinceEpoch - first } ?? -1
                    next = 0
                }
                guard dayIndex >= 0 && dayIndex < completed else { return }
                // Rows of a day come in code order, like `codes`: the next slot is almost always the one.
                let k: Int
                if next < codes.count && r.textEquals(0, codeBytes[next]) { k = next } else if let s = slot[r.text(0)] { k = s } else { return }
                next = k + 1
                stored[k * completed + dayIndex] = r.int(2)
            }
            if let grid {
                try db.forEach(Store.storedDaysOneGridSQL, [.text(grid), .text(from), .text(to)], visit)
            } else {
                try db.forEach(Store.storedDaysSQL, [.text(from), .text(to)], visit)
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
        var out: [String: (figure: PatrolFigure, ongoing: Int)] = [:]
        out.reserveCapacity(codes.count)
        for (k, code) in codes.enumerated() {
            let f = PatrolRules.figure(stored: Array(stored[(k * completed)..<((k + 1) * completed)]), liveFrom: liveFrom[code] ?? completed,
                                       live: live[code] ?? [], frame: frame, settings: settings)
            out[code] = (f, ongoing[code] ?? 0)
        }
        return out
    }
}
