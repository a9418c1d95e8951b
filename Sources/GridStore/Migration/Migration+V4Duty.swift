extension Migration {
    /// Duty shifts (值班) and their handover notes.
    static let v4Duty = Migration(version: 4, name: "duty", sql: """
    CREATE TABLE shifts (
        id            INTEGER PRIMARY KEY,
        login         TEXT NOT NULL,
        started_at    INTEGER NOT NULL,
        ended_at      INTEGER,
        handover_note TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX shifts_open ON shifts(started_at) WHERE ended_at IS NULL;
    """)
}
