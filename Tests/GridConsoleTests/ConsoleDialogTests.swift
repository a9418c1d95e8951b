import XCTest
import GridCore
@testable import GridStore
@testable import GridConsole

/// Every move in the console, asked through the one dialog and written through the store with the version check:
/// dispatch to a chosen department, feedback, verification, urge at a level, escalate with a reason, an
/// extension requested and approved, a merge target found by search.
final class ConsoleDialogTests: XCTestCase {
    var store: Store!
    var app: ConsoleApp!
    let s = MemorySurface(rows: 24, cols: 80)

    override func setUpWithError() throws {
        store = try Fixture.store()
        app = try Fixture.app(store, actions: .live(store))
    }

    func type(_ text: String) { for c in text { app.handle(.char(c)) } }

    /// Opens the matter's page (if not open) and starts the move `id` from its moves list.
    func start(_ id: String, on number: String) throws {
        if (app.current as? MatterPageScreen)?.number != number { app.runCommand("case " + number) }
        let page = try XCTUnwrap(app.current as? MatterPageScreen)
        let i = try XCTUnwrap(page.moves.firstIndex { $0.id == id }, "\(id) not offered: \(page.moves.map(\.id))")
        app.handle(.char("m"))
        for _ in 0..<i { app.handle(.down) }
        app.handle(.enter)
        XCTAssertNotNil(page.dialog, id)
    }

    func state(_ number: String) throws -> MatterState { try XCTUnwrap(try store.matter(number: number)).state }

    func testANewUrgentMatterGoesThroughToClosedInTheConsole() throws {
        try start("dispatch", on: "20261122-0001")       // C1 邻里纠纷: default department D1
        app.draw(s)
        XCTAssertNotNil(s.find("派往部门："), s.text)
        XCTAssertNotNil(s.find("综治办"), "the category's default is pre-selected\n\(s.text)")
        for _ in 0..<4 { app.handle(.backspace) }
        type("D2"); app.handle(.enter)                   // a non-default department
        type("请城管核实"); app.handle(.enter)
        XCTAssertEqual(try state("20261122-0001"), .dispatched)
        XCTAssertEqual(try store.matter(number: "20261122-0001")?.department, "D2")
        // D2 sends it back (misrouted); re-dispatching offers the category's default again, and D1 takes it.
        try start("return", on: "20261122-0001")
        type("不属本队职责"); app.handle(.enter)
        XCTAssertEqual(try state("20261122-0001"), .new)
        try start("dispatch", on: "20261122-0001")
        app.draw(s)
        XCTAssertNotNil(s.find("派往部门：D1"), s.text)
        app.handle(.enter); app.handle(.enter)
        XCTAssertEqual(try store.matter(number: "20261122-0001")?.department, "D1")
        try start("feedback", on: "20261122-0001")
        app.handle(.enter)
        XCTAssertNotNil((app.current as? MatterPageScreen)?.dialog, "feedback needs a note: Enter on an empty one stays")
        app.draw(s)
        XCTAssertNotNil(s.find("理由（必填）：必填"), s.text)
        type("已现场处置"); app.handle(.enter)
        XCTAssertEqual(try state("20261122-0001"), .fedBack)
        try start("verify_pass", on: "20261122-0001")
        app.handle(.enter)
        XCTAssertEqual(try state("20261122-0001"), .closed)
        let kinds = try store.history(ofMatter: try XCTUnwrap(try store.matter(number: "20261122-0001")).id).map(\.kind.rawValue)
        XCTAssertEqual(Array(kinds.suffix(5)), ["dispatch", "return", "dispatch", "feedback", "verify_pass"])
    }

    func testUrgeAsksItsLevelAndEscalateItsReason() throws {
        app.handle(.char("3"))                             // 超期督办: 0003 first (most overdue)
        app.handle(.char("u")); app.draw(s)
        XCTAssertNotNil(s.find("督办等级："), s.text)
        app.handle(.char("2")); app.handle(.enter)          // 黄牌
        type("请今日回复"); app.handle(.enter)
        let m = try XCTUnwrap(try store.matter(number: "20261121-0003"))
        XCTAssertEqual([m.urgeCount, m.urgeYellow], [1, 1])
        // Escalation sends the matter to the district centre's department (issue 16): the fixture gets one.
        try store.db.run("INSERT INTO departments(code, name, platform) VALUES ('QZX', '区指挥中心', 'district')")
        app.handle(.char("e")); app.handle(.enter)
        XCTAssertEqual(try state("20261121-0003"), .dispatched, "no reason, no escalation")
        type("需区级协调"); app.handle(.enter)
        XCTAssertEqual(try state("20261121-0003"), .escalated)
    }

    func testAnExtensionIsRequestedShownAndApproved() throws {
        // A matter taken in and dispatched through the store eight and seven days ago: its handling clock is overdue.
        let admin = try store.actor(login: "tester")
        let n = try store.intake(MatterIntake(reportedAt: Fixture.now.addingTimeInterval(-8 * 86_400), source: .hotline, grid: "G01",
                                              category: "C1", title: "围墙倒塌"), by: admin, now: Fixture.now.addingTimeInterval(-8 * 86_400)).number
        try store.perform(MoveRequest(.dispatch, number: n), by: admin, now: Fixture.now.addingTimeInterval(-7 * 86_400))
        try start("extend_request", on: n)
        type("x"); app.handle(.enter)
        app.draw(s)
        XCTAssertNotNil(s.find("延期工作日须为 \(TimeRules.extensionDays.lowerBound)–\(TimeRules.extensionDays.upperBound) 的整数"), s.text)
        app.handle(.backspace); type("2"); app.handle(.enter)
        type("等待产权材料"); app.handle(.enter)
        app.draw(s)
        XCTAssertNotNil(s.find("延期申请"), "the pending request on the page\n\(s.text)")
        XCTAssertNotNil(s.find("2 个工作日 · 等待产权材料"), s.text)
        // The overdue list marks it; the supervisor (tester is admin) approves it there.
        app.handle(.escape); app.handle(.char("3"))
        let list = try XCTUnwrap(app.current as? OverdueScreen)
        let row = try XCTUnwrap(list.rows.firstIndex { $0.number == n }, "\(list.rows.map(\.number))")
        for _ in 0..<row { app.handle(.down) }
        app.draw(s)
        XCTAssertNotNil(s.find("待批"), s.text)
        let before = try XCTUnwrap(try store.matter(number: n)?.stageDueAt)
        app.handle(.char("x")); app.handle(.enter)
        XCTAssertTrue(app.message?.hasPrefix("批准延期 ✓") ?? false, app.message ?? "")
        let m = try XCTUnwrap(try store.matter(number: n))
        XCTAssertEqual(m.extensionCount, 1)
        XCTAssertGreaterThan(try XCTUnwrap(m.stageDueAt), before)
        app.draw(s)
        XCTAssertNil(s.find("待批"))
    }

    func testMergeFindsItsTargetBySearch() throws {
        // 0004 噪音扰民 and a new matter of the same kind: merge the new one into 0004 by a word of its title.
        let n = try store.intake(MatterIntake(reportedAt: Fixture.now, source: .hotline, grid: "G02", category: "C1", title: "夜间噪音"),
                                 by: store.actor(login: "tester"), now: Fixture.now).number
        try start("merge", on: n)
        type("楼道"); app.handle(.enter)                  // 20261122-0001 楼道堆放杂物引发争吵
        app.handle(.enter)
        XCTAssertEqual(try store.matter(number: n)?.mergedInto, "20261122-0001")
        XCTAssertEqual(try state(n), .merged)
    }

    /// A matter closed but not answered in time (答复超期) is on the overdue list after the stage-overdue ones, as
    /// `cases --overdue` has it; `a` answers it there through the same dialog, and it leaves the list.
    func testALateReplyIsOnTheOverdueListAndAnsweredThere() throws {
        let admin = try store.actor(login: "tester")
        let n = try store.intake(MatterIntake(reportedAt: Fixture.now.addingTimeInterval(-3 * 3600), source: .hotline, grid: "G01",
                                              category: "C1", title: "路灯不亮"), by: admin, now: Fixture.now.addingTimeInterval(-3 * 3600)).number
        try store.perform(MoveRequest(.dispatch, number: n), by: admin, now: Fixture.now.addingTimeInterval(-170 * 60))
        try store.perform(MoveRequest(.feedback, number: n, note: "已修复"), by: admin, now: Fixture.now.addingTimeInterval(-160 * 60))
        try store.perform(MoveRequest(.verifyPass, number: n), by: admin, now: Fixture.now.addingTimeInterval(-150 * 60))
        // Its reply deadline an hour ago, nothing recorded: late.
        try store.db.run("UPDATE matters SET reply_due_at = ? WHERE number = ?", [.of(Fixture.now.addingTimeInterval(-3600)), .text(n)])
        var f = MatterFilter(); f.overdue = true
        XCTAssertTrue(try store.matters(f, now: Fixture.now).map(\.number).contains(n), "cases --overdue lists it")
        app.handle(.char("3")); app.draw(s)
        let list = try XCTUnwrap(app.current as? OverdueScreen)
        // The fixture's overdue 0003 first, then the late reply (the last row).
        XCTAssertEqual(list.rows.first?.number, "20261121-0003")
        XCTAssertEqual(list.rows.last?.number, n)
        XCTAssertEqual(list.rows.filter(\.replyOverdue).map(\.number), [n])
        for _ in 0..<(list.rows.count - 1) { app.handle(.down) }
        app.draw(s)
        let line = try XCTUnwrap(s.find(n)).row
        XCTAssertTrue(s.line(line).contains("答复超期"), s.line(line))
        XCTAssertNotNil(s.find("a 回复"), "offered on the hint line: \(s.line(23))")
        XCTAssertNil(s.find("u 督办"), "a closed matter is not urged: \(s.line(23))")
        app.handle(.char("a")); app.draw(s)
        type("电话 已告知修复结果"); app.handle(.enter)
        XCTAssertTrue(app.message?.contains("✓ \(n)") ?? false, app.message ?? "")
        let m = try XCTUnwrap(try store.matter(number: n))
        XCTAssertNotNil(m.repliedAt)
        XCTAssertFalse(list.rows.contains { $0.number == n }, "answered: off the list")
        // The key is offered only on such a row.
        app.handle(.home); app.draw(s)
        XCTAssertNil(s.find("a 回复"), s.line(23))
        XCTAssertNotNil(s.find("u 督办"), s.line(23))
    }

    /// Dispatch names co-handling departments (协办) as `case dispatch --with` does: Tab after the lead asks for them,
    /// by code or name; an unknown one is refused in the prompt; the lead is never its own co-handler.
    func testDispatchNamesCoHandlers() throws {
        try store.db.run("INSERT INTO departments(code, name, platform) VALUES ('D3', '市场监管所', 'market')")
        try start("dispatch", on: "20261122-0001")       // lead D1 (综治办) pre-selected
        app.draw(s)
        XCTAssertNotNil(s.find("Tab 加协办"), s.text)
        app.handle(.tab); app.draw(s)
        XCTAssertNotNil(s.find("协办部门（编码或名称，逗号分隔；可空）："), s.text)
        type("水务站"); app.handle(.enter); app.draw(s)
        XCTAssertNotNil(s.find("协办部门：没有匹配「水务站」的部门"), s.text)
        for _ in 0..<3 { app.handle(.backspace) }
        type("城管中队，D3、D1"); app.handle(.enter)     // by name and by code; D1 is the lead, left out
        type("请联合处置"); app.handle(.enter)
        let m = try XCTUnwrap(try store.matter(number: "20261122-0001"))
        XCTAssertEqual(m.state, .dispatched)
        XCTAssertEqual(m.department, "D1")
        XCTAssertEqual(m.coHandlers, ["D2", "D3"])
        // Without Tab, Enter dispatches as before and names none afresh (a re-dispatch clears them).
        try start("return", on: "20261122-0001")
        type("需重新派遣"); app.handle(.enter)
        try start("dispatch", on: "20261122-0001")
        app.handle(.enter); app.handle(.enter)
        XCTAssertEqual(try store.matter(number: "20261122-0001")?.coHandlers, [])
    }
}
