import XCTest
@testable import GridCore

/// The `/` search syntax: codes and the Chinese names on screen, and refusals that list what is accepted.
final class MatterQueryTests: XCTestCase {
    let vocabulary = MatterQueryVocabulary(
        grids: [("DH-01-03", "东湖村第三网格"), ("DH-01-04", "东湖村第四网格")],
        departments: [("ZF", "综合行政执法队")],
        categories: [("LJ1", "生活垃圾"), ("LJ2", "建筑垃圾"), ("ZY", "噪音扰民")],
        stateLabels: [.new: ["待派遣"], .closed: ["已办结"]])

    func parse(_ s: String) throws(MatterQueryError) -> MatterQuery { try MatterQuery.parse(s, vocabulary: vocabulary) }
    func refusal(_ s: String) -> MatterQueryError? {
        do { _ = try parse(s); return nil } catch { return error }
    }

    func testWordsAndDefaultScope() throws {
        let q = try parse("垃圾桶　李女士 08:30")
        XCTAssertEqual(q.words, ["垃圾桶", "李女士", "08:30"], "full-width space separates; a time is a word")
        XCTAssertEqual(q.states, [.new, .dispatched, .fedBack, .escalated])
        XCTAssertTrue(q.openOnly)
    }

    func testStatesByCodeNameAndScope() throws {
        XCTAssertEqual(try parse("state:待派遣").states, [.new])
        XCTAssertEqual(try parse("state:new").states, [.new])
        XCTAssertEqual(try parse("state:fed_back").states, [.fedBack], "a code with an underscore")
        XCTAssertEqual(try parse("state:处置中").states, [.dispatched], "the name table's name")
        XCTAssertEqual(try parse("state:已办结 state:invalid").states, [.closed, .invalid])
        XCTAssertNil(try parse("state:all").states)
        XCTAssertNil(try parse("state:全部").states)
        XCTAssertEqual(try parse("state:ended").states, [.closed, .invalid, .merged])
        XCTAssertFalse(try parse("state:all").openOnly)
    }

    func testRegistryValuesByCodeOrName() throws {
        XCTAssertEqual(try parse("grid:东湖村第三网格").grid, "DH-01-03")
        XCTAssertEqual(try parse("grid:dh-01-04").grid, "DH-01-04")
        XCTAssertEqual(try parse("cat:噪音").category, "ZY", "a unique part of a name")
        XCTAssertEqual(try parse("dept:综合行政执法队").department, "ZF")
        let q = try parse("from:2026-11-01 to:2026-11-30")
        XCTAssertEqual(q.from, LocalDate(year: 2026, month: 11, day: 1))
        XCTAssertEqual(q.to, LocalDate(year: 2026, month: 11, day: 30))
    }

    func testRefusalsListWhatIsAccepted() throws {
        let bogus = try XCTUnwrap(refusal("state:bogus"))
        XCTAssertEqual(bogus.message(chinese: true, limit: 3), "state:bogus 无此项；可用 open/在办、ended/已结束、all/全部 等 10 项")
        XCTAssertTrue(bogus.message(chinese: true, limit: 20).contains("new/待派遣、dispatched/处置中"), bogus.message(chinese: true, limit: 20))
        XCTAssertEqual(refusal("cat:垃圾"), .ambiguous(term: "cat", value: "垃圾", matches: ["LJ1 生活垃圾", "LJ2 建筑垃圾"]))
        XCTAssertEqual(refusal("grid:西山"), .unknownValue(term: "grid", value: "西山", accepted: ["DH-01-03 东湖村第三网格", "DH-01-04 东湖村第四网格"]))
        XCTAssertEqual(refusal("sate:new")?.message(chinese: true), "未知条件 sate:；可用 state:、grid:、dept:、cat:、from:、to:")
        XCTAssertEqual(refusal("from:11-01"), .badDate(term: "from", value: "11-01"))
        XCTAssertEqual(refusal("from:2026-11-02 to:2026-11-01"), .badDate(term: "to", value: "2026-11-01"))
    }
}
