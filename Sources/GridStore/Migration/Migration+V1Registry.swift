extension Migration {
    /// The township registry, staff, settings, calendar overrides, import log and audit trail.
    /// Instants are INTEGER seconds since 1970-01-01 UTC throughout the schema.
    static let v1Registry = Migration(version: 1, name: "registry", sql: """
    CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE grids (
        code    TEXT PRIMARY KEY,
        name    TEXT NOT NULL,
        level   TEXT NOT NULL CHECK (level IN ('township','area','basic')),
        parent  TEXT REFERENCES grids(code),
        map_row INTEGER,
        map_col INTEGER
    ) WITHOUT ROWID;
    CREATE INDEX grids_parent ON grids(parent);

    CREATE TABLE departments (
        code     TEXT PRIMARY KEY,
        name     TEXT NOT NULL,
        platform TEXT NOT NULL CHECK (platform IN ('public_order','market','enforcement','services','district'))
    ) WITHOUT ROWID;

    CREATE TABLE workers (
        code    TEXT PRIMARY KEY,
        name    TEXT NOT NULL,
        phone   TEXT NOT NULL,
        kind    TEXT NOT NULL CHECK (kind IN ('full','part')),
        grid    TEXT NOT NULL REFERENCES grids(code),
        partner TEXT REFERENCES workers(code) DEFERRABLE INITIALLY DEFERRED
    ) WITHOUT ROWID;
    CREATE INDEX workers_grid ON workers(grid);

    CREATE TABLE categories (
        code           TEXT PRIMARY KEY,
        name           TEXT NOT NULL,
        major          TEXT NOT NULL,
        department     TEXT NOT NULL REFERENCES departments(code),
        urgency        TEXT NOT NULL CHECK (urgency IN ('urgent','normal')),
        dispatch_limit TEXT NOT NULL,
        handle_limit   TEXT NOT NULL,
        verify_limit   TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE staff (
        login      TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        role       TEXT NOT NULL CHECK (role IN ('operator','duty_officer','supervisor','admin')),
        active     INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE calendar_days (
        date    TEXT PRIMARY KEY,
        workday INTEGER NOT NULL CHECK (workday IN (0,1)),
        name    TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE import_log (
        id            INTEGER PRIMARY KEY,
        kind          TEXT NOT NULL,
        file_name     TEXT NOT NULL,
        content_hash  TEXT NOT NULL,
        rows_total    INTEGER NOT NULL DEFAULT 0,
        rows_written  INTEGER NOT NULL DEFAULT 0,
        rows_rejected INTEGER NOT NULL DEFAULT 0,
        actor         TEXT NOT NULL,
        started_at    INTEGER NOT NULL,
        finished_at   INTEGER,
        complete      INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE audit (
        id      INTEGER PRIMARY KEY,
        at      INTEGER NOT NULL,
        actor   TEXT NOT NULL,
        action  TEXT NOT NULL,
        target  TEXT NOT NULL DEFAULT '',
        allowed INTEGER NOT NULL,
        detail  TEXT NOT NULL DEFAULT ''
    );
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    """)
}
