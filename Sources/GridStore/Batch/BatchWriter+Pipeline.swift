import Foundation

/// Hands chunks of rows from one producer thread to the writing thread, at most `depth` ahead.
final class ChunkPipe<Row>: @unchecked Sendable {
    private let lock = NSCondition()
    private var queue: [[Row]] = []
    private var finished = false
    private var cancelled = false
    private let depth: Int

    init(depth: Int) { self.depth = depth }

    /// Producer: waits for room; false once the consumer has given up.
    func put(_ chunk: [Row]) -> Bool {
        lock.lock(); defer { lock.unlock() }
        while queue.count >= depth && !cancelled { lock.wait() }
        if cancelled { return false }
        queue.append(chunk)
        lock.broadcast()
        return true
    }

    /// Producer: no more chunks.
    func finish() {
        lock.lock(); finished = true; lock.broadcast(); lock.unlock()
    }

    /// Consumer: the next chunk, or nil when the producer has finished and everything was taken.
    func take() -> [Row]? {
        lock.lock(); defer { lock.unlock() }
        while queue.isEmpty && !finished { lock.wait() }
        if queue.isEmpty { return nil }
        let c = queue.removeFirst()
        lock.broadcast()
        return c
    }

    /// Consumer: stop the producer (a write failed).
    func cancel() {
        lock.lock(); cancelled = true; queue.removeAll(); lock.broadcast(); lock.unlock()
    }
}

/// Carries a non-Sendable closure to the producer thread. Safe here because the caller waits for the
/// thread to end before it returns, and nothing else touches what the closure captures meanwhile.
private struct Handoff<T>: @unchecked Sendable { let value: T }

extension BatchWriter {
    /// Like `run`, but `next` runs on a second thread, a chunk or two ahead of the writes: building rows
    /// (the simulation) and SQLite's work overlap on two cores. `next` must not touch the database.
    /// Chunks and transactions are the same as `run`'s; returns when both threads are done.
    @discardableResult
    public func runPipelined<Row>(label: String, total: Int, chunk: Int = BatchWriter.chunkSize, next: @escaping () -> Row?,
                                  write: (Database, Row) throws -> Void) throws -> Int {
        let pipe = ChunkPipe<Row>(depth: 3)
        let done = DispatchSemaphore(value: 0)
        let producer = Handoff(value: next)
        let thread = Thread {
            defer { pipe.finish(); done.signal() }
            while true {
                var rows: [Row] = []
                rows.reserveCapacity(chunk)
                while rows.count < chunk, let row = producer.value() { rows.append(row) }
                if rows.isEmpty || !pipe.put(rows) { return }
                if rows.count < chunk { return }
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
        // Whatever happens here, the producer is stopped and waited for before returning.
        defer { pipe.cancel(); done.wait() }
        let start = Date()
        var written = 0
        while let rows = pipe.take() {
            // One prepared statement per SQL text for the chunk's rows.
            try store.write { try store.db.withStatementCache { for row in rows { try write(store.db, row) } } }
            written += rows.count
            progress?(BatchProgress(label: label, done: written, total: total, elapsed: Date().timeIntervalSince(start)))
        }
        return written
    }
}
