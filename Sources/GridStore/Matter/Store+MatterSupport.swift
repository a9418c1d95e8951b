import Foundation
import GridCore

extension Store {
    /// The township's matter rules (urgent limits, near-due share, duplicate window) from `settings`.
    public func matterRules() throws -> MatterRules {
        var settings: [String: String] = [:]
        try db.forEach("SELECT key, value FROM settings WHERE key IN ('urgent_dispatch_limit','urgent_handle_limit','urgent_verify_limit','near_due_share','duplicate_window_hours')") {
            settings[$0.text(0)] = $0.text(1)
        }
        do { return try MatterRules(settings: settings) } catch {
            throw StoreError.badSetting(key: "matter", why: error)
        }
    }

    /// Changes one matter setting (supervisor or higher: `Action.changeLimits`), validated first.
    public func setMatterSetting(_ key: String, _ value: String, by actor: Actor, now: Date) throws {
        try authorize(actor, .changeLimits, target: key, now: now)
        var rules = try matterRules()
        do { try rules.set(key, value) } catch { throw StoreError.badSetting(key: key, why: error) }
        try write {
            try db.run("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)", [.text(key), .text(value)])
            try audit(actor: actor.login, action: Action.changeLimits.rawValue, target: key, allowed: true, detail: value, now: now)
        }
    }

    /// The office calendar deadlines are computed on (`officeCalendar()`: holidays, make-up days, office hours).
    func matterCalendar() throws -> OfficeCalendar { try officeCalendar() }

    /// A category from the registry, for deadlines and defaults.
    func matterCategory(_ code: String) throws -> Category? {
        try db.first("SELECT \(Store.categoryColumns) FROM categories WHERE code = ?",
                     [.text(code)], Store.categoryRecord)
    }

    /// A category that must exist (a matter refers to it).
    func requireCategory(_ code: String) throws -> Category {
        guard let c = try matterCategory(code) else { throw StoreError.unknownCode(.category, code) }
        return c
    }

    /// Whether a registry row exists: `table` is one of grids, departments, workers.
    func registryHas(_ table: String, _ code: String) throws -> Bool {
        precondition(["grids", "departments", "workers"].contains(table))
        return try db.scalarInt("SELECT count(*) FROM \(table) WHERE code = ?", [.text(code)]) > 0
    }

    /// The columns `matterRow` reads, in order.
    static let matterColumns = """
    m.id, m.number, m.reported_at, m.source, m.reporter, m.grid, m.category, m.urgency, m.title, m.description, m.location,
    m.state, m.shelved, m.department, m.first_contact,
    (SELECT number FROM matters x WHERE x.id = m.merged_into), (SELECT number FROM matters y WHERE y.id = m.duplicate_of),
    m.stage, m.stage_started_at, m.stage_due_at, m.near_due_at, m.ever_overdue, m.handle_due_at,
    m.rework_count, m.urge_count, m.urge_yellow, m.urge_red, m.extension_count, m.first_report, m.ended_at,
    m.version, m.updated_at, m.updated_by, m.caller_name, m.caller_phone, m.order_no
    """

    /// Maps a row selected with `matterColumns`.
    static func matterRow(_ r: Row) throws -> Matter {
        var m = Matter(id: r.int(0), number: r.text(1), reportedAt: r.date(2), source: try r.code(3, table: "matters", column: "source"),
               reporter: r.text(4), grid: r.text(5), category: r.text(6), urgency: try r.code(7, table: "matters", column: "urgency"),
               title: r.text(8), description: r.text(9), location: r.text(10), state: try r.code(11, table: "matters", column: "state"),
               shelved: r.bool(12), department: r.optionalText(13), firstContact: r.text(14), mergedInto: r.optionalText(15),
               duplicateOf: r.optionalText(16), stage: try r.optionalCode(17, table: "matters", column: "stage"),
               stageStartedAt: r.optionalDate(18), stageDueAt: r.optionalDate(19), nearDueAt: r.optionalDate(20),
               everOverdue: r.bool(21), handleDueAt: r.optionalDate(22), reworkCount: r.int(23), urgeCount: r.int(24),
               urgeYellow: r.int(25), urgeRed: r.int(26), extensionCount: r.int(27), firstReport: r.bool(28),
               endedAt: r.optionalDate(29), version: r.int(30), updatedAt: r.date(31), updatedBy: r.text(32))
        m.callerName = r.text(33); m.callerPhone = r.text(34); m.orderNo = r.text(35)
        return m
    }

    /// A matter by case number, or nil.
    public func matter(number: String) throws -> Matter? {
        try db.first("SELECT \(Store.matterColumns) FROM matters m WHERE m.number = ?", [.text(number)], Store.matterRow)
    }

    /// A matter by case number, or a not-found error naming it.
    func requireMatter(_ number: String) throws -> Matter {
        guard let m = try matter(number: number) else {
            throw StoreError.unknownCode(.matter, number)
        }
        return m
    }

    /// Appends one history event (events are never updated; the schema refuses it).
    func appendEvent(matter: Int, at: Date, kind: EventKind, from: MatterState?, to: MatterState?, actor: String, note: String,
                     stage: Stage? = nil, stageSeconds: Int? = nil, department: String? = nil, level: UrgeLevel? = nil) throws {
        // History only moves forward: on any file (live or rehearsal) a new event may not be dated before the
        // matter's previous one, whatever clock the caller brought. The caller's transaction is rolled back.
        if let previous = try db.first("SELECT at FROM events WHERE matter_id = ? ORDER BY id DESC LIMIT 1", [.of(matter)], { $0.date(0) }),
           at < previous {
            let number = try db.first("SELECT number FROM matters WHERE id = ?", [.of(matter)]) { $0.text(0) } ?? "#\(matter)"
            throw StoreError.eventBeforePrevious(number: number, at: at, previous: previous)
        }
        try db.run("""
            INSERT INTO events(matter_id, at, kind, from_state, to_state, actor, note, stage, stage_seconds, department, level)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.of(matter), .of(at), .text(kind.rawValue), .of(from?.rawValue), .of(to?.rawValue), .text(actor), .text(note),
                  .of(stage?.rawValue), .of(stageSeconds), .of(department), .of(level?.rawValue)])
    }
}
