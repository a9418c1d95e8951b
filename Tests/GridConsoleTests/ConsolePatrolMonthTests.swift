import XCTest
import GridCore
@testable import GridStore
@testable import GridConsole

/// The Patrol screen's months, the grid page's workers and the worker page (issue 14), over the fixture township
/// (now 2026-11-22 10:00 +08:00) with a hand-made October:
/// - W1 (G01, 张伟) patrolled 10-05 08:00–10:00 (120 min), 10-06 09:00–10:30 (90 min) and 10-31 23:30–11-01 00:45
///   (30 min in October, 45 in November); a session on 09-30 is September's. W1 reported 20261010-0001 路灯损坏
///   (closed) and 20261020-0001 井盖缺失 (invalid, so not counted); a hotline matter naming W1 is not a report.
/// - W2 (G02) patrolled 08:00–10:00 on each of October's 31 days; W2 and W3 reported 10 matters each.
/// - G03 has neither workers nor patrol.
final class ConsolePatrolMonthTests: XCTestCase {
    var store: Store!
    var app: ConsoleApp!
    var s: MemorySurface!
    let october = LocalMonth(year: 2026, month: 10)!

    static func at(_ text: String) -> Date { ISO8601DateFormatter().date(from: text + ":00+08:00")! }

    override func setUpWithError() throws {
        store = try Fixture.store()
        let actor = try store.actor(login: "tester")
        func patrol(_ worker: String, _ grid: String, _ from: String, _ to: String) throws {
            _ = try store.addPatrol(worker: worker, grid: grid, start: Self.at(from), end: Self.at(to), by: actor, now: Fixture.now)
        }
        try patrol("W1", "G01", "2026-10-05T08:00", "2026-10-05T10:00")
        try patrol("W1", "G01", "2026-10-06T09:00", "2026-10-06T10:30")
        try patrol("W1", "G01", "2026-10-31T23:30", "2026-11-01T00:45")
        try patrol("W1", "G01", "2026-09-30T10:00", "2026-09-30T11:00")
        for day in 1...31 {
            let d = day < 10 ? "0\(day)" : "\(day)"
            try patrol("W2", "G02", "2026-10-\(d)T08:00", "2026-10-\(d)T10:00")
        }
        func matter(_ number: String, _ reported: String, _ source: String, _ reporter: String, _ grid: String, _ title: String, _ state: String) throws {
            let t = Self.at(reported)
            try store.db.run("""
                INSERT INTO matters(number, reported_at, source, reporter, grid, category, urgency, title, state, first_contact, ended_at,
                  created_at, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, 'C1', 'normal', ?, ?, 'tester', ?, ?, ?, 'tester')
                """, [.text(number), .of(t), .text(source), .text(reporter), .text(grid), .text(title), .text(state), .of(t), .of(t), .of(t)])
        }
        try matter("20261010-0001", "2026-10-10T09:15", "grid_worker", "W1", "G01", "路灯损坏", "closed")
        try matter("20261020-0001", "2026-10-20T14:30", "grid_worker", "W1", "G01", "井盖缺失", "invalid")
        try matter("20261015-0001", "2026-10-15T11:00", "hotline", "W1", "G01", "来电反映噪音", "closed")
        for day in 1...10 {
            let d = day < 10 ? "0\(day)" : "\(day)"
            try matter("202610\(d)-0002", "2026-10-\(d)T11:00", "grid_worker", "W2", "G02", "巡查发现\(day)", "closed")
            try matter("202610\(d)-0003", "2026-10-\(d)T12:00", "grid_worker", "W3", "G02", "巡查上报\(day)", "closed")
        }
        app = try Fixture.app(store)
        s = MemorySurface(rows: 40, cols: 120)
        app.tick()
    }

    /// A line's words (runs of non-spaces): the content of a row whatever the column widths.
    func words(_ row: Int) -> [String] { s.line(row).split(separator: " ").map(String.init) }
    /// A line without the blanks after its last cell.
    func trimmed(_ row: Int) -> String { String(s.line(row).reversed().drop { $0 == " " }.reversed()) }

    func testWorkerMonthHoldsExactlyTheirSessionsAndReports() throws {
        let v = try XCTUnwrap(try store.workerMonth(code: "W1", month: october, now: Fixture.now))
        // 120, 90, and the 30 minutes of the last session before midnight on 31 October; not September's.
        XCTAssertEqual(v.sessions.map(\.countedMinutes), [120, 90, 30])
        XCTAssertEqual(v.reports.map(\.number), ["20261010-0001", "20261020-0001"])
        XCTAssertEqual(v.reports.map(\.state), [.closed, .invalid])
        XCTAssertEqual(v.worker.reports, 1, "the invalid report does not count")
        XCTAssertEqual(v.worker.grade, .fail)
        // November: the 45 minutes after midnight, and today's 07:00–09:30 (150); the one November report (20261122-0001).
        let nov = try XCTUnwrap(try store.workerMonth(code: "W1", month: october.next, now: Fixture.now))
        XCTAssertEqual(nov.sessions.map(\.countedMinutes), [45, 150])
        XCTAssertEqual(nov.reports.map(\.number), ["20261122-0001"])
        XCTAssertNil(try store.workerMonth(code: "NOSUCH", month: october, now: Fixture.now))
    }

    func testAPastMonthShowsFinalGrades() throws {
        app.handle(.char("4")); app.handle(.char("[")); app.draw(s)
        XCTAssertEqual(s.line(1).trimmingCharacters(in: .whitespaces), "2026年10月 · 已结束 · 最终等次")
        XCTAssertTrue(s.line(2).contains("月巡查(时:分)") && s.line(2).contains("上报(件)") && s.line(2).contains("等次"), s.line(2))
        XCTAssertNil(s.find("今日巡查(时:分)"), "no today column for a past month")
        // G01: 120 + 90 + 30 = 240 min = 4:00 over 31 days, average 240 / 31 = 7 (rounded down); one day (10-05) reached
        // 120; 1 counted report of 10. 240 × 100 < 80 × 120 × 31: 不合格.
        // Columns: 8 + 20 + 13 + 12 + 7 + 6 + 8, one space apart: 22 spaces between the name and the right-aligned 4:00.
        XCTAssertEqual(trimmed(3), " G01      东湖一组" + String(repeating: " ", count: 22) + "4:00       7 分钟    1/31      1     1/10 不合格")
        // G02: 31 × 120 = 3720 min = 62:00, average 120, every day met; both workers 10 of 10: 合格 (not 优秀: 125% needed).
        XCTAssertEqual(words(4), ["G02", "东湖二组", "62:00", "120", "分钟", "31/31", "2", "20/20", "合格"])
        XCTAssertEqual(s.cell(4, try XCTUnwrap(s.find(" 合格")).col + 1).role, .met)
        // G03: nothing, and no workers (in red): 不合格.
        XCTAssertEqual(words(5), ["G03", "东湖三组", "0:00", "0", "分钟", "0/31", "0", "0/0", "不合格"])
        // (G01 is the selected row, drawn reversed; G03's grade shows the colour.)
        let fail = try XCTUnwrap(s.find("0/0 不合格"))
        XCTAssertEqual(s.cell(fail.row, fail.col + 4).role, .overdue)
        // Two months back is September; forward twice is this month again, and no further.
        app.handle(.char("[")); app.draw(s)
        XCTAssertTrue(s.line(1).hasPrefix(" 2026年9月 · 已结束"), s.line(1))
        app.handle(.char("]")); app.handle(.char("]")); app.draw(s)
        XCTAssertTrue(s.line(1).hasPrefix(" 2026年11月（本月）"), s.line(1))
        app.handle(.char("]"))
        XCTAssertEqual(app.message, "已是本月：没有更晚的月份")
        app.handle(.char("[")); app.handle(.char("[")); app.handle(.char("t")); app.draw(s)
        XCTAssertTrue(s.line(1).hasPrefix(" 2026年11月（本月）"), s.line(1))
        XCTAssertNotNil(s.find("[/] 上/下月"), s.line(39))
    }

    func testFilterAndSortHoldAcrossMonths() throws {
        app.handle(.char("4"))
        app.handle(.char("/")); for c in "二组" { app.handle(.char(c)) }; app.handle(.enter)
        XCTAssertEqual(app.message, "筛选「二组」：1 个网格")
        app.handle(.char("[")); app.draw(s)
        XCTAssertEqual(words(3).prefix(3), ["G02", "东湖二组", "62:00"])
        XCTAssertTrue(s.line(4).trimmingCharacters(in: .whitespaces).isEmpty, s.line(4))
        app.handle(.char("]")); app.draw(s)
        XCTAssertEqual(words(3).prefix(3), ["G02", "东湖二组", "1:30"], "still filtered in November")
        app.handle(.char("/")); for _ in 0..<4 { app.handle(.backspace) }; app.handle(.enter)
        // In October the sorts are code → average → reports → grade (no today's patrol).
        app.handle(.char("[")); app.handle(.char("s")); app.draw(s)
        XCTAssertTrue(s.line(2).contains("月日均(分钟)▼"), s.line(2))
        XCTAssertEqual([3, 4, 5].map { words($0)[0] }, ["G03", "G01", "G02"], "average 0, 7, 120")
        app.handle(.char("s")); app.handle(.char("s")); app.draw(s)
        XCTAssertTrue(s.line(2).contains("等次▼"), s.line(2))
        XCTAssertEqual([3, 4, 5].map { words($0)[0] }, ["G01", "G03", "G02"], "不合格 (by code) before 合格")
        // Back in November the grade sort is the pace, worst first: all three are behind at 10:00 (G01 and G02 on
        // reports, 1 of 10 and 1 of 20 by day 22; G03 on patrol, 0 min of the 20 due by then), so by code.
        app.handle(.char("t")); app.draw(s)
        XCTAssertTrue(s.line(2).contains("评价▼"), s.line(2))
        XCTAssertEqual([3, 4, 5].map { words($0)[0] }, ["G01", "G02", "G03"])
        XCTAssertEqual(words(5).suffix(1), ["巡查落后"])
    }

    func testGridPageToWorkerPageToMatter() throws {
        app.handle(.char("4")); app.handle(.char("[")); app.handle(.enter); app.draw(s)
        let grid = try XCTUnwrap(app.current as? GridPageScreen)
        XCTAssertEqual(grid.shown, october)
        XCTAssertEqual(s.line(1).trimmingCharacters(in: .whitespaces), "G01  东湖一组 · 2026年10月")
        XCTAssertEqual(s.line(2).trimmingCharacters(in: .whitespaces), "月日均 7 分钟 · 达标 1/31 天 · 上报 1/10 件 · 等次 不合格")
        XCTAssertEqual(words(5), ["W1", "张伟", "专职", "13800000001", "1/10", "不合格"])
        XCTAssertNil(s.find("今日巡查记录"), "a past month has no today")
        app.handle(.enter); app.draw(s)
        let page = try XCTUnwrap(app.current as? WorkerPageScreen)
        XCTAssertEqual(s.line(1).trimmingCharacters(in: .whitespaces), "W1 张伟 · 2026年10月 · 专职 · 13800000001 · G01 东湖一组")
        XCTAssertEqual(s.line(2).trimmingCharacters(in: .whitespaces), "巡查 3 次，计入 240 分钟 · 上报 2 件，计入考核 1/10 件 · 等次 不合格")
        // Three sessions and only those (the next line is the gap before the reports).
        XCTAssertEqual(words(5), ["10-05", "08:00", "10-05", "10:00", "120", "分钟", "计入"])
        XCTAssertEqual(words(6), ["10-06", "09:00", "10-06", "10:30", "90", "分钟", "计入"])
        XCTAssertEqual(words(7), ["10-31", "23:30", "11-01", "00:45", "30", "分钟", "计入"])
        XCTAssertEqual(words(8), [])
        XCTAssertEqual(words(9).prefix(1), ["上报事项"])
        XCTAssertEqual(words(11), ["20261010-0001", "已办结", "10-10", "09:15", "路灯损坏"])
        XCTAssertEqual(words(12), ["20261020-0001", "已作废", "10-20", "14:30", "井盖缺失"])
        XCTAssertEqual(words(13), [])
        XCTAssertNil(s.find("09-30"), "September's session")
        XCTAssertNil(s.find("来电反映噪音"), "a hotline matter is not a report")
        // Enter on the sessions says to Tab first; Tab, ↓, Enter opens the second report's matter page.
        app.handle(.enter)
        XCTAssertEqual(app.message, "先按 Tab 到上报事项，再按 Enter 打开案件")
        app.handle(.tab); app.handle(.down); app.handle(.enter); app.draw(s)
        XCTAssertTrue(page !== app.current)
        let matter = try XCTUnwrap(app.current as? MatterPageScreen)
        XCTAssertEqual(matter.number, "20261020-0001")
        XCTAssertNotNil(s.find("井盖缺失"), s.text)
        app.handle(.escape); app.handle(.escape); app.draw(s)
        XCTAssertTrue(app.current === grid)
    }

    func testTheRunningMonthsWorkerPage() throws {
        app.runCommand("grid G01"); app.handle(.enter); app.draw(s)
        // November so far: 45 min after midnight on the 1st and today's 150 = 195; one report (20261122-0001); no grade yet.
        XCTAssertEqual(s.line(1).trimmingCharacters(in: .whitespaces), "W1 张伟 · 2026年11月（暂定） · 专职 · 13800000001 · G01 东湖一组")
        XCTAssertEqual(s.line(2).trimmingCharacters(in: .whitespaces), "巡查 2 次，计入 195 分钟 · 上报 1 件，计入考核 1/10 件")
        XCTAssertEqual(words(5), ["10-31", "23:30", "11-01", "00:45", "45", "分钟", "计入"])
        XCTAssertEqual(words(6), ["11-22", "07:00", "11-22", "09:30", "150", "分钟", "计入"])
        // G02 today lists three sessions: Tab gives them the keys (▶ marks the list), ↓ moves there, Tab back.
        app.handle(.escape); app.handle(.escape)
        app.runCommand("grid G02"); app.draw(s)
        XCTAssertEqual(words(3).prefix(2), ["▶", "网格员"])
        XCTAssertNotNil(s.find("Tab 切换窗格"), s.line(39))
        app.handle(.tab); app.handle(.down); app.draw(s)
        let grid = try XCTUnwrap(app.current as? GridPageScreen)
        XCTAssertEqual([grid.workers.selection, grid.sessions.selection], [0, 1])
        XCTAssertNotNil(s.find("▶ 今日巡查记录"), s.text)
        app.handle(.tab); app.handle(.down)
        XCTAssertEqual([grid.workers.selection, grid.sessions.selection], [1, 1])
        // A past month lists no sessions: no Tab.
        app.handle(.escape); app.push(GridPageScreen(code: "G02", month: october)); app.draw(s)
        XCTAssertNil(s.find("Tab 切换窗格"), s.line(39))
        XCTAssertEqual(words(3).prefix(1), ["网格员"])
        // W3 (G02's second worker) today: 08:30–09:10, and 09:40 still under way (20 min by 10:00).
        app.handle(.escape)
        app.runCommand("grid G02"); app.handle(.down); app.handle(.enter); app.draw(s)
        XCTAssertTrue(s.line(1).hasPrefix(" W3 王芳 · 2026年11月（暂定）"), s.line(1))
        XCTAssertEqual(words(5), ["11-22", "08:30", "11-22", "09:10", "40", "分钟", "计入"])
        XCTAssertEqual(words(6), ["11-22", "09:40", "进行中", "20", "分钟", "进行中"])
        // W3's October: no sessions (said, with no table heading drawn over it), ten reports, which get the keys.
        app.push(WorkerPageScreen(code: "W3", month: october)); app.draw(s)
        XCTAssertEqual(s.line(4).trimmingCharacters(in: .whitespaces), "当月无巡查记录")
        XCTAssertEqual(words(7).prefix(2), ["▶", "上报事项"])
        XCTAssertEqual(words(9), ["20261001-0003", "已办结", "10-01", "12:00", "巡查上报1"])
        app.handle(.enter)
        XCTAssertEqual((app.current as? MatterPageScreen)?.number, "20261001-0003")
    }

    /// English at 120×40 fits every heading in full; at 80×24 the columns that stay are whole and the grade is kept,
    /// in both languages; no Chinese word of the console's own on an English screen.
    func testHeadingsFitInBothLanguagesAndSizes() throws {
        let en = try Fixture.app(store, language: .en)
        en.tick()
        en.handle(.char("4")); en.draw(s)
        XCTAssertEqual(s.line(1).trimmingCharacters(in: .whitespaces), "November 2026 (this month) · 21 of 30 days done · graded on pace, provisional")
        for h in ["Grid", "Today (h:mm)", "Avg/day (min)", "Days met", "Workers", "Reports", "Grade"] {
            XCTAssertTrue(s.line(2).contains(h), "\(h) in \(s.line(2))")
        }
        XCTAssertFalse(s.line(2).contains("…"), s.line(2))
        XCTAssertTrue(trimmed(3).hasSuffix(" reports behind"), s.line(3))
        en.handle(.char("[")); en.draw(s)
        XCTAssertEqual(s.line(1).trimmingCharacters(in: .whitespaces), "October 2026 · ended · final grades")
        for h in ["Total (h:mm)", "Avg/day (min)", "Days met", "Workers", "Reports", "Grade"] { XCTAssertTrue(s.line(2).contains(h), s.line(2)) }
        XCTAssertEqual(words(3).suffix(2), ["1/10", "fail"])
        XCTAssertEqual(words(4).suffix(1), ["pass"])
        for row in 1...38 { XCTAssertFalse(s.line(row).contains("分钟") || s.line(row).contains("合格"), s.line(row)) }
        let small = MemorySurface(rows: 24, cols: 80)
        for (a, lang) in [(en, "en"), (app!, "zh")] {
            a.handle(.escape); a.handle(.char("4")); a.handle(.char("t"))
            for past in [false, true] {
                a.draw(small)
                let heading = small.line(2)
                XCTAssertFalse(heading.contains("…"), "\(lang) past \(past): \(heading)")
                XCTAssertTrue(heading.contains(lang == "en" ? "Grade" : past ? "等次" : "评价"), heading)
                XCTAssertTrue(heading.contains(lang == "en" ? "Reports" : past ? "上报(件)" : "本月上报"), heading)
                // G01's grade in full: reports behind in November, 不合格/fail in October.
                let g01 = small.line(3)
                XCTAssertTrue(g01.contains(past ? (lang == "en" ? "fail" : "不合格") : (lang == "en" ? "reports behind" : "上报落后")), g01)
                a.handle(.char("["))
            }
        }
    }

    /// The worker page's two reads are index ranges (a worker's month at district size is a few hundred rows).
    func testWorkerPageReadsThroughIndexes() throws {
        for (sql, index) in [(Store.workerSessionsSQL, "patrols_worker_start"), (Store.workerReportsSQL, "matters_reporter")] {
            let plan = try store.db.query("EXPLAIN QUERY PLAN " + sql, [.text("W1"), .int(1), .int(2)]) { $0.text(3) }
            XCTAssertTrue(plan.contains { $0.hasPrefix("SEARCH") && $0.contains("USING INDEX \(index)") }, plan.joined(separator: "\n"))
        }
    }
}
