extension Migration {
    /// Sign-for (签收): each dispatch sets when the department must have signed (`sign_due_at`); `case sign` records
    /// when and who. Matters dispatched before this step have no sign-for deadline and wait for no signature.
    /// `sign_overdue_recorded` keeps the system's 未签收 event to one per dispatch, like `overdue_recorded`.
    static let v13SignFor = Migration(version: 13, name: "sign for", sql: """
    CREATE INDEX IF NOT EXISTS matters_unsigned ON matters(sign_due_at) WHERE ended_at IS NULL AND signed_at IS NULL AND sign_due_at IS NOT NULL;
    """, addsColumns: [AddedColumn("matters", "sign_due_at", "INTEGER"), AddedColumn("matters", "signed_at", "INTEGER"),
                       AddedColumn("matters", "signed_by", "TEXT"),
                       AddedColumn("matters", "sign_overdue_recorded", "INTEGER NOT NULL DEFAULT 0")])
}
