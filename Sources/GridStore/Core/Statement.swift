import CSQLite
import Foundation

// SQLITE_TRANSIENT does not import into Swift: the documented sentinel value -1.
private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

/// A prepared statement: made for one call and finalized after it, or kept by its caller across a hot loop
/// (`Database.prepare`), or cached by its `Database` when the caller opts in (`cachedStatement`,
/// `withStatementCache`).
public final class Statement {
    let handle: OpaquePointer
    /// The SQL text.
    public let sql: String
    unowned let database: Database

    init(database: Database, sql: String) throws(DatabaseError) {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v2(database.handle, sql, -1, &stmt, nil)
        guard rc == SQLITE_OK, let stmt else {
            throw DatabaseError(code: sqlite3_extended_errcode(database.handle), message: database.lastMessage, sql: sql)
        }
        self.handle = stmt; self.sql = sql; self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    /// Runs the statement once with `args` (for hot loops that keep the statement: no cache lookup).
    public func run(_ args: [SQLValue] = []) throws(DatabaseError) {
        try bind(args)
        while try step() {}
        sqlite3_reset(handle)
    }

    /// Runs the statement as a query with `args`, visiting each row (for hot loops that keep the statement).
    public func forEach(_ args: [SQLValue] = [], _ visit: (Row) throws -> Void) throws {
        try bind(args)
        defer { sqlite3_reset(handle) }
        while try step() { try visit(Row(handle: handle)) }
    }

    /// Runs the statement as a query with `args` and maps each row.
    public func query<T>(_ args: [SQLValue] = [], _ map: (Row) throws -> T) throws -> [T] {
        var out: [T] = []
        try forEach(args) { out.append(try map($0)) }
        return out
    }

    /// The first row with `args`, mapped, or nil.
    public func first<T>(_ args: [SQLValue] = [], _ map: (Row) throws -> T) throws -> T? {
        try bind(args)
        defer { sqlite3_reset(handle) }
        return try step() ? try map(Row(handle: handle)) : nil
    }

    /// Whether the statement is in the middle of a run (stepped, not yet reset): a cache must not hand it out
    /// again to a call made while its rows are being visited.
    var isRunning: Bool { sqlite3_stmt_busy(handle) != 0 }

    /// Runs a multi-row statement once: parameters are, row after row, `leading` then the row's values.
    public func run(rows: [[SQLValue]], leading: SQLValue) throws {
        sqlite3_reset(handle)
        var idx: Int32 = 1
        for row in rows {
            try bind(leading, at: idx)
            idx += 1
            for v in row { try bind(v, at: idx); idx += 1 }
        }
        while try step() {}
        sqlite3_reset(handle)
    }

    /// Binds values to `?` parameters in order, after a reset.
    func bind(_ values: [SQLValue]) throws(DatabaseError) {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (i, v) in values.enumerated() { try bind(v, at: Int32(i + 1)) }
    }

    /// Binds one value to parameter `idx` (1-based).
    private func bind(_ v: SQLValue, at idx: Int32) throws(DatabaseError) {
        let rc: Int32
        switch v {
        case .null: rc = sqlite3_bind_null(handle, idx)
        case let .int(n): rc = sqlite3_bind_int64(handle, idx, n)
        case let .double(d): rc = sqlite3_bind_double(handle, idx, d)
        case let .text(s):
            // withUTF8 reads a native string in place (a short one from the stack): no C-string copy, no strlen.
            var s = s
            rc = s.withUTF8 { u in
                u.withMemoryRebound(to: CChar.self) { c in
                    // A NULL pointer would bind NULL, not '': an empty string goes in as a literal.
                    guard let p = c.baseAddress, c.count > 0 else { return sqlite3_bind_text(handle, idx, "", 0, transient) }
                    return sqlite3_bind_text(handle, idx, p, Int32(c.count), transient)
                }
            }
        case let .blob(b): rc = b.withUnsafeBytes { sqlite3_bind_blob(handle, idx, $0.baseAddress, Int32(b.count), transient) }
        }
        guard rc == SQLITE_OK else {
            throw DatabaseError(code: rc, message: database.lastMessage, sql: sql)
        }
    }

    /// Steps once: true when a row is available.
    func step() throws(DatabaseError) -> Bool {
        try database.checkTransactionNotLost(sql)
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let err = DatabaseError(code: sqlite3_extended_errcode(database.handle), message: database.lastMessage, sql: sql)
            sqlite3_reset(handle)
            database.noteFailure()
            throw err
        }
    }
}

/// One result row; columns are read by index, in SELECT order.
public struct Row {
    let handle: OpaquePointer

    /// Whether column `i` is NULL.
    public func isNull(_ i: Int32) -> Bool { sqlite3_column_type(handle, i) == SQLITE_NULL }
    /// Column `i` as an integer (0 for NULL).
    public func int(_ i: Int32) -> Int { Int(sqlite3_column_int64(handle, i)) }
    /// Column `i` as an integer, nil for NULL.
    public func optionalInt(_ i: Int32) -> Int? { isNull(i) ? nil : int(i) }
    /// Column `i` as a double.
    public func double(_ i: Int32) -> Double { sqlite3_column_double(handle, i) }
    /// Column `i` as text ("" for NULL).
    public func text(_ i: Int32) -> String {
        guard let p = sqlite3_column_text(handle, i) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, i))), as: UTF8.self)
    }
    /// Whether column `i` is exactly the text `utf8`, compared in place (no string is made: for hot loops).
    public func textEquals(_ i: Int32, _ utf8: [UInt8]) -> Bool {
        guard let p = sqlite3_column_text(handle, i) else { return false }
        let n = Int(sqlite3_column_bytes(handle, i))
        return n == utf8.count && (n == 0 || utf8.withUnsafeBufferPointer { memcmp(p, $0.baseAddress!, n) == 0 })
    }
    /// Calls `body` with column `i`'s UTF-8 bytes in place (empty for NULL; valid only inside `body`: for hot loops).
    public func withTextBytes<T>(_ i: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        guard let p = sqlite3_column_text(handle, i) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return body(UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, i))))
    }
    /// Column `i` as text, nil for NULL.
    public func optionalText(_ i: Int32) -> String? { isNull(i) ? nil : text(i) }
    /// Column `i` as a bool (non-zero).
    public func bool(_ i: Int32) -> Bool { int(i) != 0 }
    /// Column `i` as an instant stored as UTC epoch seconds.
    public func date(_ i: Int32) -> Date { Date(timeIntervalSince1970: Double(sqlite3_column_int64(handle, i))) }
    /// Column `i` as an instant, nil for NULL.
    public func optionalDate(_ i: Int32) -> Date? { isNull(i) ? nil : date(i) }
}
