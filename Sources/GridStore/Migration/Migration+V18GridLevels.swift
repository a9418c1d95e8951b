extension Migration {
    /// Four grid levels and the people answering for a grid: `grids.level` may be `community` (三级网格, between
    /// an area and its basic grids), and each grid may name its head (网格长) and instructor (网格指导员), a staff
    /// login or a worker code. SQLite cannot change a CHECK in place, so the table is rebuilt (the documented
    /// twelve-step way, foreign keys off for the step and checked before it commits); every row reads the same.
    static let v18GridLevels = Migration(version: 18, name: "grid levels and heads", sql: """
    CREATE TABLE grids_new (
        code       TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        level      TEXT NOT NULL CHECK (level IN ('township','area','community','basic')),
        parent     TEXT REFERENCES grids(code),
        map_row    INTEGER,
        map_col    INTEGER,
        head       TEXT,
        instructor TEXT
    ) WITHOUT ROWID;
    INSERT INTO grids_new(code, name, level, parent, map_row, map_col) SELECT code, name, level, parent, map_row, map_col FROM grids;
    DROP TABLE grids;
    ALTER TABLE grids_new RENAME TO grids;
    CREATE INDEX grids_parent ON grids(parent);
    CREATE INDEX grids_head ON grids(head) WHERE head IS NOT NULL;
    """, foreignKeysOff: true)
}
