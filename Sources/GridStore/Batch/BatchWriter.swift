import Foundation
import GridCore

/// Progress of a batch write: rows so far of an expected total.
public struct BatchProgress: Sendable {
    /// What is being written.
    public let label: String
    /// Rows written so far.
    public let done: Int
    /// Rows expected in all.
    public let total: Int
    /// Seconds since the batch began.
    public let elapsed: Double
}

/// The batch write path: rows go in chunks of about a thousand per short `BEGIN IMMEDIATE`
/// transaction, so other processes are never locked out for long.
public struct BatchWriter {
    /// Rows per transaction.
    public static let chunkSize = 1_000

    let store: Store
    let progress: ((BatchProgress) -> Void)?

    /// Creates a writer on a store, reporting progress after every chunk.
    public init(store: Store, progress: ((BatchProgress) -> Void)? = nil) {
        self.store = store; self.progress = progress
    }

    /// Inserts every row that `next` produces until it returns nil; `write` turns one row into SQL calls
    /// (it runs inside the chunk's transaction). Returns the number of rows.
    @discardableResult
    public func run<Row>(label: String, total: Int, chunk: Int = BatchWriter.chunkSize, next: () -> Row?,
                         write: (Database, Row) throws -> Void) throws -> Int {
        let start = Date()
        var done = 0
        var finished = false
        while !finished {
            // One prepared statement per SQL text for the chunk's rows.
            try store.write { try store.db.withStatementCache {
                for _ in 0..<chunk {
                    guard let row = next() else { finished = true; return }
                    try write(store.db, row)
                    done += 1
                }
            } }
            progress?(BatchProgress(label: label, done: done, total: total, elapsed: Date().timeIntervalSince(start)))
        }
        return done
    }
}
