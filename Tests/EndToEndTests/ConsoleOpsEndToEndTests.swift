import Foundation
import XCTest

/// Tried as an operator in tmux at 120×40 and 80×24, in Chinese and English: the Overdue screen lists a reply to
/// the reporter that is late (答复超期) and answers it there; the dispatch dialog names co-handling departments;
/// the Duty screen's hint line comes from its bindings.
final class ConsoleOpsEndToEndTests: XCTestCase {
    static let now = "2026-11-22T10:00:00+08:00"
    var dir: URL!
    var db: String { dir.appendingPathComponent("t.sqlite").path }

    override func setUpWithError() throws {
        try GridroomCLI.requireBinary()
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-ops-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        XCTAssertEqual(try cli(["init", "--demo"]).status, 0)
    }
    override func tearDownWithError() throws { if let dir { try? FileManager.default.removeItem(at: dir) } }

    @discardableResult
    func cli(_ args: [String], now: String = ConsoleOpsEndToEndTests.now) throws -> (status: Int32, out: String, err: String) {
        try GridroomCLI.run(args, db: db, now: now)
    }

    func newMatter(_ title: String, at: String) throws -> String {
        let r = try cli(["case", "new", "--source", "hotline", "--grid", "DH-01-03", "--category", "SR01", "--title", title], now: at)
        XCTAssertEqual(r.status, 0, r.err)
        return String(r.out[try XCTUnwrap(r.out.range(of: "[0-9]{8}-[0-9]{4}", options: .regularExpression))])
    }

    func console(_ lang: String, cols: Int, rows: Int) throws -> TmuxSession {
        let cmd = "cd '\(GridroomCLI.root.path)' && env -u GRIDROOM_DB -u GRIDROOM_NOW -u GRIDROOM_DEMO_AS LANG=C.UTF-8 GRIDROOM_LANG=\(lang) '\(GridroomCLI.binary)' --db '\(db)' --now \(Self.now); echo CONSOLE-EXIT=$?; sleep 60"
        let t = try TmuxSession(command: cmd, cols: cols, rows: rows)
        try t.wait(for: lang == "zh" ? "1 总览" : "1 Overview", timeout: 5)
        return t
    }

    func testLateReplyCoHandlersAndDutyHintsAtBothSizes() throws {
        // Closed Thursday 11-19 at 10:00: the reply was due a working day later (Friday 10:00), nothing recorded.
        let late = try newMatter("路灯不亮", at: "2026-11-19T09:00:00+08:00")
        for step in [["dispatch", late], ["feedback", late, "--note", "已修复"], ["verify", late, "--pass"]] {
            XCTAssertEqual(try cli(["case"] + step, now: "2026-11-19T10:00:00+08:00").status, 0)
        }
        XCTAssertTrue(try cli(["cases", "--overdue"]).out.contains(late), "cases --overdue has it")
        for (lang, mark, hint) in [("zh", "答复超期", "a 回复"), ("en", "reply late", "a reply")] {
            for (cols, rows) in [(120, 40), (80, 24)] {
                let t = try console(lang, cols: cols, rows: rows)
                try t.keys("3"); try t.wait(for: late)
                let line = try t.screen().split(separator: "\n").first { $0.contains(late) } ?? ""
                XCTAssertTrue(line.contains(mark), "\(lang) \(cols)x\(rows): \(line)")
                // It is the only row, so it is selected, and the hint line offers the answer.
                try t.wait(for: hint)
                // The Duty screen's hints, from its bindings.
                try t.keys("6")
                try t.wait(for: lang == "zh" ? "s 接班  ←→ 切换列表  Enter 打开  v 全文" : "s start shift  ←→ list  Enter open  v full note")
                try t.keys("q"); try t.wait(for: "CONSOLE-EXIT=0")
            }
        }
        // Answered in the console at 80×24: a on its row, the channel and what was said.
        let t = try console("zh", cols: 80, rows: 24)
        try t.keys("3"); try t.wait(for: late)
        try t.wait(for: "a 回复")
        try t.keys("a"); try t.type("电话 已告知修复结果"); try t.keys("Enter")
        try t.wait(for: "✓ \(late)")
        XCTAssertNotNil(try cli(["case", "show", late, "--format", "json"]).out.range(of: "\"replied_at\" : \"2026-11-22T10:00"), "replied")
        try t.keys("q"); try t.wait(for: "CONSOLE-EXIT=0")

        // Co-handlers in the dispatch dialog at 120×40: Tab after the lead, then codes or names.
        let fresh = try newMatter("垃圾堆放", at: "2026-11-22T09:30:00+08:00")
        let c = try console("zh", cols: 120, rows: 40)
        try c.keys(":"); try c.type("case \(fresh)"); try c.keys("Enter")
        try c.wait(for: "编号")
        try c.keys("m"); try c.keys("Enter")
        try c.wait(for: "Tab 加协办")
        try c.keys("Tab"); try c.wait(for: "协办部门（编码或名称，逗号分隔；可空）：")
        try c.type("综治办,PCS"); try c.keys("Enter")
        try c.type("联合处置"); try c.keys("Enter")
        try c.wait(for: "✓ \(fresh)")
        let show = try cli(["case", "show", fresh, "--format", "json"]).out
        XCTAssertTrue(show.contains("\"PCS\"") && show.contains("\"ZZB\""), show)
        try c.keys("q"); try c.keys("q"); try c.wait(for: "CONSOLE-EXIT=0")
    }
}
