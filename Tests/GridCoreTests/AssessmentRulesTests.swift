import XCTest
@testable import GridCore

/// Should-have-reported (应报未报) and the score sheet (考核评分表), against cases worked by hand.
final class AssessmentRulesTests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_793_000_000)
    func at(_ hours: Double) -> Date { t0.addingTimeInterval(hours * 3600) }

    func testOnlyThePlantedMattersAreListed() {
        let window: TimeInterval = 72 * 3600
        typealias C = MissedReports.Candidate
        typealias R = MissedReports.WorkerReport
        let candidates = [
            C(number: "P1", grid: "G1", category: "C1", source: .hotline, reportedAt: at(0)),          // nobody reported: listed
            C(number: "D1", grid: "G1", category: "C1", source: .hotline, reportedAt: at(100)),        // a worker 2 h before
            C(number: "D2", grid: "G1", category: "C2", source: .hotline, reportedAt: at(110)),        // category not reportable
            C(number: "P2", grid: "G2", category: "C1", source: .video, reportedAt: at(200)),          // the report was in G1
            C(number: "P3", grid: "G1", category: "C1", source: .public, reportedAt: at(300)),         // the report 73 h before
            C(number: "D3", grid: "G1", category: "C1", source: .wechat, reportedAt: at(310)),         // not an outside channel
            C(number: "P4", grid: "G3", category: "C1", source: .inspection, reportedAt: at(400)),     // the report came 1 h after
            C(number: "D4", grid: "G3", category: "C1", source: .villageVisit, reportedAt: at(500)),   // exactly 72 h before: covered
            C(number: "D5", grid: "G2", category: "C1", source: .gridWorker, reportedAt: at(600)),     // a worker's own
        ]
        let reports = [R(grid: "G1", category: "C1", reportedAt: at(98)), R(grid: "G1", category: "C1", reportedAt: at(199)),
                       R(grid: "G1", category: "C1", reportedAt: at(227)), R(grid: "G3", category: "C1", reportedAt: at(401)),
                       R(grid: "G3", category: "C1", reportedAt: at(428))]
        let missed = MissedReports.find(candidates, reports: reports, reportable: ["C1"], window: window)
        XCTAssertEqual(missed.map(\.number), ["P1", "P2", "P3", "P4"])
    }

    func testADepartmentAndAWorkerScoredByHand() throws {
        let s = ScoreSheet.standard
        // 120 due, 108 closed, 90 on time, 6 of the closed reworked:
        // 10 (tier ≥ 100) + 0.3 × 90 + 0.3 × 75 + 0.3 × (100 − 5.5556) = 10 + 27 + 22.5 + 28.3333 = 87.8333.
        let d = try XCTUnwrap(s.department(EvaluationCounts(due: 120, closed: 108, closedOnTime: 90, reworkedClosed: 6)))
        XCTAssertEqual(d.total, 87.8333, accuracy: 0.0001)
        XCTAssertEqual(d.text, "87.83")
        XCTAssertEqual(d.parts.map(\.key), ["volume", "closure", "on_time", "rework"])
        XCTAssertEqual(d.parts[0].points, 10)
        // 30 due, all closed on time, none reworked: the 20 tier (6) + 0.3 × 100 three times = 96; nothing due: no score.
        XCTAssertEqual(s.department(EvaluationCounts(due: 30, closed: 30, closedOnTime: 30))?.total ?? 0, 6 + 30 + 30 + 30, accuracy: 1e-9)
        XCTAssertNil(s.department(EvaluationCounts()))
        // A worker: 9 counted of 10, 1 should-have-reported, grid met 24 of 30 days, target 10:
        // 0.25 × 90 + 0.25 × (100 − 10) + 0.25 × 80 + 0.25 × 90 = 22.5 + 22.5 + 20 + 22.5 = 87.5.
        let w = s.worker(counted: 9, all: 10, missed: 1, daysMet: 24, days: 30, target: 10)
        XCTAssertEqual(w.total, 87.5, accuracy: 1e-9)
        XCTAssertEqual(w.text, "87.50")
        // Reports over target are capped at 100 %; no report at all gives 有效上报率 0 and 漏报率 0 (nothing missed).
        XCTAssertEqual(s.worker(counted: 25, all: 25, missed: 0, daysMet: 30, days: 30, target: 10).total, 100, accuracy: 1e-9)
        XCTAssertEqual(s.worker(counted: 0, all: 0, missed: 0, daysMet: 0, days: 30, target: 10).total, 25, accuracy: 1e-9)
    }

    func testTheSheetIsASettingThatRoundTrips() throws {
        XCTAssertEqual(ScoreSheet.standard.description, "tiers=100:10,50:8,20:6,1:4;department=0.3/0.3/0.3;worker=0.25/0.25/0.25/0.25")
        let custom = try ScoreSheet(parsing: "tiers=1:5,10:10;department=0.2/0.4/0.3;worker=0.4/0.2/0.2/0.2")
        XCTAssertEqual(custom.tiers.map(\.minimum), [10, 1], "highest tier first")
        XCTAssertEqual(try ScoreSheet(parsing: custom.description), custom)
        XCTAssertThrowsError(try ScoreSheet(parsing: "tiers=100:10;department=0.3/0.3"))
        XCTAssertThrowsError(try ScoreSheet(parsing: "department=0.3/0.3/0.3;worker=0.25/0.25/0.25/0.25"))
        XCTAssertThrowsError(try ScoreSheet(parsing: "tiers=0:10;department=0.3/0.3/0.3;worker=0.25/0.25/0.25/0.25"))
    }
}
