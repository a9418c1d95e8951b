import XCTest
import GridStore

/// Guarantee 5 (issue 8): a damaged file is found by `gridroom check` and named clearly by every command —
/// exit 1 with a message, never a crash.
final class DamagedFileTests: XCTestCase {
    func testDamageIsReportedNotCrashedOn() throws {
        let h = try GridroomHarness("damage"); defer { h.remove() }
        try h.ok(["init", "--demo"])
        try h.ok(["demo", "generate", "--grids", "40", "--workers", "80", "--matters", "0", "--patrols", "30000", "--months", "1"])
        XCTAssertEqual(try h.run(["check"]).status, 0)
        // 3,000 bytes of 0xFF planted in page 301 (of ~900 pages: patrol rows and indexes).
        let planted = h.dir.appendingPathComponent("planted.sqlite").path
        try FileManager.default.copyItem(atPath: h.db, toPath: planted)
        let f = try XCTUnwrap(FileHandle(forUpdatingAtPath: planted))
        try f.seek(toOffset: 4096 * 300 + 100)
        f.write(Data(repeating: 0xFF, count: 3_000))
        try f.close()
        let c = try h.run(["check"], db: planted)
        XCTAssertEqual(c.status, 1, c.out + c.err)
        XCTAssertFalse(c.signalled)
        // Either the integrity check lists the damage (its first ten lines) or it cannot even read past it.
        XCTAssertTrue(c.out.hasPrefix("integrity: *** in database main ***") || c.out.hasPrefix("integrity: the integrity check could not run"), c.out)
        XCTAssertLessThanOrEqual(c.out.split(separator: "\n").count, 6, c.out)

        // Half a file (a copy cut short): every command says the file is damaged.
        let cut = h.dir.appendingPathComponent("cut.sqlite").path
        FileManager.default.createFile(atPath: cut, contents: try Data(contentsOf: URL(fileURLWithPath: h.db)).prefix(50_000))
        let s = try h.run(["staff", "list"], db: cut)
        XCTAssertEqual(s.status, 1)
        XCTAssertTrue(s.err.contains("数据库文件已损坏（database disk image is malformed）"), s.err)
        XCTAssertTrue(s.err.contains("恢复 `gridroom backup` 校验过的最近一份副本"), s.err)

        // Not a database at all.
        let junk = try h.file("junk.sqlite", String(repeating: "这不是数据库\n", count: 2_000))
        let j = try h.run(["cases"], db: junk)
        XCTAssertEqual(j.status, 1)
        XCTAssertTrue(j.err.contains("不是 GridRoom 数据库（not an SQLite database; the file was not changed）"), j.err)
    }
}
