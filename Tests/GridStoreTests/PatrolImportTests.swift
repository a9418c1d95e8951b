import Foundation
import XCTest
import GridCore
@testable import GridStore

/// `import patrols`: offsets, rejection, --skip-invalid, idempotent re-import (fixture in PatrolStoreTests).
extension PatrolStoreTests {
    func write(_ name: String, _ text: String) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testImportPatrolsWithOffsetsAndIdempotentReimport() throws {
        // G3 on 2026-11-03: W31 08:00–09:00 (+08:00), W32 00:30Z–02:00Z (= 08:30–10:00 local), W31 again 10:00–10:30
        // without offset (touching). Union 08:00–10:30 = 150 min. Over midnight: W31 23:00 on the 3rd to 01:00 on the 4th
        // → +60 min on the 3rd = 210 min, 60 min on the 4th.
        let now = t("2026-11-05T12:00")
        let csv = """
        worker,grid,start,end
        W31,G3,2026-11-03T08:00:00+08:00,2026-11-03T09:00:00+08:00
        W32,G3,2026-11-03T00:30:00Z,2026-11-03T02:00:00Z
        W31,G3,2026-11-03 10:00,2026-11-03 10:30
        W31,G3,2026-11-03T23:00,2026-11-04T01:00

        """
        let path = try write("patrols.csv", csv)
        let r = try store.importPatrols(path: path, actor: op, now: now)
        XCTAssertEqual(r.rowsTotal, 4)
        XCTAssertEqual(r.rowsWritten, 4)
        XCTAssertEqual(try store.explainPatrol(grid: "G3", day: LocalDate(iso: "2026-11-03")!, now: now).minutes, 210)
        XCTAssertEqual(try store.explainPatrol(grid: "G3", day: LocalDate(iso: "2026-11-04")!, now: now).minutes, 60)
        // Again: nothing new.
        let again = try store.importPatrols(path: path, actor: op, now: now)
        XCTAssertEqual(again.rowsWritten, 0)
        XCTAssertEqual(again.rowsUnchanged, 4)
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM patrols"), 4)
    }

    func testImportPatrolsRejectsBadRowsOrSkipsThem() throws {
        let now = t("2026-11-05T12:00")
        let csv = """
        worker,grid,start,end
        W21,G2,2026-11-03T08:00,2026-11-03T10:00
        W99,G2,2026-11-03T08:00,2026-11-03T10:00
        W21,A,2026-11-03T08:00,2026-11-03T10:00
        W21,G2,2026-11-03T10:00,2026-11-03T08:00
        W21,G2,yesterday,2026-11-03T08:00
        W21,G2,2026-11-03T08:00,
        W21,G2,2026-11-06T08:00,2026-11-06T09:00
        W21,G2,2026-11-04T06:00,2026-11-04T19:00

        """
        let path = try write("bad.csv", csv)
        XCTAssertThrowsError(try store.importPatrols(path: path, actor: op, now: now)) { e in
            let text = "\(e)"
            for expected in ["bad.csv:3: worker: unknown worker W99", "bad.csv:4: grid: grid A is an area grid",
                             "bad.csv:5: end: 2026-11-03T08:00 is before the start", "bad.csv:6: start: \"yesterday\": not an ISO-8601 time",
                             "bad.csv:7: end: empty", "bad.csv:8: start: 2026-11-06T08:00 is in the future"] {
                XCTAssertTrue(text.contains(expected), "missing \(expected) in:\n\(text)")
            }
        }
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM patrols"), 0) // nothing half-written
        // With --skip-invalid: lines 2 and 9 written (9 is 13 h: kept, suspect), 6 rejected into bad.rejects.csv.
        let r = try store.importPatrols(path: path, options: ImportOptions(skipInvalid: true), actor: op, now: now)
        XCTAssertEqual(r.rowsWritten, 2)
        XCTAssertEqual(r.rowsRejected, 6)
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM patrols WHERE suspect = 1"), 1)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("bad.rejects.csv").path))
        // Operators may import; a stranger may not.
        XCTAssertThrowsError(try store.importPatrols(path: path, actor: try store.actor(login: "stranger"), now: now))
    }
}
