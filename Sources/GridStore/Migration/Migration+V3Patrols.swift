extension Migration {
    /// Patrol sessions (巡查记录): a worker in a basic grid from start to end (end NULL while under way).
    static let v3Patrols = Migration(version: 3, name: "patrols", sql: """
    CREATE TABLE patrols (
        id           INTEGER PRIMARY KEY,
        worker       TEXT NOT NULL REFERENCES workers(code),
        grid         TEXT NOT NULL REFERENCES grids(code),
        start_at     INTEGER NOT NULL,
        end_at       INTEGER CHECK (end_at IS NULL OR end_at >= start_at),
        suspect      INTEGER NOT NULL DEFAULT 0,
        confirmed_by TEXT,
        confirmed_at INTEGER,
        source       TEXT NOT NULL DEFAULT 'cli',
        import_key   TEXT UNIQUE,
        created_at   INTEGER NOT NULL,
        created_by   TEXT NOT NULL
    );
    -- Covering for the compliance board: per basic grid, a range on start_at, no table lookups.
    CREATE INDEX patrols_grid_start   ON patrols(grid, start_at, end_at, worker, confirmed_at);
    CREATE INDEX patrols_worker_start ON patrols(worker, start_at);
    CREATE INDEX patrols_open         ON patrols(worker, grid) WHERE end_at IS NULL;
    -- The few sessions that may count although they began more than the suspect limit before a window:
    -- confirmed long ones (confirm sets suspect = 1) and those still open. Keyed by end_at (NULLs first) so a
    -- window reads only those still open or ending after it begins; covering.
    CREATE INDEX patrols_long         ON patrols(end_at, start_at, grid, worker, confirmed_by, confirmed_at, suspect)
        WHERE suspect = 1 OR end_at IS NULL;
    -- Each grid worker's counted reports in a month without touching the matters table (covering; the
    -- state is read from the index). Lives here, with the compliance queries that use it.
    CREATE INDEX matters_reporter_state ON matters(reporter, reported_at, state, source) WHERE source = 'grid_worker';
    """)
}
