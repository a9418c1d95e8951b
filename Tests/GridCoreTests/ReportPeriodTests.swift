import XCTest
@testable import GridCore

/// Periods (考核周期) and a quarter's compliance summed from its months, against figures worked by hand.
final class ReportPeriodTests: XCTestCase {
    func testParsingMonthsAndNeighbours() {
        XCTAssertEqual(ReportPeriod(parsing: "2026-11"), .month(LocalMonth(year: 2026, month: 11)!))
        XCTAssertEqual(ReportPeriod(parsing: "2026Q4"), .quarter(year: 2026, quarter: 4))
        XCTAssertEqual(ReportPeriod(parsing: "2026-q1"), .quarter(year: 2026, quarter: 1))
        XCTAssertEqual(ReportPeriod(parsing: "2026"), .year(2026))
        for bad in ["2026Q5", "2026Q0", "26Q1", "2026-13", "20261", "", "Q4"] { XCTAssertNil(ReportPeriod(parsing: bad), bad) }
        let q4 = ReportPeriod.quarter(year: 2026, quarter: 4)
        XCTAssertEqual(q4.months.map(\.description), ["2026-10", "2026-11", "2026-12"])
        XCTAssertEqual(q4.firstDay.description, "2026-10-01")
        XCTAssertEqual(q4.lastDay.description, "2026-12-31")
        XCTAssertEqual(q4.dayCount, 31 + 30 + 31)
        XCTAssertEqual(q4.previous, .quarter(year: 2026, quarter: 3))
        XCTAssertEqual(ReportPeriod.quarter(year: 2026, quarter: 1).previous, .quarter(year: 2025, quarter: 4))
        XCTAssertEqual(ReportPeriod.month(LocalMonth(year: 2026, month: 1)!).previous, .month(LocalMonth(year: 2025, month: 12)!))
        XCTAssertEqual(ReportPeriod.year(2026).months.count, 12)
        XCTAssertEqual(ReportPeriod.year(2024).dayCount, 366)
        XCTAssertTrue(q4.isRunning(today: LocalDate(year: 2026, month: 12, day: 31)!))
        XCTAssertFalse(q4.isRunning(today: LocalDate(year: 2027, month: 1, day: 1)!))
        XCTAssertTrue(q4.isFuture(today: LocalDate(year: 2026, month: 9, day: 30)!))
        XCTAssertEqual(q4.name(.zh), "2026年第四季度"); XCTAssertEqual(q4.name(.en), "Q4 2026")
        XCTAssertEqual(ReportPeriod.month(LocalMonth(year: 2026, month: 11)!).name(.zh), "2026年11月")
        XCTAssertEqual(ReportPeriod.month(LocalMonth(year: 2026, month: 11)!).name(.en), "November 2026")
    }

    func testAMonthTrendsByWeekAndAQuarterByMonth() {
        let feb = ReportPeriod.month(LocalMonth(year: 2026, month: 2)!)   // 28 days: four whole weeks
        XCTAssertEqual(feb.trendSteps.map { "\($0.first.day)-\($0.last.day)" }, ["1-7", "8-14", "15-21", "22-28"])
        let nov = ReportPeriod.month(LocalMonth(year: 2026, month: 11)!)
        XCTAssertEqual(nov.trendSteps.map { "\($0.first.day)-\($0.last.day)" }, ["1-7", "8-14", "15-21", "22-28", "29-30"])
        XCTAssertEqual(ReportPeriod.quarter(year: 2026, quarter: 4).trendSteps.map { "\($0.first)…\($0.last)" },
                       ["2026-10-01…2026-10-31", "2026-11-01…2026-11-30", "2026-12-01…2026-12-31"])
    }

    // A quarter: grid A (worker W1), grid B (W2, W3), grid C (no worker); 120 min a day, 10 reports a month.
    let zone = TownshipZone.shanghai
    let grids = [Grid(code: "A", name: "甲网格", level: .basic, parent: "T"), Grid(code: "B", name: "乙网格", level: .basic, parent: "T"),
                 Grid(code: "C", name: "丙网格", level: .basic, parent: "T")]
    let workers = [ComplianceRules.WorkerRef(code: "W1", name: "甲", grid: "A"), ComplianceRules.WorkerRef(code: "W2", name: "乙", grid: "B"),
                   ComplianceRules.WorkerRef(code: "W3", name: "丙", grid: "B")]

    /// A month's board where every day of grid g had `perDay[g]` seconds (days = the month's completed days).
    func board(_ m: Int, perDay: [String: Int], reports: [String: Int], now: Date) -> ComplianceBoard {
        let month = LocalMonth(year: 2026, month: m)!
        let days = DayFrame(month: month, zone: zone, now: now).completedDays
        return ComplianceRules.board(period: .month(month), grids: grids, workers: workers, reportCounts: reports, zone: zone, now: now,
                                     settings: .standard) { code in
            let s = perDay[code] ?? 0
            return (PatrolFigure(dailySeconds: Array(repeating: s, count: days), days: days, patrolSeconds: s * days,
                                 daysMeeting: s >= 7200 ? days : 0, todaySeconds: nil, dailyTargetMinutes: 120), 0)
        }
    }

    func testAQuarterIsJudgedOnItsSumsNotOnItsMonths() {
        let after = ISOTime.parse("2027-01-05T10:00:00+08:00", zone: zone)!
        let boards = [board(10, perDay: ["A": 7200, "B": 3600], reports: ["W1": 10, "W2": 10, "W3": 15], now: after),
                      board(11, perDay: ["A": 9000, "B": 9000], reports: ["W1": 12, "W2": 10, "W3": 0], now: after),
                      board(12, perDay: ["A": 7200, "B": 7200], reports: ["W1": 8, "W2": 10, "W3": 20], now: after)]
        let q = PeriodCompliance(period: .quarter(year: 2026, quarter: 4), boards: boards, settings: .standard)
        XCTAssertFalse(q.provisional)
        XCTAssertEqual(q.reportTarget, 30)          // 10 a month × 3
        XCTAssertEqual(q.gradeReportTarget, 30)
        let a = q.grids[0], b = q.grids[1], c = q.grids[2]
        XCTAssertEqual(a.patrol.days, 92)
        // A: 31 × 7200 + 30 × 9000 + 31 × 7200 = 716,400 s = 11,940 min ≥ 120 × 92 = 11,040: met.
        XCTAssertEqual(a.patrol.patrolSeconds, 716_400); XCTAssertEqual(a.patrol.patrolMinutes, 11_940); XCTAssertTrue(a.patrol.ok)
        XCTAssertEqual(a.patrol.daysMeeting, 92)
        // B: 31 × 3600 + 30 × 9000 + 31 × 7200 = 604,800 s = 10,080 min < 11,040: missed, although two of its three months met.
        XCTAssertEqual(b.patrol.patrolMinutes, 10_080); XCTAssertFalse(b.patrol.ok); XCTAssertEqual(b.patrol.daysMeeting, 61)
        XCTAssertEqual(c.patrol.patrolSeconds, 0); XCTAssertTrue(c.reports.noWorker)
        // Reports: W1 10 + 12 + 8 = 30 (met although December's 8 is short); W2 30; W3 15 + 0 + 20 = 35.
        XCTAssertEqual(q.workers.map { "\($0.reports.worker)=\($0.reports.reports)/\($0.reports.ok)" }, ["W1=30/true", "W2=30/true", "W3=35/true"])
        // Grades against the quarter's marks (standard rule: 优秀 125/150, 合格 100/100, 基本合格 80/80):
        // A 11,940 / 11,040 = 108 % and W1 30 / 30 = 100 % → 合格; B 91 % patrol → 基本合格 (W2, W3 too); C no worker → 不合格.
        XCTAssertEqual(q.grids.map(\.grade), [.pass, .basicPass, .fail])
        XCTAssertEqual(q.workers.map(\.grade), [.pass, .basicPass, .basicPass])
        // Lists: red A and W1 (both marks met); black worst first: C (不合格) before B; W2 before W3 (equal ratio, fewer reports).
        let rb = q.redBlack(size: 5)
        XCTAssertEqual(rb.redGrids.map(\.grid.code), ["A"]); XCTAssertEqual(rb.blackGrids.map(\.grid.code), ["C", "B"])
        XCTAssertEqual(rb.redWorkers.map(\.reports.worker), ["W1"]); XCTAssertEqual(rb.blackWorkers.map(\.reports.worker), ["W2", "W3"])
        // Reasons, as the bulletin prints them: 10,080 / 92 = 109.565… → 109.6.
        XCTAssertEqual(RedBlackReason.grid(b, dailyTarget: 120, reportTarget: 30, language: .zh), "巡查达标 61/92 天，日均 109.6 分钟（标准 120）；上报均达标（最少 30 件）")
        XCTAssertEqual(RedBlackReason.grid(c, dailyTarget: 120, reportTarget: 30, language: .zh), "巡查达标 0/92 天，日均 0.0 分钟（标准 120）；无网格员")
        XCTAssertEqual(RedBlackReason.worker(q.workers[0], dailyTarget: 120, reportTarget: 30, language: .en),
                       "reported 30/30; grid A patrol mark met 92/92 days, 129.8 min a day (mark 120)")
    }

    func testAMonthAloneIsJudgedAsTheMonthBoardJudgesIt() {
        let after = ISOTime.parse("2026-12-02T10:00:00+08:00", zone: zone)!
        let nov = board(11, perDay: ["A": 9000, "B": 3600], reports: ["W1": 12, "W2": 4, "W3": 10], now: after)
        let p = PeriodCompliance(period: .month(LocalMonth(year: 2026, month: 11)!), boards: [nov], settings: .standard)
        XCTAssertEqual(p.grids.map(\.grade), nov.grids.map(\.grade))
        XCTAssertEqual(p.workers.map(\.grade), nov.workers.map(\.grade))
        XCTAssertEqual(p.grids.map(\.patrol.patrolSeconds), nov.grids.map(\.patrol.patrolSeconds))
        let rb = p.redBlack(size: 5), month = RedBlackList(board: nov, size: 5)
        XCTAssertEqual(rb.blackGrids.map(\.grid.code), month.blackGrids.map(\.grid.code))
        XCTAssertEqual(rb.blackWorkers.map(\.reports.worker), month.blackWorkers.map(\.reports.worker))
        XCTAssertEqual(RedBlackReason.grid(p.grids[1], dailyTarget: 120, reportTarget: 10, language: .zh),
                       "巡查达标 0/30 天，日均 60.0 分钟（标准 120）；W2 上报 4/10 件")
    }

    func testARunningQuarterIsJudgedOnPace() {
        // On 15 December 10:00, 14 of December's 31 days are complete.
        let mid = ISOTime.parse("2026-12-15T10:00:00+08:00", zone: zone)!
        let boards = [board(10, perDay: ["A": 7200], reports: ["W1": 10, "W2": 9, "W3": 8], now: mid),
                      board(11, perDay: ["A": 7200], reports: ["W1": 10, "W2": 10, "W3": 8], now: mid),
                      board(12, perDay: ["A": 7200], reports: ["W1": 5, "W2": 6, "W3": 7], now: mid)]
        let q = PeriodCompliance(period: .quarter(year: 2026, quarter: 4), boards: boards, settings: .standard)
        XCTAssertTrue(q.provisional)
        // Pace: 10 × (31/31 + 30/30 + 14/31) = 24.516… reports → judged against ⌈24.516⌉ = 25.
        XCTAssertEqual(q.gradeReportTarget, 25)
        XCTAssertEqual(q.reportTarget, 30)
        // W1 25 and W2 25 are on pace (25 × 930 = 23,250 ≥ 10 × 2,280 = 22,800); W3 23 is not (21,390).
        XCTAssertEqual(q.workers.map { "\($0.reports.worker)=\($0.reports.reports)/\($0.reports.onPace)" }, ["W1=25/true", "W2=25/true", "W3=23/false"])
        XCTAssertFalse(q.workers[0].reports.ok, "the quarter's 30 is not reached yet")
        // W1's grade is on pace (patrol 100 %, reports 25/25): 合格, not a final 不合格 for 25 of 30.
        XCTAssertEqual(q.workers[0].grade, .pass)
    }
}
