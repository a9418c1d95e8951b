import Foundation
import GridCore

/// The one shared storage module's front door: a migrated connection plus the township's settings.
///
/// Console, CLI and importers all write through a `Store`; it is the only place with SQL.
public final class Store {
    /// The connection.
    public let db: Database
    /// The township's time zone (set at init).
    public let zone: TownshipZone

    init(db: Database) throws {
        self.db = db
        let tzName = try db.first("SELECT value FROM settings WHERE key = 'timezone'") { $0.text(0) } ?? "Asia/Shanghai"
        guard let zone = TownshipZone(identifier: tzName) else {
            throw StoreError.invalid("\(db.path): unknown time zone \(tzName) in settings")
        }
        self.zone = zone
    }

    /// Opens an existing GridRoom file, applying pending migrations. Read-only files open read-only.
    public static func open(path: String) throws -> Store {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.missing(path: path) }
        let writable = FileManager.default.isWritableFile(atPath: path)
            && FileManager.default.isWritableFile(atPath: (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent)
        let db: Database
        do {
            db = try Database(path: path, create: false, readOnly: !writable)
        } catch {
            throw StoreError.notGridRoom(path: path, reason: error.message)
        }
        let version: Int
        do { version = try Migrator.version(of: db) } catch let e as DatabaseError {
            throw StoreError.notGridRoom(path: path, reason: e.message)
        }
        if version == 0 { throw StoreError.notGridRoom(path: path, reason: "no GridRoom schema; run `gridroom init`") }
        if version > Migrator.latestVersion {
            throw StoreError.schemaTooNew(found: version, supported: Migrator.latestVersion, path: path)
        }
        if version < Migrator.latestVersion {
            guard writable else {
                throw StoreError.invalid("\(path): schema version \(version) needs upgrading but the file is read-only")
            }
            try Migrator.migrate(db)
        }
        let store = try Store(db: db)
        try store.restoreDroppedIndexes()
        // A summary marked stale (fresh from the migration, or a rebuild cut short) is rebuilt on a writable open.
        if writable, try store.patrolDaysStale() { try store.rebuildPatrolDays() }
        return store
    }

    /// Creates a new file (mode 0660), applies every migration, records the time zone and makes `admin` its admin.
    public static func create(path: String, zone: TownshipZone, admin: Staff, now: Date) throws -> Store {
        if FileManager.default.fileExists(atPath: path) {
            throw StoreError.invalid("\(path) already exists; remove it first or use another --db")
        }
        // Owner and group only: the command room shares the file through a group.
        let fd = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY, 0o660)
        guard fd >= 0 else {
            throw StoreError.invalid("\(path): cannot create (\(String(cString: strerror(errno))))")
        }
        fchmod(fd, 0o660)
        close(fd)
        let db = try Database(path: path)
        try Migrator.migrate(db)
        try db.write {
            try db.run("INSERT OR REPLACE INTO settings(key, value) VALUES ('timezone', ?)", [.text(zone.identifier)])
            try db.run("INSERT INTO staff(login, name, role, active, created_at) VALUES (?, ?, ?, 1, ?)",
                       [.text(admin.login), .text(admin.name), .text(admin.role.rawValue), .of(now)])
            try db.run("INSERT INTO audit(at, actor, action, target, allowed, detail) VALUES (?, ?, 'init', ?, 1, ?)",
                       [.of(now), .text(admin.login), .text(path), .text("time zone \(zone.identifier)")])
            try db.run("DELETE FROM summary_rebuild")  // nothing to summarise yet
        }
        return try Store(db: db)
    }

    /// The schema version of the open file.
    public var schemaVersion: Int { (try? Migrator.version(of: db)) ?? 0 }

    /// Whether the file is open read-only.
    public var isReadOnly: Bool { db.isReadOnly }
}
