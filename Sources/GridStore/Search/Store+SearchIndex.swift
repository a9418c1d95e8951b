import Foundation
import GridCore

extension Store {
    /// The setting that holds the search triggers while a bulk load runs without them, so that a load cut short
    /// (a crash, kill -9) has them put back and the index rebuilt on the next open.
    static let searchSuspendedKey = "search_index_suspended"

    /// The triggers that keep `matter_fts` in step (migration `.v11Search`).
    static let searchTriggers = ["matter_fts_insert", "matter_fts_update", "matter_fts_delete", "matter_fts_note"]

    /// Runs `body` (a bulk load into an empty matters table) without the search triggers, then puts them back and
    /// builds the index in one pass: one pair-text per matter instead of one delete and insert per event.
    func withSearchIndexSuspended<T>(_ body: () throws -> T) throws -> T {
        let names = Store.searchTriggers.map { "'\($0)'" }.joined(separator: ",")
        let saved = try db.query("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN (\(names)) ORDER BY name") { $0.text(0) }
        try db.write {
            try db.run("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)",
                       [.text(Store.searchSuspendedKey), .text(saved.joined(separator: "\n;;\n"))])
            for name in Store.searchTriggers { try db.execute("DROP TRIGGER IF EXISTS \(name)") }
        }
        defer { try? restoreSearchIndex() }
        return try body()
    }

    /// Puts back search triggers left out by an interrupted bulk load and rebuilds the index from every matter and
    /// note; a no-op when none are out.
    public func restoreSearchIndex() throws {
        guard !db.isReadOnly, let saved = try setting(Store.searchSuspendedKey) else { return }
        try db.write {
            for sql in saved.components(separatedBy: "\n;;\n") where !sql.isEmpty {
                let name = Store.searchTriggers.first { sql.contains($0) } ?? ""
                if try db.scalarInt("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = ?", [.text(name)]) == 0 {
                    try db.execute(sql)
                }
            }
            try db.execute("INSERT INTO matter_fts(matter_fts) VALUES ('delete-all')")
            // Read each matter's text (fields and notes joined in SQL), cut it into pairs here, in batches by id.
            var last = 0
            while true {
                let batch = try db.query("SELECT m.id, \(MatterSearch.text("m")) FROM matters m WHERE m.id > ? ORDER BY m.id LIMIT 10000",
                                         [.of(last)]) { ($0.int(0), $0.text(1)) }
                for (id, text) in batch {
                    try db.run("INSERT INTO matter_fts(rowid, body) VALUES (?, ?)", [.of(id), .text(MatterSearch.pairText(text))])
                }
                guard let end = batch.last?.0 else { break }
                last = end
            }
            try db.run("DELETE FROM settings WHERE key = ?", [.text(Store.searchSuspendedKey)])
        }
    }
}
