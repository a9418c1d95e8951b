import Foundation
import GridCore

extension Store {
    /// Checks a patrol row against the registry: the worker and grid exist, the grid is basic,
    /// the end is not before the start and nothing lies in the future. Returns the refusal, or nil.
    public func patrolProblem(worker: String, grid: String, start: Date, end: Date?, now: Date) throws -> StoreError? {
        if try db.scalarInt("SELECT count(*) FROM workers WHERE code = ?", [.text(worker)]) == 0 {
            return .unknownCode(.worker, worker)
        }
        guard let level: GridLevel = try db.first("SELECT level FROM grids WHERE code = ?", [.text(grid)], {
            try $0.code(0, table: "grids", column: "level")
        }) else { return .unknownCode(.grid, grid) }
        if level != .basic { return .notBasicGrid(code: grid, level: level) }
        if let end, end < start { return .patrol(.endBeforeStart(end: end, start: start)) }
        if start > now { return .patrol(.inFuture(field: "start", at: start)) }
        if let end, end > now { return .patrol(.inFuture(field: "end", at: end)) }
        return nil
    }

    /// Starts a patrol (巡查开始) for a worker in a basic grid; returns the new session id.
    /// Refused when the worker already has a session under way in that grid.
    @discardableResult
    public func startPatrol(worker: String, grid: String, at start: Date, by actor: Actor, now: Date) throws -> Int {
        try authorize(actor, .patrol, target: "\(worker)@\(grid)", now: now)
        return try write {
            if let problem = try patrolProblem(worker: worker, grid: grid, start: start, end: nil, now: now) {
                throw problem
            }
            if let open = try openSession(worker: worker, grid: grid) {
                throw StoreError.patrol(.underWay(worker: worker, grid: grid, id: open.id, since: open.start))
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
                throw StoreError.patrol(.noneUnderWay(worker: worker, grid: grid))
            }
            if end < open.start {
                throw StoreError.patrol(.endBeforeStart(end: end, start: open.start))
            }
            if end > now { throw StoreError.patrol(.inFuture(field: "end", at: end)) }
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
                throw problem
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
            guard let s = try patrolSession(id: id) else { throw StoreError.unknownCode(.patrol, "#\(id)") }
            switch s.status(limitSeconds: settings.suspectSeconds, now: now) {
            case .suspect: break
            case .confirmed:
                throw StoreError.patrol(.alreadyConfirmed(id: id, by: s.confirmedBy ?? "?"))
            case .runaway, .ongoing:
                throw StoreError.patrol(.stillUnderWay(id: id))
            case .counted:
                throw StoreError.patrol(.notSuspect(id: id, limitMinutes: settings.suspectMinutes))
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
