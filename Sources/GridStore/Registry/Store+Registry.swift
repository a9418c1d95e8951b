import Foundation
import GridCore

extension Store {
    /// Every grid, township first, then by level (township, area, community, basic) and code.
    public func grids() throws -> [Grid] {
        try db.query("""
            SELECT \(Store.gridColumns) FROM grids
            ORDER BY CASE level WHEN 'township' THEN 1 WHEN 'area' THEN 2 WHEN 'community' THEN 3 ELSE 4 END, code
            """, [], Store.gridRecord)
    }

    /// The columns `gridRecord` decodes.
    static let gridColumns = "code, name, level, parent, map_row, map_col, head, instructor"

    /// Decodes `gridColumns`; an unknown level is an error naming the column.
    static func gridRecord(_ r: Row) throws -> Grid {
        Grid(code: r.text(0), name: r.text(1), level: try r.code(2, table: "grids", column: "level"),
             parent: r.optionalText(3), row: r.optionalInt(4), col: r.optionalInt(5), head: r.optionalText(6), instructor: r.optionalText(7))
    }

    /// The basic grids a head (网格长) answers for: those whose head is `login`, and every basic grid under a
    /// grid (area or community) whose head is `login`, at any depth.
    public func basicGrids(headedBy login: String) throws -> Set<String> {
        Set(try db.query("""
            WITH RECURSIVE under(code) AS (SELECT code FROM grids WHERE head = ?
                                           UNION SELECT g.code FROM grids g JOIN under u ON g.parent = u.code)
            SELECT g.code FROM grids g JOIN under u ON u.code = g.code WHERE g.level = 'basic'
            """, [.text(login)]) { $0.text(0) })
    }

    /// Every worker, by code.
    public func workers() throws -> [Worker] {
        try db.query("SELECT code, name, phone, kind, grid, partner FROM workers ORDER BY code") { r in
            Worker(code: r.text(0), name: r.text(1), phone: r.text(2), kind: try r.code(3, table: "workers", column: "kind"),
                   grid: r.text(4), partner: r.optionalText(5))
        }
    }

    /// Every department, by code.
    public func departments() throws -> [Department] {
        try db.query("SELECT code, name, platform FROM departments ORDER BY code") { r in
            Department(code: r.text(0), name: r.text(1), platform: try r.code(2, table: "departments", column: "platform"))
        }
    }

    /// Every category, by code.
    public func categories() throws -> [GridCore.Category] {
        try db.query("""
            SELECT \(Store.categoryColumns) FROM categories ORDER BY code
            """) { r in
            try Store.categoryRecord(r)
        }
    }

    /// The columns `categoryRecord` decodes, in order.
    static let categoryColumns = "code, name, major, department, urgency, dispatch_limit, handle_limit, verify_limit, dispute, first_report, worker_reportable"

    /// Decodes `categoryColumns` of `categories`; an unknown urgency or an unreadable limit is an error naming its column.
    static func categoryRecord(_ r: Row) throws -> GridCore.Category {
        func limit(_ i: Int32, _ column: String) throws -> TimeLimit { try Store.timeLimit(r, i, table: "categories", column: column) }
        return Category(code: r.text(0), name: r.text(1), major: r.text(2), department: r.text(3),
                        urgency: try r.code(4, table: "categories", column: "urgency"),
                        dispatchLimit: try limit(5, "dispatch_limit"), handleLimit: try limit(6, "handle_limit"),
                        verifyLimit: try limit(7, "verify_limit"), dispute: r.bool(8), firstReport: r.bool(9), workerReportable: r.bool(10))
    }

    /// The codes the registry holds, for validating an import against the database.
    public func registrySnapshot() throws -> RegistrySnapshot {
        try db.read {
            var s = RegistrySnapshot()
            try db.forEach("SELECT code, level FROM grids") { s.grids[$0.text(0)] = try $0.code(1, table: "grids", column: "level") }
            try db.forEach("SELECT code, partner FROM workers") { s.workers[$0.text(0)] = .some($0.optionalText(1)) }
            try db.forEach("SELECT code FROM departments") { s.departments.insert($0.text(0)) }
            return s
        }
    }
}

/// One entry of the import log (导入记录).
public struct ImportLogEntry: Sendable, Equatable {
    /// Entry id.
    public var id: Int
    /// The kind imported.
    public var kind: String
    /// The file as named.
    public var fileName: String
    /// SHA-256 of its bytes.
    public var contentHash: String
    /// Data rows in the file.
    public var rowsTotal: Int
    /// Rows that changed the database.
    public var rowsWritten: Int
    /// Rows rejected to the rejects file.
    public var rowsRejected: Int
    /// Who ran it.
    public var actor: String
    /// When it started.
    public var startedAt: Date
    /// When it finished (nil while running or if interrupted).
    public var finishedAt: Date?
    /// Whether it ran to the end.
    public var complete: Bool
}

extension Store {
    /// The import log, newest first.
    public func importLog(limit: Int = 1000) throws -> [ImportLogEntry] {
        try db.query("""
            SELECT id, kind, file_name, content_hash, rows_total, rows_written, rows_rejected, actor, started_at, finished_at, complete
            FROM import_log ORDER BY id DESC LIMIT ?
            """, [.of(limit)]) { r in
            ImportLogEntry(id: r.int(0), kind: r.text(1), fileName: r.text(2), contentHash: r.text(3), rowsTotal: r.int(4),
                           rowsWritten: r.int(5), rowsRejected: r.int(6), actor: r.text(7), startedAt: r.date(8),
                           finishedAt: r.optionalDate(9), complete: r.bool(10))
        }
    }
}
