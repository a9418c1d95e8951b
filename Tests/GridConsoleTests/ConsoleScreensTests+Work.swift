import XCTest
import GridCore
@testable import GridStore
@testable import GridConsole

/// The operator's day on the console's screens (issue 14): search, bindings, long text, patrol filter, late intake.
extension ConsoleScreensTests {
    func type(_ text: String) {
        app.handle(.char("/"))
        for _ in 0..<40 { app.handle(.backspace) }
        for c in text { app.handle(.char(c)) }
        app.handle(.enter)
        app.draw(s)
    }

    func testSearchFindsEndedMattersAndExplainsRefusals() throws {
        // A matter closed yesterday, with a caller: found by a two-character word of its title, its caller's phone, its number.
        try store.db.run("""
            INSERT INTO matters(number, reported_at, source, grid, category, urgency, title, description, state, first_contact, ended_at,
              created_at, updated_at, updated_by, caller_name, caller_phone)
            VALUES ('20261121-0009', 0, 'hotline', 'G01', 'C1', 'normal', '村口垃圾桶满溢', '群众来电反映垃圾桶已满三天', 'closed', 'x', 10, 0, 0, 'x', '李女士', '13912345678')
            """)
        app.handle(.char("2"))
        // While the field is open, the hints say what Enter and Esc do (letters are text).
        app.handle(.char("/")); app.draw(s)
        XCTAssertTrue(s.line(39).hasPrefix(" Enter 确定  Esc 取消  F1 帮助"), s.line(39))
        app.handle(.escape)
        type("垃圾")
        XCTAssertEqual(s.line(1), " 共 0 件   范围：在办   排序：新→旧   筛选：垃圾", "open matters only by default")
        app.handle(.char("a")); app.draw(s)
        XCTAssertEqual(s.line(1), " 共 1 件   范围：全部（含已结束）   排序：新→旧   筛选：垃圾")
        XCTAssertTrue(s.line(3).hasPrefix(" 20261121-0009"), s.line(3))
        XCTAssertNotNil(s.find("已办结"))
        for text in ["13912345678 state:all", "20261121-0009 state:all", "李女士 state:已办结"] {
            type(text)
            XCTAssertTrue(s.line(3).hasPrefix(" 20261121-0009"), "\(text): \(s.line(3))")
        }
        type("state:待派遣")
        XCTAssertEqual(s.line(1), " 共 1 件   范围：在办   排序：剩余/超期   筛选：state:待派遣")
        XCTAssertTrue(s.line(3).hasPrefix(" 20261122-0001"))
        // A refused search keeps the field open and says what is accepted.
        type("state:bogus")
        XCTAssertTrue(s.line(1).hasPrefix(" /state:bogus"), s.line(1))
        XCTAssertNotNil(s.find("state:bogus 无此项；可用 open/在办"), s.line(38))
        app.handle(.escape)
        type("grid:东湖一组 state:all")
        XCTAssertEqual(s.line(1), " 共 2 件   范围：全部（含已结束）   排序：新→旧   筛选：grid:东湖一组 state:all")
    }

    /// On every screen made of bindings, the hint line, the `?` overlay and the key dispatch come from one list.
    func testBindingsMakeHintsHelpAndDispatch() throws {
        let screens: [(String, () -> Screen)] = [
            ("overview", { OverviewScreen() }), ("matters", { MattersScreen() }), ("overdue", { OverdueScreen() }),
            ("patrol", { PatrolScreen() }), ("map", { GridMapScreen() }), ("matter page", { MatterPageScreen(number: "20261121-0003") }),
            ("grid page", { GridPageScreen(code: "G01") }),
            ("worker page", { WorkerPageScreen(code: "W1", month: LocalMonth(year: 2026, month: 10)!) }), ("reader", { TextPageScreen(title: "x", sections: [("标题", "文字")]) }),
            ("form", { [unowned self] in NewMatterScreen(app: self.app) }),
            ("duty", { DutyScreen() }), ("note", { NoteViewScreen(title: "上一班交班记录全文", text: "一、无") }),
        ]
        var checked = 0
        for (name, make) in screens {
            app.push(make())
            app.draw(s)
            let screen = try XCTUnwrap(app.current as? any BoundScreen, name)
            let bindings = screen.bindings(app)
            XCTAssertEqual(screen.hints(app).map(\.key), bindings.filter(\.hinted).map(\.keyLabel), name)
            XCTAssertEqual(screen.help(app).count, bindings.count, name)
            for b in bindings {
                XCTAssertTrue(screen.help(app).contains { $0.hasPrefix(b.keyLabel) && $0.hasSuffix(b.help) }, "\(name) \(b.keyLabel)")
                if b.hinted { XCTAssertNotNil(s.find(b.keyLabel + " " + b.label), "\(name): \(b.keyLabel) on the hint line\n\(s.line(39))") }
            }
            app.handle(screen.editing ? .function(1) : .char("?")); app.draw(s)
            for b in bindings { XCTAssertNotNil(s.find(String(b.helpLine.prefix(14))), "\(name) overlay \(b.keyLabel)\n\(s.text)") }
            app.handle(.char("x"))
            // Every binding's first key is the screen's own: handled by it, not passed on.
            for b in bindings {
                let fresh = make()
                try fresh.reload(app)
                fresh.draw(s, Rect(row: 1, col: 0, height: 37, width: 120), app)
                XCTAssertTrue(fresh.handle(b.keys[0], app), "\(name): \(b.keyLabel) dispatches")
                checked += 1
            }
            // An unbound key goes to the console (in the form letters are text; F1 is the console's there).
            XCTAssertFalse(screen.handle(screen.editing ? .function(1) : .char("z"), app), "\(name): an unbound key goes to the console")
            while !app.stack.isEmpty { app.pop() }
        }
        XCTAssertGreaterThanOrEqual(checked, 20)
    }

    /// A 300-character description is read in full on the page: wrapped under its label, every character on
    /// some line, the pane scrolled with PgDn and marked; `v` shows it full-screen.
    func testLongTextIsWrappedAndScrolled() throws {
        let sentence = "群众来电反映村口垃圾桶已满三天，气味很大，请尽快清运。"  // 26 characters
        let long = String(repeating: sentence, count: 12)                   // 312 characters
        try store.db.run("UPDATE matters SET description = ? WHERE number = '20261121-0003'", [.text(long)])
        for size in [(40, 120), (24, 80)] {
            let s = MemorySurface(rows: size.0, cols: size.1)
            let page = MatterPageScreen(number: "20261121-0003")
            app.push(page)
            // Every character of the description is on the page's lines (wrapped under its label, none cut).
            app.draw(s)
            let d = try XCTUnwrap(page.detail)
            let lines = page.document(d, width: size.1 * 3 / 5 - 2, app).map(\.text)
            XCTAssertTrue(lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined().contains(long), "\(size)")
            XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= size.1 * 3 / 5 - 2 }, "\(size): a line wider than the pane")
            // Paging down shows the end of the text and the mark moves; nothing on screen ends in a cut.
            var sawEnd = false
            for _ in 0..<6 {
                app.handle(.pageDown); app.draw(s)
                if s.find("尽快清运。") != nil, s.find("第 1–") == nil { sawEnd = true }
            }
            XCTAssertTrue(sawEnd, "\(size): paged to the end\n\(s.text)")
            app.handle(.home); app.draw(s)
            XCTAssertNotNil(s.find("第 1–"), "\(size): scroll mark\n\(s.text)")
            app.handle(.char("v")); app.draw(s)
            XCTAssertNotNil(s.find("编号"), "full-screen reader\n\(s.text)")
            XCTAssertNotNil(s.find("（Esc 返回，↑↓ PgUp/PgDn 滚动）"), s.text)
            app.handle(.escape); app.handle(.escape)
        }
    }

    func testPatrolGridsFilterAndSort() {
        app.handle(.char("4")); app.draw(s)
        XCTAssertTrue(s.line(2).hasPrefix(" 网格▼"), s.line(2))
        app.handle(.char("/")); for c in "二组" { app.handle(.char(c)) }; app.handle(.enter); app.draw(s)
        XCTAssertEqual(app.message, "筛选「二组」：1 个网格")
        XCTAssertTrue(s.line(3).hasPrefix(" G02      东湖二组"), s.line(3))
        XCTAssertTrue(s.line(4).trimmingCharacters(in: .whitespaces).isEmpty, s.line(4))
        app.handle(.char("/")); for _ in 0..<4 { app.handle(.backspace) }; app.handle(.enter)
        // s: today's patrol, least first — G03 (0:00), G02 (1:30), G01 (2:30).
        app.handle(.char("s")); app.draw(s)
        XCTAssertTrue(s.line(2).contains("今日巡查(时:分)▼"), s.line(2))
        XCTAssertEqual([s.line(3), s.line(4), s.line(5)].map { String($0.prefix(4)) }, [" G03", " G02", " G01"])
    }

    func testAMatterOverdueAtIntakeRaisesNewlyOverdue() throws {
        app.tick()
        // Taken in by another process with a deadline already behind it (reported long ago).
        let other = try Store.open(path: store.db.path)
        let t = Int(Fixture.now.timeIntervalSince1970)
        try other.db.run("""
            INSERT INTO matters(number, reported_at, source, grid, category, urgency, title, state, first_contact, stage, stage_due_at, near_due_at, created_at, updated_at, updated_by)
            VALUES ('20261122-0009', ?, 'hotline', 'G02', 'C2', 'normal', '补录：围墙开裂', 'new', 'x', 'dispatch', ?, ?, ?, ?, 'x')
            """, [.of(t - 86_400), .of(t - 82_800), .of(t - 84_000), .of(t), .of(t)])
        XCTAssertTrue(app.tick())
        app.draw(s)
        XCTAssertEqual(s.line(1), " ▲ 新超期：20261122-0009 一般 违章搭建 G02 补录：围墙开裂")
    }

    /// `gridroom settings set console.urgent_reminder_minutes 3` reaches a running console at its next reload:
    /// the undispatched urgent 0001 (past its dispatch limit) then rings every 3 minutes instead of 10.
    func testTheReminderIntervalSettingReachesARunningConsole() throws {
        // 0001 (urgent, new) is due for dispatch at 11:00; the console starts a second after.
        let start = Fixture.now.addingTimeInterval(3601)
        final class Box: @unchecked Sendable { var t = Date() }
        let box = Box()
        box.t = start
        let live = ConsoleApp(store: store, language: .zh, clock: ConsoleClock { box.t }, actor: try store.actor(login: "tester"), actions: .none)
        live.tick(); live.draw(s)
        XCTAssertEqual(live.reminderMinutes, 10)
        XCTAssertEqual(s.line(1), " ▲ 紧急未派遣（已过派遣时限）：20261122-0001 紧急 邻里纠纷 G01 楼道堆放杂物引发争吵", "the first look reminds")
        live.handle(.escape)
        try store.setTownshipSetting(key: "console.urgent_reminder_minutes", value: "3", by: try store.actor(login: "tester"), now: Fixture.now)
        box.t = start.addingTimeInterval(31)   // the next half-minute look reloads
        live.tick()
        XCTAssertEqual(live.reminderMinutes, 3)
        let rung = s.alerts
        box.t = start.addingTimeInterval(2 * 60 + 50)
        live.tick()
        XCTAssertNil(live.banner, "not before 3 minutes")
        // The console looks every 30 s: the look at 3:20 is the first one 3 minutes after the last reminder.
        box.t = start.addingTimeInterval(3 * 60 + 20)
        live.tick(); live.draw(s)
        XCTAssertEqual(s.line(1), " ▲ 紧急未派遣（已过派遣时限）：20261122-0001 紧急 邻里纠纷 G01 楼道堆放杂物引发争吵", "rang again after 3 minutes, not 10")
        XCTAssertEqual(s.alerts, rung + 1)
    }
}
