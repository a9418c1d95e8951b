extension Migration {
    /// Major matters (重大事项) and co-handlers (协办部门): `matters.major`; `co_handlers` lists the departments that work a
    /// matter with its lead (`matters.department`); the staff role `leader` (镇街领导), so `staff.role`'s CHECK is
    /// widened in the stored schema as `.v12DistrictStage` widens the stage CHECKs (a relaxed IN-list, every row stays
    /// valid). Re-runnable.
    static let v16MajorMatters = Migration(version: 16, name: "major matters", sql: """
    CREATE TABLE IF NOT EXISTS co_handlers (
        matter_id  INTEGER NOT NULL REFERENCES matters(id),
        department TEXT NOT NULL REFERENCES departments(code),
        PRIMARY KEY (matter_id, department)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS co_handlers_department ON co_handlers(department);
    CREATE INDEX IF NOT EXISTS matters_open_major ON matters(id) WHERE major = 1 AND ended_at IS NULL;
    PRAGMA writable_schema = ON;
    UPDATE sqlite_master SET sql = replace(sql, '''supervisor'',''admin'')', '''supervisor'',''admin'',''leader'')')
        WHERE type = 'table' AND name = 'staff';
    PRAGMA writable_schema = RESET;
    """, rewritesSchema: true, addsColumns: [AddedColumn("matters", "major", "INTEGER NOT NULL DEFAULT 0")])
}
