extension Migration {
    /// Replies (回复) and follow-up calls (回访): one row each in `replies` / `revisits`; on the matter the reply deadline
    /// set at closing, the first reply's instant and the latest call's verdict, so the evaluation and the overdue list
    /// read one row per matter. Matters closed before this step have no reply deadline (nothing is late for them).
    static let v14FollowUp = Migration(version: 14, name: "replies and revisits", sql: """
    CREATE TABLE IF NOT EXISTS replies (
        id        INTEGER PRIMARY KEY,
        matter_id INTEGER NOT NULL REFERENCES matters(id),
        at        INTEGER NOT NULL,
        channel   TEXT NOT NULL CHECK (channel IN ('hotline','phone','sms','visit','wechat')),
        note      TEXT NOT NULL,
        actor     TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS replies_matter ON replies(matter_id, id);
    CREATE TABLE IF NOT EXISTS revisits (
        id        INTEGER PRIMARY KEY,
        matter_id INTEGER NOT NULL REFERENCES matters(id),
        at        INTEGER NOT NULL,
        result    TEXT NOT NULL CHECK (result IN ('satisfied','basic','unsatisfied')),
        note      TEXT NOT NULL DEFAULT '',
        actor     TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS revisits_matter ON revisits(matter_id, id);
    CREATE INDEX IF NOT EXISTS matters_unreplied ON matters(reply_due_at) WHERE reply_due_at IS NOT NULL AND replied_at IS NULL;
    """, addsColumns: [AddedColumn("matters", "reply_due_at", "INTEGER"), AddedColumn("matters", "replied_at", "INTEGER"),
                       AddedColumn("matters", "revisit_result", "TEXT CHECK (revisit_result IN ('satisfied','basic','unsatisfied'))")])
}
