import XCTest
@testable import GridCore

final class EvaluationTests: XCTestCase {
    func testAHandMadeMonth() {
        let month: [MatterOutcome] = [
            MatterOutcome(closed: true, everOverdue: false),                                      // 1 closed on time
            MatterOutcome(closed: true, everOverdue: false, reworks: 1),                          // 2 closed on time, reworked
            MatterOutcome(closed: true, everOverdue: true, urges: [.yellow: 1]),                  // 3 closed late
            MatterOutcome(closed: true, everOverdue: false, extensions: 1),                       // 4 closed, extended
            MatterOutcome(closed: false, everOverdue: true, urges: [.ordinary: 1, .red: 1]),      // 5 open, overdue
            MatterOutcome(closed: false, everOverdue: false, extensions: 1),                      // 6 open, extended
            MatterOutcome(closed: true, everOverdue: true, reworks: 2, urges: [.ordinary: 1]),    // 7 closed late, reworked twice
            MatterOutcome(closed: false, everOverdue: false),                                     // 8 open
        ]
        let c = Evaluation.count(month)
        XCTAssertEqual(c.due, 8)
        XCTAssertEqual(c.closed, 5)          // 1,2,3,4,7
        XCTAssertEqual(c.closedOnTime, 2)    // 1,2 (4 is extended, 3 and 7 went overdue)
        XCTAssertEqual(c.extended, 2)        // 4,6
        XCTAssertEqual(c.overdue, 3)         // 3,5,7
        XCTAssertEqual(c.reworks, 3)         // 1 + 2
        XCTAssertEqual(c.reworkedClosed, 2)  // 2,7
        XCTAssertEqual(c.urgesOrdinary, 2); XCTAssertEqual(c.urgesYellow, 1); XCTAssertEqual(c.urgesRed, 1)
        XCTAssertEqual(Evaluation.closureRate(c)!, 5.0 / 8.0, accuracy: 1e-12)   // 0.625
        XCTAssertEqual(Evaluation.onTimeRate(c)!, 2.0 / 6.0, accuracy: 1e-12)    // 2 / (8 − 2)
        XCTAssertEqual(Evaluation.reworkRate(c)!, 2.0 / 5.0, accuracy: 1e-12)    // 0.4
        XCTAssertEqual(Evaluation.closure(c).description, "62.50%")   // 5 / 8
        XCTAssertEqual(Evaluation.onTime(c).description, "33.33%")    // 2 / 6
        XCTAssertEqual(Evaluation.rework(c).description, "40.00%")    // 2 / 5
        let sum = c + c
        XCTAssertEqual(sum.due, 16); XCTAssertEqual(sum.closedOnTime, 4)
    }

    func testEmptyDenominatorsHaveNoRate() {
        let none = Evaluation.count([])
        XCTAssertNil(Evaluation.closureRate(none))
        XCTAssertEqual(Evaluation.closure(none).description, "—")
        // Everything extended: on-time denominator 0.
        let allExtended = Evaluation.count([MatterOutcome(closed: true, everOverdue: false, extensions: 1)])
        XCTAssertNil(Evaluation.onTimeRate(allExtended))
        XCTAssertEqual(Evaluation.closureRate(allExtended), 1.0)
    }

    /// A published county bulletin: 972 due, 911 closed, 737 closed on time → 结案率 93.72%, 按期结案率 75.82%.
    func testRatesPrintAsBulletinsPrintThem() {
        let c = EvaluationCounts(due: 972, closed: 911, closedOnTime: 737)
        XCTAssertEqual(Evaluation.closure(c).description, "93.72%")   // 911 / 972 = 0.937242…
        XCTAssertEqual(Evaluation.onTime(c).description, "75.82%")    // 737 / 972 = 0.758230…
        XCTAssertEqual(Evaluation.closure(c).hundredths, 9372)
        // Half up on the exact fraction: 1 / 160 = 0.625 % exactly → 0.63 % (binary rounding to even would print 0.62).
        XCTAssertEqual(Rate(1, 160).description, "0.63%")
        XCTAssertEqual(Rate(2, 3).description, "66.67%")
        XCTAssertEqual(Rate(1, 3).description, "33.33%")
        XCTAssertEqual(Rate(7, 7).description, "100.00%")
        XCTAssertEqual(Rate(0, 5).description, "0.00%")
        XCTAssertEqual(Rate(3, 0).description, "—")
        XCTAssertNil(Rate(3, 0).value)
        XCTAssertEqual(Rate(1, 8).value!, 0.125, accuracy: 1e-12)
    }

    func testFirstReportIsTheEarliestOfTheGroup() {
        XCTAssertEqual(FirstReport.first(of: [(id: 5, reportedAt: 100), (id: 3, reportedAt: 200), (id: 9, reportedAt: 100)]), 5)
        // Without its flag, a category takes the legacy default of its major class (older files keep their credit).
        let limit = TimeLimit(parsing: "1h")!
        XCTAssertTrue(Category(code: "WJ", name: "违章搭建", major: "违法建设", department: "D", urgency: .normal,
                               dispatchLimit: limit, handleLimit: limit, verifyLimit: limit).firstReport)
        XCTAssertFalse(Category(code: "SR", name: "道路不洁", major: "市容环境", department: "D", urgency: .normal,
                                dispatchLimit: limit, handleLimit: limit, verifyLimit: limit).firstReport)
        // The flag, once given, decides.
        XCTAssertTrue(Category(code: "AQ", name: "消防通道堵塞", major: "安全隐患", department: "D", urgency: .normal,
                               dispatchLimit: limit, handleLimit: limit, verifyLimit: limit, firstReport: true).firstReport)
        XCTAssertEqual(FirstReport.flag("是"), true); XCTAssertEqual(FirstReport.flag("0"), false); XCTAssertNil(FirstReport.flag("maybe"))
    }
}
