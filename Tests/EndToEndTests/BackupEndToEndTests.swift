import XCTest
import GridStore

/// Guarantee 5 (issue 8) through the binary: `gridroom backup` while another process keeps writing gives a copy
/// that passes the integrity check and `gridroom check`, holds every row committed before the backup began, and
/// is itself consistent (its rows agree with its own import log).
final class BackupEndToEndTests: XCTestCase {
    final class Acks: @unchecked Sendable {
        let lock = NSLock()
        var done: [(file: String, at: Date)] = []
        var failures: [String] = []
        var stop = false
    }

    func testBackupWhileAnotherProcessWrites() throws {
        let h = try GridroomHarness("backup", language: "en"); defer { h.remove() }
        try h.ok(["init", "--demo"])
        // A few MB of patrol sessions, so the copy takes several steps.
        try h.ok(["demo", "generate", "--grids", "40", "--workers", "80", "--matters", "0", "--patrols", "30000", "--months", "1"])
        let acks = Acks()
        let writer = DispatchGroup()
        DispatchQueue.global().async(group: writer) {
            var i = 0
            while !acks.lock.withLock({ acks.stop }) {
                let f = try! h.file("b\(i).csv", GridroomHarness.workersCSV(prefix: "B\(i)-", count: 200))
                let r = try! h.run(["import", "workers", f])
                acks.lock.withLock {
                    if r.status == 0 { acks.done.append((f, Date())) } else { acks.failures.append(r.err) }
                }
                i += 1
            }
        }
        usleep(1_000_000)
        let began = Date()
        let copy = h.dir.appendingPathComponent("copy.sqlite").path
        let b = try h.run(["backup", copy])
        XCTAssertEqual(b.status, 0, b.err)
        usleep(500_000)
        acks.lock.withLock { acks.stop = true }
        writer.wait()
        XCTAssertEqual(acks.failures, [])
        let before = acks.done.filter { $0.at < began }.map(\.file)
        let after = acks.done.count - before.count
        XCTAssertGreaterThan(before.count, 0)
        XCTAssertGreaterThan(after, 0, "the writer must still be writing after the backup")

        let c = try h.open(copy)
        XCTAssertEqual(try c.integrity(), "ok")
        for f in before {
            XCTAssertEqual(try c.count("SELECT count(*) FROM import_log WHERE file_name = ? AND complete = 1", [.text(f)]), 1, f)
        }
        XCTAssertEqual(try c.count("SELECT count(*) FROM workers WHERE code LIKE 'B%-%'"),
                       try c.count("SELECT coalesce(sum(rows_written), 0) FROM import_log WHERE file_name LIKE ?", [.text(h.dir.path + "/b%")]))
        XCTAssertGreaterThanOrEqual(try c.count("SELECT count(*) FROM workers WHERE code LIKE 'B%-%'"), 200 * before.count)
        XCTAssertEqual(try c.count("SELECT count(*) FROM patrols"), 30_000)
        XCTAssertEqual(try h.run(["check"], db: copy).status, 0)
        XCTAssertEqual((try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as? NSNumber)?.intValue, 0o660)
    }
}
