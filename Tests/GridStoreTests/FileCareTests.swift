import XCTest
import GridCore
@testable import GridStore

/// Guarantee 5 (issue 8), at the store: `check` finds planted damage, the WAL stays bounded with checkpoints,
/// a backup is a sound, complete copy.
final class FileCareTests: XCTestCase {
    var fx: ReliabilityFixture!
    override func setUpWithError() throws { fx = try ReliabilityFixture(name: "care") }
    override func tearDown() { fx = nil }

    func plantMatter(id: Int, urges: Int = 0) throws {
        let db = fx.store.db
        try db.write {
            try db.run("""
                INSERT INTO matters(id, number, reported_at, source, grid, category, urgency, title, state, first_contact,
                                    created_at, updated_at, updated_by, urge_count)
                VALUES (?, ?, 1795829400, 'hotline', 'B1', 'C1', 'normal', '占道', 'new', 'root', 1795829400, 1795829400, 'root', ?)
                """, [.of(id), .text("20261122-000\(id)"), .of(urges)])
            try db.run("INSERT INTO events(matter_id, at, kind, to_state, actor) VALUES (?, 1795829400, 'intake', 'new', 'root')", [.of(id)])
        }
    }

    func testCheckPassesOnASoundFile() throws {
        try plantMatter(id: 1)
        let r = try fx.store.check()
        XCTAssertTrue(r.ok, "\(r)")
        XCTAssertEqual(r.integrity, ["ok"])
    }

    func testCheckFindsAPlantedSummaryMismatch() throws {
        try plantMatter(id: 1)
        try plantMatter(id: 2, urges: 2)   // says 2 urges; its history holds none
        let r = try fx.store.check()
        XCTAssertFalse(r.ok)
        XCTAssertEqual(r.integrity, ["ok"])
        XCTAssertEqual(r.summaryProblems, ["1 matters whose urge count differs from their history"])
    }

    func testCheckFindsAPlantedDanglingReference() throws {
        let db = fx.store.db
        try db.execute("PRAGMA foreign_keys = OFF")
        try db.write { try db.run("INSERT INTO workers(code, name, phone, kind, grid) VALUES ('W404', '无网格', '13800000000', 'full', 'NOWHERE')") }
        try db.execute("PRAGMA foreign_keys = ON")
        let r = try fx.store.check()
        XCTAssertFalse(r.ok)
        XCTAssertEqual(r.foreignKeyProblems.count, 1, "\(r.foreignKeyProblems)")
        XCTAssertTrue(r.foreignKeyProblems[0].hasPrefix("workers"), "\(r.foreignKeyProblems)")
    }

    /// Many small writes with automatic checkpoints off (the worst case: only our `checkpoint()` runs).
    /// 1,200 transactions of a ~2 KB row write at least 1,200 pages (4 KB each, ≥ 4.8 MB) to the log; checkpointing
    /// every 50 transactions keeps the log to about 50 transactions' pages (measured ≈ 1.1 MB), under 1.5 MB.
    /// Without the checkpoints the same writes leave a log over 4.8 MB (the control below), so the bound is real.
    func testWALStaysBoundedWithCheckpoints() throws {
        let wal = fx.dbPath + "-wal"
        func walSize() -> Int { (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? NSNumber)?.intValue ?? 0 }
        func writeMany(checkpointEvery: Int?) throws -> Int {
            let db = try Database(path: fx.dbPath, create: false)
            try db.execute("PRAGMA wal_autocheckpoint = 0")
            let store = try Store(db: db)
            var peak = 0
            let blob = String(repeating: "格", count: 700)   // 2,100 bytes of UTF-8
            for i in 0..<1200 {
                try db.write { try db.run("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)", [.text("k\(i)"), .text(blob)]) }
                if let n = checkpointEvery, i % n == n - 1 { try store.checkpoint() }
                peak = max(peak, walSize())
            }
            return peak
        }
        let bounded = try writeMany(checkpointEvery: 50)
        XCTAssertLessThan(bounded, 1_500_000, "WAL peaked at \(bounded) bytes despite checkpoints")
        // Control: the same writes, never checkpointed (the test would catch a checkpoint() that did nothing).
        try fx.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        let unbounded = try writeMany(checkpointEvery: nil)
        XCTAssertGreaterThan(unbounded, 4_800_000)
    }

    func testBackupIsSoundAndComplete() throws {
        try plantMatter(id: 1)
        let copy = fx.dir.appendingPathComponent("copy.sqlite").path
        try fx.store.backup(to: copy)
        let b = try Store.open(path: copy)
        XCTAssertTrue(try b.check().ok)
        XCTAssertEqual(try ReliabilityFixture.dump(b.db), try fx.dump())
        // Never over an existing file.
        XCTAssertThrowsError(try fx.store.backup(to: copy)) { e in XCTAssertEqual(e as? StoreError, .fileExists(path: copy)) }
    }
}
