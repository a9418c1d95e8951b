/// One step of the schema: applied once, in its own transaction, recorded in `PRAGMA user_version`.
public struct Migration: Sendable {
    /// The schema version this step produces.
    public let version: Int
    /// What it adds, in a few words.
    public let name: String
    /// The SQL it runs.
    public let sql: String
    /// Runs with foreign keys off (a table rebuild); `PRAGMA foreign_key_check` must then find nothing before it commits.
    public var foreignKeysOff = false
}

/// Applies migrations on open and refuses files from a newer program.
public enum Migrator {
    /// Every migration, in order. Versions are 1, 2, 3, … without gaps.
    public static let all: [Migration] = [.v1Registry, .v2Matters, .v3Patrols, .v4Duty, .v5PatrolDays, .v6ConsoleIndexes, .v7WorkerMonths, .v8OpenMatters, .v9StaffActive, .v10DutyRoster, .v11Search,
                                          .v12CategoryFlags, .v13GridLevels]

    /// The newest schema version this program knows.
    public static var latestVersion: Int { all.last!.version }

    /// The file's schema version.
    public static func version(of db: Database) throws -> Int {
        try db.scalarInt("PRAGMA user_version")
    }

    /// Brings the file up to `target` (default: the latest), one transaction per step.
    /// A file newer than this program is refused and left untouched.
    public static func migrate(_ db: Database, to target: Int = Migrator.latestVersion) throws {
        let found = try version(of: db)
        if found > latestVersion {
            throw StoreError.schemaTooNew(found: found, supported: latestVersion, path: db.path)
        }
        guard found < target else { return }
        for step in all where step.version > found && step.version <= target {
            func apply() throws {
                try db.write {
                    // Another process may have migrated while we waited for the lock.
                    let now = try version(of: db)
                    guard now < step.version else { return }
                    guard now == step.version - 1 else {
                        throw StoreError.notGridRoom(path: db.path, reason: "schema version \(now) cannot step to \(step.version)")
                    }
                    try db.execute(step.sql)
                    if step.foreignKeysOff, let broken = try db.first("PRAGMA foreign_key_check", [], { $0.text(0) }) {
                        throw StoreError.notGridRoom(path: db.path, reason: "step \(step.version) (\(step.name)) leaves a broken reference in \(broken)")
                    }
                    try db.execute("PRAGMA user_version = \(step.version)")
                }
            }
            // PRAGMA foreign_keys is a no-op inside a transaction: set it around the step's own.
            if step.foreignKeysOff { try db.withPragmas(["foreign_keys": 0]) { try apply() } } else { try apply() }
        }
    }
}
