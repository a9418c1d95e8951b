import CSQLite
import Foundation

/// What a file at a `--db` path is, read without writing a byte to it.
///
/// GridRoom files carry `PRAGMA application_id` = `Store.applicationID` from `init` on. Files made by
/// GridRoom before the stamp existed have application_id 0 but GridRoom's own tables and a known
/// `user_version`; they are recognised by their schema and stamped on their next writable open.
/// Anything else — another program's SQLite file, an empty file — is refused before any PRAGMA that
/// writes (journal mode, migrations), so it stays the same byte for byte.
enum FileIdentity: Equatable {
    /// A stamped GridRoom file at this schema version.
    case gridRoom(version: Int)
    /// An unstamped file of an earlier GridRoom (recognised by its tables) at this schema version.
    case earlierGridRoom(version: Int)
    /// Not a GridRoom file: the reason, in words.
    case foreign(String)
}

extension Store {
    /// `PRAGMA application_id` of every GridRoom file: 'GRM1'.
    public static let applicationID: Int32 = 0x4752_4D31

    /// Tables every GridRoom schema since version 1 has (the registry migration's).
    static let version1Tables: Set<String> = ["settings", "grids", "departments", "workers", "categories", "staff", "audit"]

    /// Reads the identity of an open (read-only) connection: application id, schema version and table names.
    static func identity(of db: Database) throws -> FileIdentity {
        let appID = try db.scalarInt("PRAGMA application_id")
        let version = try db.scalarInt("PRAGMA user_version")
        if appID == Int(applicationID) { return .gridRoom(version: version) }
        if appID != 0 {
            return .foreign(String(format: "application_id 0x%08X belongs to another program", UInt32(truncatingIfNeeded: appID)))
        }
        let tables = Set(try db.query("SELECT name FROM sqlite_master WHERE type = 'table'") { $0.text(0) })
        if tables.isEmpty && version == 0 {
            return .foreign("an empty file with no tables; create a GridRoom file with `gridroom init`")
        }
        let hasMatters = version < 2 || tables.contains("matters")
        guard (1...Migrator.latestVersion).contains(version), version1Tables.isSubset(of: tables), hasMatters else {
            return .foreign("no GridRoom schema (user_version \(version), \(tables.count) tables that are not GridRoom's); the file was not changed")
        }
        return .earlierGridRoom(version: version)
    }

    /// Stamps an earlier GridRoom's file with the application id (inside the caller's write or its own).
    static func stamp(_ db: Database) throws {
        try db.write { try db.execute("PRAGMA application_id = \(applicationID)") }
    }

    /// The real cause of a failure to open: disk full, permission, lock, I/O or damage.
    static func openFailure(_ e: DatabaseError, path: String) -> StoreError {
        if e.primaryCode == SQLITE_CORRUPT { return .damaged(path: path, reason: e.message) }
        if e.primaryCode == SQLITE_NOTADB { return .notGridRoom(path: path, reason: "not an SQLite database; the file was not changed") }
        // An I/O error or a refusal to create the log on a disk with (almost) no room left is the full disk.
        if let free = freeBytes(near: path), free < 1 << 20,
           [SQLITE_FULL, SQLITE_IOERR, SQLITE_CANTOPEN].contains(e.primaryCode) {
            return .cannotOpen(path: path, problem: .diskFull(freeKiB: free / 1024), sqlite: e.message)
        }
        let problem: OpenProblem
        switch e.primaryCode {
        case SQLITE_FULL: problem = .diskFull(freeKiB: (freeBytes(near: path) ?? 0) / 1024)
        case SQLITE_PERM, SQLITE_AUTH: problem = .permission
        case SQLITE_BUSY, SQLITE_LOCKED: problem = .locked
        case SQLITE_READONLY: problem = .readOnly
        case SQLITE_CANTOPEN: problem = .cannotOpen
        default: problem = .ioError
        }
        return .cannotOpen(path: path, problem: problem, sqlite: e.message)
    }

    /// Free bytes on the file system holding `path`, if it can be asked.
    static func freeBytes(near path: String) -> Int? {
        var st = statvfs()
        let dir = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        guard statvfs(dir, &st) == 0 else { return nil }
        return Int(st.f_bavail) * Int(st.f_frsize)
    }
}
