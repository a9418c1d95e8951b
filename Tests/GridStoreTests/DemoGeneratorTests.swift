import XCTest
import GridCore
@testable import GridStore

/// `demo generate` writes a consistent township that the rest of the program can keep working on.
final class DemoGeneratorTests: XCTestCase {
    func testGeneratedTownshipIsConsistentAndUsable() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let now = ISOTime.parse("2026-11-22T10:00:00+08:00", zone: .shanghai)!
        let store = try Store.create(path: dir.appendingPathComponent("d.sqlite").path, zone: .shanghai,
                                     admin: Staff(login: "root", name: "r", role: .admin), now: now)
        let root = try store.actor(login: "root")
        try store.db.write {
            try store.db.run("INSERT INTO departments(code, name, platform) VALUES ('D1', '城管执法中队', 'enforcement'), ('QZX', '区指挥中心', 'district')")
            try store.db.run("INSERT INTO categories(code, name, major, department, urgency, dispatch_limit, handle_limit, verify_limit) VALUES ('C1', '占道经营', '街面秩序', 'D1', 'normal', '30min', '2wd', '1wd'), ('C2', '燃气泄漏', '突发事件', 'D1', 'urgent', '10min', '4h', '1h')")
        }
        let spec = DemoSpec(grids: 12, workers: 24, matters: 3_000, patrols: 2_000, months: 2, seed: 7)
        let summary = try DemoGenerator(store: store, spec: spec, now: now, actor: root).run()
        XCTAssertEqual(summary.rows["matters"], 3_000)
        XCTAssertEqual(summary.rows["patrols"], 2_000)
        XCTAssertEqual(summary.rows["grids"], 12)
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM matters"), 3_000)
        // Every matter has its intake event and at least one stage; nothing is dated after now.
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM matters m WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.matter_id = m.id AND e.kind = 'intake')"), 0)
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM matters m WHERE NOT EXISTS (SELECT 1 FROM stages s WHERE s.matter_id = m.id)"), 0)
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM events WHERE at > ?", [.of(now)]), 0)
        // Several states occur, and open matters carry a running clock unless escalated.
        XCTAssertGreaterThanOrEqual(try store.db.scalarInt("SELECT count(DISTINCT state) FROM matters"), 5)
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM matters WHERE ended_at IS NULL AND state <> 'escalated' AND stage_due_at IS NULL"), 0)
        // Counters equal their history; the summaries and indexes are whole.
        let report = try store.check()
        XCTAssertTrue(report.ok, "\(report)")
        XCTAssertNil(try store.setting("bulk_dropped_indexes"))
        // Intake after generation continues the day's numbering instead of colliding with it.
        let before = try store.db.scalarInt("SELECT count(*) FROM matters WHERE number LIKE '20261122-%'")
        let receipt = try store.intake(MatterIntake(reportedAt: now, source: .hotline, reporter: "张女士", grid: "S-G0001",
                                                    category: "C1", urgency: nil, title: "占道经营", description: "", location: ""),
                                       by: root, now: now)
        XCTAssertEqual(receipt.number, "20261122-" + zeroPad(before + 1, 4))
        // Each matter has at least its intake; a closed one intake, dispatch, feedback and verification.
        let closed = try store.db.scalarInt("SELECT count(*) FROM matters WHERE state = 'closed'")
        XCTAssertGreaterThan(closed, 0)
        XCTAssertGreaterThanOrEqual(try store.db.scalarInt("SELECT count(*) FROM events"), 3_000 + 3 * closed)
    }

    /// A file with two departments, two categories and no matters yet, and its admin.
    func registryFile() throws -> (Store, Actor, Date, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let now = ISOTime.parse("2026-11-22T10:00:00+08:00", zone: .shanghai)!
        let store = try Store.create(path: dir.appendingPathComponent("d.sqlite").path, zone: .shanghai,
                                     admin: Staff(login: "root", name: "r", role: .admin), now: now, mode: .rehearsal)
        try store.db.write {
            try store.db.run("INSERT INTO departments(code, name, platform) VALUES ('D1', '城管执法中队', 'enforcement'), ('QZX', '区指挥中心', 'district')")
            try store.db.run("INSERT INTO categories(code, name, major, department, urgency, dispatch_limit, handle_limit, verify_limit) VALUES ('C1', '占道经营', '街面秩序', 'D1', 'normal', '30min', '2wd', '1wd'), ('C2', '燃气泄漏', '突发事件', 'D1', 'urgent', '10min', '4h', '1h')")
        }
        return (store, try store.actor(login: "root"), now, dir)
    }

    /// A file that holds matters is refused before anything is written, with the count and what to do; activity
    /// for its own grids (`--own-grids`) is added when asked for, numbered after the matters already there.
    func testAFileHoldingMattersIsRefusedUnlessItsOwnGridsAreAskedFor() throws {
        let (store, root, now, dir) = try registryFile()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A first small township, then two matters typed in by hand today (numbers 20261122-….).
        _ = try DemoGenerator(store: store, spec: DemoSpec(grids: 3, workers: 6, matters: 0, patrols: 0, months: 1, seed: 3), now: now, actor: root).run()
        for title in ["占道经营", "燃气泄漏"] {
            _ = try store.intake(MatterIntake(reportedAt: now, source: .hotline, reporter: "张女士", grid: "S-G0001", category: title == "占道经营" ? "C1" : "C2",
                                              urgency: nil, title: title, description: "", location: ""), by: root, now: now)
        }
        let tables = ["grids", "workers", "patrols", "matters", "events", "audit"]
        func counts() throws -> [Int] { try tables.map { try store.db.scalarInt("SELECT count(*) FROM \($0)") } }
        let before = try counts()
        XCTAssertEqual(before[3], 2)
        let spec = DemoSpec(grids: 5, workers: 10, matters: 40, patrols: 20, months: 1, seed: 9)
        XCTAssertThrowsError(try DemoGenerator(store: store, spec: spec, now: now, actor: root).run()) { error in
            guard case StoreError.fileHoldsMatters(_, 2) = error else { return XCTFail("\(error)") }
            let words = (error as! StoreError).words(.zh)
            XCTAssertTrue(words.contains("已有 2 件案件"), words)
            XCTAssertTrue(words.contains("init --demo") && words.contains("--own-grids"), words)
        }
        XCTAssertEqual(try counts(), before, "nothing written")
        // Asked for explicitly: 40 more matters and 20 sessions for the 3 grids already there, no new grids or workers.
        var own = DemoSpec(grids: 0, workers: 0, matters: 40, patrols: 20, months: 1, seed: 9)
        own.useExistingRegistry = true
        let summary = try DemoGenerator(store: store, spec: own, now: now, actor: root).run()
        XCTAssertEqual(summary.rows["matters"], 40)
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM matters"), 42)
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM grids"), before[0])
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM patrols"), 20)
        // The two typed-in matters keep their numbers and today's generated ones follow them (no collision).
        XCTAssertEqual(try store.db.query("SELECT title FROM matters WHERE number IN ('20261122-0001', '20261122-0002') ORDER BY number") { $0.text(0) },
                       ["占道经营", "燃气泄漏"])
        XCTAssertEqual(try store.db.scalarInt("SELECT count(DISTINCT number) FROM matters"), 42)
        XCTAssertTrue(try store.check().ok)
    }
}
