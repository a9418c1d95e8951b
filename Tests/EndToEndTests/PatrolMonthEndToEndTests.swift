import Foundation
import XCTest

/// The Patrol screen's months tried as a person in tmux, at 120×40 and 80×24, in Chinese and English: Patrol →
/// previous month (final grades) → the grid → its worker (their October sessions and reports) → a reported matter.
/// October is made through the command line: W001 patrols DH-01-01 for 120, 90 and 30 minutes (the last session runs
/// past midnight into November) and reports two matters.
final class PatrolMonthEndToEndTests: XCTestCase {
    static let now = "2026-11-22T10:00:00+08:00"
    var dir: URL!
    var db: String { dir.appendingPathComponent("t.sqlite").path }

    override func setUpWithError() throws {
        try GridroomCLI.requireBinary()
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-month-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        XCTAssertEqual(try cli(["init", "--demo"]).status, 0)
        for (start, end) in [("2026-10-05T08:00", "2026-10-05T10:00"), ("2026-10-06T09:00", "2026-10-06T10:30"), ("2026-10-31T23:30", "2026-11-01T00:45")] {
            let r = try cli(["patrol", "add", "--worker", "W001", "--grid", "DH-01-01", "--start", start, "--end", end])
            XCTAssertEqual(r.status, 0, r.err)
        }
        for (at, title) in [("2026-10-10T09:15:00+08:00", "路灯损坏"), ("2026-10-20T14:30:00+08:00", "井盖缺失")] {
            let r = try cli(["case", "new", "--source", "grid_worker", "--reporter", "W001", "--grid", "DH-01-01", "--category", "SR01",
                             "--title", title], now: at)
            XCTAssertEqual(r.status, 0, r.err)
        }
    }
    override func tearDownWithError() throws { if let dir { try? FileManager.default.removeItem(at: dir) } }

    @discardableResult
    func cli(_ args: [String], now: String = PatrolMonthEndToEndTests.now) throws -> (status: Int32, out: String, err: String) {
        try GridroomCLI.run(args, db: db, now: now)
    }

    func console(cols: Int, rows: Int, lang: String) throws -> TmuxSession {
        let cmd = "cd '\(GridroomCLI.root.path)' && env -u GRIDROOM_DB -u GRIDROOM_LANG -u GRIDROOM_NOW LANG=C.UTF-8 '\(GridroomCLI.binary)' --db '\(db)' --now \(Self.now) --lang \(lang); echo CONSOLE-EXIT=$?; sleep 60"
        let t = try TmuxSession(command: cmd, cols: cols, rows: rows)
        try t.wait(for: lang == "zh" ? "1 总览" : "1 Overview", timeout: 5)
        return t
    }

    /// The screen's line holding `text` (the first), or "".
    func line(_ t: TmuxSession, _ text: String) throws -> String {
        try t.screen().split(separator: "\n").first { $0.contains(text) }.map(String.init) ?? ""
    }

    func testPatrolPreviousMonthGridWorkerMatter() throws {
        for lang in ["zh", "en"] {
            for (cols, rows) in [(120, 40), (80, 24)] {
                let zh = lang == "zh"
                let size = "\(lang) \(cols)×\(rows)"
                let t = try console(cols: cols, rows: rows, lang: lang)
                try t.keys("4"); try t.wait(for: zh ? "2026年11月（本月）· 已过 21/30 天" : "November 2026 (this month) · 21 of 30 days done")
                // Every heading whole (none cut to an ellipsis), the grade column kept.
                let heading = try line(t, zh ? "网格▼" : "Grid▼")
                XCTAssertFalse(heading.contains("…"), "\(size): \(heading)")
                XCTAssertTrue(heading.contains(zh ? "评价" : "Grade") && heading.contains(zh ? "本月上报" : "Reports"), "\(size): \(heading)")
                if cols == 120 { for h in ["Avg/day (min)", "Days met", "Workers"] where !zh { XCTAssertTrue(heading.contains(h), "\(size): \(heading)") } }
                // The previous month: final grades. DH-01-01: 240 min over 31 days, average 7; two reports of 10: 不合格.
                try t.keys("[")
                try t.wait(for: zh ? "2026年10月 · 已结束 · 最终等次" : "October 2026 · ended · final grades")
                let row = try line(t, "DH-01-01")
                XCTAssertTrue(row.contains(zh ? "7 分钟" : "7 min") && row.contains("1/31") && row.contains("2/10"), "\(size): \(row)")
                XCTAssertTrue(row.hasSuffix(zh ? "不合格" : "fail") || row.contains(zh ? " 不合格 " : " fail "), "\(size): \(row)")
                // The grid (the first row), then its first worker, W001.
                try t.keys("Enter"); try t.wait(for: zh ? "月日均 7 分钟 · 达标 1/31 天" : "average 7 min a day · mark met on 1 of 31 days")
                try t.wait(for: "W001")
                try t.keys("Enter")
                try t.wait(for: zh ? "巡查 3 次，计入 240 分钟 · 上报 2 件，计入考核 2/10 件" : "3 sessions, 240 min counted · 2 reported, 2 of 10 counted")
                let screen = try t.screen()
                for s in ["10-05 08:00  10-05 10:00", "10-06 09:00  10-06 10:30", "10-31 23:30  11-01 00:45", "20261010-0001", "20261020-0001"] {
                    XCTAssertTrue(screen.contains(s), "\(size): \(s)\n\(screen)")
                }
                XCTAssertTrue(try line(t, "10-31 23:30").contains(zh ? "30 分钟" : "30 min"), "\(size): 30 of its 75 minutes are October's")
                if !zh { XCTAssertNil(screen.range(of: "[计入分钟巡查上报等次待派遣]", options: .regularExpression), "\(size): Chinese words\n\(screen)") }
                // Tab to the reports, the second one, Enter: its matter page.
                try t.keys("Tab"); try t.keys("Down"); try t.keys("Enter")
                try t.wait(for: zh ? "基本信息" : "Fields")
                XCTAssertTrue(try t.screen().contains("20261020-0001"), size)
                XCTAssertTrue(try t.screen().contains("井盖缺失"), size)
                // Esc back through the worker and the grid to the month, and `t` to this month.
                try t.keys("Escape"); try t.wait(for: zh ? "上报事项" : "Reported matters")
                try t.keys("Escape"); try t.wait(for: "W001")
                try t.keys("Escape"); try t.wait(for: zh ? "最终等次" : "final grades")
                try t.keys("t"); try t.wait(for: zh ? "（本月）" : "(this month)")
                try t.keys("q"); try t.wait(for: "CONSOLE-EXIT=0")
            }
        }
    }
}
