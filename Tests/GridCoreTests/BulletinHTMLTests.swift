import XCTest
@testable import GridCore

/// The bulletin's HTML: self-contained, escaped, marked provisional, in either language.
final class BulletinHTMLTests: XCTestCase {
    let zone = TownshipZone.shanghai

    func bulletin(now: String, title: String) -> Bulletin {
        let at = ISOTime.parse(now, zone: zone)!
        let grid = Grid(code: "DH-01-01", name: "东湖村一组", level: .basic, parent: "DH-01", row: 0, col: 0)
        let board = ComplianceRules.board(period: .month(LocalMonth(year: 2026, month: 11)!), grids: [grid],
                                          workers: [.init(code: "W001", name: "邱晓东", grid: "DH-01-01")], reportCounts: ["W001": 4],
                                          zone: zone, now: at, settings: .standard) { _ in
            (PatrolFigure(dailySeconds: [], days: 0, patrolSeconds: 0, daysMeeting: 0, todaySeconds: nil, dailyTargetMinutes: 120), 0)
        }
        let pc = PeriodCompliance(period: .month(LocalMonth(year: 2026, month: 11)!), boards: [board], settings: .standard)
        let open = Bulletin.OpenMatter(number: "20261101-0001", title: title, grid: "DH-01-01", gridName: "东湖村一组", department: "HWZ",
                                       departmentName: "环卫站", state: .dispatched, urgent: true, dueAt: at.addingTimeInterval(-3 * 86_400 - 60))
        return Bulletin(township: "东湖\"镇", period: .month(LocalMonth(year: 2026, month: 11)!), takenAt: at, zone: zone,
                        current: .init(takenIn: 12, evaluation: EvaluationCounts(due: 8, closed: 6, closedOnTime: 3, reworkedClosed: 1,
                                                                                 replied: 5, repliedOnTime: 3, revisited: 4, satisfied: 3),
                                       disputes: DisputeCounts(takenIn: 4, settled: 2, closedOrControlled: 2)),
                        previous: .init(takenIn: 10, evaluation: EvaluationCounts(due: 5, closed: 5, closedOnTime: 5)),
                        escalatedOpen: 0, overdueNow: 1,
                        departments: [.init(code: "HWZ", name: "环卫站", platform: .enforcement, counts: EvaluationCounts(due: 8, closed: 6, closedOnTime: 3))],
                        trend: [.init(first: LocalDate(year: 2026, month: 11, day: 1)!, last: LocalDate(year: 2026, month: 11, day: 7)!, takenIn: 12, closed: 6)],
                        compliance: pc, openLate: [open], calendarWarnings: [2027])
    }

    func testHostileTextIsEscapedAndNothingIsFetched() {
        let html = BulletinHTML.render(bulletin(now: "2026-11-22T10:00:00+08:00", title: "<script>alert(1)</script>\u{1B}]2;PWNED\u{7}\u{202E}反转"), language: .zh)
        XCTAssertFalse(html.contains("<script"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertFalse(html.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        XCTAssertTrue(html.contains("\\u{1B}]2;PWNED\\u{7}\\u{202E}反转"))
        // The township's quote is escaped inside the CSS string of the running header too.
        XCTAssertTrue(html.contains("@top-left { content: \"东湖\\\"镇 · 2026年11月 · 暂定\""), html)
        for banned in ["http:", "https:", "src=", "url(", "<link", "@import", "<img"] { XCTAssertFalse(html.contains(banned), banned) }
    }

    func testHeadlineFiguresAndChangeAgainstThePreviousPeriod() {
        let html = BulletinHTML.render(bulletin(now: "2026-11-22T10:00:00+08:00", title: "井盖缺失"), language: .zh)
        // 受理 12 against 10: +2 (+20.00%); 结案率 6/8 = 75.00% against 5/5 = 100.00%: −25.00 points;
        // 按期 3/8 = 37.50% against 100.00%: −62.50 points; 返工率 1/6 = 16.67% against 0/5 = 0.00%: +16.67 points.
        XCTAssertTrue(html.contains("<td>受理事项（件）</td><td class=\"n\">12</td><td class=\"n\">10</td><td class=\"n\">+2（+20.00%）</td>"))
        XCTAssertTrue(html.contains("<td>结案率</td><td class=\"n\">75.00%</td><td class=\"n\">100.00%</td><td class=\"n\">−25.00 个百分点</td>"))
        XCTAssertTrue(html.contains("<td>按期结案率</td><td class=\"n\">37.50%</td><td class=\"n\">100.00%</td><td class=\"n\">−62.50 个百分点</td>"))
        XCTAssertTrue(html.contains("<td>返工率</td><td class=\"n\">16.67%</td><td class=\"n\">0.00%</td><td class=\"n\">+16.67 个百分点</td>"))
        // The loops: 回复率 5/6 = 83.33%, 按时回复率 3/6 = 50.00%, 回访率 4/6 = 66.67%, 满意率 3/4 = 75.00% (previous: none
        // recorded: replies 0/5 = 0.00%, revisits 0/5, satisfaction —); disputes 4: 就地化解 2/4 = 50.00%, 稳控 2/2 = 100.00%.
        XCTAssertTrue(html.contains("<td>回复率</td><td class=\"n\">83.33%</td><td class=\"n\">0.00%</td><td class=\"n\">+83.33 个百分点</td>"), html)
        XCTAssertTrue(html.contains("<td>按时回复率</td><td class=\"n\">50.00%</td>"))
        XCTAssertTrue(html.contains("<td>回访率</td><td class=\"n\">66.67%</td>"))
        XCTAssertTrue(html.contains("<td>满意率</td><td class=\"n\">75.00%</td><td class=\"n\">—</td>"))
        XCTAssertTrue(html.contains("<td>矛盾纠纷就地化解率</td><td class=\"n\">50.00%</td><td class=\"n\">—</td>"))
        XCTAssertTrue(html.contains("<td>稳控率</td><td class=\"n\">100.00%</td>"))
        XCTAssertFalse(html.contains("尚未记录答复"))             // the method note no longer says they are not recorded
        // Overdue 3 days and a minute: 3 whole days over.
        XCTAssertTrue(html.contains("<td class=\"n\">3</td></tr>"))
        XCTAssertTrue(html.contains("注意：2027 年的调休安排尚未导入"))
        XCTAssertEqual(html.components(separatedBy: "<section").count - 1, 6)
        XCTAssertTrue(html.contains("暂定：本期尚未结束"))
    }

    func testAFinishedPeriodIsNotProvisionalAndEnglishSpeaksEnglish() {
        let b = bulletin(now: "2026-12-02T10:00:00+08:00", title: "Manhole cover missing")
        XCTAssertFalse(b.provisional)
        let html = BulletinHTML.render(b, language: .en)
        XCTAssertFalse(html.contains("PROVISIONAL"))
        XCTAssertTrue(html.contains("Social Governance Monthly Bulletin"))
        XCTAssertTrue(html.contains("<td>Closure rate</td><td class=\"n\">75.00%</td>"))
        XCTAssertTrue(html.contains("−25.00 pts"))
        for word in ["结案率", "通报", "暂定", "网格员", "说明", "个百分点"] { XCTAssertFalse(html.contains(word), word) }
    }
}
