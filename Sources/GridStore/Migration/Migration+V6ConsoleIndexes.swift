extension Migration {
    /// Covering indexes for the console's overview counters (总览): reports by grid workers in a month (in all,
    /// and per worker for the compliance board) read only that month's grid-worker keys, and the open-matter counters by urgency, shelving and platform read
    /// only the open-matter partial index (no table lookups on the million-row `matters`). The column of each
    /// index's WHERE is in the index too: SQLite counts a partial index as covering only then. `matters_open_list`
    /// lets the matter list and the overdue screen sort and count open matters without touching the table.
    static let v6ConsoleIndexes = Migration(version: 6, name: "console indexes", sql: """
    CREATE INDEX IF NOT EXISTS matters_worker_reported ON matters(reported_at, source, reporter, state) WHERE source = 'grid_worker';
    CREATE INDEX IF NOT EXISTS matters_open_kind ON matters(urgency, shelved, department, ended_at) WHERE ended_at IS NULL;
    -- The open-matter list (案件, 超期): every column its filters, sorts and due counters read, so a page is
    -- sorted from this index alone and only the rows shown are read from the table.
    CREATE INDEX IF NOT EXISTS matters_open_list ON matters(stage_due_at, near_due_at, number, urgency, state, grid, category,
                                                            department, shelved, ended_at) WHERE ended_at IS NULL;
    """)
}
