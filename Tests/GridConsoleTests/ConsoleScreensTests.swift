import XCTest
import GridCore
@testable import GridStore
@testable import GridConsole

/// The screens drawn on a MemorySurface over the fixture township at 2026-11-22 10:00 (+08:00).
final class ConsoleScreensTests: XCTestCase {
    var store: Store!
    var app: ConsoleApp!
    var s: MemorySurface!

    override func setUpWithError() throws {
        store = try Fixture.store()
        app = try Fixture.app(store)
        s = MemorySurface(rows: 40, cols: 120)
        app.tick()
    }

    func testOverviewCounters() {
        app.draw(s)
        XCTAssertEqual(s.line(0).hasPrefix(" 1 总览  2 案件  3 超期督办  4 巡查考核  5 网格图  6 值班"), true)
        // Reported today (from 00:00): only 0001 at 09:00. Open 4. Near due: 0001 (near 10:00 ≤ now < due 11:00).
        // Overdue: 0003 (due 07:00). Urgent open: 0001. Shelved: 0002.
        XCTAssertEqual(s.line(2), " 今日新增 1   在办 4   临期 1   超期 1   紧急在办 1   已上报 0   挂账 1")
        let over = s.find("超期 1")!
        XCTAssertEqual(s.cell(2, over.col + 5).text, "1")
        XCTAssertEqual(s.cell(2, over.col + 5).role, .overdue, "the overdue count is red")
        XCTAssertEqual(s.cell(2, over.col + 5).attrs, [.bold])
        XCTAssertEqual(s.cell(2, over.col).role, .dim)
        // By state: dispatched 3, new 1.
        XCTAssertTrue(s.line(5).hasPrefix(" 处置中            3 █"), s.line(5))
        XCTAssertTrue(s.line(6).hasPrefix(" 待派遣            1 █"), s.line(6))
        // Patrol today: G01 150 min ≥ 120 (met); G02 90 min (under); G03 none.
        XCTAssertTrue(s.line(15).hasPrefix(" 达2小时 1   不足 1   无人巡查 1"), s.line(15))
        // Reports this month by grid workers: 0001 (W1) and 0003 (W2) = 2; target 3 workers × 10 = 30;
        // pace on day 22 of 30: 30 × 22 / 30 = 22.
        XCTAssertTrue(s.line(15).contains("2 / 30  进度应达 22"))
        // The status line: where, and the refresh time ending one column before the edge (120 − 1 − 13 = 106).
        // The path gives way to the date and time: shown whole when it fits, else cut with an ellipsis.
        let path = store.db.path
        XCTAssertTrue(s.line(38).hasPrefix(" 总览 · \(path)") || s.line(38).hasPrefix(" 总览 · " + String(path.prefix(40))) && s.line(38).contains("…"), s.line(38))
        XCTAssertEqual(s.find("刷新 10:00:00")?.col, 106)
        // 2026-11-22: 325 days after Thursday 2026-01-01, 325 = 46·7 + 3 → Sunday. The test clock is set: marked.
        XCTAssertNotNil(s.find("[演练] 2026-11-22 周日 固定时钟  刷新 10:00:00"), s.line(38))   // a rehearsal file, a set clock
        XCTAssertEqual(s.cell(38, 0).role, .status)
    }

    func testMattersTableSortedByDeadlineWithColours() {
        app.handle(.char("2")); app.draw(s)
        XCTAssertEqual(s.line(1), " 共 4 件   范围：在办   排序：剩余/超期")
        XCTAssertEqual(s.line(2), " 编号           紧急 类别           网格     部门         状态       剩余/超期▼ 标题")
        // Most overdue first: 0003 due 07:00 → over 3 h; 0001 due 11:00 → 1 h left; 0004 +30 h → 1 d 6 h; 0002 +200 h → 8 d 8 h.
        XCTAssertEqual(s.line(3), " 20261121-0003  一般 违章搭建       G02      城管中队     处置中       超3时0分 院内违章搭建彩钢棚")
        XCTAssertEqual(s.line(4), " 20261122-0001  紧急 邻里纠纷       G01                   待派遣       剩1时0分 楼道堆放杂物引发争吵")
        XCTAssertEqual(s.line(5), " 20261121-0004  一般 邻里纠纷       G02      综治办       处置中       剩1天6时 噪音扰民")
        XCTAssertEqual(s.line(6), " 20261120-0002  一般 违章搭建       G03      城管中队     处置中       剩8天8时 废弃房屋待拆除")
        // Row 4 is selected (reversed); row 5's deadline is near due (yellow), its urgency red.
        XCTAssertEqual(s.cell(3, 1).attrs, [.reverse])
        let dueCol = s.find("剩1时0分")!.col
        XCTAssertEqual(s.cell(4, dueCol).role, .nearDue)
        XCTAssertEqual(s.cell(4, 16).role, .overdue)
    }

    func testFilterTermsAndSort() {
        app.handle(.char("2"))
        app.handle(.char("/"))
        for c in "dept:城管中队" { app.handle(.char(c)) }
        app.handle(.enter)
        app.draw(s)
        XCTAssertEqual(s.line(1), " 共 2 件   范围：在办   排序：剩余/超期   筛选：dept:城管中队")
        XCTAssertTrue(s.line(3).hasPrefix(" 20261121-0003"))
        XCTAssertTrue(s.line(4).hasPrefix(" 20261120-0002"))
        // s cycles to the next column after "due" → number, newest first.
        app.handle(.char("s")); app.draw(s)
        XCTAssertTrue(s.line(2).hasPrefix(" 编号▼"))
        XCTAssertTrue(s.line(3).hasPrefix(" 20261121-0003"))
        XCTAssertTrue(s.line(4).hasPrefix(" 20261120-0002"))
        app.handle(.escape); app.draw(s)
        XCTAssertEqual(s.line(1), " 共 4 件   范围：在办   排序：编号")
    }

    func testMatterPageShowsFieldsAndHistory() {
        app.runCommand("case 20261121-0003")
        app.draw(s)
        XCTAssertEqual(s.line(1), " 20261121-0003  处置中  超3时0分  院内违章搭建彩钢棚")
        XCTAssertEqual(s.cell(1, 24).role, .overdue)
        XCTAssertNotNil(s.find("网格       G02 东湖二组"), s.text)      // the name beside the code
        XCTAssertNotNil(s.find("受理时间   11-21 14:00"), s.text)        // local and short, not ISO
        XCTAssertNotNil(s.find("上报人     W2 李娜"), s.text)
        XCTAssertNotNil(s.find("状态       处置中"), s.text)
        let dispatched = try! XCTUnwrap(s.find("11-21 15:00  派遣  tester"), s.text)
        XCTAssertEqual(s.find("  派至城管中队")?.row, dispatched.row + 1, "the note under its move")
        XCTAssertNotNil(s.find("当前状态与角色下没有可办理的操作"))
        app.handle(.escape); app.draw(s)
        XCTAssertTrue(s.line(38).hasPrefix(" 总览"))
        app.runCommand("case nope")
        XCTAssertEqual(app.message, "没有这个案件：nope")
        // An unknown grid says so and opens no empty page.
        app.runCommand("grid NOSUCH"); app.draw(s)
        XCTAssertEqual(app.message, "没有这个网格：NOSUCH")
        XCTAssertNil(s.find("今日巡查记录"), s.text)                  // the grid page's sessions heading: no page opened
    }

    func testOverdueGroupsByDepartment() {
        app.handle(.char("3")); app.draw(s)
        XCTAssertTrue(s.line(2).hasPrefix(" 部门               超期  临期 编号            剩余/超期 部门         网格     紧急 督办 延期 标题"), s.text)
        XCTAssertTrue(s.line(3).hasPrefix(" 城管中队              1     0 20261121-0003    超3时0分 城管中队     G02      一般    0      院内违章搭建彩钢棚"), s.text)
        XCTAssertTrue(s.line(4).hasPrefix(" 未派遣                0     1 20261122-0001    剩1时0分 未派遣       G01      紧急    0      楼道堆放杂物引发争吵"))
        // At 80 columns the department and grid columns go first; number, due, urgency and title stay.
        let narrow = MemorySurface(rows: 24, cols: 80)
        app.draw(narrow)
        XCTAssertTrue(narrow.line(2).hasPrefix(" 部门         超期  临期 编号            剩余/超期 紧急 督办 延期 标题"), narrow.text)
        XCTAssertTrue(narrow.line(3).hasPrefix(" 城管中队        1     0 20261121-0003    超3时0分 一般    0      院内违章搭建"), narrow.text)
    }

    func testPatrolCountsOverlapsOnceAndMarksOngoing() {
        app.handle(.char("4")); app.draw(s)
        // The heading names the month and says its grades are pace grades: 21 of November's 30 days are over.
        XCTAssertEqual(s.line(1).trimmingCharacters(in: .whitespaces), "2026年11月（本月）· 已过 21/30 天 · 按进度评定，暂定")
        // G02: 08:00–09:00 ∪ 08:30–09:10 = 70 min, plus 09:40–now(10:00) ongoing = 20 → 90 min = 1:30 ▶.
        XCTAssertTrue(s.line(4).hasPrefix(" G02      东湖二组           1:30 ▶"), s.line(4))
        // G01: 150 min today. Today is judged when it ends: the 21 completed days have no patrol,
        // so average 0 and 0 of 21 days met; reports 1 of 10, behind the pace (1 × 30 < 10 × 22).
        XCTAssertTrue(s.line(3).hasPrefix(" G01      东湖一组           2:30"), s.line(3))
        // The average carries its unit; 落后 says it is the reports that are behind (patrol met 2 h today).
        XCTAssertTrue(s.line(3).contains("0 分钟    0/21      1     1/10 上报落后"), s.line(3))
        XCTAssertTrue(s.line(2).contains("今日巡查(时:分)") && s.line(2).contains("月日均(分钟)"), s.line(2))
        app.handle(.enter); app.draw(s)
        // The grid page: the worker's line (1 report by day 22 of 30 is behind 10 × 22 / 30), today's session.
        XCTAssertNotNil(s.find("W1         张伟       专职       13800000001         1/10 落后"), s.text)
        XCTAssertNotNil(s.find("W1 张伟              11-22 07:00  11-22 09:30  150 分钟"), s.text)
    }

    func testGridMapColoursByWorstState() {
        app.handle(.char("5")); app.draw(s)
        // G02 has an overdue matter: red. G01 met its patrol: green. G03 none at 10:00 (behind pace): yellow.
        let g01 = s.find("G01")!, g02 = s.find("G02")!, g03 = s.find("G03")!
        XCTAssertEqual(s.cell(g02.row, g02.col).role, .overdue)
        XCTAssertEqual(s.cell(g01.row, g01.col).role, .met)
        XCTAssertEqual(s.cell(g03.row, g03.col).role, .nearDue)
        XCTAssertTrue(s.line(37).hasPrefix(" G01 东湖一组 · 今日巡查(时:分) 2:30"), s.line(37))
        app.handle(.right); app.draw(s)
        XCTAssertTrue(s.line(37).hasPrefix(" G02 东湖二组"))
        app.handle(.down); app.draw(s)
        XCTAssertTrue(s.line(37).hasPrefix(" G03 东湖三组"))
    }

    func testTooSmallMessage() {
        let small = MemorySurface(rows: 20, cols: 70)
        app.draw(small)
        XCTAssertEqual(small.line(10), String(repeating: " ", count: 17) + "窗口太小：至少需要 80×24，当前 70×20")
    }

    func testEnglishStrings() throws {
        let en = try Fixture.app(store, language: .en)
        en.tick(); en.draw(s)
        XCTAssertTrue(s.line(0).hasPrefix(" 1 Overview  2 Matters  3 Overdue  4 Patrol  5 Grid map  6 Duty"))
        XCTAssertTrue(s.line(2).hasPrefix(" New today 1   Open 4   Near due 1   Overdue 1"))
        // The matter page in English: labels, state, source and the system's history words from the name table.
        try store.sweepOverdue(now: Fixture.now)
        en.runCommand("case 20261121-0003"); en.draw(s)
        XCTAssertNotNil(s.find("State         dispatched"), s.text)
        XCTAssertNotNil(s.find("Source        grid worker"), s.text)
        let breach = try XCTUnwrap(s.find("overdue  system"), s.text)
        XCTAssertEqual(s.find("  handling stage overdue")?.row, breach.row + 1, s.text)
        XCTAssertNil(s.find("处置中"), s.text)
    }

    func testNoDomainCodeOrEnglishNameOnAChineseScreen() throws {
        // The words that leaked before (codes and English phrases), and every English name of the name table.
        var english = ["fed_back", "extend_", "verify_pass", "grid_worker", "first contact", "working days", "stage passed", "detected"]
        english += MatterState.allCases.map(\.rawValue) + EventKind.allCases.map(\.rawValue).filter { $0.count > 4 }
        english += Move.all.map { $0.displayName(.en) } + MatterSource.allCases.map { $0.displayName(.en) }
        // System events (the detected breach of 0003's handling stage) used to store English notes.
        try store.sweepOverdue(now: Fixture.now)      // (the console may have recorded it already)
        for screen in ["1", "2", "3", "4", "5", "6"] {
            app.handle(.escape); app.handle(.char(Character(screen))); app.draw(s)
            for w in english { XCTAssertNil(s.find(w), "screen \(screen) shows \"\(w)\":\n\(s.text)") }
        }
        app.runCommand("case 20261121-0003"); app.draw(s)
        let breach = try XCTUnwrap(s.find("超期  system"), s.text)
        XCTAssertEqual(s.find("  处置环节超期")?.row, breach.row + 1, s.text)
        for w in english { XCTAssertNil(s.find(w), "matter page shows \"\(w)\":\n\(s.text)") }
    }

    func testHelpOverlayListsTheScreensKeys() {
        app.handle(.char("2")); app.handle(.char("?")); app.draw(s)
        XCTAssertNotNil(s.find("↑↓       ↑↓/j k 移动 · PgUp/PgDn 翻页 · g/G 首/末"))
        XCTAssertNotNil(s.find("s/>      排序"))
        XCTAssertNotNil(s.find("a        在办与全部（含已结束）之间切换"))
        app.handle(.char("x")); app.draw(s)
        XCTAssertNil(s.find("s/>      排序"))
    }

    func testAnotherProcessesCommitShowsWithABannerAndBell() throws {
        app.handle(.char("2")); app.draw(s)
        XCTAssertFalse(app.tick(), "nothing changed")
        let other = try Store.open(path: store.db.path)
        let t = Int(Fixture.now.timeIntervalSince1970)
        try other.db.write {
            try other.db.run("""
                INSERT INTO matters(number, reported_at, source, grid, category, urgency, title, state, first_contact, stage, stage_due_at, near_due_at, created_at, updated_at, updated_by)
                VALUES ('20261122-0005', ?, 'hotline', 'G01', 'C1', 'urgent', '燃气泄漏', 'new', 'x', 'dispatch', ?, ?, ?, ?, 'x')
                """, [.of(t), .of(t + 3600), .of(t + 1800), .of(t), .of(t)])
        }
        XCTAssertTrue(app.tick())
        app.draw(s)
        XCTAssertEqual(s.line(1), " ▲ 紧急案件：20261122-0005 紧急 邻里纠纷 G01 燃气泄漏", "number, urgency, category, grid and title")
        XCTAssertEqual(s.cell(1, 1).role, .banner)
        XCTAssertEqual(s.alerts, 1)
        XCTAssertEqual(s.line(2), " 共 5 件   范围：在办   排序：剩余/超期")
        app.draw(s)
        XCTAssertEqual(s.alerts, 1, "one bell per alert, not per frame")
        app.handle(.escape); app.draw(s)
        XCTAssertEqual(s.line(1), " 共 5 件   范围：在办   排序：剩余/超期", "Esc dismisses the banner")
    }

    func testNewlyOverdueRaisesAnAlertAsTimePasses() throws {
        final class Box: @unchecked Sendable { var t = Fixture.now }
        let box = Box()
        let live = ConsoleApp(store: store, language: .zh, clock: ConsoleClock { box.t }, actor: try store.actor(login: "tester"), actions: .none)
        live.tick(); live.draw(s)
        XCTAssertNil(live.banner)
        XCTAssertEqual(s.line(2), " 今日新增 1   在办 4   临期 1   超期 1   紧急在办 1   已上报 0   挂账 1")
        // 10 s later: no write, no 30-s re-evaluation yet.
        box.t = Fixture.now.addingTimeInterval(10)
        XCTAssertFalse(live.tick())
        // 0001 is due at 11:00. At 11:00:01 — the deadline instant, not the next half-minute — the console reloads
        // and sees it overdue, without any write.
        box.t = Fixture.now.addingTimeInterval(3590)
        live.tick()
        box.t = Fixture.now.addingTimeInterval(3601)
        XCTAssertTrue(live.tick(), "woken by the deadline 1 s after it passed")
        live.draw(s)
        XCTAssertEqual(s.line(1), " ▲ 新超期：20261122-0001 紧急 邻里纠纷 G01 楼道堆放杂物引发争吵")
        XCTAssertEqual(s.alerts, 1)
        XCTAssertEqual(s.line(3), " 今日新增 1   在办 4   临期 0   超期 2   紧急在办 1   已上报 0   挂账 1")
        // The console also writes the breach into 0001's history, once, dated at the deadline, by `system`.
        let breach = "SELECT count(*) FROM events e JOIN matters m ON m.id = e.matter_id WHERE m.number = '20261122-0001' AND e.kind = 'overdue' AND e.actor = 'system'"
        XCTAssertEqual(try store.db.scalarInt(breach), 1)
        box.t = Fixture.now.addingTimeInterval(3700)
        live.tick()
        XCTAssertEqual(try store.db.scalarInt(breach), 1, "recorded once, however often the console looks")
        // Still undispatched (0001 is urgent and new): 10 minutes after the last reminder check it rings again.
        live.handle(.escape)
        box.t = Fixture.now.addingTimeInterval(3601 + 9 * 60)
        live.tick()
        XCTAssertNil(live.banner, "not before the reminder interval")
        box.t = Fixture.now.addingTimeInterval(3601 + 10 * 60)
        live.tick(); live.draw(s)
        XCTAssertEqual(s.line(1), " ▲ 紧急未派遣（已过派遣时限）：20261122-0001 紧急 邻里纠纷 G01 楼道堆放杂物引发争吵")
        XCTAssertEqual(s.alerts, 2)
    }

    func testBellCanBeTurnedOff() throws {
        let quiet = ConsoleApp(store: store, language: .zh, clock: ConsoleClock(start: Fixture.now.addingTimeInterval(-60), frozen: false),
                               actor: try store.actor(login: "tester"), actions: .none, bell: false)
        quiet.tick()
        let other = try Store.open(path: store.db.path)
        try other.db.write {
            try other.db.run("UPDATE matters SET urgency = 'urgent' WHERE id = 1")
            try other.db.run("""
                INSERT INTO matters(number, reported_at, source, grid, category, urgency, title, state, first_contact, created_at, updated_at, updated_by)
                VALUES ('20261122-0008', 0, 'hotline', 'G01', 'C1', 'urgent', '火情', 'new', 'x', 0, 0, 'x')
                """)
        }
        XCTAssertTrue(quiet.tick())
        quiet.draw(s)
        XCTAssertEqual(s.line(1), " ▲ 紧急案件：20261122-0008 紧急 邻里纠纷 G01 火情")
        XCTAssertEqual(s.alerts, 0)
    }

    func testFormValidatesAndKeepsUnsavedTextBehindAQuestion() {
        app.handle(.char("n")); app.draw(s)
        XCTAssertTrue(s.line(1).hasPrefix(" 新建案件"))
        app.handle(.ctrl("s")); app.draw(s)
        XCTAssertNotNil(s.find("必填：网格"))
        for c in "zz" { app.handle(.char(c)) }
        app.handle(.ctrl("s")); app.draw(s)
        XCTAssertNotNil(s.find("网格：没有匹配「zz」的选项"))
        app.handle(.escape)
        XCTAssertNotNil(app.confirm, "typed text is not dropped silently")
        app.handle(.char("n"))
        XCTAssertTrue(app.current is NewMatterScreen)
        app.handle(.escape); app.handle(.char("y"))
        XCTAssertFalse(app.current is NewMatterScreen)
    }

    func testFormSavesThroughTheActionsWithChineseText() {
        var saved: MatterDraft?
        let actions = ConsoleActions(allowedMoves: { _, _, _ in [] }, perform: { _, _, _, _, _ in "" },
                                     intake: { d, _, _, _ in saved = d; return "20261122-0006" }, duplicates: { _, _ in [] })
        let app = try! Fixture.app(store, actions: actions)
        app.handle(.char("n"))
        for c in "一组" { app.handle(.char(c)) }     // filters to G01 东湖一组
        app.handle(.enter)                           // choose, next field
        for c in "纠纷" { app.handle(.char(c)) }     // C1 邻里纠纷
        app.handle(.enter)                           // department follows the category: D1
        app.handle(.tab); app.handle(.tab)           // past department and source
        for c in "楼道堆物" { app.handle(.char(c)) }
        app.handle(.ctrl("s"))
        XCTAssertEqual(saved?.grid, "G01")
        XCTAssertEqual(saved?.category, "C1")
        XCTAssertEqual(saved?.department, "D1")
        XCTAssertEqual(saved?.title, "楼道堆物")
        XCTAssertEqual(app.message, "已受理：20261122-0006")
        XCTAssertFalse(app.current is NewMatterScreen)
    }

    func testReadOnlyConsoleSaysSo() throws {
        let path = store.db.path
        store = nil; app = nil
        chmod(path, 0o440)
        defer { chmod(path, 0o660) }
        if getuid() == 0 { throw XCTSkip("root can write any file") }
        let ro = try Store.open(path: path)
        XCTAssertTrue(ro.isReadOnly)
        let a = try Fixture.app(ro)
        a.tick(); a.draw(s)
        XCTAssertTrue(s.line(0).contains("[只读]"))
        XCTAssertEqual(a.message, "数据库文件只读：只能查看，不能办理")
    }
}
