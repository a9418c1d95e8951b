import XCTest
import GridCore
@testable import GridStore

/// 重大事项: flagged at intake or later, alerting every console; the leader role; co-handling departments.
final class MajorMatterTests: XCTestCase {
    func testAMajorMatterAlertsAndIsListedAndLeadersMayOnlyUrge() throws {
        let f = try MatterFixture()
        let high = try f.store.lastMatterID()
        var intake = MatterIntake(reportedAt: f.at("2026-11-20T08:00"), source: .hotline, grid: "G1", category: "WJ", title: "山体滑坡隐患")
        intake.major = true
        let n = try f.store.intake(intake, by: f.actor("op"), now: f.at("2026-11-20T08:00")).number
        XCTAssertEqual(try f.store.matter(number: n)?.major, true)
        XCTAssertEqual(try f.store.matterDetail(number: n).2.map(\.kind), [.intake, .markMajor])
        // A console that last looked just before sees it at its next tick (ticks are ≤ 1 s apart).
        let alerts = try f.store.newAlerts(afterID: high, from: f.at("2026-11-20T07:59:59"), to: f.at("2026-11-20T08:00:01"))
        XCTAssertEqual(alerts.major.map(\.number), [n])
        XCTAssertEqual(try f.store.newAlerts(afterID: try f.store.lastMatterID(), from: f.at("2026-11-20T08:00:01"), to: f.at("2026-11-20T08:00:02")).major.map(\.number), [])
        // Marked later: an event in the window alerts, the flag is set once.
        let m = try f.new("2026-11-20T09:00").number
        XCTAssertThrowsError(try f.move(m, .markMajor, as: "op", at: "2026-11-20T09:05", note: "涉及多人"))   // duty officer or higher
        try f.move(m, .markMajor, as: "duty", at: "2026-11-20T09:05", note: "涉及多人")
        XCTAssertEqual(try f.store.newAlerts(afterID: try f.store.lastMatterID(), from: f.at("2026-11-20T09:05"), to: f.at("2026-11-20T09:06")).major.map(\.number), [m])
        XCTAssertThrowsError(try f.move(m, .markMajor, as: "duty", at: "2026-11-20T09:06", note: "again")) { e in
            XCTAssertEqual(e as? StoreError, .alreadyMajor(number: m))
        }
        let o = try f.store.overview(now: f.at("2026-11-20T09:10"))
        XCTAssertEqual(o.majorOpen, 2); XCTAssertEqual(o.majors.map(\.number), [m, n])
        XCTAssertEqual(try f.store.dueMatters(now: f.at("2026-11-20T09:10")).first { $0.number == n }?.major, true)
        // A leader (镇街领导) may urge and nothing else.
        try f.store.addStaff(Staff(login: "lead", name: "镇长", role: .leader), by: f.actor("admin"), now: f.at("2026-11-20T08:00"))
        try f.move(n, .urge(.red), as: "lead", at: "2026-11-20T09:20", note: "请全力处置")
        XCTAssertThrowsError(try f.move(n, .dispatch, as: "lead", at: "2026-11-20T09:21"))
        XCTAssertThrowsError(try f.move(n, .comment, as: "lead", at: "2026-11-20T09:21", note: "x"))
    }

    func testCoHandlersAreNamedAtDispatchAndTheLeadIsEvaluated() throws {
        let f = try MatterFixture()
        let n = try f.new("2026-11-20T08:00").number
        XCTAssertThrowsError(try f.store.perform(MoveRequest(.dispatch, number: n, department: "ZF", coHandlers: ["NOPE"]),
                                                 by: f.actor("op"), now: f.at("2026-11-20T08:10")))
        var req = MoveRequest(.dispatch, number: n, department: "ZF"); req.coHandlers = ["SC", "ZF"]   // the lead is not its own co-handler
        let m = try f.store.perform(req, by: f.actor("op"), now: f.at("2026-11-20T08:10"))
        XCTAssertEqual(m.department, "ZF"); XCTAssertEqual(m.coHandlers, ["SC"])
        try f.move(n, .feedback, as: "op", at: "2026-11-20T09:00", note: "联合整治完毕")
        try f.move(n, .verifyPass, as: "op", at: "2026-11-20T09:30")
        let rows = try f.store.evaluation(month: LocalMonth(iso: "2026-11")!, by: .department)
        XCTAssertEqual(rows.map(\.key), ["ZF"])                     // counted for the lead only
        XCTAssertEqual(try f.store.coHandled(month: LocalMonth(iso: "2026-11")!), ["SC": 1])   // listed for the others
    }
}
