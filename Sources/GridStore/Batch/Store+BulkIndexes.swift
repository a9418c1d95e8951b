import Foundation
import GridCore

extension Store {
    /// The setting that holds index definitions dropped for a bulk load, so that an interrupted load
    /// (a crash, kill -9) has them rebuilt on the next open instead of leaving a slow file.
    static let droppedIndexesKey = "bulk_dropped_indexes"

    /// Indexes a later migration removed (v8): a load cut short under an older schema may still have them
    /// recorded, and they must not come back when the file is next opened.
    static let retiredIndexes: Set<String> = ["matters_open_due", "matters_reporter"]

    /// Runs `body` with the secondary indexes of `tables` dropped, then rebuilds them from their
    /// own definitions (SQLite sorts once instead of inserting a million keys at random places).
    /// Only for loads into empty tables: live files keep their indexes. Indexes in `keeping` stay: ones the
    /// load appends to in key order (a matter's events by matter id) cost little to keep and a sort to rebuild.
    func withIndexesDropped<T>(on tables: [String], keeping: Set<String> = [], progress: ((BatchProgress) -> Void)?, _ body: () throws -> T) throws -> T {
        try dropIndexesForBulkLoad(on: tables, keeping: keeping)
        defer { try? restoreDroppedIndexes(progress: progress) }
        return try body()
    }

    /// Drops the secondary indexes of `tables`, recording their definitions first (same transaction).
    func dropIndexesForBulkLoad(on tables: [String], keeping: Set<String> = []) throws {
        let list = tables.map { "'\($0)'" }.joined(separator: ",")
        let defs = try db.query("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (\(list)) ORDER BY name") {
            ($0.text(0), $0.text(1))
        }.filter { !keeping.contains($0.0) }
        try write {
            let saved = defs.map { $0.1.replacingOccurrences(of: "\n", with: " ") }.joined(separator: ";\n")
            try db.run("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)", [.text(Store.droppedIndexesKey), .text(saved)])
            for (name, _) in defs { try db.execute("DROP INDEX \(name)") }
        }
    }

    /// Rebuilds indexes left dropped by an interrupted bulk load; a no-op when none are.
    public func restoreDroppedIndexes(progress: ((BatchProgress) -> Void)? = nil) throws {
        guard !db.isReadOnly, let saved = try setting(Store.droppedIndexesKey) else { return }
        let statements = saved.components(separatedBy: ";\n").filter { !$0.isEmpty }
        let start = Date()
        for (i, sql) in statements.enumerated() {
            // One index per transaction: readers are never blocked (WAL); writers wait at most one index.
            try write {
                let name = sql.components(separatedBy: " ").dropFirst(2).first { $0 != "INDEX" && $0 != "UNIQUE" } ?? ""
                let exists = try db.scalarInt("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?", [.text(name)]) > 0
                if !exists && !Store.retiredIndexes.contains(name) { try db.execute(sql) }
            }
            progress?(BatchProgress(label: "indexes", done: i + 1, total: statements.count, elapsed: Date().timeIntervalSince(start)))
        }
        try write { try db.run("DELETE FROM settings WHERE key = ?", [.text(Store.droppedIndexesKey)]) }
    }
}
