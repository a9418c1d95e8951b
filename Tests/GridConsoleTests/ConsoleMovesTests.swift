import XCTest
import GridCore
@testable import GridStore
@testable import GridConsole

/// The console's moves go through the matter lifecycle: allowed moves by state and role, the version check.
final class ConsoleMovesTests: XCTestCase {
    func testAllowedMovesFollowStateAndRoleAndAStaleViewIsRefused() throws {
        let store = try Fixture.store()
        let admin = try store.actor(login: "tester")
        try store.addStaff(Staff(login: "op1", name: "值班员甲", role: .operator_), by: admin, now: Fixture.now)
        let receipt = try store.intake(MatterIntake(reportedAt: Fixture.now, source: .hotline, grid: "G01", category: "C2", title: "屋顶加盖"),
                                       by: admin, now: Fixture.now)
        let live = ConsoleActions.live(store)
        let t = Strings(.zh)
        let detail = try XCTUnwrap(store.matterDetail(number: receipt.number))
        // A new matter: an operator may dispatch, invalidate, merge, comment — not escalate (duty officer), urge or shelve (supervisor).
        let op = live.allowedMoves(detail, try store.actor(login: "op1"), t).map(\.id)
        XCTAssertTrue(op.contains("dispatch"))
        XCTAssertFalse(op.contains("escalate"))
        XCTAssertFalse(op.contains("urge"))
        let sup = live.allowedMoves(detail, admin, t).map(\.id)
        XCTAssertTrue(sup.contains("escalate"))
        XCTAssertEqual(sup.filter { $0 == "urge" }.count, 1, "one urge choice; the level is asked")
        XCTAssertFalse(sup.contains("feedback"), "feedback is not a move from new")
        // Someone else dispatches first; the page still shows version 1: the console's move is refused, not applied twice.
        try store.perform(MoveRequest(.dispatch, number: receipt.number), by: admin, now: Fixture.now)
        XCTAssertThrowsError(try live.perform(MoveChoice(id: "dispatch", label: "派遣"), detail, "", admin, Fixture.now)) { e in
            guard case StoreError.staleVersion(receipt.number, _, _, 1, 2) = e else { return XCTFail("\(e)") }
        }
        let fresh = try XCTUnwrap(store.matterDetail(number: receipt.number))
        XCTAssertEqual(fresh.row.state, .dispatched)
        XCTAssertEqual(fresh.events.map(\.kind), [.intake, .dispatch])
        // A return without a reason: the store's case, worded with the console's words — no command-line flag.
        XCTAssertThrowsError(try live.perform(MoveChoice(id: "return", label: "回退", needsNote: true), fresh, " ", admin, Fixture.now)) { e in
            XCTAssertEqual(e as? StoreError, .missingReason(number: receipt.number, move: .returnMatter))
            XCTAssertEqual(ErrorWording.words(e, Strings(.zh), zone: store.zone), "\(receipt.number)：回退需要说明，请先输入理由再按 Enter")
            XCTAssertEqual(ErrorWording.words(e, Strings(.en), zone: store.zone), "\(receipt.number): return needs a reason; type it, then Enter")
        }
        // Extension days out of the one range (TimeRules.extensionDays, 1–60).
        XCTAssertThrowsError(try live.perform(MoveChoice(id: "extend_request", label: "申请延期", needsNote: true), fresh, "61 等待材料", admin, Fixture.now)) { e in
            XCTAssertEqual(e as? StoreError, .missingValue(number: receipt.number, move: .extendRequest, value: .extensionDays))
            XCTAssertFalse(ErrorWording.words(e, Strings(.zh), zone: store.zone).contains("--"))
        }
    }

    func testTheFormSavesThroughIntakeAndDispatches() throws {
        let store = try Fixture.store()
        let app = try Fixture.app(store, actions: .live(store))
        app.handle(.char("n"))
        for c in "G02" { app.handle(.char(c)) }
        app.handle(.enter)
        for c in "C1" { app.handle(.char(c)) }
        app.handle(.enter)                       // department filled from the category: D1 → dispatched at once
        app.handle(.tab); app.handle(.tab)
        for c in "邻里噪音纠纷" { app.handle(.char(c)) }
        app.handle(.ctrl("s"))
        // 0004 is a C1 matter in G02 reported 18 h ago, inside the 24-h duplicate window: warned first.
        let s = MemorySurface(rows: 40, cols: 120)
        app.draw(s)
        XCTAssertNotNil(s.find("可能重复：20261121-0004 — 再按 Ctrl-S 仍然保存"), s.text)
        app.handle(.ctrl("s"))
        XCTAssertEqual(app.message, "已受理：20261122-0002")
        let d = try XCTUnwrap(store.matterDetail(number: "20261122-0002"))
        XCTAssertEqual(d.row.title, "邻里噪音纠纷")
        XCTAssertEqual(d.row.state, .dispatched)
        XCTAssertEqual(d.row.departmentCode, "D1")
        // Intake and dispatch are one transaction: one intake, one dispatch event, version 2 straight away.
        XCTAssertEqual(d.events.map(\.kind), [.intake, .dispatch])
        XCTAssertEqual(d.version, 2)
    }
}
