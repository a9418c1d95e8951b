import XCTest
import GridCore
@testable import GridStore

/// Guarantee 1 (issue 8), at the store: a database kept busy by another connection is retried a bounded number
/// of times and then reported in words; nothing is half-done and the next attempt works.
final class BusyDatabaseTests: XCTestCase {
    func testABusyDatabaseIsReportedClearlyAndNothingIsWritten() throws {
        let fx = try ReliabilityFixture(name: "busy")
        let holder = try Database(path: fx.dbPath, create: false)
        try holder.execute("BEGIN IMMEDIATE")                      // another process holding a long write
        fx.store.db.setBusyTimeout(milliseconds: 100)
        let t0 = Date()
        XCTAssertThrowsError(try fx.store.addStaff(Staff(login: "op1", name: "甲", role: .operator_), by: fx.admin, now: fx.now)) { e in
            // The wrapper's SQLITE_BUSY after every attempt, as the store's case (each front end words it).
            XCTAssertEqual(e as? StoreError, .busy(attempts: 3), "\(e)")
            XCTAssertEqual("\(e)", "the database stayed busy after 3 attempts; another process holds a long write. Try again.")
        }
        // Three attempts of 100 ms each: at least 0.3 s, and bounded (well under the 5 s a real timeout would take).
        let waited = Date().timeIntervalSince(t0)
        XCTAssertGreaterThanOrEqual(waited, 0.3)
        XCTAssertLessThan(waited, 2)
        XCTAssertFalse(fx.store.db.inTransaction)
        try holder.execute("ROLLBACK")
        XCTAssertEqual(try fx.count("staff", "login = 'op1'"), 0)
        XCTAssertEqual(try fx.count("audit", "target = 'op1'"), 0)
        try fx.store.addStaff(Staff(login: "op1", name: "甲", role: .operator_), by: fx.admin, now: fx.now)
        XCTAssertEqual(try fx.count("staff", "login = 'op1'"), 1)
    }
}
