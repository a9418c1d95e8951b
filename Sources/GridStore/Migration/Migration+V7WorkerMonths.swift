extension Migration {
    /// Per worker and local month, the counted grid-worker reports (网格员月上报数, `WorkerReportCount`), kept in
    /// step by intake and by the moves into and out of invalid / merged. `matters` stays the truth: the local
    /// month needs the township time zone, so this step creates the table and marks it for rebuilding, which
    /// `Store.open` does on the first writable open (readers count from `matters` while it is marked).
    static let v7WorkerMonths = Migration(version: 7, name: "worker months", sql: """
    CREATE TABLE worker_months (
        month    TEXT NOT NULL,       -- township local month, YYYY-MM
        worker   TEXT NOT NULL,       -- the reporter (a worker code)
        reports  INTEGER NOT NULL CHECK (reports > 0),
        PRIMARY KEY (month, worker)   -- the board reads one month for every worker: a contiguous run
    ) WITHOUT ROWID;
    -- One row: the matters with id up to `matter_id` are in `worker_months`. Intake advances it by one with each
    -- matter it counts; a matter written by plain SQL leaves it behind, and readers then count from `matters`.
    CREATE TABLE worker_months_through (
        matter_id INTEGER NOT NULL
    );
    INSERT INTO worker_months_through(matter_id) VALUES (0);
    INSERT OR IGNORE INTO summary_rebuild(name) VALUES ('worker_months');
    """)
}
