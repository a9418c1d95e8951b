import XCTest
import GridCore
@testable import GridStore

/// 回复 and 回访: the reply deadline after closing, the missed reply on the overdue list, the unsatisfied call reopened,
/// and the four rates on a hand-made month (figures written out below, not recomputed by the code under test).
final class FollowUpTests: XCTestCase {
    /// Takes in, dispatches, feeds back and closes a matter (WJ: handling 2h, verification 1h) on `day` from 08:00.
    func closed(_ f: MatterFixture, _ day: String) throws -> String {
        let n = try f.new("\(day)T08:00").number
        try f.move(n, .dispatch, as: "op", at: "\(day)T08:10")
        try f.move(n, .feedback, as: "op", at: "\(day)T09:00")
        try f.move(n, .verifyPass, as: "op", at: "\(day)T09:30")
        return n
    }

    func reply(_ f: MatterFixture, _ n: String, _ at: String, _ channel: ReplyChannel = .phone) throws {
        try f.store.perform(MoveRequest(.reply, number: n, note: "已告知处理结果", channel: channel), by: f.actor("op"), now: f.at(at))
    }

    func revisit(_ f: MatterFixture, _ n: String, _ at: String, _ result: Satisfaction) throws {
        try f.store.perform(MoveRequest(.revisit, number: n, note: "", result: result), by: f.actor("op"), now: f.at(at))
    }

    func testTheReplyDeadlineTheOverdueListAndAnUnsatisfiedCallReopened() throws {
        let f = try MatterFixture()
        // Closed Friday 2026-11-20 09:30; reply due 1wd after: Monday 23 at 17:30.
        let n = try closed(f, "2026-11-20")
        var m = try XCTUnwrap(try f.store.matter(number: n))
        XCTAssertEqual(m.replyDueAt, f.at("2026-11-23T17:30"))
        XCTAssertThrowsError(try f.store.perform(MoveRequest(.reply, number: n, note: "已告知"), by: f.actor("op"), now: f.at("2026-11-20T10:00"))) { e in
            XCTAssertEqual(e as? StoreError, .missingValue(number: n, move: .reply, value: .replyChannel))
        }
        var overdue = MatterFilter(); overdue.overdue = true
        XCTAssertEqual(try f.store.matters(overdue, now: f.at("2026-11-23T17:30")).map(\.number), [])
        XCTAssertEqual(try f.store.matters(overdue, now: f.at("2026-11-23T17:31")).map(\.number), [n])   // 未回复
        XCTAssertTrue(m.isReplyOverdue(now: f.at("2026-11-23T17:31")))
        try reply(f, n, "2026-11-24T09:00", .hotline)
        XCTAssertEqual(try f.store.matters(overdue, now: f.at("2026-11-24T09:01")).map(\.number), [])
        // The follow-up call: unsatisfied; the operator may not reopen, a supervisor may.
        try revisit(f, n, "2026-11-24T10:00", .unsatisfied)
        m = try XCTUnwrap(try f.store.matter(number: n))
        XCTAssertEqual(m.revisitResult, .unsatisfied)
        XCTAssertThrowsError(try f.move(n, .reopen, as: "op", at: "2026-11-24T10:05"))
        m = try f.move(n, .reopen, as: "sup", at: "2026-11-24T10:05", note: "回访不满意")
        XCTAssertEqual(m.state, .dispatched); XCTAssertNil(m.replyDueAt); XCTAssertNil(m.repliedAt)
        let detail: (Matter, [StageRecord], [MatterEvent]) = try f.store.matterDetail(number: n)
        XCTAssertEqual(try f.store.replies(ofMatter: detail.0.id).map(\.channel), [.hotline])
        XCTAssertEqual(try f.store.revisits(ofMatter: detail.0.id).map(\.result), [.unsatisfied])
        XCTAssertEqual(detail.2.suffix(3).map(\.kind), [.reply, .revisit, .reopen])
        // Replies and calls belong to closed matters.
        XCTAssertThrowsError(try reply(f, n, "2026-11-24T11:00"))
    }

    func testTheFourRatesOfAHandMadeMonth() throws {
        let f = try MatterFixture()
        // Five November matters of ZF (WJ), four closed and one still open:
        //   a closed Mon 11-16, replied the same day (on time), revisited satisfied
        //   b closed Mon 11-16, replied Wed 11-18 09:00 (due Tue 11-17 17:30: late), revisited basic
        //   c closed Tue 11-17, replied Wed 11-18 10:00 (on time), revisited unsatisfied
        //   d closed Tue 11-17, never replied, never revisited
        //   e dispatched, open (not closed: it has nothing to answer yet)
        // 结案 4; 回复 3 → 回复率 3/4 = 75.00%; 按时回复 2 → 按时回复率 2/4 = 50.00%; 回访 3 → 回访率 3/4 = 75.00%;
        // 满意 + 基本满意 = 2 → 满意率 2/3 = 66.67%.
        let a = try closed(f, "2026-11-16"), b = try closed(f, "2026-11-16")
        let c = try closed(f, "2026-11-17"); _ = try closed(f, "2026-11-17")
        let e = try f.new("2026-11-18T08:00").number
        try f.move(e, .dispatch, as: "op", at: "2026-11-18T08:10")
        try reply(f, a, "2026-11-16T15:00"); try revisit(f, a, "2026-11-19T09:00", .satisfied)
        try reply(f, b, "2026-11-18T09:00"); try revisit(f, b, "2026-11-19T09:10", .basic)
        try reply(f, c, "2026-11-18T10:00"); try revisit(f, c, "2026-11-19T09:20", .unsatisfied)
        let rows = try f.store.evaluation(month: LocalMonth(iso: "2026-11")!, by: .department)
        let zf = try XCTUnwrap(rows.first { $0.key == "ZF" }?.counts)
        XCTAssertEqual(zf.due, 5); XCTAssertEqual(zf.closed, 4)
        XCTAssertEqual(zf.replied, 3); XCTAssertEqual(zf.repliedOnTime, 2); XCTAssertEqual(zf.revisited, 3); XCTAssertEqual(zf.satisfied, 2)
        XCTAssertEqual(Evaluation.reply(zf).description, "75.00%")
        XCTAssertEqual(Evaluation.replyOnTime(zf).description, "50.00%")
        XCTAssertEqual(Evaluation.revisit(zf).description, "75.00%")
        XCTAssertEqual(Evaluation.satisfaction(zf).description, "66.67%")
    }
}
