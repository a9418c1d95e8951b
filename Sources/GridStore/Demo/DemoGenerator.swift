import CSQLite
import Foundation
import GridCore

/// Writes a realistic synthetic township through the batch write path (issue: scale).
///
/// Registry rows are added beside whatever is there (codes start with `S`); departments and
/// categories are taken from the database, so run `gridroom init --demo` first.
public struct DemoGenerator {
    let store: Store
    let spec: DemoSpec
    let now: Date
    let actor: Actor
    let writer: BatchWriter

    /// Creates a generator.
    public init(store: Store, spec: DemoSpec, now: Date, actor: Actor, progress: ((BatchProgress) -> Void)? = nil) {
        self.store = store; self.spec = spec; self.now = now; self.actor = actor
        self.writer = BatchWriter(store: store, progress: progress)
    }

    struct GenWorker { let code: String; let grid: Int }

    /// Generates everything; returns row counts.
    public func run() throws -> DemoSummary {
        try store.authorize(actor, .manageRegistry, target: "demo generate", now: now)
        let started = Date()
        var summary = DemoSummary()
        // The registry's own decoding: an unknown urgency or unreadable limit is refused, never defaulted.
        let categories = try store.db.query("SELECT \(Store.categoryColumns) FROM categories ORDER BY code",
                                            [], Store.categoryRecord)
        guard !categories.isEmpty else {
            throw StoreError.cannotGenerate(path: store.db.path, reason: .noCategories)
        }
        // A synthetic township mixed into real-looking records cannot be told apart afterwards: refused before
        // anything is written, unless activity for the file's own grids was asked for (`--own-grids`).
        let held = try store.db.scalarInt("SELECT count(*) FROM matters")
        if held > 0 && !spec.useExistingRegistry {
            throw StoreError.fileHoldsMatters(path: store.db.path, matters: held)
        }
        if !spec.useExistingRegistry, try store.db.scalarInt("SELECT count(*) FROM grids WHERE code LIKE 'S-%'") > 0 {
            throw StoreError.cannotGenerate(path: store.db.path, reason: .alreadyGenerated)
        }
        // A bulk writer touches many index pages at random: a larger page cache for this connection
        // (64 MiB) and fewer checkpoints keep that in memory. Other processes are unaffected.
        // Foreign keys off for this connection during the load: every reference the generator writes is a code it
        // read from the registry or the id of the matter it just inserted, so the per-row parent look-ups (≈ 9 M)
        // would check nothing. Index builds may sort on a second thread; nothing here is secret, so deleted
        // bytes need not be zeroed (this build of SQLite zeroes them by default). All go back afterwards.
        gr_keep_heap()
        defer { _ = try? store.checkpoint() }
        try store.db.withPragmas(["cache_size": -65_536, "wal_autocheckpoint": 10_000, "foreign_keys": 0, "threads": 2, "secure_delete": 0]) {
            try load(&summary, categories: categories)
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// Writes the registry (unless existing), the patrols and the matters, and rebuilds their summaries.
    private func load(_ summary: inout DemoSummary, categories: [Category]) throws {
        var rng = SeededRandom(seed: spec.seed)
        let (gridCodes, workers) = spec.useExistingRegistry ? try existingRegistry() : try writeRegistry(&rng, &summary)
        guard !gridCodes.isEmpty else { throw StoreError.cannotGenerate(path: store.db.path, reason: .noBasicGrids) }
        let workersByGrid = Dictionary(grouping: workers, by: \.grid)
        let noPatrols = try store.db.scalarInt("SELECT count(*) FROM (SELECT 1 FROM patrols LIMIT 1)") == 0
        // Sessions go in through plain SQL, not the patrol writes: the day summary is stale from here until
        // rebuilt below (or on the next open, should the load be cut short).
        if spec.patrols > 0 { try store.markPatrolDaysStale() }
        var patrolRng = rng
        summary.rows["patrols"] = try noPatrols
            ? store.withIndexesDropped(on: ["patrols"], progress: writer.progress) {
                try writePatrols(&patrolRng, gridCodes: gridCodes, workersByGrid: workersByGrid, workers: workers)
            }
            : writePatrols(&patrolRng, gridCodes: gridCodes, workersByGrid: workersByGrid, workers: workers)
        rng = patrolRng
        // Recompute the day summary from the new sessions (after the indexes are back: the rebuild reads
        // each grid's sessions through them).
        if spec.patrols > 0 { try store.rebuildPatrolDays() }
        // Matters go in through plain SQL: the month report summary is stale until rebuilt below (or on the next open).
        try store.markWorkerMonthsStale()
        // Into an empty file, load without secondary indexes and build them once at the end.
        let empty = try store.db.scalarInt("SELECT count(*) FROM (SELECT 1 FROM matters LIMIT 1)") == 0
        // The search index too is built once at the end (not one delete and insert per event).
        let counts = try (empty ? { body in
            try store.withSearchIndexSuspended {
                try store.withIndexesDropped(on: ["matters", "events", "stages"], keeping: ["events_matter", "stages_matter", "matters_reported"],
                                             progress: writer.progress, body)
            }
        } : { try $0() }) {
            try MatterSynth(store: store, now: now, months: spec.months, categories: categories,
                                     calendar: try store.officeCalendar(), rules: try store.matterRules(), actor: actor.login)
            .write(count: spec.matters, rng: &rng, gridCodes: gridCodes, workersByGrid: workersByGrid, writer: writer)
        }
        // Matters go in through plain SQL, not intake: recount the month report summary in one pass.
        try store.rebuildWorkerMonths()
        summary.rows.merge(counts) { $1 }
    }

    /// The basic grids and workers already in the file (the demo township).
    private func existingRegistry() throws -> ([String], [GenWorker]) {
        let grids = try store.db.query("SELECT code FROM grids WHERE level = 'basic' ORDER BY code") { $0.text(0) }
        let index = Dictionary(uniqueKeysWithValues: grids.enumerated().map { ($1, $0) })
        let workers = try store.db.query("SELECT code, grid FROM workers ORDER BY code") { ($0.text(0), $0.text(1)) }
            .compactMap { w in index[w.1].map { GenWorker(code: w.0, grid: $0) } }
        return (grids, workers)
    }

    private func writeRegistry(_ rng: inout SeededRandom, _ summary: inout DemoSummary) throws -> ([String], [GenWorker]) {
        let perArea = 30
        let areas = max(1, (spec.grids + perArea - 1) / perArea)
        let side = Int(Double(spec.grids).squareRoot().rounded(.up))
        var gridCodes: [String] = []
        try store.write {
            try store.db.run("INSERT OR IGNORE INTO grids(code, name, level, parent) VALUES ('S-T', '模拟街道', 'township', NULL)")
            for a in 0..<areas {
                try store.db.run("INSERT INTO grids(code, name, level, parent) VALUES (?, ?, 'area', 'S-T')",
                                 [.text(String(format: "S-A%03d", a + 1)), .text("模拟社区\(a + 1)")])
            }
        }
        var i = 0
        summary.rows["grids"] = try writer.run(label: "grids", total: spec.grids, next: { () -> Int? in
            guard i < spec.grids else { return nil }
            defer { i += 1 }
            return i
        }, write: { db, g in
            let code = String(format: "S-G%04d", g + 1)
            gridCodes.append(code)
            try db.run("INSERT INTO grids(code, name, level, parent, map_row, map_col) VALUES (?, ?, 'basic', ?, ?, ?)",
                       [.text(code), .text("模拟社区\(g / perArea + 1)第\(g % perArea + 1)网格"),
                        .text(String(format: "S-A%03d", g / perArea + 1)), .of(g / side), .of(g % side)])
        })
        let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
        let given = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂")
        var workers: [GenWorker] = []
        var w = 0
        summary.rows["workers"] = try writer.run(label: "workers", total: spec.workers, next: { () -> Int? in
            guard w < spec.workers else { return nil }
            defer { w += 1 }
            return w
        }, write: { db, n in
            // Round-robin over grids: every grid gets a worker before any gets a second.
            let grid = n % spec.grids
            let code = String(format: "S-W%05d", n + 1)
            let part = n >= spec.grids // the second worker of a grid is part-time, paired A/B with the first
            let partner: String? = part ? String(format: "S-W%05d", n - spec.grids + 1) : nil
            let name = String(surnames[n % surnames.count]) + String(given[(n / surnames.count) % given.count])
                + (n % 3 == 0 ? String(given[(n / 7) % given.count]) : "")
            try db.run("INSERT INTO workers(code, name, phone, kind, grid, partner) VALUES (?, ?, ?, ?, ?, ?)",
                       [.text(code), .text(name), .text(String(format: "139%08d", n + 1)), .text(part ? "part" : "full"),
                        .text(gridCodes[grid]), .of(partner)])
            if let partner { try db.run("UPDATE workers SET partner = ? WHERE code = ?", [.text(code), .text(partner)]) }
            workers.append(GenWorker(code: code, grid: grid))
        })
        return (gridCodes, workers)
    }

    private func writePatrols(_ rng: inout SeededRandom, gridCodes: [String], workersByGrid: [Int: [GenWorker]], workers: [GenWorker]) throws -> Int {
        guard spec.patrols > 0, !workers.isEmpty else { return 0 }
        let zone = store.zone
        let today = zone.localDate(of: now)
        let firstDay = today.localMonth.firstDay.adding(days: 0)
        let startMonth = (0..<(spec.months - 1)).reduce(today.localMonth) { m, _ in m.previous }
        let dayCount = max(1, today.daysSinceEpoch - startMonth.firstDay.daysSinceEpoch + 1)
        _ = firstDay
        var n = 0
        var r = rng
        defer { rng = r }
        let nowSec = Int(now.timeIntervalSince1970)
        return try writer.run(label: "patrols", total: spec.patrols, next: { () -> (String, String, Int, Int?, Bool)? in
            guard n < spec.patrols else { return nil }
            defer { n += 1 }
            // Spread evenly over the days, grids drawn at random; daytime rhythm, some evening and overnight walks.
            let day = startMonth.firstDay.adding(days: n * dayCount / spec.patrols)
            let grid = r.int(0...(gridCodes.count - 1))
            let pool = workersByGrid[grid] ?? [workers[0]]
            var worker = pool[r.int(0...(pool.count - 1))].code
            if r.chance(0.03) { worker = workers[r.int(0...(workers.count - 1))].code } // covering another grid
            let roll = r.int(0...99)
            let startMinute: Int, minutes: Int
            if roll < 45 { startMinute = r.int(480...660); minutes = r.int(30...150) }
            else if roll < 90 { startMinute = r.int(840...1020); minutes = r.int(30...150) }
            else if roll < 97 { startMinute = r.int(1140...1380); minutes = r.int(40...180) } // may cross midnight
            else { startMinute = r.int(360...1200); minutes = r.chance(0.3) ? r.int(780...1000) : r.int(20...60) } // forgotten stops
            var start = Int(zone.instant(day, secondsIntoDay: startMinute * 60 + r.int(0...59)).timeIntervalSince1970)
            // A walk of today's share that would start after now goes to an earlier day at the same hour: turning them
            // into walks under way put thousands out at once (more than all 2,000 workers' morning walks at 10:00).
            if start >= nowSec {
                let earlier = day.adding(days: -r.int(1...max(1, dayCount - 1)))
                start = Int(zone.instant(earlier, secondsIntoDay: startMinute * 60 + r.int(0...59)).timeIntervalSince1970)
            }
            var end: Int? = start + minutes * 60
            if end! > nowSec { end = nil } // still under way
            let suspect = minutes > 12 * 60
            return (gridCodes[grid], worker, start, end, suspect)
        }, write: { db, p in
            try db.run("INSERT INTO patrols(worker, grid, start_at, end_at, suspect, source, created_at, created_by) VALUES (?, ?, ?, ?, ?, 'demo', ?, ?)",
                       [.text(p.1), .text(p.0), .int(Int64(p.2)), p.3.map { .int(Int64($0)) } ?? .null, .of(p.4), .int(Int64(p.2)), .text(actor.login)])
        })
    }
}
