extension Migration {
    /// Covering indexes for the console's overview counters (总览): reports by grid workers in a month read
    /// only that month's grid-worker keys, and the open-matter counters by urgency, shelving and platform read
    /// only the open-matter partial index (no table lookups on the million-row `matters`). The column of each
    /// index's WHERE is in the index too: SQLite counts a partial index as covering only then.
    static let v6ConsoleIndexes = Migration(version: 6, name: "console indexes", sql: """
    CREATE INDEX IF NOT EXISTS matters_worker_reported ON matters(reported_at, source) WHERE source = 'grid_worker';
    CREATE INDEX IF NOT EXISTS matters_open_kind ON matters(urgency, shelved, department, ended_at) WHERE ended_at IS NULL;
    """)
}
