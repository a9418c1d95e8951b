import XCTest
import GridCore
@testable import GridStore

final class MatterSupervisionTests: XCTestCase {
    func testUrgesAreCountedByLevel() throws {
        let f = try MatterFixture()
        let n = try f.new("2026-11-20T08:00").number
        try f.move(n, .urge(.ordinary), at: "2026-11-20T08:10", note: "请尽快派遣")
        try f.move(n, .urge(.yellow), at: "2026-11-20T08:20", note: "黄牌")
        let m = try f.move(n, .urge(.red), at: "2026-11-20T08:25", note: "红牌")
        XCTAssertEqual(m.urgeCount, 3); XCTAssertEqual(m.urgeYellow, 1); XCTAssertEqual(m.urgeRed, 1)
        XCTAssertEqual(m.state, .new)
        XCTAssertEqual(try f.count("SELECT count(*) FROM events WHERE kind = 'urge' AND level = 'red'"), 1)
        XCTAssertThrowsError(try f.move(n, .urge(.red), at: "2026-11-20T08:26", note: ""))   // an urge carries a note
    }

    func testExtensionMovesTheHandlingDeadlineAndKeepsTheOriginal() throws {
        let f = try MatterFixture()
        let n = try f.new("2026-11-20T08:00").number
        try f.move(n, .dispatch, as: "op", at: "2026-11-20T08:10")            // handling due 10:10
        XCTAssertThrowsError(try f.move(n, .extendApprove, at: "2026-11-20T08:20")) { e in
            XCTAssertEqual(String(describing: e), "case \(n): no extension request is pending")
        }
        try f.move(n, .extendRequest, as: "op", at: "2026-11-20T08:20", note: "需协调产权单位", days: 2)
        XCTAssertThrowsError(try f.move(n, .extendRequest, as: "op", at: "2026-11-20T08:21", note: "again", days: 1))
        let m = try f.move(n, .extendApprove, at: "2026-11-20T08:30")
        XCTAssertEqual(m.extensionCount, 1)
        let due = try XCTUnwrap(m.stageDueAt)
        XCTAssertEqual(due, f.at("2026-11-24T17:30"))   // Fri 11-20 10:10 + 2wd: Mon (1), Tue (2), close of office
        XCTAssertEqual(m.handleDueAt, f.at("2026-11-20T10:10"))             // evaluation month keeps the first deadline
        let stages = try f.store.stages(ofMatter: m.id)
        XCTAssertEqual(stages.last?.originalDueAt, f.at("2026-11-20T10:10"))
        XCTAssertEqual(stages.last?.dueAt, due)
        XCTAssertEqual(try f.count("SELECT count(*) FROM extensions WHERE state = 'approved' AND old_due_at IS NOT NULL"), 1)
        // A second request refused: nothing moves.
        try f.move(n, .extendRequest, as: "op", at: "2026-11-20T09:00", note: "再延", days: 1)
        let r = try f.move(n, .extendRefuse, at: "2026-11-20T09:10", note: "不予延期")
        XCTAssertEqual(r.stageDueAt, due); XCTAssertEqual(r.extensionCount, 1)
    }

    func testMergeCreditsTheFirstReportForCreditedMajors() throws {
        let f = try MatterFixture()
        let early = try f.new("2026-11-20T07:00", source: .gridWorker, reporter: "W1").number
        let later = try f.new("2026-11-20T08:00").number
        // Merge the EARLIER report into the later one: the earlier still gets the credit.
        let merged = try f.move(early, .merge, as: "op", at: "2026-11-20T08:10", into: later)
        XCTAssertEqual(merged.state, .merged); XCTAssertEqual(merged.mergedInto, later)
        XCTAssertEqual(try f.store.matter(number: early)?.firstReport, true)
        XCTAssertEqual(try f.store.matter(number: later)?.firstReport, false)
        XCTAssertThrowsError(try f.move(later, .merge, as: "op", at: "2026-11-20T08:20", into: early)) { e in
            XCTAssertEqual(String(describing: e), "case \(later): cannot merge into \(early), which is merged; merge into \(later) instead")
        }
        // 市容环境 earns no credit.
        let x = try f.new("2026-11-20T09:00", category: "ZY").number
        let y = try f.new("2026-11-20T09:30", category: "ZY").number
        try f.move(y, .merge, as: "op", at: "2026-11-20T09:40", into: x)
        XCTAssertEqual(try f.count("SELECT count(*) FROM matters WHERE first_report = 1"), 1)
    }

    func testEscalatedMattersComeBackThroughFeedback() throws {
        let f = try MatterFixture()
        let n = try f.new("2026-11-20T08:00").number
        try f.move(n, .dispatch, as: "op", at: "2026-11-20T08:10")
        XCTAssertThrowsError(try f.move(n, .escalate, as: "op", at: "2026-11-20T08:20", note: "事权在区"))
        var m = try f.move(n, .escalate, as: "duty", at: "2026-11-20T08:20", note: "事权在区")
        XCTAssertEqual(m.state, .escalated); XCTAssertNil(m.stageDueAt)
        XCTAssertEqual(try f.store.sweepOverdue(now: f.at("2026-11-25T08:00")), .recorded(0))   // no township clock runs
        m = try f.move(n, .feedback, as: "op", at: "2026-11-21T09:00", note: "区城管已处置")
        XCTAssertEqual(m.state, .fedBack); XCTAssertEqual(m.stageDueAt, f.at("2026-11-21T10:00"))
    }

    func testEvaluationOfAMonth() throws {
        let f = try MatterFixture()
        // a: closed on time. b: handling overdue, then closed. c: extended, still open. d: reworked, closed on time.
        // e: handling deadline in December: not counted. f: invalid: not counted.
        let a = try f.new("2026-11-10T08:00").number
        try f.move(a, .dispatch, as: "op", at: "2026-11-10T08:10")
        try f.move(a, .feedback, as: "op", at: "2026-11-10T09:00")
        try f.move(a, .verifyPass, as: "op", at: "2026-11-10T09:30")
        let b = try f.new("2026-11-11T08:00", grid: "G2").number
        try f.move(b, .dispatch, as: "op", at: "2026-11-11T08:10")          // due 10:10
        try f.move(b, .urge(.yellow), at: "2026-11-11T10:30", note: "超期督办")
        try f.move(b, .feedback, as: "op", at: "2026-11-11T11:00")
        try f.move(b, .verifyPass, as: "op", at: "2026-11-11T11:30")
        let c = try f.new("2026-11-12T08:00", category: "ZY").number
        try f.move(c, .dispatch, as: "op", at: "2026-11-12T08:10")          // SC
        try f.move(c, .extendRequest, as: "op", at: "2026-11-12T09:00", note: "等待材料", days: 3)
        try f.move(c, .extendApprove, at: "2026-11-12T09:10")
        let d = try f.new("2026-11-13T08:00").number
        try f.move(d, .dispatch, as: "op", at: "2026-11-13T08:10")
        try f.move(d, .feedback, as: "op", at: "2026-11-13T09:00")
        try f.move(d, .verifyRework, as: "op", at: "2026-11-13T09:10", note: "未完成")
        try f.move(d, .feedback, as: "op", at: "2026-11-13T10:00")
        try f.move(d, .verifyPass, as: "op", at: "2026-11-13T10:20")
        let e = try f.new("2026-11-30T23:00", grid: "G2").number
        try f.move(e, .dispatch, as: "op", at: "2026-11-30T23:10")          // handling due 2026-12-01 01:10
        let x = try f.new("2026-11-14T08:00", grid: "G2").number
        try f.move(x, .invalidate, as: "op", at: "2026-11-14T08:05", note: "重复来电")

        let rows = try f.store.evaluation(month: LocalMonth(iso: "2026-11")!, by: .department)
        XCTAssertEqual(rows.map(\.key), ["SC", "ZF"])
        let zf = rows[1].counts, sc = rows[0].counts
        // ZF: a, b, d due; all closed; on time a, d; b overdue; 1 rework (d); 1 yellow urge (b).
        XCTAssertEqual(zf, EvaluationCounts(due: 3, closed: 3, closedOnTime: 2, extended: 0, overdue: 1, reworks: 1,
                                            reworkedClosed: 1, urgesOrdinary: 0, urgesYellow: 1, urgesRed: 0))
        // SC: c due, open, extended.
        XCTAssertEqual(sc, EvaluationCounts(due: 1, extended: 1))
        let total = zf + sc
        XCTAssertEqual(Evaluation.closureRate(total)!, 3.0 / 4.0, accuracy: 1e-12)   // 3 closed of 4 due
        XCTAssertEqual(Evaluation.onTimeRate(total)!, 2.0 / 3.0, accuracy: 1e-12)    // 2 / (4 − 1 extended)
        XCTAssertEqual(Evaluation.reworkRate(total)!, 1.0 / 3.0, accuracy: 1e-12)    // d of 3 closed
        let dec = try f.store.evaluation(month: LocalMonth(iso: "2026-12")!, by: .grid)
        XCTAssertEqual(dec.map(\.key), ["G2"]); XCTAssertEqual(dec[0].counts.due, 1)
    }
}
