import Foundation
import XCTest

/// The operator's day, tried as a person in tmux at 120×40 and at 80×24: a matter closed yesterday found by a
/// two-character word of its title, by its caller's phone and by its number; its 300-character description read
/// on its page; `state:待派遣` works and `state:bogus` explains itself; `TERM=dumb` is refused clearly.
final class OperatorDayEndToEndTests: XCTestCase {
    static let now = "2026-11-22T10:00:00+08:00"
    var dir: URL!
    var db: String { dir.appendingPathComponent("t.sqlite").path }

    override func setUpWithError() throws {
        try GridroomCLI.requireBinary()
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-day-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        XCTAssertEqual(try cli(["init", "--demo"]).status, 0)
    }
    override func tearDownWithError() throws { if let dir { try? FileManager.default.removeItem(at: dir) } }

    @discardableResult
    func cli(_ args: [String], now: String = OperatorDayEndToEndTests.now) throws -> (status: Int32, out: String, err: String) {
        try GridroomCLI.run(args, db: db, now: now)
    }

    static let description = String(repeating: "群众来电反映村口垃圾桶已满三天，气味很大，请尽快清运。", count: 12) + "END"

    /// A matter taken in, dispatched, fed back and closed yesterday through the command line; its number.
    func closedYesterday() throws -> String {
        let y = "2026-11-21T09:00:00+08:00"
        let r = try cli(["case", "new", "--source", "hotline", "--grid", "DH-01-03", "--category", "SR01", "--title", "村口垃圾桶满溢",
                         "--description", Self.description, "--caller-name", "李女士", "--caller-phone", "13912345678", "--order-no", "GD-1"], now: y)
        XCTAssertEqual(r.status, 0, r.err)
        // The receipt names the new case number (YYYYMMDD-NNNN), in whichever language the command line speaks.
        let found = try XCTUnwrap(r.out.range(of: "[0-9]{8}-[0-9]{4}", options: .regularExpression), r.out)
        let number = String(r.out[found])
        for step in [["dispatch", number], ["feedback", number, "--note", "已清运"], ["verify", number, "--pass"]] {
            let s = try cli(["case"] + step, now: "2026-11-21T11:00:00+08:00")
            XCTAssertEqual(s.status, 0, s.err)
        }
        let all = try cli(["cases", "--all", "--search", "垃圾桶"])
        XCTAssertTrue(all.out.contains(number) && all.out.contains("已办结"), all.out)
        return number
    }

    func console(cols: Int, rows: Int, env: String = "", ready: String = "1 总览") throws -> TmuxSession {
        let cmd = "cd '\(GridroomCLI.root.path)' && env -u GRIDROOM_DB -u GRIDROOM_LANG -u GRIDROOM_NOW LANG=C.UTF-8 \(env) '\(GridroomCLI.binary)' --db '\(db)' --now \(Self.now); echo CONSOLE-EXIT=$?; sleep 60"
        let t = try TmuxSession(command: cmd, cols: cols, rows: rows)
        try t.wait(for: ready, timeout: 5)
        return t
    }

    func search(_ t: TmuxSession, _ text: String) throws {
        try t.keys("/"); try t.keys("C-u"); try t.type(text); try t.keys("Enter")
    }

    func testAClosedMatterIsFoundAndReadAtBothSizes() throws {
        let number = try closedYesterday()
        for (cols, rows) in [(120, 40), (80, 24)] {
            let t = try console(cols: cols, rows: rows)
            try t.keys("2"); try t.wait(for: "范围：在办")
            try search(t, "垃圾 state:all")
            try t.wait(for: number)
            try t.wait(for: "范围：全部（含已结束）")
            try search(t, "13912345678 state:all"); try t.wait(for: "共 1 件")
            try search(t, number + " state:all"); try t.wait(for: "共 1 件")
            try t.keys("Enter"); try t.wait(for: "基本信息")
            XCTAssertTrue(try t.screen().contains("群众来电反映村口垃圾桶已满三天"))
            // Page down until the description's last character shows: it is all there, wrapped, not cut.
            var end = false
            for _ in 0..<8 where !end {
                try t.keys("PageDown"); usleep(150_000)
                end = try t.screen().contains("END")
            }
            let shown = try t.screen()
            XCTAssertTrue(end, "\(cols)×\(rows): the end of the description\n\(shown)")
            XCTAssertTrue(try t.screen().contains("共 "), "scroll mark")
            try t.keys("v"); try t.wait(for: "（Esc 返回，↑↓ PgUp/PgDn 滚动）")
            try t.keys("Escape"); try t.keys("Escape")
            // The state shown on screen is a valid term; a wrong one says what is accepted.
            try search(t, "state:待派遣"); try t.wait(for: "筛选：state:待派遣")
            try search(t, "state:bogus"); try t.wait(for: "state:bogus 无此项；可用")
            try t.keys("Escape")
            try t.keys("q"); try t.wait(for: "CONSOLE-EXIT=0")
        }
    }

    /// Every screen at 80×24: its marker shows, the status line has the date, and no heading is overwritten by the
    /// position counter.
    func testEveryScreenAt80x24() throws {
        _ = try closedYesterday()
        let t = try console(cols: 80, rows: 24)
        for (key, marker) in [("1", "今日新增"), ("2", "范围：在办"), ("3", "超期与临期"), ("4", "今日巡查(时:分)"), ("5", "网格图"), ("6", "当前班次")] {
            try t.keys(key)
            try t.wait(for: marker)
            let screen = try t.screen()
            XCTAssertTrue(screen.contains("2026-11-22 周日 固定时钟"), "screen \(key):\n\(screen)")
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            XCTAssertLessThanOrEqual(lines.count, 25)
            // A counter like 1/35 sits only after the last heading's text, never inside it.
            for line in lines where line.contains("/") && (line.contains("标题") || line.contains("评价")) {
                XCTAssertTrue(line.contains("标题 ") || line.contains("评价 ") || line.hasSuffix("标题") || line.hasSuffix("评价"), String(line))
            }
        }
        try t.keys("q"); try t.wait(for: "CONSOLE-EXIT=0")
    }

    func testDumbTerminalIsRefusedLikeAnUnknownOne() throws {
        let t = try console(cols: 80, rows: 24, env: "TERM=dumb", ready: "CONSOLE-EXIT=")
        let screen = try t.screen()
        XCTAssertTrue(screen.contains("未知的终端类型 TERM=\"dumb\"；请试 TERM=xterm-256color"), screen)
        XCTAssertTrue(screen.contains("CONSOLE-EXIT=2"), screen)
        // The same refusal in English with --lang en (the program's default language is Chinese).
        let en = try console(cols: 80, rows: 24, env: "TERM=dumb GRIDROOM_LANG=en", ready: "CONSOLE-EXIT=")
        let enScreen = try en.screen()
        XCTAssertTrue(enScreen.contains("unknown terminal type TERM=\"dumb\"; try TERM=xterm-256color"), enScreen)
        XCTAssertFalse(enScreen.contains("未知"), enScreen)
    }
}
