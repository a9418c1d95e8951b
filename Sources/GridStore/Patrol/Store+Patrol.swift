import Foundation
import GridCore

extension Store {
    /// Checks a patrol row against the registry: the worker and grid exist, the grid is basic,
    /// the end is not before the start and nothing lies in the future. Returns the problem in words, or nil.
    public func patrolProblem(worker: String, grid: String, start: Date, end: Date?, now: Date) throws -> String? {
        if try db.scalarInt("SELECT count(*) FROM workers WHERE code = ?", [.text(worker)]) == 0 {
            return "unknown worker \(worker); add them to the registry first (gridroom import workers)"
        }
        guard let level = try db.first("SELECT level FROM grids WHERE code = ?", [.text(grid)], { $0.text(0) }) else {
            return "unknown grid \(grid)"
        }
        if level != GridLevel.basic.rawValue {
            return "grid \(grid) is \(level == "area" ? "an" : "a") \(level) grid; patrols are recorded on basic grids (基础网格) only"
        }
        if let end, end < start {
            return "end \(ISOTime.format(end, zone: zone)) is before start \(ISOTime.format(start, zone: zone))"
        }
        if start > now { return "start \(ISOTime.format(start, zone: zone)) is in the future" }
        if let end, end > now { return "end \(ISOTime.format(end, zone: zone)) is in the future" }
        return nil
    }

    /// Starts a patrol (巡查开始) for a worker in a basic grid; returns the new session id.
    /// Refused when the worker already has a session under way in that grid.
    @discardableResult
    public func startPatrol(worker: String, grid: String, at start: Date, by actor: Actor, now: Date) throws -> Int {
        try authorize(actor, .patrol, target: "\(worker)@\(grid)", now: now)
        return try write {
            if let problem = try patrolProblem(worker: worker, grid: grid, start: start, end: nil, now: now) {
                throw StoreError.invalid("patrol start: \(problem)")
            }
            if let open = try openSession(worker: worker, grid: grid) {
                throw StoreError.invalid("patrol start: worker \(worker) already has patrol #\(open.id) under way in \(grid) since \(ISOTime.formatShort(open.start, zone: zone)); stop it first (gridroom patrol stop --worker \(worker) --grid \(grid))")
            }
            try db.run("INSERT INTO patrols(worker, grid, start_at, end_at, suspect, source, created_at, created_by) VALUES (?, ?, ?, NULL, 0, 'cli', ?, ?)",
                       [.text(worker), .text(grid), .of(start), .of(now), .text(actor.login)])
            let id = db.lastInsertID
            try audit(actor: actor.login, action: "patrol_start", target: "#\(id)", allowed: true, detail: "\(worker)@\(grid)", now: now)
            return id
        }
    }

    /// Ends the worker's patrol under way in the grid (巡查结束); a session over the limit is marked suspect.
    @discardableResult
    public func stopPatrol(worker: String, grid: String, at end: Date, by actor: Actor, now: Date) throws -> PatrolSession {
        try authorize(actor, .patrol, target: "\(worker)@\(grid)", now: now)
        let settings = try complianceSettings()
        return try write {
            guard let open = try openSession(worker: worker, grid: grid) else {
                throw StoreError.notFound("patrol stop: worker \(worker) has no patrol under way in \(grid)")
            }
            if end < open.start {
                throw StoreError.invalid("patrol stop: end \(ISOTime.format(end, zone: zone)) is before the start of patrol #\(open.id) (\(ISOTime.format(open.start, zone: zone)))")
            }
            if end > now { throw StoreError.invalid("patrol stop: end \(ISOTime.format(end, zone: zone)) is in the future") }
            let closed = PatrolSession(id: open.id, worker: worker, grid: grid, start: open.start, end: end)
            let suspect = closed.isSuspect(limitSeconds: settings.suspectSeconds, now: now)
            try db.run("UPDATE patrols SET end_at = ?, suspect = ? WHERE id = ?", [.of(end), .of(suspect), .of(open.id)])
            try refreshPatrolDays(grid: grid, from: open.start, to: end)
            try audit(actor: actor.login, action: "patrol_stop", target: "#\(open.id)", allowed: true,
                      detail: suspect ? "suspect: longer than \(settings.suspectMinutes) min" : "", now: now)
            return closed
        }
    }

    /// Records a whole session phoned in after the fact (补录); returns its id.
    @discardableResult
    public func addPatrol(worker: String, grid: String, start: Date, end: Date, by actor: Actor, now: Date) throws -> Int {
        try authorize(actor, .patrol, target: "\(worker)@\(grid)", now: now)
        let settings = try complianceSettings()
        return try write {
            if let problem = try patrolProblem(worker: worker, grid: grid, start: start, end: end, now: now) {
                throw StoreError.invalid("patrol add: \(problem)")
            }
            let id = try insertPatrol(worker: worker, grid: grid, start: start, end: end, settings: settings, source: "cli", importKey: nil, actor: actor.login, now: now)!
            try audit(actor: actor.login, action: "patrol_add", target: "#\(id)", allowed: true, detail: "\(worker)@\(grid)", now: now)
            return id
        }
    }

    /// Inserts a validated, closed session inside the caller's transaction (also the importer's writer).
    /// With an `importKey` already present nothing is written and nil is returned (idempotent re-import).
    /// The grid's `patrol_days` rows for the days the session touches are recomputed in the same transaction.
    public func insertPatrol(worker: String, grid: String, start: Date, end: Date, settings: ComplianceSettings,
                             source: String, importKey: String?, actor: String, now: Date) throws -> Int? {
        guard try insertPatrolRow(try db.prepare(Store.insertPatrolSQL), worker: worker, grid: grid, start: start, end: end,
                                  settings: settings, source: source, importKey: importKey, actor: actor, now: now) else { return nil }
        let id = db.lastInsertID
        try refreshPatrolDays(grid: grid, from: start, to: end)
        return id
    }

    static let insertPatrolSQL = """
        INSERT INTO patrols(worker, grid, start_at, end_at, suspect, source, import_key, created_at, created_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(import_key) DO NOTHING
        """

    /// The insert of `insertPatrol` without the summary update (the caller refreshes `patrol_days`);
    /// `insert` is the prepared `insertPatrolSQL`. False when the import key was already there.
    func insertPatrolRow(_ insert: Statement, worker: String, grid: String, start: Date, end: Date, settings: ComplianceSettings,
                         source: String, importKey: String?, actor: String, now: Date) throws -> Bool {
        let suspect = PatrolSession(id: 0, worker: worker, grid: grid, start: start, end: end)
            .isSuspect(limitSeconds: settings.suspectSeconds, now: now)
        try insert.run([.text(worker), .text(grid), .of(start), .of(end), .of(suspect), .text(source), .of(importKey), .of(now), .text(actor)])
        return db.changes > 0
    }

    /// The import key of a patrol row: the same worker, grid, start and end always give the same key.
    public static func patrolImportKey(worker: String, grid: String, start: Date, end: Date) -> String {
        "patrol:\(worker)|\(grid)|\(TimeSpan.seconds(start))|\(TimeSpan.seconds(end))"
    }

    /// A supervisor confirms a suspect session as genuine (确认): it then counts in full.
    public func confirmPatrol(id: Int, by actor: Actor, now: Date) throws {
        try authorize(actor, .confirmPatrol, target: "#\(id)", now: now)
        let settings = try complianceSettings()
        try write {
            guard let s = try patrolSession(id: id) else { throw StoreError.notFound("patrol confirm: no patrol #\(id)") }
            switch s.status(limitSeconds: settings.suspectSeconds, now: now) {
            case .suspect: break
            case .confirmed:
                throw StoreError.invalid("patrol confirm: #\(id) was already confirmed by \(s.confirmedBy ?? "?")")
            case .runaway, .ongoing:
                throw StoreError.invalid("patrol confirm: #\(id) is still under way; stop it first, then confirm it if it is genuine")
            case .counted:
                throw StoreError.invalid("patrol confirm: #\(id) is not suspect (not longer than \(settings.suspectMinutes) min); nothing to confirm")
            }
            // suspect = 1 keeps every long counted session findable by the `patrols_long` index.
            try db.run("UPDATE patrols SET suspect = 1, confirmed_by = ?, confirmed_at = ? WHERE id = ?", [.text(actor.login), .of(now), .of(id)])
            try refreshPatrolDays(grid: s.grid, from: s.start, to: s.end ?? s.start)
            try audit(actor: actor.login, action: "patrol_confirm", target: "#\(id)", allowed: true,
                      detail: "\(s.worker)@\(s.grid) \(s.seconds(now: now) / 60) min", now: now)
        }
    }

    /// One session by id.
    public func patrolSession(id: Int) throws -> PatrolSession? {
        try db.first("SELECT \(Store.patrolColumns) FROM patrols WHERE id = ?", [.of(id)], Store.patrolSession)
    }

    /// The worker's session under way in the grid, if any (index `patrols_open`).
    func openSession(worker: String, grid: String) throws -> PatrolSession? {
        try db.first("SELECT \(Store.patrolColumns) FROM patrols WHERE worker = ? AND grid = ? AND end_at IS NULL ORDER BY start_at DESC LIMIT 1",
                     [.text(worker), .text(grid)], Store.patrolSession)
    }

    static let patrolColumns = "id, worker, grid, start_at, end_at, confirmed_by, confirmed_at"

    static func patrolSession(_ r: Row) -> PatrolSession {
        PatrolSession(id: r.int(0), worker: r.text(1), grid: r.text(2), start: r.date(3), end: r.optionalDate(4),
                      confirmedBy: r.optionalText(5), confirmedAt: r.optionalDate(6))
    }
}
