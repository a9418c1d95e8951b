import CSQLite
import Foundation

/// One connection to the GridRoom SQLite file.
///
/// Opened in WAL mode with `synchronous=NORMAL`, a busy timeout and foreign keys on.
/// Every write goes through `write(_:)`, a short `BEGIN IMMEDIATE` transaction,
/// so several processes can share the file safely.
public final class Database {
    let handle: OpaquePointer
    /// The file path.
    public let path: String
    /// Whether the connection was opened read-only (file or directory not writable).
    public let isReadOnly: Bool
    private var cache: [String: Statement] = [:]
    private var transactionDepth = 0

    /// The size the write-ahead log is cut back to after a checkpoint resets it (bytes).
    public static let walSizeLimit = 8 * 1024 * 1024

    /// Process-wide SQLite settings, applied once before the first connection opens.
    private static let configured: Bool = gr_sqlite_no_memstatus() == SQLITE_OK

    /// Busy timeout applied to every connection, in milliseconds.
    public static let busyTimeoutMs: Int32 = 5_000

    /// Why the connection is read-only (set by `Store.open`); named when a write is refused.
    public var readOnlyReason: ReadOnlyReason?

    /// Opens (and with `create`, creates) the file. `immutable` (read-only only) reads the file without
    /// the shared-memory index, for a file in a directory this user cannot write and that nobody writes.
    public init(path: String, create: Bool = true, readOnly: Bool = false, immutable: Bool = false) throws(DatabaseError) {
        _ = Database.configured
        var db: OpaquePointer?
        // One connection is used by one thread at a time (the class is not thread-safe anyway): no SQLite mutexes.
        var flags = SQLITE_OPEN_NOMUTEX
        flags |= readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0))
        var name = path
        if readOnly && immutable {
            flags |= SQLITE_OPEN_URI
            let escaped = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#"))) ?? path
            name = "file:" + escaped + "?immutable=1"
        }
        let rc = sqlite3_open_v2(name, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let msg = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let db { sqlite3_close_v2(db) }
            throw DatabaseError(code: rc, message: "\(path): \(msg)")
        }
        self.handle = db; self.path = path; self.isReadOnly = readOnly
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, Database.busyTimeoutMs)
        try execute("PRAGMA foreign_keys = ON")
        if !readOnly {
            // journal_mode needs a write lock; it persists in the file once set.
            try execute("PRAGMA journal_mode = WAL")
            // A big transaction (an index build, a bulk chunk) grows the log; once checkpointed and reset,
            // it is cut back to this size instead of staying at its peak for as long as anyone has the file open.
            try execute("PRAGMA journal_size_limit = \(Database.walSizeLimit)")
        }
        try execute("PRAGMA synchronous = NORMAL")
        // The dashboards' working set at a year's size (the open-matter and patrol indexes, a month of day
        // summaries) is ≈ 10 MB: with SQLite's default 2 MB cache every reload re-read it from the OS.
        // The cache fills only as pages are read, so short commands do not pay for it.
        try execute("PRAGMA cache_size = -\(Database.cacheKiB)")
    }

    /// Page cache per connection, KiB.
    public static let cacheKiB = 16 * 1024

    deinit {
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }

    /// Runs one or more statements without parameters.
    public func execute(_ sql: String) throws(DatabaseError) {
        var err: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &err)
        if rc != SQLITE_OK {
            let msg = err.map { String(cString: $0) } ?? lastMessage
            sqlite3_free(err)
            throw DatabaseError(code: sqlite3_extended_errcode(handle), message: msg, sql: sql)
        }
    }

    /// The prepared (and cached) statement for `sql`, to run many times in a hot loop.
    public func prepare(_ sql: String) throws -> Statement { try statement(sql) }

    func statement(_ sql: String) throws(DatabaseError) -> Statement {
        if let s = cache[sql] { return s }
        let s = try Statement(database: self, sql: sql)
        cache[sql] = s
        return s
    }

    /// Runs one statement with parameters; returns the number of rows changed.
    @discardableResult
    public func run(_ sql: String, _ args: [SQLValue] = []) throws(DatabaseError) -> Int {
        let s = try statement(sql)
        try s.bind(args)
        while try s.step() {}
        sqlite3_reset(s.handle)
        return Int(sqlite3_changes(handle))
    }

    /// Runs a query and maps each row.
    public func query<T>(_ sql: String, _ args: [SQLValue] = [], _ map: (Row) throws -> T) throws -> [T] {
        let s = try statement(sql)
        try s.bind(args)
        defer { sqlite3_reset(s.handle) }
        var out: [T] = []
        while try s.step() { out.append(try map(Row(handle: s.handle))) }
        return out
    }

    /// Visits each row of a query without collecting them (for large scans).
    public func forEach(_ sql: String, _ args: [SQLValue] = [], _ visit: (Row) throws -> Void) throws {
        let s = try statement(sql)
        try s.bind(args)
        defer { sqlite3_reset(s.handle) }
        while try s.step() { try visit(Row(handle: s.handle)) }
    }

    /// The first row of a query, mapped, or nil.
    public func first<T>(_ sql: String, _ args: [SQLValue] = [], _ map: (Row) throws -> T) throws -> T? {
        let s = try statement(sql)
        try s.bind(args)
        defer { sqlite3_reset(s.handle) }
        return try s.step() ? try map(Row(handle: s.handle)) : nil
    }

    /// The first column of the first row as an integer (0 when no row or NULL).
    public func scalarInt(_ sql: String, _ args: [SQLValue] = []) throws -> Int {
        try first(sql, args) { $0.int(0) } ?? 0
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE on this connection.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// The rowid of the last insert on this connection.
    public var lastInsertID: Int { Int(sqlite3_last_insert_rowid(handle)) }

    /// `PRAGMA data_version`: changes when another connection commits.
    public func dataVersion() throws -> Int { try scalarInt("PRAGMA data_version") }

    /// Runs `body` in a short `BEGIN IMMEDIATE` transaction, retrying a bounded number of times
    /// when the database stays busy past the busy timeout. Nested calls join the outer transaction.
    @discardableResult
    public func write<T>(_ body: () throws -> T) throws -> T {
        if transactionDepth > 0 {
            transactionDepth += 1; defer { transactionDepth -= 1 }
            return try body()
        }
        if isReadOnly {
            throw StoreError.readOnly(path: path, reason: readOnlyReason ?? .connection)
        }
        let attempts = 3
        var began = false
        for _ in 1...attempts {
            if try beginImmediate() { began = true; break }
        }
        guard began else { throw StoreError.busy(attempts: attempts) }
        transactionDepth = 1
        do {
            let result = try body()
            try execute("COMMIT")
            transactionDepth = 0
            return result
        } catch {
            transactionDepth = 0
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Takes the write lock; false when still busy after the busy timeout. Any other failure (a read-only
    /// file, a full disk, an I/O error) is thrown as it is, not passed off as "busy".
    private func beginImmediate() throws(DatabaseError) -> Bool {
        let rc = sqlite3_exec(handle, "BEGIN IMMEDIATE", nil, nil, nil)
        if rc == SQLITE_OK { return true }
        let e = DatabaseError(code: sqlite3_extended_errcode(handle), message: lastMessage, sql: "BEGIN IMMEDIATE")
        if e.isBusy { return false }
        throw e
    }

    /// Changes how long this connection waits for another's lock before an attempt counts as busy.
    public func setBusyTimeout(milliseconds: Int32) {
        sqlite3_busy_timeout(handle, milliseconds)
    }

    /// Runs `body` in a read transaction so that every query sees one snapshot.
    public func read<T>(_ body: () throws -> T) throws -> T {
        if transactionDepth > 0 { return try body() }
        try execute("BEGIN DEFERRED")
        transactionDepth = 1
        defer { transactionDepth = 0; try? execute("COMMIT") }
        return try body()
    }

    /// Runs `body` with the given integer PRAGMAs set on this connection, then puts back the values the
    /// connection had, whether `body` returns or throws (for bulk writers: cache, checkpoints, foreign keys).
    public func withPragmas<T>(_ settings: KeyValuePairs<String, Int>, _ body: () throws -> T) throws -> T {
        let saved = try settings.map { ($0.key, try scalarInt("PRAGMA \($0.key)")) }
        defer { try? execute(saved.map { "PRAGMA \($0.0) = \($0.1)" }.joined(separator: "; ")) }
        try execute(settings.map { "PRAGMA \($0.key) = \($0.value)" }.joined(separator: "; "))
        return try body()
    }

    /// Whether a write transaction is open on this connection.
    public var inTransaction: Bool { transactionDepth > 0 }
}
