import Foundation
import GridCore

extension Store {
    /// Every basic grid's sessions starting in [?1, ?2), by grid then start: an index range per grid on the covering
    /// `patrols_grid_start` (forced: with `patrols_start` the planner may take one range and sort a month's sessions).
    static let boardSessionsSQL = """
        SELECT p.id, p.worker, p.grid, p.start_at, p.end_at, NULL, p.confirmed_at
        FROM grids g CROSS JOIN patrols p INDEXED BY patrols_grid_start ON p.grid = g.code
        WHERE g.level = 'basic' AND p.start_at >= ?1 AND p.start_at < ?2
        ORDER BY g.code, p.start_at
        """

    /// Every basic grid's sessions starting in [?1, ?2), in start order: one contiguous run of the covering
    /// `patrols_start` (a day's few thousand sessions), each grid looked up by its key in the small `grids`.
    /// For short windows (today, one day): one run instead of a seek per grid.
    static let shortWindowSessionsSQL = """
        SELECT p.id, p.worker, p.grid, p.start_at, p.end_at, NULL, p.confirmed_at
        FROM patrols p INDEXED BY patrols_start CROSS JOIN grids g ON g.code = p.grid
        WHERE p.start_at >= ?1 AND p.start_at < ?2 AND g.level = 'basic'
        """
    /// Windows (look-back included) up to this many seconds read `shortWindowSessionsSQL`; longer ones (a month:
    /// 80,000 sessions at district size, already in grid order) read `boardSessionsSQL`.
    static let shortWindowSeconds = 2 * 86_400

    /// Long (flagged) or open sessions that started before ?1 and reach past ?2: the partial index `patrols_long`.
    static let longSessionsSQL = """
        SELECT \(patrolColumns) FROM patrols
        WHERE (suspect = 1 OR end_at IS NULL) AND end_at IS NULL AND start_at < ?1
        UNION ALL
        SELECT \(patrolColumns) FROM patrols
        WHERE (suspect = 1 OR end_at IS NULL) AND end_at > ?2 AND start_at < ?1
        """

    /// Counted reports per worker in [?1, ?2) (optionally only grid ?3's workers).
    static func reportCountsSQL(oneGrid: Bool) -> String {
        // Every worker: one contiguous run of the month on the covering `matters_worker_reported` (a few hundred
        // pages), counted by the caller (a hash, not SQLite's sorter); seeking each of 2,000 workers in
        // `matters_reporter_state` touches ten times the pages.
        guard oneGrid else {
            return """
            SELECT reporter FROM matters INDEXED BY matters_worker_reported
            WHERE \(CountedReports.source()) AND reported_at >= ?1 AND reported_at < ?2 AND \(CountedReports.state())
            """
        }
        return """
        SELECT w.code, count(m.id) FROM workers w
        CROSS JOIN matters m INDEXED BY matters_reporter_state ON m.reporter = w.code AND \(CountedReports.source("m"))
                      AND m.reported_at >= ?1 AND m.reported_at < ?2
        WHERE \(CountedReports.state("m")) AND w.grid = ?3
        GROUP BY w.code
        """
    }

    /// Sessions of any grid starting in [?1, ?2): one run of the covering `patrols_start`, with no look-up of each
    /// session's grid (the caller keeps its own grids).
    static let anyGridSessionsSQL = """
        SELECT id, worker, grid, start_at, end_at, NULL, confirmed_at FROM patrols INDEXED BY patrols_start
        WHERE start_at >= ?1 AND start_at < ?2
        """

    /// The sessions `patrolSessions(overlapping:settings:)` reads for a short `window` (today's live days), of any grid
    /// and in no order, each told to `visit`: its run of `patrols_start` without the join to `grids` and without the
    /// sort, then the early long or open starters from `patrols_long`. For callers that bucket by grid themselves.
    /// - Precondition: the window with its look-back is no longer than `shortWindowSeconds`.
    func visitSessions(overlapping window: TimeSpan, settings: ComplianceSettings, _ visit: (PatrolSession) -> Void) throws {
        let lookback = window.start - settings.suspectSeconds
        precondition(window.end - lookback <= Store.shortWindowSeconds, "a short window")
        try db.forEach(Store.anyGridSessionsSQL, [.of(lookback), .of(window.end)]) { r in
            if let end = r.optionalInt(4), end <= window.start { return }
            visit(Store.patrolSession(r))
        }
        try db.forEach(Store.longSessionsSQL, [.of(lookback), .of(window.start)]) { visit(Store.patrolSession($0)) }
    }

    /// Sessions of basic grids overlapping `window`, sorted by (grid, start, id): one pass for every grid.
    ///
    /// Reads only what is needed: sessions starting from `window.start − suspect limit` (for a short window one
    /// range of `patrols_start`, otherwise for each basic grid an index range on `patrols_grid_start`), plus the few long or open sessions
    /// that started earlier, from the partial index `patrols_long`. A session that started before that
    /// look-back and still counts must be longer than the limit, hence confirmed, hence flagged suspect.
    /// - Parameter grid: one grid only, or nil for every basic grid.
    public func patrolSessions(overlapping window: TimeSpan, grid: String? = nil, settings: ComplianceSettings) throws -> [PatrolSession] {
        let lookback = window.start - settings.suspectSeconds
        var out: [PatrolSession] = []
        func keep(_ r: Row) {
            let end = r.optionalInt(4)
            if let end, end <= window.start { return }
            out.append(Store.patrolSession(r))
        }
        if let grid {
            try db.forEach("""
                SELECT \(Store.patrolColumns) FROM patrols
                WHERE grid = ?1 AND start_at >= ?2 AND start_at < ?3 ORDER BY start_at
                """, [.text(grid), .of(lookback), .of(window.end)], keep)
        } else if window.end - lookback <= Store.shortWindowSeconds {
            try db.forEach(Store.shortWindowSessionsSQL, [.of(lookback), .of(window.end)], keep)
            out.sort { ($0.grid, $0.start, $0.id) < ($1.grid, $1.start, $1.id) }
        } else {
            try db.forEach(Store.boardSessionsSQL, [.of(lookback), .of(window.end)], keep)
        }
        var extra: [PatrolSession] = []
        try db.forEach(Store.longSessionsSQL, [.of(lookback), .of(window.start)]) { r in
            if let grid, r.text(2) != grid { return }
            extra.append(Store.patrolSession(r))
        }
        guard !extra.isEmpty else { return out }
        // The few early starters go in front of their grid's sessions (they started before all of them).
        extra.sort { ($0.grid, $0.start, $0.id) < ($1.grid, $1.start, $1.id) }
        var merged: [PatrolSession] = []
        merged.reserveCapacity(out.count + extra.count)
        var i = 0
        for s in out {
            while i < extra.count && extra[i].grid <= s.grid { merged.append(extra[i]); i += 1 }
            merged.append(s)
        }
        merged.append(contentsOf: extra[i...])
        return merged
    }

    /// Counted reports per worker in `[from, to)` (网格员上报数): matters with source grid worker and the worker
    /// as reporter, neither invalidated nor merged away. Every worker: the month's run of the covering `matters_worker_reported`
    /// (reporters that are no longer workers may appear too; callers look workers up). One grid: an index range per
    /// worker on the covering `matters_reporter_state` (forced: the planner might otherwise walk every matter of the month).
    /// - Parameter grid: only this grid's workers, or nil for every worker.
    public func reportCounts(from: Date, to: Date, grid: String? = nil) throws -> [String: Int] {
        var out: [String: Int] = [:]
        let sql = Store.reportCountsSQL(oneGrid: grid != nil)
        var args: [SQLValue] = [.of(from), .of(to)]
        if let grid { args.append(.text(grid)) }
        if grid == nil {
            try db.forEach(sql, args) { out[$0.text(0), default: 0] += 1 }
        } else {
            try db.forEach(sql, args) { out[$0.text(0)] = $0.int(1) }
        }
        return out
    }

    /// Basic grids, by code (one grid when `code` is given; an unknown or non-basic code is an error).
    public func basicGrids(code: String? = nil) throws -> [Grid] {
        let map: (Row) throws -> Grid = {
            Grid(code: $0.text(0), name: $0.text(1), level: try $0.code(2, table: "grids", column: "level"), parent: $0.optionalText(3),
                 row: $0.optionalInt(4), col: $0.optionalInt(5))
        }
        guard let code else {
            return try db.query("SELECT code, name, level, parent, map_row, map_col FROM grids WHERE level = 'basic' ORDER BY code", [], map)
        }
        guard let g = try db.first("SELECT code, name, level, parent, map_row, map_col FROM grids WHERE code = ?", [.text(code)], map) else {
            throw StoreError.unknownCode(.grid, code)
        }
        guard g.level == .basic else { throw StoreError.notBasicGrid(code: code, level: g.level) }
        return [g]
    }

    /// Workers serving basic grids (one grid's when `grid` is given), by grid then code: every grid's are the
    /// roster's (`roster()`, kept while the registry is unchanged).
    public func complianceWorkers(grid: String? = nil) throws -> [ComplianceRules.WorkerRef] {
        guard let grid else { return try roster().roster.workers }
        return try db.query("SELECT code, name, grid FROM workers WHERE grid = ? ORDER BY code", [.text(grid)]) {
            .init(code: $0.text(0), name: $0.text(1), grid: $0.text(2))
        }
    }

    /// Sessions touching one local day, with their status (`patrol list`), by start.
    public func patrolList(day: LocalDate, grid: String? = nil, now: Date) throws -> [(session: PatrolSession, status: PatrolStatus)] {
        let settings = try complianceSettings()
        let window = TimeSpan(from: zone.startOfDay(day), to: zone.endOfDay(day))
        let all = try patrolSessions(overlapping: window, grid: grid, settings: settings)
        return all.filter { TimeSpan.seconds($0.start) < window.end }
            .sorted { (TimeSpan.seconds($0.start), $0.id) < (TimeSpan.seconds($1.start), $1.id) }
            .map { ($0, $0.status(limitSeconds: settings.suspectSeconds, now: now)) }
    }
}
