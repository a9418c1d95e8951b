extension Migration {
    /// Matters (事项), their stage clocks, the append-only history, extensions and case numbers.
    static let v2Matters = Migration(version: 2, name: "matters", sql: """
    CREATE TABLE matters (
        id               INTEGER PRIMARY KEY,
        number           TEXT NOT NULL UNIQUE,
        reported_at      INTEGER NOT NULL,
        source           TEXT NOT NULL CHECK (source IN ('grid_worker','hotline','wechat','public','walk_in','video','inspection','village_visit')),
        reporter         TEXT NOT NULL DEFAULT '',
        grid             TEXT NOT NULL REFERENCES grids(code),
        category         TEXT NOT NULL REFERENCES categories(code),
        urgency          TEXT NOT NULL CHECK (urgency IN ('urgent','normal')),
        title            TEXT NOT NULL,
        description      TEXT NOT NULL DEFAULT '',
        location         TEXT NOT NULL DEFAULT '',
        state            TEXT NOT NULL CHECK (state IN ('new','dispatched','fed_back','escalated','closed','invalid','merged')),
        shelved          INTEGER NOT NULL DEFAULT 0,
        department       TEXT REFERENCES departments(code),
        first_contact    TEXT NOT NULL,
        merged_into      INTEGER REFERENCES matters(id),
        duplicate_of     INTEGER REFERENCES matters(id),
        stage            TEXT CHECK (stage IN ('dispatch','handling','verification')),
        stage_started_at INTEGER,
        stage_due_at     INTEGER,
        near_due_at      INTEGER,
        overdue_recorded INTEGER NOT NULL DEFAULT 0,
        ever_overdue     INTEGER NOT NULL DEFAULT 0,
        handle_due_at    INTEGER,
        rework_count     INTEGER NOT NULL DEFAULT 0,
        urge_count       INTEGER NOT NULL DEFAULT 0,
        urge_yellow      INTEGER NOT NULL DEFAULT 0,
        urge_red         INTEGER NOT NULL DEFAULT 0,
        extension_count  INTEGER NOT NULL DEFAULT 0,
        first_report     INTEGER NOT NULL DEFAULT 0,
        ended_at         INTEGER,
        version          INTEGER NOT NULL DEFAULT 1,
        created_at       INTEGER NOT NULL,
        updated_at       INTEGER NOT NULL,
        updated_by       TEXT NOT NULL,
        import_key       TEXT UNIQUE
    );
    CREATE INDEX matters_open_due   ON matters(stage_due_at) WHERE ended_at IS NULL;
    CREATE INDEX matters_overdue_pending ON matters(stage_due_at) WHERE ended_at IS NULL AND overdue_recorded = 0;
    CREATE INDEX matters_open_near  ON matters(near_due_at) WHERE ended_at IS NULL;
    CREATE INDEX matters_shelved    ON matters(id) WHERE shelved = 1 AND ended_at IS NULL;
    CREATE INDEX matters_department ON matters(department);
    CREATE INDEX matters_merged     ON matters(merged_into) WHERE merged_into IS NOT NULL;
    CREATE INDEX matters_open_state ON matters(state, category, department) WHERE ended_at IS NULL;
    CREATE INDEX matters_reporter   ON matters(reporter, reported_at) WHERE source = 'grid_worker';
    CREATE INDEX matters_grid_time  ON matters(grid, reported_at);
    CREATE INDEX matters_dup        ON matters(category, grid, reported_at);
    CREATE INDEX matters_handle_due ON matters(handle_due_at);
    CREATE INDEX matters_reported   ON matters(reported_at);

    CREATE TABLE stages (
        id              INTEGER PRIMARY KEY,
        matter_id       INTEGER NOT NULL REFERENCES matters(id),
        stage           TEXT NOT NULL CHECK (stage IN ('dispatch','handling','verification')),
        time_limit      TEXT NOT NULL,
        started_at      INTEGER NOT NULL,
        due_at          INTEGER NOT NULL,
        original_due_at INTEGER NOT NULL,
        finished_at     INTEGER,
        overdue         INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX stages_matter ON stages(matter_id, id);

    CREATE TABLE events (
        id            INTEGER PRIMARY KEY,
        matter_id     INTEGER NOT NULL REFERENCES matters(id),
        at            INTEGER NOT NULL,
        kind          TEXT NOT NULL,
        from_state    TEXT,
        to_state      TEXT,
        actor         TEXT NOT NULL,
        note          TEXT NOT NULL DEFAULT '',
        stage         TEXT,
        stage_seconds INTEGER,
        department    TEXT,
        level         TEXT
    );
    CREATE INDEX events_matter ON events(matter_id, id);
    CREATE INDEX events_at     ON events(at);
    CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
    CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;

    CREATE TABLE extensions (
        id           INTEGER PRIMARY KEY,
        matter_id    INTEGER NOT NULL REFERENCES matters(id),
        requested_at INTEGER NOT NULL,
        requested_by TEXT NOT NULL,
        days         INTEGER NOT NULL CHECK (days > 0),
        reason       TEXT NOT NULL,
        state        TEXT NOT NULL CHECK (state IN ('pending','approved','refused')),
        decided_by   TEXT,
        decided_at   INTEGER,
        old_due_at   INTEGER,
        new_due_at   INTEGER
    );
    CREATE INDEX extensions_matter ON extensions(matter_id, state);

    CREATE TABLE matter_numbers (
        day  TEXT PRIMARY KEY,
        last INTEGER NOT NULL
    ) WITHOUT ROWID;
    """)
}
