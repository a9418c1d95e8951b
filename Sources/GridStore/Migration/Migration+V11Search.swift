extension Migration {
    /// Caller details and the hotline work-order number on matters (来电人、来电号码、工单号), and the full-text
    /// index over every matter (案件检索), open or ended.
    ///
    /// Chinese has no spaces and most words are two characters, and SQLite 3.40's `trigram` tokenizer cannot
    /// find a two-character word (`LIKE '%垃圾%'` on a trigram table returns nothing). So the index holds the
    /// text as overlapping character pairs ("村口垃圾桶" → "村口 口垃 垃圾 圾桶"), tokenized by `unicode61`;
    /// a query is cut into pairs the same way (`MatterSearch.pairs`) and matched as a phrase, which is
    /// "the pairs in a row" — that is, the query as a substring. The pairs are made in SQL (joins on the
    /// `search_positions` table of 1 … 16384: triggers cannot use a recursive CTE), so triggers keep the index in
    /// step with every write, from the store, an import, the generator or plain SQL alike.
    ///
    /// One index row per matter (rowid = matter id, so a search reads newest first and stops at its page): the
    /// matter's fields and every note of its history. The table is contentless (the pair text is three times
    /// the original); a row is replaced by the `delete` command with exactly the text it was indexed with,
    /// which the triggers rebuild from the old values. Text past 16384 characters is not indexed. The matters
    /// already in an upgraded file are indexed when it is next opened for writing (the step marks it).
    static let v11Search = Migration(version: 11, name: "search", sql: """
    ALTER TABLE matters ADD COLUMN caller_name  TEXT NOT NULL DEFAULT '';
    ALTER TABLE matters ADD COLUMN caller_phone TEXT NOT NULL DEFAULT '';
    ALTER TABLE matters ADD COLUMN order_no     TEXT NOT NULL DEFAULT '';
    CREATE UNIQUE INDEX matters_order_no ON matters(source, order_no) WHERE order_no <> '';

    CREATE TABLE search_positions (n INTEGER PRIMARY KEY);
    WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < \(MatterSearch.maxIndexedCharacters))
        INSERT INTO search_positions(n) SELECT n FROM s;
    CREATE VIRTUAL TABLE matter_fts USING fts5(body, content = '', tokenize = 'unicode61');
    -- The matters already in the file are indexed on the next writable open (`Store.restoreSearchIndex`, which cuts
    -- the pairs in Swift, several times faster than the SQL cut over a year of matters): marked here.
    INSERT OR REPLACE INTO settings(key, value) VALUES ('\(Store.searchSuspendedKey)', '');

    CREATE TRIGGER matter_fts_insert AFTER INSERT ON matters BEGIN
        INSERT INTO matter_fts(rowid, body) VALUES (NEW.id, \(MatterSearch.body("NEW", notesBelow: nil)));
    END;
    CREATE TRIGGER matter_fts_update AFTER UPDATE OF number, title, description, location, caller_name, caller_phone, order_no ON matters BEGIN
        INSERT INTO matter_fts(matter_fts, rowid, body) VALUES ('delete', OLD.id, \(MatterSearch.body("OLD", notesBelow: nil)));
        INSERT INTO matter_fts(rowid, body) VALUES (NEW.id, \(MatterSearch.body("NEW", notesBelow: nil)));
    END;
    CREATE TRIGGER matter_fts_delete AFTER DELETE ON matters BEGIN
        INSERT INTO matter_fts(matter_fts, rowid, body) VALUES ('delete', OLD.id, \(MatterSearch.body("OLD", notesBelow: nil)));
    END;
    CREATE TRIGGER matter_fts_note AFTER INSERT ON events WHEN NEW.note <> '' BEGIN
        INSERT INTO matter_fts(matter_fts, rowid, body)
            SELECT 'delete', m.id, \(MatterSearch.body("m", notesBelow: "NEW.id")) FROM matters m WHERE m.id = NEW.matter_id;
        INSERT INTO matter_fts(rowid, body)
            SELECT m.id, \(MatterSearch.body("m", notesBelow: nil)) FROM matters m WHERE m.id = NEW.matter_id;
    END;
    """)
}
