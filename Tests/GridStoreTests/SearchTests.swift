import Foundation
import XCTest
import GridCore
@testable import GridStore

/// The matter search (`matter_fts`, `.v11Search`): two-character Chinese words anywhere in any searched field,
/// open and ended matters, the typed conditions, the bounded one-character scan, and the index kept in step.
final class SearchTests: XCTestCase {
    func numbers(_ f: MatterFixture, _ q: MatterQuery) throws -> [String] {
        try f.store.searchMatters(q, limit: 100).map(\.number)
    }
    func words(_ w: String...) -> MatterQuery { MatterQuery(words: w, states: nil) }

    @discardableResult
    func intake(_ f: MatterFixture, _ reported: String, title: String, description: String = "", location: String = "",
                callerName: String = "", callerPhone: String = "", orderNo: String = "", grid: String = "G1") throws -> String {
        try f.store.intake(MatterIntake(reportedAt: f.at(reported), source: .hotline, grid: grid, category: "WJ", title: title,
                                        description: description, location: location, callerName: callerName,
                                        callerPhone: callerPhone, orderNo: orderNo),
                           by: f.actor("op"), now: f.at(reported)).number
    }

    func testTwoCharacterWordsAreFoundAnywhereInEveryField() throws {
        let f = try MatterFixture()
        // 垃圾 at the start of a title, 井盖 in the middle of a description, 占道 at the very end of a location.
        let a = try intake(f, "2026-11-20T08:00", title: "垃圾桶已满")
        let b = try intake(f, "2026-11-20T08:10", title: "路面破损", description: "村口一处井盖松动，行人易绊倒")
        let c = try intake(f, "2026-11-20T08:20", title: "摊贩", location: "东湖路菜场门口占道")
        let d = try intake(f, "2026-11-20T08:30", title: "来电", callerName: "李女士", callerPhone: "13912345678", orderNo: "GD2026-0042")
        XCTAssertEqual(try numbers(f, words("垃圾")), [a])
        XCTAssertEqual(try numbers(f, words("井盖")), [b])
        XCTAssertEqual(try numbers(f, words("占道")), [c])
        XCTAssertEqual(try numbers(f, words("李女士")), [d])
        XCTAssertEqual(try numbers(f, words("13912345678")), [d])
        XCTAssertEqual(try numbers(f, words("45678")), [d], "a part of the phone")
        XCTAssertEqual(try numbers(f, words("2345")), [d], "a part of the phone; intake notes carry no channel text")
        XCTAssertEqual(try numbers(f, words("gd2026-0042")), [d], "work-order number, any case")
        XCTAssertEqual(try numbers(f, words(d)), [d], "case number")
        XCTAssertEqual(try numbers(f, words(b)), [b])
        // A phrase of pairs is a substring: 垃桶 (not adjacent in 垃圾桶) and a word split across two fields are not found.
        XCTAssertEqual(try numbers(f, words("垃桶")), [])
        XCTAssertEqual(try numbers(f, words("损村")), [], "路面破损 | 村口…: no pair spans two fields")
        // Several words: all required, newest first.
        XCTAssertEqual(try numbers(f, words("村口", "井盖")), [b])
        XCTAssertEqual(try numbers(f, words("村口", "占道")), [])
    }

    func testNotesAndEndedMattersAreFound() throws {
        let f = try MatterFixture()
        let a = try intake(f, "2026-11-20T08:00", title: "噪音")
        try f.move(a, .invalidate, as: "duty", at: "2026-11-20T08:05", note: "重复来电，已在另案办理")
        let b = try intake(f, "2026-11-20T09:00", title: "噪音扰民")
        // The default scope is open matters; all states finds the invalidated one by a word of its note.
        XCTAssertEqual(try numbers(f, MatterQuery(words: ["另案"])), [])
        XCTAssertEqual(try numbers(f, words("另案")), [a])
        XCTAssertEqual(try numbers(f, words("噪音")), [b, a])
        XCTAssertEqual(try numbers(f, MatterQuery(words: ["噪音"], states: [.invalid])), [a])
        XCTAssertEqual(try f.store.searchCount(words("噪音")), 2)
    }

    func testEditsAndLaterNotesKeepTheIndexInStep() throws {
        let f = try MatterFixture()
        let a = try intake(f, "2026-11-20T08:00", title: "井盖丢失")
        try f.move(a, .dispatch, as: "duty", at: "2026-11-20T08:05", note: "请市政抢修", department: "ZF")
        try f.move(a, .feedback, as: "duty", at: "2026-11-20T09:05", note: "已更换新井盖")
        // A plain SQL edit of the title: the old words go, the new ones come, the notes stay.
        try f.store.db.run("UPDATE matters SET title = '窨井异味' WHERE number = ?", [.text(a)])
        XCTAssertEqual(try numbers(f, words("丢失")), [])
        XCTAssertEqual(try numbers(f, words("异味")), [a])
        XCTAssertEqual(try numbers(f, words("抢修")), [a])
        XCTAssertEqual(try numbers(f, words("新井盖")), [a])
        // The contentless index agrees with a rebuild from scratch (no stale or missing pairs).
        let hits = try f.store.db.scalarInt("SELECT count(*) FROM matter_fts WHERE matter_fts MATCH ?", [.text(MatterSearch.matchExpression(["井盖"])!)])
        XCTAssertEqual(hits, 1)
        try f.store.db.execute("INSERT INTO matter_fts(matter_fts) VALUES ('integrity-check')")
    }

    func testConditions() throws {
        let f = try MatterFixture()
        let a = try intake(f, "2026-11-18T08:00", title: "垃圾堆放", grid: "G1")
        let b = try intake(f, "2026-11-20T08:00", title: "垃圾焚烧", grid: "G2")
        try f.move(b, .dispatch, as: "duty", at: "2026-11-20T08:05", department: "SC")
        XCTAssertEqual(try numbers(f, MatterQuery(words: ["垃圾"], states: nil, grid: "A1")), [a], "G1 is under the area A1")
        XCTAssertEqual(try numbers(f, MatterQuery(words: ["垃圾"], states: [.dispatched])), [b])
        XCTAssertEqual(try numbers(f, MatterQuery(words: ["垃圾"], states: nil, department: "SC")), [b])
        let day = LocalDate(year: 2026, month: 11, day: 18)!
        XCTAssertEqual(try numbers(f, MatterQuery(words: ["垃圾"], states: nil, from: day, to: day)), [a])
        XCTAssertEqual(try numbers(f, MatterQuery(states: nil, from: LocalDate(year: 2026, month: 11, day: 19))), [b], "conditions without words")
    }

    func testOneCharacterWordsScanOnlyTheNewestMatters() throws {
        let f = try MatterFixture()
        let old = try intake(f, "2026-11-01T08:00", title: "桶")
        XCTAssertEqual(try numbers(f, words("桶")), [old])
        XCTAssertTrue(MatterSearch.isBounded(words("桶")))
        XCTAssertFalse(MatterSearch.isBounded(words("桶", "垃圾")))
        // Push it out of the newest `singleCharacterScan` matters: it is no longer read by a one-character search,
        // while a two-character search still finds it.
        try f.store.db.run("""
            INSERT INTO matters(number, reported_at, source, grid, category, urgency, title, state, first_contact, created_at, updated_at, updated_by)
            SELECT 'X' || n, 0, 'hotline', 'G1', 'WJ', 'normal', '别的', 'new', 'op', 0, 0, 'op' FROM search_positions WHERE n <= ?
            """, [.of(MatterSearch.singleCharacterScan)])
        XCTAssertEqual(try numbers(f, words("桶")), [])
        XCTAssertEqual(try numbers(f, words("别")).count, 100, "a page of the newest")
    }

    func testWorkOrderNumberIsUniquePerSource() throws {
        let f = try MatterFixture()
        try intake(f, "2026-11-20T08:00", title: "一", orderNo: "GD1")
        XCTAssertThrowsError(try intake(f, "2026-11-20T08:10", title: "二", orderNo: "GD1")) {
            XCTAssertTrue("\($0)".contains("order_no GD1"), "\($0)")
        }
        // Another channel may carry the same number.
        XCTAssertNoThrow(try f.store.intake(MatterIntake(reportedAt: f.at("2026-11-20T08:20"), source: .wechat, grid: "G1", category: "WJ",
                                                         title: "三", orderNo: "GD1"), by: f.actor("op"), now: f.at("2026-11-20T08:20")))
        let m = try XCTUnwrap(try f.store.matter(number: "20261120-0001"))
        XCTAssertEqual(m.orderNo, "GD1")
    }

    func testQueryPairsAreScalarPairs() {
        XCTAssertEqual(MatterSearch.pairs("垃圾桶"), ["垃圾", "圾桶"])
        XCTAssertNil(MatterSearch.pairs("桶"))
        XCTAssertEqual(MatterSearch.matchExpression(["垃圾桶", "a\"b"]), "\"垃圾 圾桶\" AND \"a\"\" \"\"b\"")
        XCTAssertNil(MatterSearch.matchExpression(["，。"]), "nothing the tokenizer keeps")
    }

    /// A bulk load runs without the triggers and the index is built once after; a load cut short has the
    /// triggers put back and the index rebuilt on the next open.
    func testBulkLoadsBuildTheIndexOnceAndACutShortLoadIsRepaired() throws {
        let f = try MatterFixture()
        let triggers = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'matter_fts_%'"
        try f.store.withSearchIndexSuspended {
            XCTAssertEqual(try f.count(triggers), 0)
            try f.store.db.run("""
                INSERT INTO matters(number, reported_at, source, grid, category, urgency, title, state, first_contact, created_at, updated_at, updated_by)
                VALUES ('B1', 0, 'hotline', 'G1', 'WJ', 'normal', '井盖破损', 'new', 'op', 0, 0, 'op')
                """)
            try f.store.db.run("INSERT INTO events(matter_id, at, kind, actor, note) SELECT id, 0, 'comment', 'op', '已报市政' FROM matters WHERE number = 'B1'")
        }
        XCTAssertEqual(try f.count(triggers), 4)
        XCTAssertEqual(try numbers(f, words("井盖")), ["B1"])
        XCTAssertEqual(try numbers(f, words("市政")), ["B1"])
        // Cut short: triggers gone, the setting left behind. The next open repairs it.
        let saved = try f.store.db.query("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'matter_fts_%' ORDER BY name") { $0.text(0) }
        try f.store.db.run("INSERT INTO settings(key, value) VALUES ('search_index_suspended', ?)", [.text(saved.joined(separator: "\n;;\n"))])
        for name in Store.searchTriggers { try f.store.db.execute("DROP TRIGGER \(name)") }
        try f.store.db.run("""
            INSERT INTO matters(number, reported_at, source, grid, category, urgency, title, state, first_contact, created_at, updated_at, updated_by)
            VALUES ('B2', 0, 'hotline', 'G1', 'WJ', 'normal', '占道经营', 'new', 'op', 0, 0, 'op')
            """)
        let reopened = try Store.open(path: f.path)
        XCTAssertEqual(try reopened.db.scalarInt(triggers), 4)
        XCTAssertEqual(try reopened.searchMatters(words("占道")).map(\.number), ["B2"])
        XCTAssertEqual(try reopened.searchMatters(words("井盖")).map(\.number), ["B1"])
    }

    /// The bulk rebuild's Swift cut and the triggers' SQL cut are the same text, so a row the rebuild wrote is
    /// deleted exactly by a later trigger (the index is contentless).
    func testSwiftAndSQLPairTextsAgree() throws {
        let f = try MatterFixture()
        for t in ["", "桶", "垃圾", "村口垃圾桶 已满\n第二行", "ab", "a", "e\u{301}x", "👨‍👩‍👧 家", "GD-2026/0042 李女士", String(repeating: "井盖", count: 9000)] {
            let sql = try f.store.db.first("SELECT (SELECT coalesce(group_concat(substr(x.t, p.n, 2), ' '), '') FROM (SELECT ? AS t) x JOIN search_positions p ON p.n <= max(length(x.t) - 1, 1))",
                                           [.text(t)]) { $0.text(0) }
            XCTAssertEqual(MatterSearch.pairText(t), sql, t.debugDescription)
        }
        XCTAssertEqual(MatterSearch.pairText("村口垃圾"), "村口 口垃 垃圾")
    }
}
