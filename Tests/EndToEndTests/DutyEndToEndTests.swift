import Foundation
import XCTest

/// Issue 15 as two duty officers would try it, with the real binary in tmux: root (officer A) holds the night
/// shift and nobody (officer B, a real unprivileged process through `setpriv`, added with `staff add`) takes over.
/// The file lives in a setgid directory of group nogroup, as in Docs/reliability.md, so both may write it.
final class DutyEndToEndTests: XCTestCase {
    var h: GridroomHarness!
    let asNobody = ["/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    /// Five lines of 40 characters: 200 characters of note.
    let note = ["一、东湖村二组民房起火已处置，消防已撤离，村委会留人看护现场，明早八点请回访户主",
                "二、西山一组违章搭建彩钢棚仍待城管回复，已电话催办两次，对方答应明早派人到场核实",
                "三、热线转来噪音扰民三件，均已派至市场监管所，其中一件临期，请白班第一时间跟进。",
                "四、区指挥中心上报事项一件待答复，编号见移交清单，答复到达后请及时核查办结反馈。",
                "五、夜间无其他突发情况，值班电话与视频监控均正常，值班室钥匙与登记本已放回原处。"]

    override func setUpWithError() throws {
        try XCTSkipUnless(getuid() == 0 && FileManager.default.isExecutableFile(atPath: asNobody[0]), "needs root and setpriv")
        h = try GridroomHarness("duty")
        XCTAssertEqual(chown(h.dir.path, 0, 65534), 0)
        XCTAssertEqual(chmod(h.dir.path, 0o2770), 0)
        try h.ok(["init", "--demo"])
        try h.ok(["staff", "add", "nobody", "--name", "夜班乙", "--role", "duty_officer"])
    }
    override func tearDown() { h?.remove() }

    /// A command at a given time, as root or as nobody.
    @discardableResult
    func cli(_ args: [String], at now: String, nobody: Bool = false) throws -> GridroomHarness.Result {
        try h.run(["--now", now, "--lang", "en"] + args, prefix: nobody ? asNobody : [])
    }

    func console(at now: String, nobody: Bool = false, cols: Int = 120, rows: Int = 40) throws -> TmuxSession {
        let who = nobody ? asNobody.joined(separator: " ") + " " : ""
        let cmd = "cd '\(GridroomHarness.root.path)' && env -u GRIDROOM_DB -u GRIDROOM_LANG -u GRIDROOM_NOW LANG=C.UTF-8 \(who)'\(GridroomHarness.binary)' --db '\(h.db)' --now \(now); echo CONSOLE-EXIT=$?; sleep 60"
        let t = try TmuxSession(command: cmd, cols: cols, rows: rows)
        try t.wait(for: "1 总览", timeout: 5)
        return t
    }

    func testTwoOfficersHandOverTheNight() throws {
        XCTAssertEqual(note.map(\.count), [40, 40, 40, 40, 40])
        // The week's roster from CSV, Chinese headings: root tonight with nobody as deputy, nobody on the day after.
        var csv = "日期,班次,登录名,副班\n2026-11-22,夜班,root,nobody\n2026-11-23,白班,nobody,duty1\n"
        for d in 23...28 { csv += "2026-11-\(d),night,duty1,\n" }
        let imported = try cli(["import", "roster", try h.file("week.csv", csv)], at: "2026-11-22T09:00:00+08:00")
        XCTAssertEqual(imported.status, 0, imported.err)
        XCTAssertTrue(imported.out.contains("8 rows — 8 written"), imported.out)
        let week = try cli(["duty", "roster", "--format", "csv"], at: "2026-11-22T09:00:00+08:00")
        XCTAssertEqual(week.out.split(separator: "\n").count, 9, week.out)
        XCTAssertTrue(week.out.contains("2026-11-22,night,20:00–08:00,root,root,nobody,夜班乙"), week.out)

        // Officer A (root) starts the night shift at 21:00 and writes the note: Enter is a new line, Ctrl-S saves.
        let a = try console(at: "2026-11-22T21:00:00+08:00")
        try a.keys("6"); try a.wait(for: "当前班次")
        try a.wait(for: "▶ 今天 11-22 夜班 20:00–08:00  root (root) · 副班 夜班乙 (nobody)")
        try a.wait(for: "明天 11-23 白班 08:00–20:00  夜班乙 (nobody) · 副班 王建国 (duty1)")
        try a.keys("s"); try a.wait(for: "已接班")
        XCTAssertFalse(try a.screen().contains("[未排班]"), "root is on tonight's roster")
        try a.keys("w"); try a.wait(for: "Enter 换行 · Ctrl-S 保存")
        for (i, line) in note.enumerated() {
            try a.type(line)
            if i < note.count - 1 { try a.keys("Enter") }
        }
        try a.wait(for: note[4])
        try a.keys("C-s"); try a.wait(for: "交班记录已保存")

        // An urgent matter is taken in by another process: it rings on A's console, and the banner stays.
        let new = try cli(["case", "new", "--source", "hotline", "--grid", "DH-01-01", "--category", "SR03", "--urgency", "urgent",
                           "--title", "东湖一组民房冒烟"], at: "2026-11-22T21:00:10+08:00")
        XCTAssertEqual(new.status, 0, new.err)
        let number = String(new.out.split(separator: " ")[2])
        try a.wait(for: "▲ 紧急案件：\(number)", timeout: 5)
        usleep(1_500_000)
        XCTAssertTrue(try a.screen().contains("▲ 紧急案件：\(number)"), "the banner stays until acknowledged")
        try a.keys("Escape"); try a.waitGone("▲ 紧急案件")
        try a.wait(for: " 响铃 1")
        // A hands over: e asks first.
        try a.keys("e"); try a.wait(for: "确认交班？交班记录 200 字")
        try a.keys("y"); try a.wait(for: "已交班")
        try a.keys("q"); try a.wait(for: "CONSOLE-EXIT=0")

        // Officer B (nobody) at 21:30: A's whole note and the carried-over list with the urgent matter.
        let b = try console(at: "2026-11-22T21:30:00+08:00", nobody: true)
        try b.keys("6"); try b.wait(for: "上一班交班 · root (root)")
        for line in note { try b.wait(for: line) }
        try b.wait(for: "待接班确认")
        try b.wait(for: number)
        let row = try b.screen().split(separator: "\n").first { $0.contains(number) } ?? ""
        XCTAssertTrue(row.contains("东湖一组民房冒烟") && row.contains("紧急"), String(row))
        try b.keys("s"); try b.wait(for: "已接班")
        try b.wait(for: "夜班乙 (nobody)  自 11-22 21:30 起")
        try b.keys("a"); try b.wait(for: "已接班确认：nobody 11-22 21:30")
        // At 80×24 the hand-over still shows the whole note (wrapped) and the list.
        try b.resize(cols: 80, rows: 24)
        try b.wait(for: "移交")
        // s during B's shift asks before anything ends; n leaves it as it was.
        try b.resize(cols: 120, rows: 40)
        try b.keys("s"); try b.wait(for: "本班仍在进行：结束本班（保留交班记录）并重新接班？")
        try b.keys("n"); try b.waitGone("本班仍在进行")

        // The command line shows the same: the full note, the acknowledgement, the carried-over matter.
        let show = try cli(["duty", "show", "--format", "json"], at: "2026-11-22T21:40:00+08:00", nobody: true)
        XCTAssertEqual(show.status, 0, show.err)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(show.out.utf8)) as? [String: Any])
        let prev = try XCTUnwrap(json["previous"] as? [String: Any])
        XCTAssertEqual(prev["note"] as? String, note.joined(separator: "\n"))
        XCTAssertEqual(prev["login"] as? String, "root")
        let ack = try XCTUnwrap(prev["acknowledgement"] as? [String: Any])
        XCTAssertEqual(ack["by"] as? String, "nobody")
        XCTAssertTrue((ack["at"] as? String)?.hasPrefix("2026-11-22T21:30:") ?? false, "\(ack)")
        let carried = try XCTUnwrap(prev["carried_over"] as? [[String: Any]])
        let fire = try XCTUnwrap(carried.first { $0["number"] as? String == number })
        XCTAssertEqual(fire["reasons"] as? [String], ["urgent", "near_due"], "urgent, dispatch due within the hour")
        let current = try XCTUnwrap(json["current"] as? [String: Any])
        XCTAssertEqual(current["login"] as? String, "nobody")
        XCTAssertEqual(current["on_roster"] as? Bool, true, "the deputy of tonight's roster")
        XCTAssertEqual(current["ended_at"] is NSNull, true)

        // History: both shifts, the note in full.
        let history = try cli(["duty", "history", "--from", "2026-11-22", "--to", "2026-11-22"], at: "2026-11-22T21:45:00+08:00")
        XCTAssertEqual(history.status, 0, history.err)
        XCTAssertTrue(history.out.contains("root (root), 2026-11-22 21:00 – 2026-11-22 21:00"), history.out)
        XCTAssertTrue(history.out.contains("acknowledged by nobody at 2026-11-22 21:30"), history.out)
        XCTAssertTrue(history.out.contains("夜班乙 (nobody), 2026-11-22 21:30 – now"), history.out)
        for line in note { XCTAssertTrue(history.out.contains("    " + line), "history keeps every line: \(line)") }
        XCTAssertEqual(try h.open().count("SELECT count(*) FROM audit WHERE action = 'handover_ack' AND actor = 'nobody'"), 1)
        // From the command line no shift ends by surprise either; bad note text is refused naming the field.
        let start = try cli(["duty", "start"], at: "2026-11-22T21:50:00+08:00")
        XCTAssertEqual(start.status, 1)
        XCTAssertTrue(start.err.contains("shift 2 of nobody is open since 2026-11-22 21:30; taking it over ends it (its note kept)"), start.err)
        XCTAssertTrue(start.err.contains("`gridroom duty start --take-over` takes it over"), start.err)
        let bad = try cli(["duty", "note", "交班\u{1B}[2J"], at: "2026-11-22T21:50:00+08:00", nobody: true)
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.err.contains("handover_note: contains U+001B"), bad.err)
        XCTAssertEqual(try cli(["duty"], at: "2026-11-22T21:50:00+08:00").status, 2)
        try b.keys("q"); try b.wait(for: "CONSOLE-EXIT=0")
    }
}
