import Foundation
import GridCore

/// The maintained month summary `worker_months` (网格员月上报数): per local month and reporter, the matters that
/// count as grid-worker reports (`WorkerReportCount`). Intake adds, a move into or out of invalid / merged adjusts,
/// in the same write transaction; the v7 migration and the demo generator rebuild it in one pass.
extension Store {
    /// Name of the summary in `summary_rebuild`.
    static let workerMonthsName = "worker_months"

    /// Whether `worker_months` is marked for rebuilding (then readers count from `matters` instead).
    public func workerMonthsStale() throws -> Bool {
        try db.scalarInt("SELECT count(*) FROM summary_rebuild WHERE name = ?", [.text(Store.workerMonthsName)]) > 0
    }

    /// Marks `worker_months` for rebuilding (readers then count from `matters`; the next writable open, or
    /// `rebuildWorkerMonths`, recomputes it). For writers that bypass intake and moves, before they write.
    public func markWorkerMonthsStale() throws {
        try write { try db.run("INSERT OR IGNORE INTO summary_rebuild(name) VALUES (?)", [.text(Store.workerMonthsName)]) }
    }

    /// Adds `delta` to the count of `reporter` in the local month of `reportedAt` (inside the caller's write);
    /// a count reaching zero removes its row.
    func addWorkerReport(reporter: String, reportedAt: Date, delta: Int) throws {
        guard delta != 0 else { return }
        let month = WorkerReportCount.month(reportedAt: reportedAt, zone: zone).description
        if delta > 0 {
            try db.run("""
                INSERT INTO worker_months(month, worker, reports) VALUES (?1, ?2, ?3)
                ON CONFLICT(month, worker) DO UPDATE SET reports = reports + ?3
                """, [.text(month), .text(reporter), .of(delta)])
        } else {
            // A count that would reach zero goes (rows hold positive counts only); otherwise it is lowered.
            try db.run("DELETE FROM worker_months WHERE month = ?1 AND worker = ?2 AND reports <= ?3", [.text(month), .text(reporter), .of(-delta)])
            try db.run("UPDATE worker_months SET reports = reports + ?3 WHERE month = ?1 AND worker = ?2", [.text(month), .text(reporter), .of(delta)])
        }
    }

    /// Records that matter `id`, just taken in, is in the summary: advances the mark only from `id − 1`, so a
    /// matter written round intake (plain SQL) keeps the summary out of use until it is rebuilt.
    func advanceWorkerMonthsThrough(matter id: Int) throws {
        try db.run("UPDATE worker_months_through SET matter_id = ?1 WHERE matter_id = ?1 - 1", [.of(id)])
    }

    /// Whether every matter is in the summary (its mark equals the newest matter id; both are index look-ups).
    func workerMonthsCurrent() throws -> Bool {
        try db.scalarInt("""
            SELECT (SELECT matter_id FROM worker_months_through) = (SELECT coalesce(max(id), 0) FROM matters)
            """) == 1
    }

    /// Whether readers may use the summary: not marked for rebuilding, and holding every matter.
    func workerMonthsInUse() throws -> Bool {
        try !workerMonthsStale() && workerMonthsCurrent()
    }

    /// Keeps the summary in step with a state change of `m` (inside the caller's write).
    func noteStateChange(_ m: Matter, from: MatterState, to: MatterState) throws {
        try addWorkerReport(reporter: m.reporter, reportedAt: m.reportedAt,
                            delta: WorkerReportCount.delta(source: m.source, from: from, to: to))
    }

    /// A full recount from `matters`: month text → reporter → counted reports.
    func recountWorkerMonths() throws -> [String: [String: Int]] {
        var out: [String: [String: Int]] = [:]
        // Cache the month of each local-day start: reports come in time order on the covering index.
        var lastDay: (lo: Int, hi: Int, month: String)? = nil
        try db.forEach("""
            SELECT reporter, reported_at, state FROM matters WHERE \(CountedReports.source())
            """) { r in
            let state: MatterState = try r.code(2, table: "matters", column: "state")
            guard WorkerReportCount.counts(source: WorkerReportCount.source, state: state) else { return }
            let at = r.int(1)
            let month: String
            if let d = lastDay, at >= d.lo, at < d.hi {
                month = d.month
            } else {
                let instant = Date(timeIntervalSince1970: TimeInterval(at))
                let day = zone.localDate(of: instant)
                month = WorkerReportCount.month(reportedAt: instant, zone: zone).description
                lastDay = (Int(zone.startOfDay(day).timeIntervalSince1970), Int(zone.endOfDay(day).timeIntervalSince1970), month)
            }
            out[month, default: [:]][r.text(0), default: 0] += 1
        }
        return out
    }

    /// Recomputes the whole summary from `matters` in one write transaction and clears its stale mark.
    public func rebuildWorkerMonths() throws {
        try write {
            let counts = try recountWorkerMonths()
            try db.run("DELETE FROM worker_months")
            let insert = try db.prepare("INSERT INTO worker_months(month, worker, reports) VALUES (?, ?, ?)")
            for month in counts.keys.sorted() {
                for (worker, n) in counts[month]!.sorted(by: { $0.key < $1.key }) {
                    try insert.run([.text(month), .text(worker), .of(n)])
                }
            }
            try db.run("UPDATE worker_months_through SET matter_id = (SELECT coalesce(max(id), 0) FROM matters)")
            try db.run("DELETE FROM summary_rebuild WHERE name = ?", [.text(Store.workerMonthsName)])
        }
    }

    /// `worker_months` rows that differ from a full recount, in words (empty when they agree or when the table
    /// is marked for rebuilding and so not in use).
    func workerMonthsMismatches() throws -> [String] {
        try db.read {
            guard try !workerMonthsStale() else { return [] }
            var stored: [String: [String: Int]] = [:]
            try db.forEach("SELECT month, worker, reports FROM worker_months") { stored[$0.text(0), default: [:]][$0.text(1)] = $0.int(2) }
            let recount = try recountWorkerMonths()
            var bad: [String] = []
            for month in Set(stored.keys).union(recount.keys).sorted() {
                let a = stored[month] ?? [:], b = recount[month] ?? [:]
                for w in Set(a.keys).union(b.keys).sorted() where a[w] != b[w] {
                    bad.append("worker_months \(month) \(w): stored \(a[w] ?? 0), recount \(b[w] ?? 0)")
                }
            }
            return bad
        }
    }

    /// Counted reports per worker in `month` up to `end` (网格员上报数), from the summary: the month's row per
    /// worker less the few reports in [`end`, month end) counted from `matters`. Counted from `matters` instead
    /// (as `reportCounts(from:to:grid:)`) while the summary is stale, when a matter was written round intake
    /// (the `worker_months_through` mark is behind), for one grid (a few index seeks) or when `end` is early in the month.
    /// - Parameter grid: only this grid's workers, or nil for every reporter.
    public func reportCounts(month: LocalMonth, through end: Date, grid: String? = nil) throws -> [String: Int] {
        var out: [String: Int] = [:]
        try visitReportCounts(month: month, through: end, grid: grid, summary: { out[$0.text(0)] = $0.int(1) },
                              add: { out[$0, default: 0] += $1 })
        return out.filter { $0.value > 0 }
    }

    /// The counts of `reportCounts(month:through:grid:)`, told as they are found: `summary` gets the month's
    /// `worker_months` rows (worker, reports) in worker order (SQLite's binary order of the codes), then `add` a
    /// worker and a number to add to theirs: negative for reports in [`end`, month end), and every count when the
    /// summary is not used. A worker's count is what has been told for them, and none at 0 or below.
    func visitReportCounts(month: LocalMonth, through end: Date, grid: String?, summary: (Row) -> Void,
                           add: (String, Int) -> Void) throws {
        let start = zone.startOfDay(month.firstDay), monthEnd = zone.endOfDay(month.lastDay)
        let tailSeconds = monthEnd.timeIntervalSince(end)
        guard grid == nil, try workerMonthsInUse(), tailSeconds * 2 < monthEnd.timeIntervalSince(start) else {
            for (w, n) in try reportCounts(from: start, to: max(start, end), grid: grid) { add(w, n) }
            return
        }
        try db.forEach("SELECT worker, reports FROM worker_months WHERE month = ? ORDER BY worker", [.text(month.description)], summary)
        if tailSeconds > 0 {
            for (w, n) in try reportCounts(from: end, to: monthEnd, grid: nil) { add(w, -n) }
        }
    }

    /// Counted grid-worker reports in the whole of `month` (本月上报数): the sum of the month's summary rows
    /// (≈ one per worker), or, while the summary is not in use, a count on the covering `matters_worker_reported`.
    public func reportTotal(month: LocalMonth) throws -> Int {
        if try workerMonthsInUse() {
            return try db.scalarInt("SELECT coalesce(sum(reports), 0) FROM worker_months WHERE month = ?", [.text(month.description)])
        }
        let start = zone.startOfDay(month.firstDay), end = zone.startOfDay(month.next.firstDay)
        return try db.scalarInt(ConsoleQueries.reportsInRange, [.of(start), .of(end)])
    }
}
