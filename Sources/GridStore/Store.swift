import CSQLite
import Foundation
import GridCore

/// The one shared storage module's front door: a migrated connection plus the township's settings.
///
/// Console, CLI and importers all write through a `Store`; it is the only place with SQL.
public final class Store {
    /// The connection: internal, so that every read and write goes through a `Store` method (tests reach it
    /// with `@testable import GridStore`).
    let db: Database
    /// The township's time zone (set at init).
    public let zone: TownshipZone
    /// Live (正式) or rehearsal (演练), chosen at init: on a live file writes take the real clock.
    public let mode: FileMode
    /// This connection's copy of the compliance roster (`roster()`), kept while the registry is unchanged.
    var rosterCopy: RosterCopy?
    /// Whether this is a rehearsal (演练) file, where writes may run on a fixed clock (shown on the console's status line).
    public var isRehearsal: Bool { mode == .rehearsal }

    init(db: Database) throws {
        self.db = db
        let tzName = try db.first("SELECT value FROM settings WHERE key = 'timezone'") { $0.text(0) } ?? "Asia/Shanghai"
        guard let zone = TownshipZone(identifier: tzName) else {
            throw StoreError.unknownStoredValue(table: "settings", column: "timezone", value: tzName)
        }
        self.zone = zone
        let modeText = try db.first("SELECT value FROM settings WHERE key = ?", [.text(Store.fileModeKey)]) { $0.text(0) }
        // A file made before modes existed is the command room's real record: live.
        guard let mode = FileMode(rawValue: modeText ?? FileMode.live.rawValue) else {
            throw StoreError.unknownStoredValue(table: "settings", column: Store.fileModeKey, value: modeText ?? "")
        }
        self.mode = mode
    }

    /// Opens an existing GridRoom file, applying pending migrations.
    ///
    /// The file opens read-only when `readOnly` is asked for (`--read-only`), or when the file or its
    /// directory is not writable for this user; reads then work and every write is refused with a
    /// message naming the reason (never a crash). A file this user may not read at all is reported as such.
    /// Before anything that could write (journal mode, migrations) the file is identified on a read-only
    /// connection: another program's file, or an empty one, is refused and left byte for byte as it was.
    /// A file that `gridroom check` found damaged opens read-only until a check passes again.
    public static func open(path: String, readOnly: Bool = false) throws -> Store {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.missing(path: path) }
        guard access(path, R_OK) == 0 else {
            throw StoreError.permissionDenied(path: path)
        }
        let identity: FileIdentity
        do {
            let (probe, _) = try openChecked(path: path, readOnly: true)
            identity = try Store.identity(of: probe)
        } catch let e as DatabaseError {
            throw openFailure(e, path: path)
        }
        let found: Int
        switch identity {
        case .foreign(let why): throw StoreError.notGridRoom(path: path, reason: why)
        case .gridRoom(let v), .earlierGridRoom(let v): found = v
        }
        if found > Migrator.latestVersion {
            throw StoreError.schemaTooNew(found: found, supported: Migrator.latestVersion, path: path)
        }
        let dir = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        let reason: ReadOnlyReason?
        if readOnly { reason = .asked }
        else if let problem = damageNote(path: path) { reason = .damaged(problem: problem, marker: damageMarkerPath(path)) }
        else if access(path, W_OK) != 0 { reason = .fileNotWritable(String(cString: strerror(errno))) }
        else if access(dir, W_OK) != 0 { reason = .directoryNotWritable(dir, String(cString: strerror(errno))) }
        else { reason = nil }
        let writable = reason == nil
        let db: Database
        let version: Int
        do {
            (db, version) = try openChecked(path: path, readOnly: !writable)
        } catch let e as DatabaseError {
            throw openFailure(e, path: path)
        }
        db.readOnlyReason = reason
        if version < Migrator.latestVersion {
            guard writable else {
                throw StoreError.upgradeNeedsWrite(path: path, version: version, reason: reason ?? .connection)
            }
            try Migrator.migrate(db)
        }
        if writable, case .earlierGridRoom = identity { try stamp(db) }
        let store = try Store(db: db)
        try store.restoreDroppedIndexes()
        try store.restoreSearchIndex()
        // A summary marked stale (fresh from the migration, or a rebuild cut short) is rebuilt on a writable open.
        if writable, try store.patrolDaysStale() { try store.rebuildPatrolDays() }
        if writable, try store.workerMonthsStale() { try store.rebuildWorkerMonths() }
        return store
    }

    /// Opens the connection and reads the schema version. A read-only WAL file whose directory does not let
    /// this user create the shared-memory index (`-shm`) cannot be read the usual way. When there is no index
    /// and no write-ahead log with content, no process has the file open for writing (a writer always keeps an
    /// index), so the main file is complete and is read as an immutable file. Otherwise the message says which
    /// companion file this user cannot read.
    private static func openChecked(path: String, readOnly: Bool) throws -> (Database, Int) {
        do {
            let db = try Database(path: path, create: false, readOnly: readOnly)
            return (db, try Migrator.version(of: db))
        } catch let e as DatabaseError where readOnly && (e.primaryCode == SQLITE_CANTOPEN || e.primaryCode == SQLITE_READONLY) {
            let wal = path + "-wal", shm = path + "-shm"
            let walSize = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? NSNumber)?.intValue
            guard (walSize == nil || walSize == 0) && !FileManager.default.fileExists(atPath: shm) else {
                throw DatabaseError(code: e.code, message: "cannot use \(shm) and \(wal), the write-ahead log and its index kept by "
                                    + "another user's process; this user needs read and write access to them and to the directory "
                                    + "(the shared group; see Docs/reliability.md)")
            }
            let db = try Database(path: path, create: false, readOnly: true, immutable: true)
            return (db, try Migrator.version(of: db))
        }
    }

    /// Creates a new file (mode 0660), stamps it as GridRoom's (`applicationID`), applies every migration,
    /// records the time zone and the file mode (live 正式 or rehearsal 演练) and makes `admin` its admin.
    /// The mode defaults to rehearsal for callers inside tests and tools; `gridroom init` always names it.
    public static func create(path: String, zone: TownshipZone, admin: Staff, now: Date, mode: FileMode = .rehearsal) throws -> Store {
        try TextSafety.check(admin.name, .singleLine("name"))
        if FileManager.default.fileExists(atPath: path) {
            throw StoreError.fileExists(path: path)
        }
        // Owner and group only: the command room shares the file through a group.
        let fd = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY, 0o660)
        guard fd >= 0 else {
            throw StoreError.fileSystem(path: path, operation: "create", reason: String(cString: strerror(errno)))
        }
        fchmod(fd, 0o660)
        close(fd)
        let db = try Database(path: path)
        try stamp(db)
        try Migrator.migrate(db)
        try db.write {
            try db.run("INSERT OR REPLACE INTO settings(key, value) VALUES ('timezone', ?)", [.text(zone.identifier)])
            try db.run("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)", [.text(Store.fileModeKey), .text(mode.rawValue)])
            try db.run("INSERT INTO staff(login, name, role, active, created_at) VALUES (?, ?, ?, 1, ?)",
                       [.text(admin.login), .text(admin.name), .text(admin.role.rawValue), .of(now)])
            try db.run("INSERT INTO audit(at, actor, action, target, allowed, detail) VALUES (?, ?, 'init', ?, 1, ?)",
                       [.of(now), .text(admin.login), .text(path), .text("time zone \(zone.identifier); \(mode.rawValue) file")])
            try db.run("DELETE FROM summary_rebuild")  // nothing to summarise yet
            try db.run("DELETE FROM settings WHERE key = ?", [.text(Store.searchSuspendedKey)])  // nor to index
        }
        return try Store(db: db)
    }

    /// The schema version of the open file.
    public var schemaVersion: Int { (try? Migrator.version(of: db)) ?? 0 }

    /// Whether the file is open read-only.
    public var isReadOnly: Bool { db.isReadOnly }

    /// The file's path.
    public var path: String { db.path }

    /// Why the file is open read-only (nil when writable).
    public var readOnlyReason: ReadOnlyReason? { db.readOnlyReason }

    /// Keeps up to `limit` prepared statements on this store's connection, for a long-lived process that
    /// runs the same reads again and again (the console): see `Database.keepStatements(limit:)`.
    public func keepStatements(limit: Int = 256) { db.keepStatements(limit: limit) }

    /// `PRAGMA data_version`: changes when another connection commits (the console polls it to reload).
    public func dataVersion() throws -> Int { try db.dataVersion() }

    /// Runs `body` in one write transaction (a savepoint inside another write). On a file open read-only it
    /// is refused before anything runs (`StoreError.readOnly`, with the reason); when the write lock stays
    /// taken through every attempt it is `StoreError.busy`, worded for people by each front end.
    @discardableResult
    func write<T>(_ body: () throws -> T) throws -> T {
        if db.isReadOnly { throw StoreError.readOnly(path: db.path, reason: db.readOnlyReason ?? .connection) }
        do {
            return try db.write(body)
        } catch let e as DatabaseError where e.isWriteLockBusy && !db.inTransaction {
            throw StoreError.busy(attempts: Database.writeAttempts)
        }
    }
}
