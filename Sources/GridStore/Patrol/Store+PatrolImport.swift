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
    /// (grid, day) pairs the chunk touched recomputed once at its end, in the same transaction (with their
    /// `patrol_months` rows, once per grid and month). A row imported before (same import key) writes nothing.
    ///
    /// Rows are written in (grid, worker, start) order, not file order: a chunk then holds a few grids' sessions,
    /// so it touches a few pages of each index and of `patrol_days` instead of one page per row all over a big
    /// file (a day's file lists every worker once; in file order every chunk would touch every grid).
    ///
    /// Streamed, the order holds within windows of `patrolStreamWindow` rows. The window, not the file, sets how
    /// many grids a chunk touches (rows ÷ grids of the window per grid): a window smaller than a file that covers
    /// the whole registry made a 3,000-grid district's chunks touch three times the pages of a 1,000-grid
    /// township's, and its import half as fast.
    func patrolWriter(settings: ComplianceSettings, actor: String, now: Date) -> ImportWriter<PatrolRow> {
        var w = ImportWriter<PatrolRow>.chunked(key: { r in Store.patrolImportKey(worker: r.worker, grid: r.grid, start: r.start, end: r.end) }) { store, rows in
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
        w.order = Store.patrolWriteOrder
        w.streamWindow = Store.patrolStreamWindow
        return w
    }

    /// Rows sorted at a time while streaming a patrol file: 100,000 rows (48 bytes each, sorted where they lie)
    /// cover a district's 6,000 workers about 17 times, so a chunk of 1,000 holds about 30 grids.
    static let patrolStreamWindow = 100_000

    /// The write order: by grid, worker, start and end (no two accepted rows are equal: a repeated row is rejected).
    static func patrolWriteOrder(_ a: PatrolRow, _ b: PatrolRow) -> Bool {
        if a.grid != b.grid { return a.grid < b.grid }
        if a.worker != b.worker { return a.worker < b.worker }
        if a.start != b.start { return a.start < b.start }
        return a.end < b.end
    }
}
