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

    /// The file is damaged (SQLITE_CORRUPT) or is not a database at all (SQLITE_NOTADB).
    public var isCorrupt: Bool { primaryCode == SQLITE_CORRUPT || primaryCode == SQLITE_NOTADB }

    public var description: String {
        let name = String(cString: sqlite3_errstr(code))
        var text = "database error \(code) (\(name)): \(message)"
        if primaryCode == SQLITE_CORRUPT {
            text = "the database file is damaged (\(message)); run `gridroom check` and restore the latest copy that "
                + "`gridroom backup` verified (see Docs/reliability.md) — database error \(code)"
        }
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
    /// The database stayed busy through every retry.
    case busy(attempts: Int)
    /// A move was based on a stale version of a matter (or other record).
    case conflict(String)
    /// A named record does not exist.
    case notFound(String)
    /// The current user may not do this; the refusal has been recorded.
    case forbidden(String)
    /// The request was invalid (bad value, illegal move).
    case invalid(String)
    /// The file is damaged (SQLITE_CORRUPT, or `integrity_check` found problems); writes are refused.
    case damaged(path: String, detail: String)
    /// The file could not be opened for a reason other than not being GridRoom's (disk full, permission, lock, I/O).
    case cannotOpen(path: String, cause: String)
    /// A fixed clock (`--now`/`GRIDROOM_NOW`) was given for a write on a live (正式) file.
    case fixedClockOnLiveFile(path: String, command: String)
    /// A write's instant is too far from the operating system's clock on a live (正式) file.
    case clockDisagrees(path: String, given: String, real: String)
    /// A new event of a matter would be dated before that matter's previous event.
    case eventBeforePrevious(number: String, at: String, previous: String)
    /// The staff member has been switched off (停用); `on` is the local day, `by` the admin's login.
    case deactivated(login: String, on: String, by: String)
    /// The change would leave the file without an active admin.
    case lastActiveAdmin(login: String)
    /// A backup's copy failed its integrity check; the copy was removed.
    case backupUnsound(target: String, detail: String)

    public var description: String {
        switch self {
        case let .schemaTooNew(found, supported, path):
            return "\(path): schema version \(found) is newer than this program supports (\(supported)); upgrade GridRoom. The file was not changed."
        case let .notGridRoom(path, reason):
            return "\(path): not a GridRoom database (\(reason))"
        case let .missing(path):
            return "\(path): no database here; create one with `gridroom init` (or `gridroom init --demo`)"
        case let .busy(attempts):
            return "the database stayed busy after \(attempts) attempts; another process holds a long write. Try again."
        case let .conflict(text), let .notFound(text), let .forbidden(text), let .invalid(text):
            return text
        case let .damaged(path, detail):
            return "\(path): the database file is damaged (\(detail)); the command stopped and further writes are refused. "
                + "Run `gridroom check`, and restore the latest copy that `gridroom backup` verified (see Docs/reliability.md)"
        case let .cannotOpen(path, cause):
            return "\(path): cannot open the database: \(cause)"
        case let .fixedClockOnLiveFile(path, command):
            return "\(path) is a live (正式) file: \(command) writes, and writes take the real clock; --now / GRIDROOM_NOW may "
                + "only be used to read \"as of\" a time (rehearsal files are made with `gridroom init --rehearsal`)"
        case let .clockDisagrees(path, given, real):
            return "\(path) is a live (正式) file: a write dated \(given) is refused; the real clock says \(real)"
        case let .eventBeforePrevious(number, at, previous):
            return "case \(number): a move dated \(at) is earlier than the matter's previous event (\(previous)); history only moves forward"
        case let .deactivated(login, on, by):
            return "\(login) was deactivated on \(on) by \(by); ask an admin to run `gridroom staff activate \(login)`"
        case let .lastActiveAdmin(login):
            return "\(login) is the last active admin; make another admin first"
        case let .backupUnsound(target, detail):
            return "backup to \(target) FAILED: the copy is not sound (\(detail)); it was removed. The source file is probably "
                + "damaged: run `gridroom check`"
        }
    }
}
