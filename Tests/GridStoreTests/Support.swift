// The shared fixtures, dumps and harnesses (Tests/GridTestSupport), visible to every file of this target.
@_exported import GridTestSupport
import GridStore

/// A new file at the schema just before `migration`, with the township's time zone and an admin: an older file
/// for an upgrade test to fill and open.
func databaseBefore(_ migration: Migration, at path: String) throws -> Database {
    let before = Migrator.all.first { $0.name == migration.name }!.version - 1
    let db = try Database(path: path)
    try Migrator.migrate(db, to: before)
    try db.run("INSERT INTO settings(key, value) VALUES ('timezone', 'Asia/Shanghai')")
    try db.run("INSERT INTO staff(login, name, role, created_at) VALUES ('root', 'r', 'admin', 0)")
    return db
}
