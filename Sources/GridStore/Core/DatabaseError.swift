import CSQLite

/// An error from SQLite, carrying its result code, message and the SQL that failed.
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    /// The extended SQLite result code (e.g. 5 = SQLITE_BUSY, 19 = SQLITE_CONSTRAINT).
    public let code: Int32
    /// SQLite's message.
    public let message: String
    /// The statement that failed, if any.
    public let sql: String?

    /// Creates an error.
    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code; self.message = message; self.sql = sql
    }

    /// The primary result code (the low byte of the extended code).
    public var primaryCode: Int32 { code & 0xFF }
    /// The database was busy or locked beyond the busy timeout.
    public var isBusy: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }
    /// A constraint (unique, foreign key, check) was violated.
    public var isConstraint: Bool { primaryCode == SQLITE_CONSTRAINT }
    /// The file or directory is read-only.
    public var isReadOnly: Bool { primaryCode == SQLITE_READONLY }

    /// The write lock stayed taken through every attempt (each waiting the busy timeout): another process
    /// holds a long write.
    static func busy(attempts: Int) -> DatabaseError {
        DatabaseError(code: SQLITE_BUSY, message: "the database stayed busy after \(attempts) attempts; another process holds a long write. Try again.")
    }

    public var description: String {
        let name = String(cString: sqlite3_errstr(code))
        var text = "database error \(code) (\(name)): \(message)"
        if let sql { text += " — in: \(sql.prefix(200))" }
        return text
    }
}

/// Errors of the storage module that are not SQLite's own.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    /// The file was written by a newer GridRoom; it is left untouched.
    case schemaTooNew(found: Int, supported: Int, path: String)
    /// The file is not a GridRoom database (or not a database at all).
    case notGridRoom(path: String, reason: String)
    /// The database file does not exist and the command does not create one.
    case missing(path: String)
    /// A write on a file opened read-only: the path and why it is read-only (`--read-only`, file or directory
    /// not writable). Nothing was changed.
    case readOnly(path: String, reason: String)
    /// A move was based on a stale version of a matter (or other record).
    case conflict(String)
    /// A named record does not exist.
    case notFound(String)
    /// The current user may not do this; the refusal has been recorded.
    case forbidden(String)
    /// The request was invalid (bad value, illegal move).
    case invalid(String)

    public var description: String {
        switch self {
        case let .schemaTooNew(found, supported, path):
            return "\(path): schema version \(found) is newer than this program supports (\(supported)); upgrade GridRoom. The file was not changed."
        case let .notGridRoom(path, reason):
            return "\(path): not a GridRoom database (\(reason))"
        case let .missing(path):
            return "\(path): no database here; create one with `gridroom init` (or `gridroom init --demo`)"
        case let .readOnly(path, reason):
            return "\(path) is open read-only (\(reason)): this command writes, so nothing was changed"
        case let .conflict(text), let .notFound(text), let .forbidden(text), let .invalid(text):
            return text
        }
    }
}
