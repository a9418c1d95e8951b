import XCTest
import GridCore
@testable import GridStore
@testable import GridConsole

/// The Duty screen as two duty officers would use it, on the fixture township at 2026-11-22 10:00 (+08:00):
/// tester (A) holds a shift, writes a note, an urgent matter rings, A hands over; night (B) reads and acknowledges.
final class DutyScreenTests: XCTestCase {
    final class Box: @unchecked Sendable { var t = Fixture.now }
    var store: Store!
    var s: MemorySurface!
    let box = Box()

    override func setUpWithError() throws {
        store = try Fixture.store()
        let admin = try store.actor(login: "tester")
        try store.addStaff(Staff(login: "night", name: "夜班长", role: .dutyOfficer), by: admin, now: Fixture.now)
        let day = LocalDate(iso: "2026-11-22")!
        try store.planDuty(RosterEntry(day: day, period: "day", login: "night"), by: admin, now: Fixture.now)
        try store.planDuty(RosterEntry(day: day, period: "夜班", login: "tester", deputy: "night"), by: admin, now: Fixture.now)
        try store.planDuty(RosterEntry(day: day.adding(days: 1), period: "day", login: "night", deputy: "tester"), by: admin, now: Fixture.now)
        s = MemorySurface(rows: 40, cols: 120)
    }

    func app(_ login: String) throws -> ConsoleApp {
        let a = ConsoleApp(store: store, language: .zh, clock: ConsoleClock { [box] in box.t }, actor: try store.actor(login: login), actions: .none)
        a.tick()
        return a
    }

    func screen() -> String { (0..<s.rows).map { s.line($0) }.joined(separator: "\n") }

    func type(_ a: ConsoleApp, _ text: String) { for c in text { a.handle(c == "\n" ? .enter : .char(c)) } }

    func testTwoOfficersHandOverWithNothingLost() throws {
        let a = try app("tester")
        a.handle(.char("6")); a.handle(.char("s")); a.draw(s)
        XCTAssertEqual(a.message, "已接班")
        // The roster has night on the day shift now, so tester's shift is marked.
        XCTAssertEqual(s.line(2), " 测试员 (tester)  自 11-22 10:00 起  [未排班] 排班：night", screen())
        // What is left of today and tomorrow, the period under way first and marked.
        XCTAssertEqual(s.line(4), " ▶ 今天 11-22 白班 08:00–20:00  夜班长 (night)")
        XCTAssertEqual(s.line(5), "   今天 11-22 夜班 20:00–08:00  测试员 (tester) · 副班 夜班长 (night)")
        XCTAssertEqual(s.line(6), "   明天 11-23 白班 08:00–20:00  夜班长 (night) · 副班 测试员 (tester)")
        // A three-line note: Enter is a new line, Ctrl-S saves.
        a.handle(.char("w"))
        type(a, "一、东湖二组彩钢棚待城管回复\n二、0001楼道纠纷已电话安抚\n三、夜间无其他情况")
        XCTAssertTrue(a.current.dirty)
        a.handle(.escape)
        XCTAssertNotNil(a.confirm, "Esc with unsaved text asks")
        a.handle(.char("n"))
        a.handle(.ctrl("s")); a.draw(s)
        XCTAssertEqual(a.message, "交班记录已保存")
        XCTAssertEqual(try store.currentShift()?.note, "一、东湖二组彩钢棚待城管回复\n二、0001楼道纠纷已电话安抚\n三、夜间无其他情况")

        // Another process takes in an urgent matter: it rings, the banner stays, and it rings again 15 s later.
        let other = try Store.open(path: store.db.path)
        try other.db.write {
            try other.db.run("""
                INSERT INTO matters(id, number, reported_at, source, grid, category, urgency, title, state, first_contact, created_at, updated_at, updated_by)
                VALUES (8, '20261122-0008', ?, 'hotline', 'G01', 'C1', 'urgent', '东湖一组民房起火', 'new', 'x', ?, ?, 'x')
                """, [.of(Fixture.now), .of(Fixture.now), .of(Fixture.now)])
            try other.db.run("INSERT INTO events(matter_id, at, kind, to_state, actor) VALUES (8, ?, 'intake', 'new', 'x')", [.of(Fixture.now.addingTimeInterval(5))])
        }
        box.t = Fixture.now.addingTimeInterval(5)
        XCTAssertTrue(a.tick()); a.draw(s)
        XCTAssertEqual(s.line(1), " ▲ 紧急案件：20261122-0008")
        XCTAssertEqual(s.alerts, 1)
        box.t = Fixture.now.addingTimeInterval(12)
        XCTAssertFalse(a.tick(), "not yet 15 s")
        box.t = Fixture.now.addingTimeInterval(21)
        XCTAssertTrue(a.tick()); a.draw(s)
        XCTAssertEqual(s.alerts, 2, "rings again until acknowledged")
        XCTAssertEqual(s.line(1), " ▲ 紧急案件：20261122-0008", "the banner stays")
        a.handle(.escape); a.draw(s)
        XCTAssertNil(a.banner)
        box.t = Fixture.now.addingTimeInterval(40)
        a.tick(); a.draw(s)
        XCTAssertEqual(s.alerts, 2, "acknowledged: no more rings")
        XCTAssertNil(a.banner, "nor the banner again")
        // What rang is in the shift's lists, acknowledged.
        let rang = try store.shiftActivity(try store.currentShift()!, now: box.t)[.rang]
        XCTAssertEqual(rang.map(\.number), ["20261122-0008"])
        XCTAssertEqual(rang.first?.acknowledgedBy, "tester")
        XCTAssertNotNil(s.find(" 受理 1 "), screen())
        XCTAssertTrue(s.line(s.find(" 受理 1 ")?.row ?? 0).hasSuffix(" 响铃 1"), screen())

        // Ending asks, and says what is handed over: 0008 and 0001 urgent, 0003 overdue.
        a.handle(.char("e"))
        XCTAssertEqual(a.confirm?.0.question, "确认交班？交班记录 38 字，移交 3 件")
        a.handle(.char("y"))
        XCTAssertEqual(a.message, "已交班")

        // B opens the console: A's whole note, the carried-over list, waiting for acknowledgement.
        box.t = Fixture.now.addingTimeInterval(600)
        let b = try app("night")
        b.handle(.char("6")); b.draw(s)
        XCTAssertNotNil(s.find("上一班交班 · 测试员 (tester) 11-22 10:00 – 11-22 10:00"), screen())
        XCTAssertNotNil(s.find("待接班确认"), screen())
        for line in ["一、东湖二组彩钢棚待城管回复", "二、0001楼道纠纷已电话安抚", "三、夜间无其他情况"] { XCTAssertNotNil(s.find(line), screen()) }
        XCTAssertNotNil(s.find("  移交 3"), screen())
        let first = s.find("20261122-0001")!, fire = s.find("20261122-0008")!, overdue = s.find("20261121-0003")!
        XCTAssertTrue(first.row < fire.row && fire.row < overdue.row, "urgent first (sooner deadline first), then overdue")
        XCTAssertTrue(s.line(fire.row).contains("东湖一组民房起火"))
        XCTAssertTrue(s.line(fire.row).contains("紧急"))
        XCTAssertTrue(s.line(fire.row).contains("待派遣"), "the state by its name")
        XCTAssertTrue(s.line(overdue.row).contains("处置中"))
        XCTAssertTrue(s.line(overdue.row).contains("超期"))

        // B starts (nobody is on duty: no question) and acknowledges; the acknowledgement is audited.
        b.handle(.char("s"))
        XCTAssertNil(b.confirm)
        XCTAssertEqual(try store.currentShift()?.login, "night")
        XCTAssertTrue(try store.currentShift()!.onRoster)
        b.handle(.char("a")); b.draw(s)
        XCTAssertEqual(b.message, "已接班确认")
        XCTAssertEqual(try store.previousShift()?.acknowledgedBy, "night")
        XCTAssertNotNil(s.find("已接班确认：night 11-22 10:10"), screen())
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM audit WHERE action = 'handover_ack' AND actor = 'night'"), 1)

        // s during B's shift asks before anything ends, on B's console and on A's.
        let bShift = try store.currentShift()!.id
        b.handle(.char("s"))
        XCTAssertEqual(b.confirm?.0.question, "本班仍在进行：结束本班（保留交班记录）并重新接班？")
        b.handle(.char("n"))
        a.reloadCurrent(); a.handle(.char("s"))
        XCTAssertEqual(a.confirm?.0.question, "夜班长 (night) 的班次（11-22 10:10 起）尚未交班：接管并结束它（保留其交班记录）？")
        a.handle(.char("n"))
        XCTAssertEqual(try store.currentShift()?.id, bShift, "nothing ended")
        a.handle(.char("w"))
        XCTAssertFalse(a.current.editing, "A may not write B's note")
        XCTAssertEqual(a.message, "本班由 夜班长 (night) 值班，只有值班人写交班记录")

        // Enter opens the selected matter of the list.
        b.handle(.enter)
        XCTAssertTrue(b.current is MatterPageScreen)
    }

    func testTheNoteEditorWrapsAndScrollsAtEightyColumns() throws {
        s = MemorySurface(rows: 24, cols: 80)
        let a = try app("tester")
        a.handle(.char("6")); a.handle(.char("s")); a.handle(.char("w"))
        let long = String(repeating: "东湖村", count: 30)   // 90 characters, 180 columns: 38 + 38 + 14 characters at 77 columns
        let rest = "\n第二行\n第三行\n第四行\n第五行\n第六行\n第七行\n第八行\n第九行\n第十行"
        type(a, long + rest)
        a.draw(s)
        // The editor has rows 10–20 (11 rows) for 3 + 9 = 12 visual rows: scrolled by one, the cursor's line at the bottom.
        XCTAssertTrue(s.line(10).hasPrefix(" 村东湖村东湖"), screen())
        XCTAssertEqual(s.line(12), " 第二行", screen())
        XCTAssertTrue(s.line(20).hasPrefix(" 第十行"), screen())
        for _ in 0..<12 { a.handle(.up) }
        a.draw(s)
        XCTAssertEqual(s.line(10), " " + String(repeating: "东湖村", count: 12) + "东湖", "back at the top: the first row, 38 characters")
        a.handle(.ctrl("s"))
        XCTAssertEqual(try store.currentShift()?.note, long + rest)
    }

    /// Opening the matter acknowledges its alert: the banner goes on every console; with the setting off it rang once.
    func testOpeningTheMatterAcknowledgesAndTheSettingStopsTheRepeats() throws {
        try store.setDutySetting("duty.ring_until_ack", "off", by: try store.actor(login: "tester"), now: Fixture.now)
        let a = try app("tester"), watcher = try app("night")
        _ = try store.startShift(by: try store.actor(login: "tester"), now: Fixture.now)
        try store.db.write { try store.db.run("UPDATE matters SET stage_due_at = ? WHERE number = '20261122-0001'", [.of(Fixture.now.addingTimeInterval(3))]) }
        box.t = Fixture.now.addingTimeInterval(31)    // the 30-s look finds 0001's deadline passed
        a.tick(); a.draw(s)
        XCTAssertEqual(s.line(1), " ▲ 新超期：20261122-0001")
        XCTAssertEqual(s.alerts, 1)
        watcher.tick()
        XCTAssertEqual(watcher.banner, "新超期：20261122-0001", "the other console shows what rang in the shift")
        box.t = Fixture.now.addingTimeInterval(50)
        a.tick(); a.draw(s)
        XCTAssertEqual(s.alerts, 1, "duty.ring_until_ack off: it rang once")
        XCTAssertNotNil(a.banner, "and the banner stays")
        a.openMatter(number: "20261122-0001")
        XCTAssertNil(a.banner)
        XCTAssertEqual(try store.shiftAlerts(shiftID: try store.currentShift()!.id).first?.acknowledgedBy, "tester")
        box.t = Fixture.now.addingTimeInterval(90)
        watcher.tick()
        XCTAssertNil(watcher.banner, "acknowledged on one console: gone on the other")
    }

    /// The Duty screen's keys are one bindings list in each of its states: the hint line, the `?` overlay and the
    /// dispatch all come from it. The expected keys of each state are written out here by hand.
    func testDutyBindingsMakeHintsHelpAndDispatch() throws {
        // Tester held a shift and handed over unacknowledged; night is on duty now.
        let tester = try store.actor(login: "tester")
        _ = try store.startShift(by: tester, now: Fixture.now.addingTimeInterval(-3600))
        _ = try store.endShift(note: "一、无", by: tester, now: Fixture.now.addingTimeInterval(-60))
        func check(_ a: ConsoleApp, _ expected: [String], _ state: String) throws {
            a.draw(s)
            let duty = try XCTUnwrap(a.current as? DutyScreen)
            let bindings = duty.bindings(a)
            XCTAssertEqual(bindings.filter(\.hinted).map(\.keyLabel), expected, state)
            XCTAssertEqual(duty.hints(a).map(\.key), expected, state)
            XCTAssertEqual(duty.help(a), bindings.map(\.helpLine), state)
            for b in bindings where b.hinted { XCTAssertNotNil(s.find(b.keyLabel + " " + b.label), "\(state): \(b.keyLabel)\n\(s.line(39))") }
            a.handle(duty.editing ? .function(1) : .char("?")); a.draw(s)
            for b in bindings { XCTAssertNotNil(s.find(String(b.helpLine.prefix(14))), "\(state) overlay \(b.keyLabel)\n\(screen())") }
            a.handle(.char("x"))
        }
        // Nobody on duty: start, lists, open, the previous note.
        let watcher = try app("night")
        watcher.handle(.char("6"))
        try check(watcher, ["s", "←→", "Enter", "v"], "no shift")
        XCTAssertNotNil(s.find("s 接班  ←→ 切换列表  Enter 打开  v 全文"), s.line(39))
        // Night starts: end, write and acknowledge join (the previous hand-over is not acknowledged yet).
        watcher.handle(.char("s"))
        XCTAssertEqual(watcher.message, "已接班")
        try check(watcher, ["s", "e", "w", "a", "←→", "Enter", "v"], "on duty, hand-over pending")
        watcher.handle(.char("a"))
        XCTAssertEqual(watcher.message, "已接班确认")
        XCTAssertEqual(try store.previousShift()?.acknowledgedBy, "night")
        try check(watcher, ["s", "e", "w", "←→", "Enter", "v"], "acknowledged")
        // v opens the previous note; its page is a bindings list too.
        watcher.handle(.char("v"))
        XCTAssertTrue(watcher.current is NoteViewScreen)
        watcher.pop()
        // Writing: only save, new line and cancel; letters type, F1 is still help.
        watcher.handle(.char("w"))
        try check(watcher, ["Ctrl-S", "Enter", "Esc"], "writing")
        for c in "交班" { watcher.handle(.char(c)) }
        watcher.handle(.enter); watcher.handle(.char("s"))
        let duty = try XCTUnwrap(watcher.current as? DutyScreen)
        XCTAssertEqual(duty.editor?.text, "交班\ns", "s typed into the note, not a new shift")
        XCTAssertFalse(duty.handle(.function(1), watcher), "F1 goes to the console")
        watcher.handle(.ctrl("s"))
        XCTAssertEqual(try store.currentShift()?.note, "交班\ns")
        XCTAssertEqual(watcher.message, "交班记录已保存")
    }
}
