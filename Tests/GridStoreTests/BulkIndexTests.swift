import XCTest
import GridCore
@testable import GridStore

/// A bulk load drops secondary indexes; an interrupted one must not leave the file without them.
final class BulkIndexTests: XCTestCase {
    func testIndexesComeBackAfterAnInterruptedLoad() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-bulk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("b.sqlite").path
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        let indexSQL = "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('matters','events','stages') ORDER BY name"
        var before: [String] = []
        do {
            let store = try Store.create(path: path, zone: .shanghai, admin: Staff(login: "root", name: "r", role: .admin), now: now)
            before = try store.db.query(indexSQL) { $0.text(0) }
            XCTAssertTrue(before.contains("matters_open_list"))
            // As a killed generator leaves it: indexes dropped, their definitions recorded, nothing rebuilt.
            try store.dropIndexesForBulkLoad(on: ["matters", "events", "stages"])
            XCTAssertEqual(try store.db.query(indexSQL) { $0.text(0) }, [])
        }
        let reopened = try Store.open(path: path)
        XCTAssertEqual(try reopened.db.query(indexSQL) { $0.text(0) }, before)
        XCTAssertNil(try reopened.setting("bulk_dropped_indexes"))
    }
}
