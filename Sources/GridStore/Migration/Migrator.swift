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
    /// Whether the SQL edits the stored schema text (writable_schema): the step then bumps the schema cookie so
    /// that every other open connection reloads the schema.
    public var rewritesSchema = false
    /// Columns the step adds before its SQL runs, each only when the table lacks it: SQLite has no
    /// `ADD COLUMN IF NOT EXISTS`, and a step must be able to run again over itself (a file set back by hand).
    public var addsColumns: [AddedColumn] = []
}

/// One column a migration adds: `ALTER TABLE table ADD COLUMN name definition`.
public struct AddedColumn: Sendable {
    /// The table.
    public let table: String
    /// The column's name.
    public let name: String
    /// Its type and constraints, e.g. `INTEGER NOT NULL DEFAULT 0`.
    public let definition: String
    /// Creates one.
    public init(_ table: String, _ name: String, _ definition: String) { self.table = table; self.name = name; self.definition = definition }
}

/// Applies migrations on open and refuses files from a newer program.
public enum Migrator {
    /// Every migration, in order. Versions are 1, 2, 3, … without gaps.
    public static let all: [Migration] = [.v1Registry, .v2Matters, .v3Patrols, .v4Duty, .v5PatrolDays, .v6ConsoleIndexes, .v7WorkerMonths, .v8OpenMatters, .v9StaffActive,
                                          .v10DutyRoster, .v11Search, .v12DistrictStage, .v13SignFor, .v14FollowUp, .v15Disputes, .v16MajorMatters,
                                          .v17CategoryFlags, .v18GridLevels, .v19PatrolMonths, .v20RegistryEpoch]

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
                    for c in step.addsColumns {
                        let has = try db.scalarInt("SELECT count(*) FROM pragma_table_info(?) WHERE name = ?", [.text(c.table), .text(c.name)]) > 0
                        if !has { try db.execute("ALTER TABLE \(c.table) ADD COLUMN \(c.name) \(c.definition)") }
                    }
                    try db.execute(step.sql)
                    if step.foreignKeysOff, let broken = try db.first("PRAGMA foreign_key_check", [], { $0.text(0) }) {
                        throw StoreError.notGridRoom(path: db.path, reason: "step \(step.version) (\(step.name)) leaves a broken reference in \(broken)")
                    }
                    if step.rewritesSchema {
                        let cookie = try db.scalarInt("PRAGMA schema_version")
                        try db.execute("PRAGMA schema_version = \(cookie + 1)")
                    }
                    try db.execute("PRAGMA user_version = \(step.version)")
                }
            }
            // PRAGMA foreign_keys is a no-op inside a transaction: set it around the step's own.
            if step.foreignKeysOff { try db.withPragmas(["foreign_keys": 0]) { try apply() } } else { try apply() }
        }
    }
}
