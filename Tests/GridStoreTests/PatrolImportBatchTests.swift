import Foundation
import XCTest
import GridCore
@testable import GridStore

/// The patrol importer's batch path: rows written in chunks in (grid, worker, start) order, each chunk's
/// touched (grid, day) rows of `patrol_days` recomputed once at its end. Whatever the chunk size, the summary
/// is exact (including a confirmed long session that began long before the chunk's days) and a re-import
/// writes nothing.
final class PatrolImportBatchTests: XCTestCase {
    var dir: URL!
    let zone = TownshipZone.shanghai

    func t(_ s: String) -> Date { ISOTime.parse(s, zone: zone)! }

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("patrolbatch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func makeStore(_ name: String) throws -> (Store, op: Actor, sup: Actor) {
        let store = try Store.create(path: dir.appendingPathComponent("\(name).sqlite").path, zone: zone,
                                     admin: Staff(login: "root", name: "管理员", role: .admin), now: t("2026-10-01T00:00"))
        try store.db.run("INSERT INTO staff(login, name, role, active, created_at) VALUES ('op', '值班员', 'operator', 1, 0), ('sup', '督查', 'supervisor', 1, 0)")
        for sql in PatrolDaysTests.registrySQL { try store.db.run(sql) }
        return (store, try store.actor(login: "op"), try store.actor(login: "sup"))
    }

    func rows(_ store: Store) throws -> [String] {
        try store.db.query("SELECT grid, day, counted_seconds FROM patrol_days ORDER BY grid, day") { "\($0.text(0)) \($0.text(1)) \($0.int(2))" }
    }

    func testChunkedImportKeepsTheDaysExactWhateverTheChunkSize() throws {
        let now = t("2026-11-25T10:00")
        // File order mixes the grids; row 6 (14 h) is suspect and not confirmed.
        let file = """
            worker,grid,start,end
            W21,G2,2026-11-21T08:00,2026-11-21T09:00
            W31,G3,2026-11-21T09:30,2026-11-21T11:00
            W21,G2,2026-11-21T08:30,2026-11-21T10:00
            W31,G3,2026-11-22T23:00,2026-11-23T01:00
            W32,G3,2026-11-23T00:30:00+08:00,2026-11-23T02:00:00+08:00
            W21,G2,2026-11-24T06:00,2026-11-24T20:00
            W31,G3,2026-11-20T12:00,2026-11-20T13:00

            """
        let csv = dir.appendingPathComponent("p.csv").path
        try file.write(toFile: csv, atomically: true, encoding: .utf8)
        // G2, 21st: 08:00–10:00 = 7 200 (the 24th's 14 h session is suspect: nothing).
        // G3: the confirmed 19th 20:00 – 21st 10:00 session gives 19th 4 h = 14 400, 20th 86 400 (row 8 inside it),
        //   21st 00:00–10:00 joined with 09:30–11:00 → 00:00–11:00 = 39 600; 22nd 23:00–24:00 = 3 600;
        //   23rd 00:00–01:00 joined with 00:30–02:00 → 00:00–02:00 = 7 200.
        let expected = ["G2 2026-11-21 7200", "G3 2026-11-19 14400", "G3 2026-11-20 86400", "G3 2026-11-21 39600",
                        "G3 2026-11-22 3600", "G3 2026-11-23 7200"]
        for size in [1, 2, 3, 1000] {
            let (store, op, sup) = try makeStore("c\(size)")
            let long = try store.addPatrol(worker: "W32", grid: "G3", start: t("2026-11-19T20:00"), end: t("2026-11-21T10:00"), by: op, now: now)
            try store.confirmPatrol(id: long, by: sup, now: now)
            XCTAssertEqual(try rows(store), ["G3 2026-11-19 14400", "G3 2026-11-20 86400", "G3 2026-11-21 36000"])

            let report = try store.importPatrols(path: csv, options: ImportOptions(chunkSize: size), actor: op, now: now)
            XCTAssertEqual([report.rowsTotal, report.rowsWritten, report.rowsUnchanged], [7, 7, 0], "chunk \(size)")
            XCTAssertEqual(try rows(store), expected, "chunk \(size)")
            XCTAssertEqual(try store.summaryMismatches(), [], "chunk \(size)")
            // Written in (grid, worker, start) order: G2's W21 rows first, G3's W32 row last.
            XCTAssertEqual(try store.db.query("SELECT worker || ' ' || grid FROM patrols WHERE source = 'import' ORDER BY id") { $0.text(0) },
                           ["W21 G2", "W21 G2", "W21 G2", "W31 G3", "W31 G3", "W31 G3", "W32 G3"])

            let again = try store.importPatrols(path: csv, options: ImportOptions(chunkSize: size), actor: op, now: now)
            XCTAssertEqual([again.rowsWritten, again.rowsUnchanged], [0, 7])
            XCTAssertEqual(try rows(store), expected)
            XCTAssertEqual(try store.importLog().map(\.complete), [true, true])
        }
    }

    /// A writer with an order has each window sorted where it lies and cut every `size` values; one without packs
    /// its groups (never split) into chunks of about `size`.
    func testChunksFollowTheWritersOrderOrItsGroups() throws {
        var ordered = ImportWriter<Int>(write: { _, _ in true })
        ordered.order = { $0 > $1 }
        var values = [3, 9, 1, 7, 5, 8, 2]
        var cut: [[Int]] = []
        try Store.forEachChunk(of: &values, writer: ordered, size: 3) { cut.append($0) }
        XCTAssertEqual(cut, [[9, 8, 7], [5, 3, 2], [1]])

        // Pairs kept together (1 2, 3 4, 5 6, then 7 alone); a chunk of about 3 takes a pair and not the next one,
        // which would make 4, but the lone 7 fits beside 5 and 6.
        let paired = ImportWriter<Int>(groups: { v in stride(from: 0, to: v.count, by: 2).map { Array(v[$0..<min(v.count, $0 + 2)]) } },
                                       write: { _, _ in true })
        values = [1, 2, 3, 4, 5, 6, 7]
        cut = []
        try Store.forEachChunk(of: &values, writer: paired, size: 3) { cut.append($0) }
        XCTAssertEqual(cut, [[1, 2], [3, 4], [5, 6, 7]])
    }

    func testTouchedDaysBecomeRunsPerGrid() {
        var touched = PatrolDayTouches()
        let day = 86_400.0, z = TownshipZone.utc
        func add(_ g: String, _ a: Double, _ b: Double) { touched.add(grid: g, from: Date(timeIntervalSince1970: a * day), to: Date(timeIntervalSince1970: b * day), zone: z) }
        add("B", 5, 5.5); add("B", 7.2, 8.9); add("B", 6, 6); add("B", 10.5, 12.1); add("B", 11, 11.3); add("A", 1, 1)
        // B: 5, 7–8 and 6 join into 5–8 (adjacent days); 10–12 holds 11.
        let runs = touched.runs().map { "\($0.grid) \($0.days.lowerBound)-\($0.days.upperBound)" }
        XCTAssertEqual(runs, ["A 1-1", "B 5-8", "B 10-12"])
    }
}
