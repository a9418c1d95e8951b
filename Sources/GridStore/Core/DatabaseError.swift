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
    /// The file is damaged (SQLITE_CORRUPT, or `integrity_check` found problems; SQLite's reason); writes are refused.
    case damaged(path: String, reason: String)
    /// The file could not be opened for a reason other than not being GridRoom's (`sqlite`: SQLite's message).
    case cannotOpen(path: String, problem: OpenProblem, sqlite: String)
    /// A fixed clock (`--now`/`GRIDROOM_NOW`) was given to `command` (e.g. `case feedback`), which writes, on a live (正式) file.
    case fixedClockOnLiveFile(path: String, command: String)
    /// On a live (正式) file a write dated `given` is refused: the operating system's clock said `real`.
    case clockDisagrees(path: String, given: Date, real: Date)
    /// A new event of a matter dated `at` would come before that matter's previous event, dated `previous`.
    case eventBeforePrevious(number: String, at: Date, previous: Date)
    /// The staff member was switched off (停用) on the township-local day `on` by the admin `by` (nil: not recorded).
    case deactivated(login: String, on: LocalDate?, by: String?)
    /// The change would leave the file without an active admin (demotion or deactivation of the last one).
    case lastAdmin(login: String)
    /// A backup's copy failed its integrity check (the first problems); the copy was removed.
    case backupUnsound(target: String, problems: [String])
    /// `command` writes synthetic or test data and runs on rehearsal (演练) files only.
    case rehearsalOnly(path: String, command: String)
    /// The staff member is already active (`active` true) or already switched off.
    case staffAlready(login: String, active: Bool)

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
        case let .damaged(path, reason):
            return "\(path): the database file is damaged (\(reason)); the command stopped and further writes are refused. "
                + "Run `gridroom check`, and restore the latest copy that `gridroom backup` verified (see Docs/reliability.md)"
        case let .cannotOpen(path, problem, sqlite):
            return "\(path): cannot open the database: \(problem.words) (SQLite: \(sqlite))"
        case let .fixedClockOnLiveFile(path, command):
            return "\(path) is a live (正式) file: `gridroom \(command)` writes, and writes take the real clock; --now / GRIDROOM_NOW "
                + "may only be used to read \"as of\" a time (rehearsal files are made with `gridroom init --rehearsal`)"
        case let .clockDisagrees(path, given, real):
            return "\(path) is a live (正式) file: a write dated \(ISOTime.format(given, zone: .shanghai)) is refused; the real clock says "
                + ISOTime.format(real, zone: .shanghai)
        case let .eventBeforePrevious(number, at, previous):
            return "case \(number): a move dated \(ISOTime.format(at, zone: .shanghai)) is earlier than the matter's previous event "
                + "(\(ISOTime.format(previous, zone: .shanghai))); history only moves forward"
        case let .deactivated(login, on, by):
            return "\(login) was deactivated on \(on?.description ?? "an unknown date") by \(by ?? "an unknown admin"); "
                + "ask an admin to run `gridroom staff activate \(login)`"
        case let .lastAdmin(login):
            return "\(login) is the last active admin; make another admin first"
        case let .backupUnsound(target, problems):
            return "backup to \(target) FAILED: the copy is not sound (\(problems.joined(separator: "; "))); it was removed. "
                + "The source file is probably damaged: run `gridroom check`"
        case let .rehearsalOnly(path, command):
            return "\(path) is a live (正式) file: `gridroom \(command)` writes test or synthetic data and runs on rehearsal (演练) files "
                + "only (`gridroom init --rehearsal` or `init --demo`)"
        case let .staffAlready(login, active):
            return active ? "\(login) is already active" : "\(login) is already deactivated"
        }
    }
}

/// Why a file could not be opened, when it is not for being another program's (打开失败原因).
public enum OpenProblem: Sendable, Equatable {
    /// The disk holding the file is full (`freeKiB` left).
    case diskFull(freeKiB: Int)
    /// The operating system refused access.
    case permission
    /// Another process holds a lock on the file.
    case locked
    /// The file or its directory is read-only.
    case readOnly
    /// SQLite could not open the file (a missing directory, too many open files).
    case cannotOpen
    /// A disk I/O error.
    case ioError

    /// In words.
    public var words: String {
        switch self {
        case .diskFull(let kib): "the disk holding it is full (\(kib) KiB free)"
        case .permission: "permission denied"
        case .locked: "another process holds a lock on the file"
        case .readOnly: "the file or its directory is read-only"
        case .cannotOpen: "the file cannot be opened"
        case .ioError: "a disk I/O error"
        }
    }
}
