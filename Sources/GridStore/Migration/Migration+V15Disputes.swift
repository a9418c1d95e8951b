extension Migration {
    /// Disputes (矛盾纠纷): the category table's `dispute` flag, set on upgrade for the categories whose major class is
    /// 矛盾纠纷 so an existing file keeps its sense; on matters `settled` (就地化解: closed on the spot) and
    /// `under_control` (稳控). Re-runnable: the columns are added only when missing, and the flag is set again only
    /// where the major class says so.
    static let v15Disputes = Migration(version: 15, name: "disputes", sql: """
    UPDATE categories SET dispute = 1 WHERE major = '矛盾纠纷' AND dispute = 0;
    """, addsColumns: [AddedColumn("categories", "dispute", "INTEGER NOT NULL DEFAULT 0"),
                       AddedColumn("matters", "settled", "INTEGER NOT NULL DEFAULT 0"),
                       AddedColumn("matters", "under_control", "INTEGER NOT NULL DEFAULT 0")])
}
