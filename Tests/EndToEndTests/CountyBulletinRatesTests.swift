import XCTest
import CSQLite

/// A published county bulletin (县级通报) rebuilt through the command line: 972 matters due in November 2026,
/// 911 closed, 737 of them on time (174 closed after running overdue), 61 still open. Published figures:
/// 结案率 911 / 972 = 93.7243…% → 93.72%, 按期结案率 737 / 972 = 75.8230…% → 75.82%. JSON keeps the exact ratio.
///
/// 972 matters through `case new` and moves would take thousands of processes, so the rows are written
/// straight into a demo file (the shape the store writes: closed ones with their end time); every figure
/// is then read through `gridroom report evaluation` and `gridroom report bulletin`'s store call.
final class CountyBulletinRatesTests: XCTestCase {
    func testTheCountysPublishedRatesPrintExactly() throws {
        try GridroomCLI.requireBinary()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-e2e-county-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("c.sqlite").path
        XCTAssertEqual(try GridroomCLI.run(["init", "--demo"], db: db, now: "2026-10-31T08:00").status, 0)
        // 2026-11-05 00:00 +08:00 = 1793808000; each matter reported a minute apart, its handling due an hour later.
        let sql = """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 972)
            INSERT INTO matters (number, reported_at, source, grid, category, urgency, title, state, department, first_contact,
                                 stage, stage_started_at, stage_due_at, ever_overdue, handle_due_at, ended_at, created_at, updated_at, updated_by)
            SELECT printf('20261105-%04d', i), 1793808000 + 60 * i, 'hotline', 'DH-01-01', 'SR03', 'normal', '县通报 ' || i,
                   CASE WHEN i <= 911 THEN 'closed' ELSE 'dispatched' END, 'HWZ', 'admin',
                   CASE WHEN i <= 911 THEN NULL ELSE 'handling' END,
                   CASE WHEN i <= 911 THEN NULL ELSE 1793808000 + 60 * i END,
                   CASE WHEN i <= 911 THEN NULL ELSE 1793808000 + 60 * i + 3600 END,
                   CASE WHEN i > 737 AND i <= 911 THEN 1 ELSE 0 END,
                   1793808000 + 60 * i + 3600,
                   CASE WHEN i <= 911 THEN 1793808000 + 60 * i + 1800 END,
                   1793808000 + 60 * i, 1793808000 + 60 * i, 'admin'
            FROM n;
            """
        var handle: OpaquePointer?
        XCTAssertEqual(sqlite3_open(db, &handle), SQLITE_OK)
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &message)
        XCTAssertEqual(rc, SQLITE_OK, message.map { String(cString: $0) } ?? "")
        sqlite3_close(handle)

        let table = try GridroomCLI.run(["report", "evaluation", "--month", "2026-11"], db: db, now: "2026-12-10T09:00")
        XCTAssertEqual(table.status, 0, table.err)
        let total = table.out.split(separator: "\n").first { $0.hasPrefix("total") }.map(String.init) ?? table.out
        let cells = total.split(separator: " ").map(String.init)
        XCTAssertTrue(cells.contains("972") && cells.contains("911") && cells.contains("737"), total)
        XCTAssertTrue(cells.contains("93.72%"), total)
        XCTAssertTrue(cells.contains("75.82%"), total)
        let csv = try GridroomCLI.run(["report", "evaluation", "--month", "2026-11", "--format", "csv"], db: db, now: "2026-12-10T09:00")
        XCTAssertTrue(csv.out.contains("total,972,911,737,93.72%,75.82%,"), csv.out)
        let json = try GridroomCLI.run(["report", "evaluation", "--month", "2026-11", "--format", "json"], db: db, now: "2026-12-10T09:00")
        let rows = ((try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])?["rows"] as? [[String: Any]]) ?? []
        let t = rows.first { $0["group"] as? String == "total" }
        // The exact ratio (to JSON's printing precision), not the rounded 0.9372.
        XCTAssertEqual(try XCTUnwrap(t?["closure_rate"] as? Double), 911.0 / 972.0, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(t?["on_time_rate"] as? Double), 737.0 / 972.0, accuracy: 1e-12)
        // The same figures in the month's bulletin (the HTML carries them as printed).
        let out = dir.appendingPathComponent("q4.html").path
        let b = try GridroomCLI.run(["report", "bulletin", "--month", "2026-11", "--output", out], db: db, now: "2026-12-10T09:00")
        XCTAssertEqual(b.status, 0, b.err)
        let html = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertTrue(html.contains("93.72%") && html.contains("75.82%"))
    }
}
