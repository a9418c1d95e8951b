extension Migration {
    /// Open matters counted by state, category, department, urgency and shelving (在办事项汇总), kept by triggers in
    /// the same statement as every write to `matters` — intake, moves, imports, the generator and plain SQL alike —
    /// so the overview's counters read a few hundred rows instead of every open matter. "Open" is
    /// `ended_at IS NULL`, as in the open-matter partial indexes. Rows may fall to zero; readers skip them.
    /// Also drops two indexes that are prefixes of others with the same WHERE (`matters_open_list` begins with
    /// `stage_due_at`, `matters_reporter_state` with `reporter, reported_at`): every matter write paid for them twice.
    /// The step can run again over itself (a file set back to v7 by hand): it rebuilds the table and triggers.
    static let v8OpenMatters = Migration(version: 8, name: "open matters", sql: """
    CREATE TABLE IF NOT EXISTS open_matters (
        state       TEXT NOT NULL,
        category    TEXT NOT NULL,
        department  TEXT NOT NULL,    -- '' before dispatch
        urgency     TEXT NOT NULL,
        shelved     INTEGER NOT NULL,
        n           INTEGER NOT NULL CHECK (n >= 0),
        PRIMARY KEY (state, category, department, urgency, shelved)
    ) WITHOUT ROWID;
    DELETE FROM open_matters;
    INSERT INTO open_matters(state, category, department, urgency, shelved, n)
        SELECT state, category, coalesce(department, ''), urgency, shelved, count(*) FROM matters
        WHERE ended_at IS NULL GROUP BY 1, 2, 3, 4, 5;
    DROP TRIGGER IF EXISTS open_matters_insert;
    CREATE TRIGGER open_matters_insert AFTER INSERT ON matters WHEN NEW.ended_at IS NULL BEGIN
        INSERT INTO open_matters(state, category, department, urgency, shelved, n)
            VALUES (NEW.state, NEW.category, coalesce(NEW.department, ''), NEW.urgency, NEW.shelved, 1)
            ON CONFLICT DO UPDATE SET n = n + 1;
    END;
    DROP TRIGGER IF EXISTS open_matters_delete;
    CREATE TRIGGER open_matters_delete AFTER DELETE ON matters WHEN OLD.ended_at IS NULL BEGIN
        UPDATE open_matters SET n = n - 1
            WHERE state = OLD.state AND category = OLD.category AND department = coalesce(OLD.department, '')
              AND urgency = OLD.urgency AND shelved = OLD.shelved;
    END;
    DROP TRIGGER IF EXISTS open_matters_update;
    CREATE TRIGGER open_matters_update AFTER UPDATE OF state, category, department, urgency, shelved, ended_at ON matters
    WHEN (OLD.ended_at IS NULL OR NEW.ended_at IS NULL)
     AND (OLD.ended_at IS NULL, OLD.state, OLD.category, OLD.department, OLD.urgency, OLD.shelved)
         IS NOT (NEW.ended_at IS NULL, NEW.state, NEW.category, NEW.department, NEW.urgency, NEW.shelved) BEGIN
        UPDATE open_matters SET n = n - 1
            WHERE OLD.ended_at IS NULL AND state = OLD.state AND category = OLD.category
              AND department = coalesce(OLD.department, '') AND urgency = OLD.urgency AND shelved = OLD.shelved;
        INSERT INTO open_matters(state, category, department, urgency, shelved, n)
            SELECT NEW.state, NEW.category, coalesce(NEW.department, ''), NEW.urgency, NEW.shelved, 1 WHERE NEW.ended_at IS NULL
            ON CONFLICT DO UPDATE SET n = n + 1;
    END;
    DROP INDEX IF EXISTS matters_open_due;
    DROP INDEX IF EXISTS matters_reporter;
    """)
}
