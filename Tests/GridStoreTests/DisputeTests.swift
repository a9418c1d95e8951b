import XCTest
import GridCore
@testable import GridStore

/// 就地化解 and 稳控 on a hand-made month; the category table's `dispute` flag, old 8-column files, the upgrade.
final class DisputeTests: XCTestCase {
    func fixture() throws -> MatterFixture {
        let f = try MatterFixture()
        try f.store.db.execute("""
            INSERT INTO categories(code, name, major, department, urgency, dispatch_limit, handle_limit, verify_limit, dispute)
            VALUES ('JF', '邻里纠纷', '矛盾纠纷', 'ZF', 'normal', '30min', '2h', '1h', 1)
            """)
        return f
    }

    func testSettledOnTheSpotAndUnderControlGiveTheDocumentedRates() throws {
        let f = try fixture()
        // November 2026, five disputes (JF) and one other matter (WJ) settled on the spot:
        //   d1, d2 settled on the spot; d3 dispatched and under control (open); d4 dispatched, neither;
        //   d5 dispatched, fed back, verified: closed; w (WJ) settled: not a dispute, not counted.
        // 就地化解率 = 2 / 5 = 40.00% (target 95%: not met); 稳控率 = (d3 + d5) / (5 − 2) = 2 / 3 = 66.67% (not met).
        let d1 = try f.new("2026-11-02T09:00", category: "JF").number
        let d2 = try f.new("2026-11-03T09:00", category: "JF").number
        let d3 = try f.new("2026-11-04T09:00", category: "JF").number
        let d4 = try f.new("2026-11-05T09:00", category: "JF").number
        let d5 = try f.new("2026-11-06T09:00", category: "JF").number
        let w = try f.new("2026-11-06T10:00", category: "WJ").number
        // Settled an hour after intake: the 30min dispatch clock went overdue, yet it counts as closed on time.
        var m = try f.move(d1, .settle, as: "op", at: "2026-11-02T10:00", note: "网格员现场调解，双方和解")
        XCTAssertEqual(m.state, .closed); XCTAssertTrue(m.settled); XCTAssertTrue(m.everOverdue)
        XCTAssertEqual(try f.store.matterDetail(number: d1).2.map(\.kind), [.intake, .overdue, .settle])
        try f.move(d2, .settle, as: "op", at: "2026-11-03T09:10", note: "现场化解")
        try f.move(w, .settle, as: "op", at: "2026-11-06T10:10", note: "当场整改")
        for n in [d3, d4, d5] { try f.move(n, .dispatch, as: "op", at: "2026-11-06T11:00") }
        m = try f.move(d3, .control, as: "op", at: "2026-11-06T11:30", note: "双方情绪稳定，专人盯守")
        XCTAssertTrue(m.underControl); XCTAssertEqual(m.state, .dispatched)
        XCTAssertThrowsError(try f.move(d3, .control, as: "op", at: "2026-11-06T11:40", note: "再次")) { e in
            XCTAssertEqual(e as? StoreError, .controlUnchanged(number: d3, underControl: true))
        }
        XCTAssertThrowsError(try f.move(d4, .release, as: "op", at: "2026-11-06T11:40", note: "x"))
        XCTAssertThrowsError(try f.move(w, .control, as: "op", at: "2026-11-06T11:40", note: "x"))   // closed
        let open = try f.new("2026-11-06T12:00", category: "WJ").number
        XCTAssertThrowsError(try f.move(open, .control, as: "op", at: "2026-11-06T12:05", note: "x")) { e in
            XCTAssertEqual(e as? StoreError, .notADispute(number: open, category: "WJ"))
        }
        try f.move(d5, .feedback, as: "op", at: "2026-11-06T12:00", note: "调解完毕")
        try f.move(d5, .verifyPass, as: "op", at: "2026-11-06T12:30")
        let d = try f.store.disputes(from: LocalDate(year: 2026, month: 11, day: 1)!, through: LocalDate(year: 2026, month: 11, day: 30)!)
        XCTAssertEqual(d, DisputeCounts(takenIn: 5, settled: 2, closedOrControlled: 2))
        XCTAssertEqual(Evaluation.onTheSpot(d).description, "40.00%")
        XCTAssertEqual(Evaluation.control(d).description, "66.67%")
        XCTAssertEqual(Evaluation.meets(Evaluation.onTheSpot(d), target: Evaluation.onTheSpotTarget), false)
        // Released, d3 no longer counts as controlled: 稳控率 1 / 3 = 33.33%.
        try f.move(d3, .release, as: "op", at: "2026-11-07T09:00", note: "转入正常处置")
        XCTAssertEqual(Evaluation.control(try f.store.disputes(from: LocalDate(year: 2026, month: 11, day: 1)!, through: LocalDate(year: 2026, month: 11, day: 30)!)).description, "33.33%")
        // The settled JF matters count in November's evaluation (their settling instant stands in for a handling deadline).
        let zf = try XCTUnwrap(try f.store.evaluation(month: LocalMonth(iso: "2026-11")!, by: .category).first { $0.key == "JF" }?.counts)
        XCTAssertEqual(zf.closed, 3)            // d1, d2 settled; d5 verified
        // On time: d1 (settled, despite its overdue dispatch clock) and d2; not d5, dispatched 2h after its 30min limit.
        XCTAssertEqual(zf.closedOnTime, 2)
    }

    func testOlderCategoryFilesStillImportAndTheFlagIsRead() throws {
        let f = try MatterFixture()
        let dir = f.dir
        let old = dir + "/old.csv", new = dir + "/new.csv", bad = dir + "/bad.csv"
        try "code,name,major,department,urgency,dispatch_limit,handle_limit,verify_limit\nK1,邻里纠纷,矛盾纠纷,ZF,normal,1h,3wd,1wd\n"
            .write(toFile: old, atomically: true, encoding: .utf8)
        try "code,name,major,department,urgency,dispatch_limit,handle_limit,verify_limit,dispute\nK2,劳资纠纷,矛盾纠纷,ZF,normal,1h,5wd,1wd,1\nK3,占道,市容环境,ZF,normal,1h,5wd,1wd,\n"
            .write(toFile: new, atomically: true, encoding: .utf8)
        try "code,name,major,department,urgency,dispatch_limit,handle_limit,verify_limit,dispute\nK4,x,矛盾纠纷,ZF,normal,1h,5wd,1wd,maybe\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let admin = try f.actor("admin"), now = f.at("2026-11-20T08:00")
        try f.store.importCategories(path: old, actor: admin, now: now)
        try f.store.importCategories(path: new, actor: admin, now: now)
        XCTAssertThrowsError(try f.store.importCategories(path: bad, actor: admin, now: now))
        let flags = Dictionary(uniqueKeysWithValues: try f.store.categories().map { ($0.code, $0.dispute) })
        XCTAssertEqual(flags["K1"], false)      // an old file says nothing: not a dispute (the upgrade step sets old rows)
        XCTAssertEqual(flags["K2"], true); XCTAssertEqual(flags["K3"], false); XCTAssertNil(flags["K4"])
    }

    func testTheUpgradeFlagsTheDisputeMajorClass() throws {
        let f = try MatterFixture()
        try f.store.db.execute("""
            INSERT INTO categories(code, name, major, department, urgency, dispatch_limit, handle_limit, verify_limit)
            VALUES ('JF', '邻里纠纷', '矛盾纠纷', 'ZF', 'normal', '30min', '2h', '1h');
            ALTER TABLE categories DROP COLUMN dispute;
            ALTER TABLE matters DROP COLUMN settled; ALTER TABLE matters DROP COLUMN under_control;
            PRAGMA user_version = \(Migration.v15Disputes.version - 1);
            """)
        let upgraded = try Store.open(path: f.path)
        XCTAssertEqual(upgraded.schemaVersion, Migrator.latestVersion)
        let flags = Dictionary(uniqueKeysWithValues: try upgraded.categories().map { ($0.code, $0.dispute) })
        XCTAssertEqual(flags, ["JF": true, "WJ": false, "ZY": false])
    }
}
