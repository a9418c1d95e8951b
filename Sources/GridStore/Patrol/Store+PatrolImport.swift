import Foundation
import GridCore

extension Store {
    /// Imports `patrols.csv` (`worker,grid,start,end`) through the shared import runner: every row is checked
    /// first; the whole file is rejected on a bad row unless `options.skipInvalid`. Re-importing writes nothing
    /// new: each row's import key is its worker, grid, start and end. Sessions longer than the suspect limit
    /// are stored as suspect.
    public func importPatrols(path: String, options: ImportOptions = .init(), actor: Actor, now: Date) throws -> ImportReport {
        let settings = try complianceSettings()
        return try runImport(path: path, action: .patrol, options: options, actor: actor, now: now,
                             makeValidator: { PatrolRowValidator(existing: try $0.registrySnapshot(), zone: $0.zone, now: now) },
                             writer: patrolWriter(settings: settings, actor: actor.login, now: now))
    }

    /// Writes checked patrol rows a chunk at a time: one prepared insert, and the `patrol_days` rows of the
    /// (grid, day) pairs the chunk touched recomputed once at its end, in the same transaction. A row imported
    /// before (same import key) writes nothing.
    ///
    /// Rows are written in (grid, worker, start) order, not file order: a chunk then holds a few grids' sessions,
    /// so it touches a few pages of each index and of `patrol_days` instead of one page per row all over a big
    /// file (a day's file lists every worker once; in file order every chunk would touch every grid).
    ///
    /// Streamed, the order holds within windows of 25,000 rows (a 100,000-row window cost 15 MB more at peak).
    func patrolWriter(settings: ComplianceSettings, actor: String, now: Date) -> ImportWriter<PatrolRow> {
        var w = ImportWriter<PatrolRow>.chunked(groups: Store.patrolWriteOrder, key: { r in Store.patrolImportKey(worker: r.worker, grid: r.grid, start: r.start, end: r.end) }) { store, rows in
            let insert = try store.db.prepare(Store.insertPatrolSQL)
            var touched = PatrolDayTouches()
            var n = 0
            for r in rows {
                let key = Store.patrolImportKey(worker: r.worker, grid: r.grid, start: r.start, end: r.end)
                if try store.insertPatrolRow(insert, worker: r.worker, grid: r.grid, start: r.start, end: r.end, settings: settings,
                                             source: "import", importKey: key, actor: actor, now: now) {
                    touched.add(grid: r.grid, from: r.start, to: r.end, zone: store.zone)
                    n += 1
                }
            }
            try store.refreshPatrolDays(touched)
            return n
        }
        w.streamWindow = 25_000
        return w
    }

    /// The rows by grid, worker, start and end (file order among equal ones), each its own group.
    static func patrolWriteOrder(_ rows: [PatrolRow]) -> [[PatrolRow]] {
        rows.indices.sorted { i, j in
            let a = rows[i], b = rows[j]
            if a.grid != b.grid { return a.grid < b.grid }
            if a.worker != b.worker { return a.worker < b.worker }
            if a.start != b.start { return a.start < b.start }
            if a.end != b.end { return a.end < b.end }
            return i < j
        }.map { [rows[$0]] }
    }
}
