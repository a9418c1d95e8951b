extension Migration {
    /// The duty roster (排班), hand-overs that keep what was handed over (交接), and what rang during a shift.
    ///
    /// - `shift_details`: per shift, who the roster had on duty when it began (`planned_login`; '' when nothing
    ///   was planned) and whether the starter was on it (`on_roster`), the shift it took over (`took_over`), and
    ///   the incoming officer's acknowledgement of ITS hand-over (`acknowledged_at/_by`, 接班确认). A shift from
    ///   before has no row and reads as on the roster, not taken over, not acknowledged.
    /// - `roster`: one officer and an optional deputy per township day and period.
    /// - `handover_items`: the carried-over list frozen when a shift ends (matter and reasons, e.g. `urgent,overdue`).
    /// - `shift_alerts`: every alert that rang while a shift was open, and who acknowledged it when.
    /// New tables only (no ALTER of `shifts`), so the step can run again over itself (a file set back by hand).
    static let v10DutyRoster = Migration(version: 10, name: "duty roster", sql: """
    CREATE TABLE IF NOT EXISTS shift_details (
        shift_id        INTEGER PRIMARY KEY REFERENCES shifts(id),
        planned_login   TEXT NOT NULL DEFAULT '',
        on_roster       INTEGER NOT NULL DEFAULT 1,
        took_over       INTEGER REFERENCES shifts(id),
        acknowledged_at INTEGER,
        acknowledged_by TEXT
    );
    CREATE INDEX IF NOT EXISTS shifts_ended ON shifts(ended_at) WHERE ended_at IS NOT NULL;
    CREATE TABLE IF NOT EXISTS roster (
        day        TEXT NOT NULL,
        period     TEXT NOT NULL,
        login      TEXT NOT NULL,
        deputy     TEXT,
        updated_at INTEGER NOT NULL,
        updated_by TEXT NOT NULL,
        PRIMARY KEY (day, period)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS handover_items (
        shift_id  INTEGER NOT NULL REFERENCES shifts(id),
        matter_id INTEGER NOT NULL REFERENCES matters(id),
        reasons   TEXT NOT NULL,
        PRIMARY KEY (shift_id, matter_id)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS shift_alerts (
        shift_id        INTEGER NOT NULL REFERENCES shifts(id),
        matter_id       INTEGER NOT NULL REFERENCES matters(id),
        kind            TEXT NOT NULL CHECK (kind IN ('urgent','overdue')),
        rang_at         INTEGER NOT NULL,
        acknowledged_at INTEGER,
        acknowledged_by TEXT,
        PRIMARY KEY (shift_id, matter_id, kind)
    ) WITHOUT ROWID;
    """)
}
