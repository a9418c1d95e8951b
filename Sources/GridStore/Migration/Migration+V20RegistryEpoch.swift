extension Migration {
    /// A change counter per kind of data (变更计数): `registry` goes up, in the writing transaction, on every insert,
    /// update or delete of a grid or a worker (triggers, so no write path can miss it). A reader that keeps its own copy
    /// of the roster (`Store.roster()`) reads this one row to know whether its copy is still the file's.
    /// Registry writes are rare (imports, a renamed grid), so the triggers cost nothing that matters.
    static let v20RegistryEpoch = Migration(version: 20, name: "registry change counter", sql: """
    CREATE TABLE IF NOT EXISTS change_epochs (
        name  TEXT PRIMARY KEY,
        n     INTEGER NOT NULL
    ) WITHOUT ROWID;
    INSERT OR IGNORE INTO change_epochs(name, n) VALUES ('registry', 0);
    \(["grids", "workers"].flatMap { t in ["INSERT", "UPDATE", "DELETE"].map { op in
        "CREATE TRIGGER IF NOT EXISTS \(t)_\(op.lowercased())_epoch AFTER \(op) ON \(t) BEGIN UPDATE change_epochs SET n = n + 1 WHERE name = 'registry'; END;"
    } }.joined(separator: "\n"))
    """)
}
