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

    /// A load cut short under v7 recorded `matters_open_due`, which v8 retired: reopening must not bring it back.
    func testARetiredIndexIsNotRestored() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-bulk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("r.sqlite").path
        do {
            let store = try Store.create(path: path, zone: .shanghai, admin: Staff(login: "root", name: "r", role: .admin),
                                         now: Date(timeIntervalSince1970: 1_795_000_000))
            try store.db.write {
                try store.db.run("INSERT OR REPLACE INTO settings(key, value) VALUES ('bulk_dropped_indexes', ?)", [.text(
                    "CREATE INDEX matters_open_due   ON matters(stage_due_at) WHERE ended_at IS NULL;\n"
                    + "CREATE INDEX matters_dup        ON matters(category, grid, reported_at)")])
                try store.db.execute("DROP INDEX matters_dup")
            }
        }
        let reopened = try Store.open(path: path)
        let names = try reopened.db.query("SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('matters_open_due', 'matters_dup')") { $0.text(0) }
        XCTAssertEqual(names, ["matters_dup"])
        XCTAssertNil(try reopened.setting("bulk_dropped_indexes"))
    }
}
