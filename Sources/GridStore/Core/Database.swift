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
    /// Statements kept for the connection's life (`cachedStatement`).
    private var cache: [String: Statement] = [:]
    /// Statements the convenience calls keep when opted in (`keepStatements`), and their age order.
    private var kept: [String: Statement] = [:]
    private var keptOrder: [String] = []
    private var keepLimit = 0
    /// Statements kept while a `withStatementCache` scope runs.
    private var scoped: [String: Statement] = [:]
    private var scopeDepth = 0
    private var transaction = Transaction.none
    /// SQLite rolled the current write back on an error (see `noteFailure`).
    private var transactionLost = false
    private var savepointDepth = 0

    /// The size the write-ahead log is cut back to after a checkpoint resets it (bytes).
    public static let walSizeLimit = 8 * 1024 * 1024

    /// Process-wide SQLite settings, applied once before the first connection opens.
    private static let configured: Bool = gr_sqlite_no_memstatus() == SQLITE_OK

    /// How many times `write` tries to take the write lock (each waiting the busy timeout) before giving up.
    public static let writeAttempts = 3

    /// Busy timeout applied to every connection, in milliseconds.
    public static let busyTimeoutMs: Int32 = 5_000

    /// Why the connection is read-only (set by `Store.open`); the `Store` names it when it refuses a write.
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
        cache.removeAll(); kept.removeAll(); scoped.removeAll()
        sqlite3_close_v2(handle)
    }

    var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }

    /// Runs one or more statements without parameters.
    public func execute(_ sql: String) throws(DatabaseError) {
        try checkTransactionNotLost(sql)
        var err: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &err)
        if rc != SQLITE_OK {
            let msg = err.map { String(cString: $0) } ?? lastMessage
            sqlite3_free(err)
            noteFailure()
            throw DatabaseError(code: sqlite3_extended_errcode(handle), message: msg, sql: sql)
        }
    }

    /// After a failed statement: if SQLite ended the write transaction itself (a full disk, `OR ROLLBACK`),
    /// nothing more may run until the `write` ends, or it would run outside any transaction and commit alone.
    func noteFailure() {
        if transaction == .write && sqlite3_get_autocommit(handle) != 0 { transactionLost = true }
    }

    /// Refuses a statement inside a write whose transaction SQLite has already rolled back.
    func checkTransactionNotLost(_ sql: String) throws(DatabaseError) {
        if transactionLost {
            throw DatabaseError(code: SQLITE_ABORT, message: "the transaction was rolled back by SQLite after an earlier error; nothing more runs in it", sql: sql)
        }
    }

    /// A new prepared statement for `sql`, owned by the caller (kept across a hot loop, finalized when dropped).
    public func prepare(_ sql: String) throws(DatabaseError) -> Statement { try Statement(database: self, sql: sql) }

    /// The prepared statement for `sql`, kept for the connection's life: opt-in, for the few statements that
    /// run all the time (the console's per-tick `PRAGMA data_version`). Only fixed SQL text belongs here.
    public func cachedStatement(_ sql: String) throws(DatabaseError) -> Statement {
        if let s = cache[sql] {
            if !s.isRunning { return s }
            return try Statement(database: self, sql: sql)
        }
        let s = try Statement(database: self, sql: sql)
        cache[sql] = s
        return s
    }

    /// Runs `body` with the convenience calls (`run`, `query`, `first`, `forEach`) reusing one prepared
    /// statement per SQL text, for a loop that runs the same few statements per row (an import chunk, a
    /// rebuild). The statements are finalized when the outermost scope ends, so dynamic SQL does not pile up.
    public func withStatementCache<T>(_ body: () throws -> T) rethrows -> T {
        scopeDepth += 1
        defer {
            scopeDepth -= 1
            if scopeDepth == 0 { scoped.removeAll() }
        }
        return try body()
    }

    /// Opts this connection in to keeping the prepared statements of its convenience calls, at most `limit`
    /// (the oldest is finalized first): for a long-lived process that runs the same queries again and again
    /// (the console's reloads, where preparing is most of a small screen's load). 0 turns it off and
    /// finalizes them. One-shot commands leave it off.
    public func keepStatements(limit: Int) {
        keepLimit = max(0, limit)
        while kept.count > keepLimit { kept[keptOrder.removeFirst()] = nil }
    }

    /// The statement a convenience call uses: the scope's inside `withStatementCache`, a kept one when the
    /// connection opted in (`keepStatements`), else a new one finalized after the call.
    func statement(_ sql: String) throws(DatabaseError) -> Statement {
        if scopeDepth > 0 {
            if let s = scoped[sql], !s.isRunning { return s }
            let s = try Statement(database: self, sql: sql)
            if scoped[sql] == nil { scoped[sql] = s }
            return s
        }
        guard keepLimit > 0 else { return try Statement(database: self, sql: sql) }
        if let s = kept[sql], !s.isRunning { return s }
        let s = try Statement(database: self, sql: sql)
        if kept[sql] == nil {
            if kept.count >= keepLimit { kept[keptOrder.removeFirst()] = nil }
            kept[sql] = s
            keptOrder.append(sql)
        }
        return s
    }

    /// How many statements are cached now (connection-long, kept and scoped); for tests.
    var cachedStatementCount: Int { cache.count + kept.count + scoped.count }

    /// Runs one statement with parameters; returns the number of rows changed.
    @discardableResult
    public func run(_ sql: String, _ args: [SQLValue] = []) throws(DatabaseError) -> Int {
        try statement(sql).run(args)
        return Int(sqlite3_changes(handle))
    }

    /// Runs a query and maps each row.
    public func query<T>(_ sql: String, _ args: [SQLValue] = [], _ map: (Row) throws -> T) throws -> [T] {
        try statement(sql).query(args, map)
    }

    /// Visits each row of a query without collecting them (for large scans).
    public func forEach(_ sql: String, _ args: [SQLValue] = [], _ visit: (Row) throws -> Void) throws {
        try statement(sql).forEach(args, visit)
    }

    /// The first row of a query, mapped, or nil.
    public func first<T>(_ sql: String, _ args: [SQLValue] = [], _ map: (Row) throws -> T) throws -> T? {
        try statement(sql).first(args, map)
    }

    /// The first column of the first row as an integer (0 when no row or NULL).
    public func scalarInt(_ sql: String, _ args: [SQLValue] = []) throws -> Int {
        try first(sql, args) { $0.int(0) } ?? 0
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE on this connection.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// The rowid of the last insert on this connection.
    public var lastInsertID: Int { Int(sqlite3_last_insert_rowid(handle)) }

    /// `PRAGMA data_version`: changes when another connection commits (a cached statement: polled every tick).
    public func dataVersion() throws -> Int { try cachedStatement("PRAGMA data_version").first([]) { $0.int(0) } ?? 0 }

    /// Runs `body` in a short `BEGIN IMMEDIATE` transaction, retrying a bounded number of times when the
    /// database stays busy past the busy timeout.
    ///
    /// A write inside a write is a `SAVEPOINT`: when the inner body throws, only its changes are undone and
    /// the outer one goes on. A write inside a read is refused (`SQLITE_MISUSE`): a read never writes. On an
    /// error the transaction is rolled back only if SQLite has not already done so (`sqlite3_get_autocommit`),
    /// and the first error is the one thrown, never the rollback's. Only `DatabaseError` comes from here
    /// (besides what `body` throws); refusing a read-only file is the `Store`'s business.
    @discardableResult
    public func write<T>(_ body: () throws -> T) throws -> T {
        switch transaction {
        case .read:
            throw DatabaseError(code: SQLITE_MISUSE, message: "a write was attempted inside a read transaction; a read never writes")
        case .write:
            return try savepoint(body)
        case .none:
            break
        }
        var began = false
        for _ in 1...Database.writeAttempts {
            if try beginImmediate() { began = true; break }
        }
        guard began else { throw DatabaseError.busy(attempts: Database.writeAttempts) }
        transaction = .write
        defer { transaction = .none; transactionLost = false }
        do {
            let result = try body()
            // SQLite ends the transaction itself on some errors (a full disk, `OR ROLLBACK`): that body's caller
            // went on, so its later statements ran outside any transaction; say so instead of committing.
            guard sqlite3_get_autocommit(handle) == 0 else {
                throw DatabaseError(code: SQLITE_ABORT, message: "the transaction was rolled back by SQLite before it could commit")
            }
            try execute("COMMIT")
            return result
        } catch {
            rollbackIfOpen("ROLLBACK")
            throw error
        }
    }

    /// A nested write: `SAVEPOINT`, then `RELEASE`, or on error `ROLLBACK TO` and `RELEASE` (the outer
    /// transaction stays open, without the inner changes).
    private func savepoint<T>(_ body: () throws -> T) throws -> T {
        savepointDepth += 1
        let name = "gridroom_\(savepointDepth)"
        defer { savepointDepth -= 1 }
        try execute("SAVEPOINT \(name)")
        do {
            let result = try body()
            try execute("RELEASE \(name)")
            return result
        } catch {
            rollbackIfOpen("ROLLBACK TO \(name); RELEASE \(name)")
            throw error
        }
    }

    /// Rolls back with `sql` if a transaction is still open; a failure here is ignored so that the error that
    /// caused the rollback is the one reported.
    private func rollbackIfOpen(_ sql: String) {
        guard sqlite3_get_autocommit(handle) == 0 else { return }
        try? execute(sql)
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

    /// Runs `body` in a read transaction so that every query sees one snapshot. The connection is
    /// `query_only` meanwhile, so a statement that would write fails (`SQLITE_READONLY`) and `write` is
    /// refused. Inside a write (or another read) it simply runs, seeing the write's own changes.
    public func read<T>(_ body: () throws -> T) throws -> T {
        guard transaction == .none else { return try body() }
        try execute("PRAGMA query_only = 1; BEGIN DEFERRED")
        transaction = .read
        defer {
            transaction = .none
            rollbackIfOpen("COMMIT")
            try? execute("PRAGMA query_only = 0")
        }
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
    public var inTransaction: Bool { transaction == .write }

    /// The transaction this connection is in, as `read` and `write` opened it.
    private enum Transaction { case none, read, write }
}
