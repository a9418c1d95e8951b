extension Migration {
    /// The month board's index on `patrol_days`; a full rebuild drops it and creates it again at the end
    /// (a sorted build: packed and contiguous, where a grid-by-grid refill would scatter it).
    static let patrolDaysDayIndex = "CREATE INDEX IF NOT EXISTS patrol_days_day ON patrol_days(day, grid, counted_seconds)"

    /// Per grid and local day, the counted patrol time of closed sessions (巡查日汇总), kept in step by every
    /// patrol write. The rows are recomputed from `patrols`, which stays the truth: this step only creates the
    /// table and marks it for rebuilding, which `Store.open` does (in chunks) on the first writable open.
    static let v5PatrolDays = Migration(version: 5, name: "patrol days", sql: """
    CREATE TABLE patrol_days (
        grid            TEXT NOT NULL,
        day             TEXT NOT NULL,       -- township local day, YYYY-MM-DD
        counted_seconds INTEGER NOT NULL CHECK (counted_seconds > 0 AND counted_seconds <= 90000),
        PRIMARY KEY (grid, day)
    ) WITHOUT ROWID;
    -- The month board reads a run of days for every grid: keyed by day, the run is contiguous (covering).
    \(Migration.patrolDaysDayIndex);
    -- Maintained summaries that must be recomputed before they are read (a row = stale); readers fall back
    -- to computing from the sources while one is listed.
    CREATE TABLE summary_rebuild (
        name  TEXT PRIMARY KEY
    ) WITHOUT ROWID;
    INSERT INTO summary_rebuild(name) VALUES ('patrol_days');
    """)
}
