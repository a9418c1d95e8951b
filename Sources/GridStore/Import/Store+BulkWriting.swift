import CSQLite
import Foundation

extension Store {
    /// Runs a bulk writer's chunks (an import) with a larger page cache on this connection (64 MiB, instead of
    /// SQLite's 2 MiB) and a WAL checkpoint every 10,000 pages instead of every 1,000, then puts both back and
    /// checkpoints once (PASSIVE: never waits for other processes). Inserts into big indexes touch pages all
    /// over the file; this keeps them in memory between chunks and writes each back to the file once per
    /// checkpoint rather than once per chunk. The process also keeps its freed heap (`gr_keep_heap`). Other connections are unaffected; chunks stay short transactions.
    func bulkWriting<T>(_ body: () throws -> T) throws -> T {
        let cacheSize = try db.scalarInt("PRAGMA cache_size")
        let autoCheckpoint = try db.scalarInt("PRAGMA wal_autocheckpoint")
        // The log may reach ≈ 40 MB between checkpoints: keep it that size instead of cutting it back to 8 MB
        // after each one (the file system zeroes every block it grows by again).
        try db.execute("PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 10000; PRAGMA journal_size_limit = \(64 << 20)")
        gr_keep_heap()  // keep freed heap between chunks instead of giving it back and faulting it in again
        defer {
            try? db.execute("PRAGMA cache_size = \(cacheSize); PRAGMA wal_autocheckpoint = \(autoCheckpoint); PRAGMA journal_size_limit = \(Database.walSizeLimit)")
            _ = try? checkpoint()
        }
        return try body()
    }
}
