import Foundation
import GridCore

/// The maintained day summary `patrol_days` (巡查日汇总): per basic grid and local day, the seconds of the
/// union of its closed counted sessions (`PatrolDayRules`). Every patrol write recomputes the days it touches
/// in its own transaction; a change of the suspect limit, the v5 migration and the demo generator rebuild it.
/// Its month rows `patrol_months` (Store+PatrolMonths) are written with it and share its stale mark.
extension Store {
    /// Name of the summary in `summary_rebuild`.
    static let patrolDaysName = "patrol_days"

    /// Whether `patrol_days` is marked for rebuilding (then readers compute from `patrols` instead).
    public func patrolDaysStale() throws -> Bool {
        try db.scalarInt("SELECT count(*) FROM summary_rebuild WHERE name = ?", [.text(Store.patrolDaysName)]) > 0
    }

    /// Marks `patrol_days` for rebuilding (readers then compute from `patrols`; the next writable open, or
    /// `rebuildPatrolDays`, recomputes it). For writers that bypass the patrol writes, before they write.
    public func markPatrolDaysStale() throws {
        try write { try db.run("INSERT OR IGNORE INTO summary_rebuild(name) VALUES (?)", [.text(Store.patrolDaysName)]) }
    }

    /// A grid's closed sessions, by start (covering index `patrols_grid_start`; `confirmed_by` is not read).
    func closedSessions(grid: String) throws -> [PatrolSession] {
        try db.query("""
            SELECT id, worker, grid, start_at, end_at, NULL, confirmed_at FROM patrols
            WHERE grid = ? AND end_at IS NOT NULL ORDER BY start_at
            """, [.text(grid)], Store.patrolSession)
    }

    /// Recomputes the summary rows of `grid` for every local day from `start`'s to `end`'s, inside the
    /// caller's write transaction (called by every write that closes, adds or confirms a session).
    func refreshPatrolDays(grid: String, from start: Date, to end: Date) throws {
        var touched = PatrolDayTouches()
        touched.add(grid: grid, from: start, to: end, zone: zone)
        try refreshPatrolDays(touched)
    }

    /// One grid's full recount from all its closed sessions: day text → seconds (days with any patrol).
    func recountPatrolDays(grid: String, settings: ComplianceSettings, frames: inout DayFrame?) throws -> [(day: String, seconds: Int)] {
        let sessions = try closedSessions(grid: grid)
        guard let lo = sessions.first?.start else { return [] }
        let hi = sessions.reduce(lo) { max($0, $1.end ?? $1.start) }
        let first = zone.localDate(of: lo), last = zone.localDate(of: hi)
        // One frame serves every grid; it is widened only when a grid reaches outside it.
        if frames == nil || first < frames!.days[0] || last > frames!.days[frames!.days.count - 1] {
            let f0 = frames.map { min($0.days[0], first) } ?? first
            let f1 = frames.map { max($0.days[$0.days.count - 1], last) } ?? last
            frames = DayFrame(from: f0, through: f1, zone: zone, now: Date(timeIntervalSince1970: 0))
        }
        let frame = frames!
        return PatrolDayRules.closedDailySeconds(sessions, frame: frame, settings: settings)
            .map { (frame.days[$0.day].description, $0.seconds) }
    }

    /// Recomputes the whole summary from `patrols`: one pass over the grids in code order, each grid's rows
    /// replaced in a write transaction of about `rowsPerTransaction` rows, so writers are held up only briefly.
    /// The table stays marked stale (readers compute from `patrols`) until the last chunk commits; an
    /// interrupted rebuild is finished on the next writable open. The day index `patrol_days_day` is dropped
    /// first and built again (sorted, one statement) with the last chunk.
    public func rebuildPatrolDays(rowsPerTransaction: Int = 1000) throws {
        try markPatrolDaysStale()
        // Unused while stale; built again, sorted and packed, when the rows are all in.
        // The month rows are written with their grid's days below; a stale summary is not read meanwhile.
        try write {
            try db.execute("DROP INDEX IF EXISTS patrol_days_day")
            try db.run("DELETE FROM patrol_months")
        }
        let grids = try db.query("SELECT code FROM grids UNION SELECT DISTINCT grid FROM patrol_days ORDER BY 1") { $0.text(0) }
        var frame: DayFrame?
        var k = 0
        repeat {
            try write { try db.withStatementCache {
                let settings = try complianceSettings()
                var rows = 0
                while k < grids.count && rows < rowsPerTransaction {
                    let g = grids[k]
                    let days = try recountPatrolDays(grid: g, settings: settings, frames: &frame)
                    try db.run("DELETE FROM patrol_days WHERE grid = ?", [.text(g)])
                    var month = "", pieces: [(day: Int, seconds: Int)] = []
                    for d in days {
                        try db.run("INSERT INTO patrol_days(grid, day, counted_seconds) VALUES (?, ?, ?)", [.text(g), .text(d.day), .of(d.seconds)])
                        // Days come in order: a new month writes the one before it.
                        let m = String(d.day.prefix(7))
                        if m != month {
                            if !pieces.isEmpty { try writePatrolMonth(grid: g, month: month, pieces: pieces) }
                            month = m; pieces.removeAll(keepingCapacity: true)
                        }
                        pieces.append((Int(d.day.suffix(2))!, d.seconds))
                    }
                    if !pieces.isEmpty { try writePatrolMonth(grid: g, month: month, pieces: pieces) }
                    rows += days.count + 1
                    k += 1
                }
                if k >= grids.count {
                    try db.execute(Migration.patrolDaysDayIndex)
                    try db.run("DELETE FROM summary_rebuild WHERE name = ?", [.text(Store.patrolDaysName)])
                }
            } }
        } while k < grids.count
    }

    /// `patrol_days` rows, and `patrol_months` rows, that differ from a full recount of `patrols`, in words (empty
    /// when they agree or when the summary is marked for rebuilding and so not in use).
    func patrolDaysMismatches() throws -> [String] {
        try db.read {
            guard try !patrolDaysStale() else { return [] }
            let settings = try complianceSettings()
            var stored: [String: [String: Int]] = [:]
            try db.forEach("SELECT grid, day, counted_seconds FROM patrol_days") { stored[$0.text(0), default: [:]][$0.text(1)] = $0.int(2) }
            var frame: DayFrame?
            var wrong = 0, example: String?
            // The month rows are held to the same recount ("month grid" → day of month → seconds).
            var months: [String: [Int: Int]] = [:]
            let grids = try db.query("SELECT code FROM grids") { $0.text(0) }
            for g in grids {
                var mine = stored.removeValue(forKey: g) ?? [:]
                for d in try recountPatrolDays(grid: g, settings: settings, frames: &frame) {
                    months["\(d.day.prefix(7)) \(g)", default: [:]][Int(d.day.suffix(2))!] = d.seconds
                    let have = mine.removeValue(forKey: d.day)
                    if have != d.seconds {
                        wrong += 1
                        example = example ?? "\(g) \(d.day): stored \(have.map(String.init) ?? "nothing"), recount \(d.seconds) s"
                    }
                }
                for (day, s) in mine {
                    wrong += 1
                    example = example ?? "\(g) \(day): stored \(s) s, recount nothing"
                }
            }
            for (g, days) in stored {
                wrong += days.count
                example = example ?? "\(g): \(days.count) rows for an unknown grid"
            }
            let days = wrong == 0 ? [] : ["\(wrong) patrol_days rows differ from a recount of patrols (e.g. \(example!)); month figures read from it are wrong until it is rebuilt from patrols (Store.rebuildPatrolDays)"]
            return days + (try patrolMonthsMismatches(recount: months))
        }
    }
}
