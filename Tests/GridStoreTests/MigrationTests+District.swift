import XCTest
import GridCore
@testable import GridStore

/// The district-stage (`.v12DistrictStage`) and sign-for (`.v13SignFor`) steps from files with matters: rows read the
/// same, `district` clocks fit, and a matter dispatched before sign-for existed waits for no signature.
final class DistrictMigrationTests: XCTestCase {
    func testAnEscalatedMatterFromBeforeTheDistrictStageUpgradesAndCanBeAnswered() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-mig-district-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = dir.appendingPathComponent("old.sqlite").path
        let before = Migration.v12DistrictStage.version - 1
        do {
            let db = try Database(path: p)
            try Migrator.migrate(db, to: before)
            // 2026-11-20 10:00 +08:00 = 1_795_658_400; one escalated matter without a clock, as the old program left it.
            try db.execute("""
                INSERT INTO settings(key, value) VALUES ('timezone', 'Asia/Shanghai'), ('file_mode', 'rehearsal');
                INSERT INTO staff(login, name, role, created_at) VALUES ('root', 'r', 'admin', 0);
                INSERT INTO grids VALUES ('G1','东湖一组','basic',NULL,NULL,NULL);
                INSERT INTO departments VALUES ('ZF','综合行政执法队','enforcement'), ('QZ','区社会治理综合指挥中心','district');
                INSERT INTO categories(code, name, major, department, urgency, dispatch_limit, handle_limit, verify_limit) VALUES ('WJ','乱搭乱建','违法建设','ZF','normal','30min','2h','1h');
                INSERT INTO matters(number, reported_at, source, grid, category, urgency, title, state, department, first_contact,
                                    created_at, updated_at, updated_by)
                    VALUES ('20261120-0001', 1795658400, 'hotline', 'G1', 'WJ', 'normal', '违建', 'escalated', 'ZF', 'root',
                            1795658400, 1795658400, 'root');
                INSERT INTO stages(matter_id, stage, time_limit, started_at, due_at, original_due_at, finished_at)
                    VALUES (1, 'handling', '2h', 1795658400, 1795665600, 1795665600, 1795660000);
                """)
            XCTAssertThrowsError(try db.run("UPDATE matters SET stage = 'district' WHERE id = 1"))   // the old CHECK
        }
        let store = try Store.open(path: p)
        XCTAssertEqual(store.schemaVersion, Migrator.latestVersion)
        XCTAssertEqual(try store.db.first("PRAGMA integrity_check") { $0.text(0) }, "ok")
        let m = try XCTUnwrap(try store.matter(number: "20261120-0001"))
        XCTAssertEqual(m.state, .escalated); XCTAssertEqual(m.title, "违建"); XCTAssertEqual(m.department, "ZF"); XCTAssertNil(m.stage)
        XCTAssertEqual(try store.matterDetail(number: m.number).1.map(\.stage), [.handling])
        // The widened CHECKs take `district` and still refuse anything else.
        try store.db.run("UPDATE stages SET stage = 'district' WHERE id = 1")
        XCTAssertThrowsError(try store.db.run("UPDATE stages SET stage = 'elsewhere' WHERE id = 1"))
        XCTAssertThrowsError(try store.db.run("UPDATE matters SET stage = 'elsewhere' WHERE id = 1"))
        try store.db.run("UPDATE stages SET stage = 'handling' WHERE id = 1")
        // The old matter, without a district clock, is answered like any escalated matter; verification starts (1h).
        try store.db.run("INSERT INTO staff(login, name, role, created_at) VALUES ('op', '值班员', 'operator', 0)")
        let at = Date(timeIntervalSince1970: 1_795_748_400)     // Monday 2026-11-23 09:00 +08:00
        let after = try store.perform(MoveRequest(.districtReply, number: m.number, note: "区已办结"), by: try store.actor(login: "op"), now: at)
        XCTAssertEqual(after.state, .fedBack); XCTAssertEqual(after.stage, .verification)
        XCTAssertEqual(after.stageDueAt, at.addingTimeInterval(3600))
    }

    func testAMatterDispatchedBeforeSignForWaitsForNoSignature() throws {
        let f = try MatterFixture()
        let n = try f.new("2026-11-20T08:00").number
        try f.move(n, .dispatch, as: "op", at: "2026-11-20T08:10")
        // Back to the file before the step: its columns and index gone, as an older program left it.
        try f.store.db.execute("""
            DROP INDEX matters_unsigned;
            ALTER TABLE matters DROP COLUMN sign_due_at; ALTER TABLE matters DROP COLUMN signed_at;
            ALTER TABLE matters DROP COLUMN signed_by; ALTER TABLE matters DROP COLUMN sign_overdue_recorded;
            PRAGMA user_version = \(Migration.v13SignFor.version - 1);
            """)
        let upgraded = try Store.open(path: f.path)
        XCTAssertEqual(upgraded.schemaVersion, Migrator.latestVersion)
        let m = try XCTUnwrap(try upgraded.matter(number: n))
        XCTAssertEqual(m.state, .dispatched); XCTAssertEqual(m.department, "ZF"); XCTAssertEqual(m.stageDueAt, f.at("2026-11-20T10:10"))
        XCTAssertNil(m.signDueAt); XCTAssertFalse(m.awaitsSignature)
        var overdue = MatterFilter(); overdue.overdue = true
        XCTAssertEqual(try upgraded.matters(overdue, now: f.at("2026-11-20T10:00")).count, 0)
        XCTAssertThrowsError(try upgraded.perform(MoveRequest(.sign, number: n), by: upgraded.actor(login: "op"), now: f.at("2026-11-20T10:00")))
        // The step runs again over itself without harm.
        try upgraded.db.execute("PRAGMA user_version = \(Migration.v13SignFor.version - 1)")
        XCTAssertEqual(try Store.open(path: f.path).schemaVersion, Migrator.latestVersion)
    }
}
