import Foundation
import GridCore

/// A worker's first-report credits in a period (首报激励), with the numbers of the credited matters.
public struct FirstReportCredit: Hashable, Sendable {
    /// Worker code.
    public let worker: String
    /// Worker name ('' when the reporter is no longer on the roll).
    public let name: String
    /// The worker's grid.
    public let grid: String
    /// Numbers of the matters credited as first report, by reported time.
    public let numbers: [String]
}

/// A should-have-reported matter (应报未报) with the names a supervisor reads beside its codes.
public struct MissedMatter: Hashable, Sendable {
    /// The candidate (number, grid, category, source, reported time).
    public let candidate: MissedReports.Candidate
    /// Grid name.
    public let gridName: String
    /// Category name.
    public let categoryName: String
    /// Title.
    public let title: String
    /// The grid's workers (codes), who are each counted once for it.
    public let workers: [String]
}

extension Store {
    /// The assessment settings; a bad stored value is an error naming the key.
    public func assessmentSettings() throws -> AssessmentSettings {
        var values: [String: String] = [:]
        try db.forEach("SELECT key, value FROM settings WHERE key LIKE 'assessment.%'") { values[$0.text(0)] = $0.text(1) }
        do { return try AssessmentSettings(values: values) } catch { throw StoreError.badSetting(key: "assessment", why: error) }
    }

    /// Changes one assessment setting (the `limits` right); checked before it is stored, audited.
    public func setAssessmentSetting(key: String, value: String, by actor: Actor, now: Date) throws {
        guard AssessmentSettings.Key.all.contains(key) else { throw StoreError.unknownCode(.setting, key) }
        var values = try assessmentSettings().values
        values[key] = value
        do { _ = try AssessmentSettings(values: values) } catch { throw StoreError.badSetting(key: key, why: error) }
        try setSetting(key, value, by: actor, now: now)
    }

    /// Every grid-worker report per reporter in the local days `first ... last`, invalidated and merged ones
    /// included (the denominator of 有效上报率).
    public func workerReportTotals(from first: LocalDate, through last: LocalDate) throws -> [String: Int] {
        var out: [String: Int] = [:]
        try db.forEach("""
            SELECT reporter, count(*) FROM matters WHERE source = 'grid_worker' AND reported_at >= ? AND reported_at < ? GROUP BY reporter
            """, [.of(zone.startOfDay(first)), .of(zone.endOfDay(last))]) { out[$0.text(0)] = $0.int(1) }
        return out
    }

    /// The reports counted for `worker` in the local days `first ... last` (`WorkerReportCount`: grid-worker
    /// reports not invalidated or merged away), by reported time: the rows behind a compliance report count.
    public func countedReports(worker: String, from first: LocalDate, through last: LocalDate)
        throws -> [(number: String, reportedAt: Date, grid: String, category: String, state: MatterState)] {
        try db.query("""
            SELECT m.number, m.reported_at, m.grid, m.category, m.state FROM matters m
            WHERE \(CountedReports.condition("m")) AND m.reporter = ? AND m.reported_at >= ? AND m.reported_at < ?
            ORDER BY m.reported_at, m.number
            """, [.text(worker), .of(zone.startOfDay(first)), .of(zone.endOfDay(last))]) { r in
            (number: r.text(0), reportedAt: r.date(1), grid: r.text(2), category: r.text(3),
             state: try r.code(4, table: "matters", column: "state"))
        }
    }

    /// First-report credits per worker for matters reported in the local days `first ... last`: the grid-worker
    /// reports carrying `first_report` (set when a merge credited them), by worker.
    public func firstReportCredits(from first: LocalDate, through last: LocalDate) throws -> [FirstReportCredit] {
        var by: [String: (name: String, grid: String, numbers: [String])] = [:]
        try db.read {
            try db.forEach("""
                SELECT m.reporter, coalesce(w.name, ''), coalesce(w.grid, m.grid), m.number FROM matters m
                LEFT JOIN workers w ON w.code = m.reporter
                WHERE m.first_report = 1 AND m.source = 'grid_worker' AND m.reported_at >= ? AND m.reported_at < ?
                ORDER BY m.reported_at, m.number
                """, [.of(zone.startOfDay(first)), .of(zone.endOfDay(last))]) { r in
                by[r.text(0), default: (r.text(1), r.text(2), [])].numbers.append(r.text(3))
            }
        }
        return by.keys.sorted().map { FirstReportCredit(worker: $0, name: by[$0]!.name, grid: by[$0]!.grid, numbers: by[$0]!.numbers) }
    }

    /// Should-have-reported matters (应报未报) reported in the local days `first ... last`: `MissedReports.find`
    /// over the period's matters from other channels, against the grid workers' own reports from `window`
    /// before the period's start to its end (invalidated reports left out), for the categories flagged
    /// `worker_reportable`. `window` nil: the setting.
    public func missedReports(from first: LocalDate, through last: LocalDate, window: TimeInterval? = nil) throws -> [MissedMatter] {
        let from = zone.startOfDay(first), to = zone.endOfDay(last)
        return try db.read {
            let window = try window ?? assessmentSettings().missedWindow
            var reportable: Set<String> = [], categoryNames: [String: String] = [:], gridNames: [String: String] = [:]
            try db.forEach("SELECT code, name, worker_reportable FROM categories") { r in
                categoryNames[r.text(0)] = r.text(1)
                if r.bool(2) { reportable.insert(r.text(0)) }
            }
            try db.forEach("SELECT code, name FROM grids") { gridNames[$0.text(0)] = $0.text(1) }
            var workers: [String: [String]] = [:]
            try db.forEach("SELECT code, grid FROM workers ORDER BY code") { workers[$0.text(1), default: []].append($0.text(0)) }
            let channels = MissedReports.otherChannels.map { "'\($0.rawValue)'" }.sorted().joined(separator: ",")
            var titles: [String: String] = [:]
            let candidates = try db.query("""
                SELECT number, grid, category, source, reported_at, title FROM matters
                WHERE reported_at >= ? AND reported_at < ? AND source IN (\(channels)) AND state <> 'invalid'
                """, [.of(from), .of(to)]) { r -> MissedReports.Candidate in
                titles[r.text(0)] = r.text(5)
                return MissedReports.Candidate(number: r.text(0), grid: r.text(1), category: r.text(2),
                                               source: try r.code(3, table: "matters", column: "source"), reportedAt: r.date(4))
            }
            let reports = try db.query("""
                SELECT grid, category, reported_at FROM matters
                WHERE source = 'grid_worker' AND state <> 'invalid' AND reported_at >= ? AND reported_at < ?
                """, [.of(from.addingTimeInterval(-window)), .of(to)]) { r in
                MissedReports.WorkerReport(grid: r.text(0), category: r.text(1), reportedAt: r.date(2))
            }
            return MissedReports.find(candidates, reports: reports, reportable: reportable, window: window).map { c in
                MissedMatter(candidate: c, gridName: gridNames[c.grid] ?? "", categoryName: categoryNames[c.category] ?? "",
                             title: titles[c.number] ?? "", workers: workers[c.grid] ?? [])
            }
        }
    }
}
