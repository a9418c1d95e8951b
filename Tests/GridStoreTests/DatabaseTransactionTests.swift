import XCTest
import CSQLite
import GridCore
@testable import GridStore

/// The SQLite wrapper's transaction guarantees (Docs/reliability.md): a read never writes, a nested write
/// is a savepoint, a rollback never hides the error that caused it, statement caching is opt-in.
final class DatabaseTransactionTests: XCTestCase {
    private var dir: URL!
    private var db: Database!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-tx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        db = try Database(path: dir.appendingPathComponent("t.sqlite").path)
        try db.execute("CREATE TABLE t(k TEXT PRIMARY KEY)")
    }

    override func tearDownWithError() throws {
        db = nil
        try? FileManager.default.removeItem(at: dir)
    }

    private func keys() throws -> [String] { try db.query("SELECT k FROM t ORDER BY k") { $0.text(0) } }
    private struct Planted: Error {}

    func testAWriteInsideAReadIsRefusedAndWritesNothing() throws {
        XCTAssertThrowsError(try db.read { try db.write { try db.run("INSERT INTO t(k) VALUES ('a')") } }) {
            XCTAssertEqual(($0 as? DatabaseError)?.primaryCode, SQLITE_MISUSE, "\($0)")
        }
        // A statement that writes, run bare inside a read, fails too: the read is query-only.
        XCTAssertThrowsError(try db.read { try db.run("INSERT INTO t(k) VALUES ('b')") }) {
            XCTAssertEqual(($0 as? DatabaseError)?.isReadOnly, true, "\($0)")
        }
        XCTAssertEqual(try keys(), [])
        // After the read the connection writes again.
        try db.write { try db.run("INSERT INTO t(k) VALUES ('c')") }
        XCTAssertEqual(try keys(), ["c"])
    }

    func testAReadInsideAWriteSeesTheWritesOwnRows() throws {
        let seen = try db.write { () -> [String] in
            try db.run("INSERT INTO t(k) VALUES ('a')")
            return try db.read { try keys() }
        }
        XCTAssertEqual(seen, ["a"])
        XCTAssertFalse(db.inTransaction)
    }

    func testAFailedInnerWriteIsUndoneAndTheOuterCommits() throws {
        try db.write {
            try db.run("INSERT INTO t(k) VALUES ('outer-1')")
            XCTAssertThrowsError(try db.write {
                try db.run("INSERT INTO t(k) VALUES ('inner')")
                throw Planted()
            }) { XCTAssertTrue($0 is Planted) }
            // An inner write that succeeds stays.
            try db.write { try db.run("INSERT INTO t(k) VALUES ('inner-ok')") }
            try db.run("INSERT INTO t(k) VALUES ('outer-2')")
        }
        XCTAssertEqual(try keys(), ["inner-ok", "outer-1", "outer-2"])
        XCTAssertFalse(db.inTransaction)
    }

    func testAnErrorThatEndsTheTransactionIsTheOneThrown() throws {
        try db.write { try db.run("INSERT INTO t(k) VALUES ('x')") }
        // `OR ROLLBACK` makes SQLite end the whole transaction itself: the savepoint and the transaction are
        // gone, so rolling back again would fail ("no such savepoint"); the constraint error is what comes out.
        XCTAssertThrowsError(try db.write {
            try db.run("INSERT INTO t(k) VALUES ('y')")
            try db.write { try db.run("INSERT OR ROLLBACK INTO t(k) VALUES ('x')") }
        }) {
            let e = $0 as? DatabaseError
            XCTAssertEqual(e?.isConstraint, true, "\($0)")
            XCTAssertEqual(e?.sql, "INSERT OR ROLLBACK INTO t(k) VALUES ('x')")
        }
        XCTAssertFalse(db.inTransaction)
        XCTAssertEqual(try keys(), ["x"])
        try db.write { try db.run("INSERT INTO t(k) VALUES ('z')") }
        XCTAssertEqual(try keys(), ["x", "z"])
    }

    func testABodyThatSwallowsALostTransactionDoesNotCommitSilently() throws {
        XCTAssertThrowsError(try db.write {
            try db.run("INSERT INTO t(k) VALUES ('a')")
            _ = try? db.run("INSERT OR ROLLBACK INTO t(k) VALUES ('a')")
        }) { XCTAssertEqual(($0 as? DatabaseError)?.primaryCode, SQLITE_ABORT, "\($0)") }
        XCTAssertFalse(db.inTransaction)
        XCTAssertEqual(try keys(), [])
    }

    func testNothingRunsAfterTheTransactionWasLost() throws {
        var later: Error?
        XCTAssertThrowsError(try db.write {
            try db.run("INSERT INTO t(k) VALUES ('a')")
            _ = try? db.write { try db.run("INSERT OR ROLLBACK INTO t(k) VALUES ('a')") }
            // Outside any transaction this would commit on its own: refused instead.
            do { try db.run("INSERT INTO t(k) VALUES ('b')") } catch { later = error; throw error }
        }) { XCTAssertEqual(($0 as? DatabaseError)?.primaryCode, SQLITE_ABORT, "\($0)") }
        XCTAssertEqual((later as? DatabaseError)?.sql, "INSERT INTO t(k) VALUES ('b')")
        XCTAssertEqual(try keys(), [])
        // The next write starts afresh.
        try db.write { try db.run("INSERT INTO t(k) VALUES ('c')") }
        XCTAssertEqual(try keys(), ["c"])
    }

    func testABodyErrorIsThrownAsItIsAndNothingStays() throws {
        XCTAssertThrowsError(try db.write {
            try db.run("INSERT INTO t(k) VALUES ('a')")
            throw Planted()
        }) { XCTAssertTrue($0 is Planted) }
        XCTAssertEqual(try keys(), [])
    }

    func testStatementCachingIsOptIn() throws {
        try db.run("INSERT INTO t(k) VALUES ('a')")
        _ = try keys(); _ = try keys()
        XCTAssertEqual(db.cachedStatementCount, 0, "a convenience call outside a scope keeps nothing")
        try db.withStatementCache {
            _ = try keys(); _ = try keys()
            XCTAssertEqual(db.cachedStatementCount, 1)
            try db.run("INSERT INTO t(k) VALUES ('b')")
            XCTAssertEqual(db.cachedStatementCount, 2)
        }
        XCTAssertEqual(db.cachedStatementCount, 0, "the scope's statements are finalized when it ends")
        let a = try db.cachedStatement("SELECT count(*) FROM t"), b = try db.cachedStatement("SELECT count(*) FROM t")
        XCTAssertTrue(a === b)
        XCTAssertEqual(db.cachedStatementCount, 1)
        XCTAssertFalse(try db.prepare("SELECT 1") === db.prepare("SELECT 1"))
        XCTAssertEqual(db.cachedStatementCount, 1)
    }

    func testAConnectionThatOptsInKeepsABoundedNumber() throws {
        db.keepStatements(limit: 2)
        for sql in ["SELECT 1", "SELECT 2", "SELECT 1", "SELECT 3"] { _ = try db.scalarInt(sql) }
        XCTAssertEqual(db.cachedStatementCount, 2, "SELECT 1 was the oldest and went when SELECT 3 came")
        XCTAssertEqual(try db.scalarInt("SELECT 3"), 3)
        db.keepStatements(limit: 0)
        XCTAssertEqual(db.cachedStatementCount, 0)
    }

    func testACachedStatementInUseIsNotHandedOutAgain() throws {
        for k in ["a", "b", "c"] { try db.run("INSERT INTO t(k) VALUES (?)", [.text(k)]) }
        let sql = "SELECT k FROM t WHERE k >= ? ORDER BY k"
        var pairs: [String] = []
        try db.withStatementCache {
            try db.forEach(sql, ["a"]) { row in
                let k = row.text(0)
                // The same SQL while its rows are being visited: a second statement, the outer scan unharmed.
                let next = try db.first(sql, [.text(k + "~")]) { $0.text(0) } ?? "-"
                pairs.append(k + next)
            }
        }
        XCTAssertEqual(pairs, ["ab", "bc", "c-"])
    }
}
