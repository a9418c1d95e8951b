import XCTest
import GridCore
@testable import GridStore

/// The pipelined batch path (`BatchWriter.runPipelined`): rows built on a second thread are written in order,
/// a chunk per transaction; a failing write stops the producer and keeps every earlier chunk, none of its own.
final class BatchPipelineTests: XCTestCase {
    func store() throws -> (MatterFixture, Database) {
        let f = try MatterFixture()
        try f.store.db.execute("CREATE TABLE pipe_rows (n INTEGER NOT NULL, thread_main INTEGER NOT NULL)")
        return (f, f.store.db)
    }

    func testRowsArriveInOrderInChunks() throws {
        let (f, db) = try store()
        var progress: [Int] = []
        let writer = BatchWriter(store: f.store) { progress.append($0.done) }
        var i = 0
        let written = try writer.runPipelined(label: "t", total: 2_500, chunk: 1_000, next: { () -> Int? in
            guard i < 2_500 else { return nil }
            defer { i += 1 }
            return i
        }, write: { db, n in
            try db.run("INSERT INTO pipe_rows(n, thread_main) VALUES (?, ?)", [.of(n), .of(Thread.isMainThread)])
        })
        XCTAssertEqual(written, 2_500)
        // Three chunks: 1000, 2000, 2500 rows written after each.
        XCTAssertEqual(progress, [1_000, 2_000, 2_500])
        XCTAssertEqual(try db.scalarInt("SELECT count(*) FROM pipe_rows"), 2_500)
        // In order: rowid k holds row k − 1 (0 + 1 + … + 2499 = 3,123,750).
        XCTAssertEqual(try db.scalarInt("SELECT count(*) FROM pipe_rows WHERE n <> rowid - 1"), 0)
        XCTAssertEqual(try db.scalarInt("SELECT sum(n) FROM pipe_rows"), 3_123_750)
        // The writes ran on the calling thread (the test's main thread), not the producer's.
        XCTAssertEqual(try db.scalarInt("SELECT count(*) FROM pipe_rows WHERE thread_main = 0"), 0)
    }

    func testAFailedWriteKeepsEarlierChunksAndStopsTheProducer() throws {
        struct Planted: Error {}
        let (f, db) = try store()
        let writer = BatchWriter(store: f.store)
        final class Counter: @unchecked Sendable { var produced = 0 }
        let counter = Counter()
        XCTAssertThrowsError(try writer.runPipelined(label: "t", total: 1_000_000, chunk: 100, next: { () -> Int? in
            defer { counter.produced += 1 }
            return counter.produced < 1_000_000 ? counter.produced : nil
        }, write: { db, n in
            if n == 250 { throw Planted() }
            try db.run("INSERT INTO pipe_rows(n, thread_main) VALUES (?, 1)", [.of(n)])
        })) { XCTAssertTrue($0 is Planted, "\($0)") }
        // Chunks 0–99 and 100–199 committed; the chunk holding row 250 rolled back whole.
        XCTAssertEqual(try db.scalarInt("SELECT count(*) FROM pipe_rows"), 200)
        XCTAssertEqual(try db.scalarInt("SELECT max(n) FROM pipe_rows"), 199)
        XCTAssertFalse(db.inTransaction)
        // The producer stopped within a few chunks of the failure (the pipe holds at most three ahead).
        XCTAssertLessThan(counter.produced, 1_000)
        // The connection is usable afterwards.
        try db.write { try db.run("INSERT INTO pipe_rows(n, thread_main) VALUES (-1, 1)") }
        XCTAssertEqual(try db.scalarInt("SELECT count(*) FROM pipe_rows"), 201)
    }
}
