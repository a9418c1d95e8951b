import XCTest
import GridCore
@testable import GridStore

/// `Database.withPragmas`: the settings hold inside the body and the connection's own values come back after,
/// also when the body throws (a bulk writer must never leave foreign keys off).
final class DatabasePragmaTests: XCTestCase {
    func testSettingsComeBackAfterReturnAndThrow() throws {
        let f = try MatterFixture()
        let db = f.store.db
        // The connection's own values, as Database.init sets them: foreign keys on, a 16 MiB cache (-16384 KiB).
        XCTAssertEqual(try db.scalarInt("PRAGMA foreign_keys"), 1)
        XCTAssertEqual(try db.scalarInt("PRAGMA cache_size"), -16_384)
        let inside = try db.withPragmas(["foreign_keys": 0, "cache_size": -1_000]) {
            [try db.scalarInt("PRAGMA foreign_keys"), try db.scalarInt("PRAGMA cache_size")]
        }
        XCTAssertEqual(inside, [0, -1_000])
        XCTAssertEqual(try db.scalarInt("PRAGMA foreign_keys"), 1)
        XCTAssertEqual(try db.scalarInt("PRAGMA cache_size"), -16_384)
        struct Planted: Error {}
        XCTAssertThrowsError(try db.withPragmas(["foreign_keys": 0]) { throw Planted() }) { XCTAssertTrue($0 is Planted) }
        XCTAssertEqual(try db.scalarInt("PRAGMA foreign_keys"), 1)
    }
}
