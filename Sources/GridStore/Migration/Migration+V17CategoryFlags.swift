extension Migration {
    /// The category table's flags: `first_report` (首报激励: the first reporter of a merged group is credited) and
    /// `worker_reportable` (网格员应报: counted for 应报未报). An older file keeps its behaviour: the four major
    /// classes that earned credit by name before (`FirstReport.legacyMajors`) get `first_report`; nothing is
    /// worker-reportable until the table says so (no one is listed for a matter nobody marked).
    /// The columns are added only where missing, so the step can run again over itself (a file set back by hand).
    static let v17CategoryFlags = Migration(version: 17, name: "category flags", sql: """
    UPDATE categories SET first_report = 1 WHERE major IN ('安保维稳', '违法建设', '安全生产', '环境保护');
    """, addsColumns: [AddedColumn("categories", "first_report", "INTEGER NOT NULL DEFAULT 0 CHECK (first_report IN (0, 1))"),
                       AddedColumn("categories", "worker_reportable", "INTEGER NOT NULL DEFAULT 0 CHECK (worker_reportable IN (0, 1))")])
}
