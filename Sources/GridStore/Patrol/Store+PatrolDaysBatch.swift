import Foundation
import GridCore

/// The (grid, local day) pairs whose `patrol_days` rows a batch of patrol writes has changed (巡查日汇总待更新):
/// collected while the batch writes and recomputed once at its end, in the same transaction, so a grid's day
/// is figured once per chunk however many of its sessions the chunk holds.
struct PatrolDayTouches {
    /// Per grid, the local day numbers (days since 1970-01-01) touched, as inclusive ranges in write order.
    private(set) var ranges: [String: [ClosedRange<Int>]] = [:]

    /// Whether nothing was touched.
    var isEmpty: Bool { ranges.isEmpty }

    /// Notes the local days from `start`'s to `end`'s (a session over midnight touches both).
    mutating func add(grid: String, from start: Date, to end: Date, zone: TownshipZone) {
        let a = zone.localDate(of: start).daysSinceEpoch
        let b = zone.localDate(of: max(start, end)).daysSinceEpoch
        ranges[grid, default: []].append(a...b)
    }

    /// Each grid's touched days as runs of consecutive days, by grid then day: overlapping or adjacent
    /// ranges merged, so each run is one index range to read and one set of rows to write.
    func runs() -> [(grid: String, days: ClosedRange<Int>)] {
        var out: [(grid: String, days: ClosedRange<Int>)] = []
        for grid in ranges.keys.sorted() {
            var current: ClosedRange<Int>? = nil
            for r in ranges[grid]!.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                if let c = current, r.lowerBound <= c.upperBound + 1 {
                    current = c.lowerBound...max(c.upperBound, r.upperBound)
                } else {
                    if let c = current { out.append((grid, c)) }
                    current = r
                }
            }
            if let c = current { out.append((grid, c)) }
        }
        return out
    }
}

extension Store {
    /// Closed sessions that may count although they began more than the suspect limit before a window
    /// (confirmed long ones, flagged suspect), ending after ?2 and starting before ?1: the partial index `patrols_long`.
    static let longClosedSessionsSQL = """
        SELECT \(patrolColumns) FROM patrols
        WHERE (suspect = 1 OR end_at IS NULL) AND end_at > ?2 AND start_at < ?1
        """

    /// A grid's closed sessions starting in [?2, ?3), by start (covering index `patrols_grid_start`).
    static let gridClosedSessionsSQL = """
        SELECT id, worker, grid, start_at, end_at, NULL, confirmed_at FROM patrols
        WHERE grid = ?1 AND start_at >= ?2 AND start_at < ?3 AND end_at IS NOT NULL ORDER BY start_at
        """

    /// Recomputes the `patrol_days` rows of every touched (grid, day) from `patrols`, inside the caller's
    /// write transaction: per run of touched days, the grid's closed sessions overlapping it (an index range
    /// from the window's start less the suspect limit, plus the long confirmed ones from one read for the whole
    /// batch), their counted union per day (`PatrolDayRules`), and only the rows that differ are written.
    ///
    /// A grid's runs that share a month are taken together: one read of its stored days over their whole months
    /// serves both the comparison and the month rows, and each `patrol_months` row whose days changed is written
    /// once (not once per run or per session).
    func refreshPatrolDays(_ touched: PatrolDayTouches) throws {
        let runs = touched.runs()
        guard !runs.isEmpty else { return }
        let settings = try complianceSettings()
        let limit = settings.suspectSeconds
        let frames = runs.map { DayFrame(from: LocalDate(daysSinceEpoch: $0.days.lowerBound),
                                         through: LocalDate(daysSinceEpoch: $0.days.upperBound), zone: zone, now: Date(timeIntervalSince1970: 0)) }
        // Sessions that began before a run's look-back yet reach into it are longer than the limit, so they
        // count only when confirmed, and confirmed ones are flagged: one read of those for every run.
        let earliest = frames.map { $0.window.start }.min()!, latestLookback = frames.map { $0.window.start }.max()! - limit
        var long: [String: [PatrolSession]] = [:]
        try db.forEach(Store.longClosedSessionsSQL, [.of(latestLookback), .of(earliest)]) { r in
            long[r.text(2), default: []].append(Store.patrolSession(r))
        }
        let sessionsQuery = try db.prepare(Store.gridClosedSessionsSQL)
        let storedQuery = try db.prepare(Store.gridDaysInRangeSQL)
        let upsert = try db.prepare("""
            INSERT INTO patrol_days(grid, day, counted_seconds) VALUES (?1, ?2, ?3)
            ON CONFLICT(grid, day) DO UPDATE SET counted_seconds = excluded.counted_seconds
            """)
        let delete = try db.prepare("DELETE FROM patrol_days WHERE grid = ?1 AND day = ?2")
        var sessions: [PatrolSession] = []
        var first = 0
        while first < runs.count {
            // The runs [first, end) of one grid whose months chain (each starts in the month the one before ends).
            let grid = runs[first].grid
            var end = first + 1
            while end < runs.count && runs[end].grid == grid
                    && LocalDate(daysSinceEpoch: runs[end].days.lowerBound).localMonth <= LocalDate(daysSinceEpoch: runs[end - 1].days.upperBound).localMonth {
                end += 1
            }
            let firstMonth = LocalDate(daysSinceEpoch: runs[first].days.lowerBound).localMonth
            let lastMonth = LocalDate(daysSinceEpoch: runs[end - 1].days.upperBound).localMonth
            // Day text → seconds for every stored day of those months, kept equal to the table as rows are written.
            var stored: [String: Int] = [:]
            try storedQuery.forEach([.text(grid), .text(firstMonth.firstDay.description), .text(lastMonth.lastDay.description)]) {
                stored[$0.text(0)] = $0.int(1)
            }
            var changedMonths = Set<String>()
            for k in first..<end {
                let frame = frames[k], window = frame.window
                let lookback = window.start - limit
                sessions.removeAll(keepingCapacity: true)
                try sessionsQuery.forEach([.text(grid), .of(lookback), .of(window.end)]) { sessions.append(Store.closedSession($0, grid: grid)) }
                for s in long[grid] ?? [] where TimeSpan.seconds(s.start) < lookback && TimeSpan.seconds(s.end!) > window.start {
                    sessions.append(s)
                }
                // The run's days that end up with no counted time lose their rows.
                var gone = Set(frame.days.map(\.description).filter { stored[$0] != nil })
                for r in PatrolDayRules.closedDailySeconds(sessions, frame: frame, settings: settings) {
                    let day = frame.days[r.day].description
                    gone.remove(day)
                    if stored[day] != r.seconds {
                        try upsert.run([.text(grid), .text(day), .of(r.seconds)])
                        stored[day] = r.seconds
                        changedMonths.insert(String(day.prefix(7)))
                    }
                }
                for day in gone {
                    try delete.run([.text(grid), .text(day)])
                    stored[day] = nil
                    changedMonths.insert(String(day.prefix(7)))
                }
            }
            // The month rows follow their days, in the same transaction: each changed month written once.
            if !changedMonths.isEmpty {
                var byMonth: [String: [(day: Int, seconds: Int)]] = [:]
                for (day, seconds) in stored { byMonth[String(day.prefix(7)), default: []].append((Int(day.suffix(2))!, seconds)) }
                for month in changedMonths.sorted() {
                    try writePatrolMonth(grid: grid, month: month, pieces: (byMonth[month] ?? []).sorted { $0.day < $1.day })
                }
            }
            first = end
        }
    }

    /// A closed session of `grid` from a row of `gridClosedSessionsSQL`, its grid shared instead of read again.
    static func closedSession(_ r: Row, grid: String) -> PatrolSession {
        PatrolSession(id: r.int(0), worker: r.text(1), grid: grid, start: r.date(3), end: r.optionalDate(4), confirmedAt: r.optionalDate(6))
    }
}
