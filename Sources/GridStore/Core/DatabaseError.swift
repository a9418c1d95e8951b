import CSQLite
import Foundation
import GridCore

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
        DatabaseError(code: SQLITE_BUSY, message: "the database stayed busy after \(attempts) attempts; another process holds a long write. Try again.",
                      sql: "BEGIN IMMEDIATE")
    }

    /// Whether this is `write` giving up on the write lock after every attempt (not a statement's own busy).
    public var isWriteLockBusy: Bool { isBusy && sql == "BEGIN IMMEDIATE" }

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
