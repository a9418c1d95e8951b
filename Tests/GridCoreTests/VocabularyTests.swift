import XCTest
@testable import GridCore

/// The one name table: every case of every named enum has a name in both languages, the Chinese name holds no
/// English letter, the English name no Chinese character, and within an enum no two cases share a name.
final class VocabularyTests: XCTestCase {
    /// Every named enum, each with all its cases (Move is listed through `Move.all`).
    let everyEnum: [(String, [any Named])] = [
        ("MatterState", MatterState.allCases), ("MatterSource", MatterSource.allCases), ("Urgency", Urgency.allCases),
        ("Stage", Stage.allCases), ("UrgeLevel", UrgeLevel.allCases), ("ReplyChannel", ReplyChannel.allCases),
        ("Satisfaction", Satisfaction.allCases), ("EventKind", EventKind.allCases), ("Move", Move.all),
        ("DurationUnit", DurationUnit.allCases), ("LimitUnit", LimitUnit.allCases), ("Role", Role.allCases),
        ("GridLevel", GridLevel.allCases), ("Platform", Platform.allCases), ("WorkerKind", WorkerKind.allCases),
        ("Grade", Grade.allCases), ("PatrolStatus", PatrolStatus.allCases), ("Action", Action.allCases), ("CodeKind", CodeKind.allCases),
    ]

    func hasLatinLetter(_ s: String) -> Bool { s.unicodeScalars.contains { ("a"..."z").contains($0) || ("A"..."Z").contains($0) } }
    func hasHan(_ s: String) -> Bool { s.unicodeScalars.contains { (0x3400...0x9FFF).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) || (0x3000...0x303F).contains($0.value) } }

    func testEveryCaseHasANameInEachLanguage() {
        var walked = 0
        for (type, cases) in everyEnum {
            XCTAssertFalse(cases.isEmpty, type)
            for c in cases {
                let zh = c.displayName(.zh), en = c.displayName(.en)
                XCTAssertFalse(zh.trimmingCharacters(in: .whitespaces).isEmpty, "\(type).\(c): no Chinese name")
                XCTAssertFalse(en.trimmingCharacters(in: .whitespaces).isEmpty, "\(type).\(c): no English name")
                XCTAssertFalse(hasLatinLetter(zh), "\(type).\(c): English in the Chinese name \(zh)")
                XCTAssertTrue(hasHan(zh), "\(type).\(c): the Chinese name \(zh) has no Chinese")
                XCTAssertFalse(hasHan(en), "\(type).\(c): Chinese in the English name \(en)")
                walked += 1
            }
            for lang in Language.allCases {
                let names = cases.map { $0.displayName(lang) }
                XCTAssertEqual(Set(names).count, names.count, "\(type): two cases share a \(lang) name: \(names)")
            }
        }
        // 7 states + 8 sources + 2 + 4 stages + 3 + 5 channels + 3 verdicts + 28 event kinds + 27 moves + 4 + 4 + 5 roles
        // + 4 levels + 5 platforms + 2 + 4 grades + 5 patrol statuses + 28 actions (with 排班) + 11 code kinds = 159.
        XCTAssertEqual(walked, 159)
    }

    func testTheConsoleNamesWonWhereTheTablesDisagreed() {
        XCTAssertEqual(MatterState.allCases.map { $0.displayName(.zh) }, ["待派遣", "处置中", "待核查", "已上报", "已办结", "已作废", "已合并"])
        XCTAssertEqual(MatterSource.wechat.displayName(.zh), "微信群")
        XCTAssertEqual(MatterSource.public.displayName(.zh), "群众随手拍")
        XCTAssertEqual(MatterSource.walkIn.displayName(.zh), "群众来访")
        // The three extension kinds, missing before, have names.
        XCTAssertEqual([EventKind.extendRequest, .extendApprove, .extendRefuse].map { $0.displayName(.zh) }, ["申请延期", "批准延期", "驳回延期"])
        // Event names fit the feed's 8-column cell.
        for k in EventKind.allCases { XCTAssertLessThanOrEqual(DisplayWidth.of(k.displayName(.zh)), 8, "\(k)") }
    }

    func testCodesAndNamesReadBack() {
        XCTAssertEqual(Platform(codeOrName: "综合执法"), .enforcement)
        XCTAssertEqual(Platform(codeOrName: "enforcement"), .enforcement)
        XCTAssertEqual(MatterState(codeOrName: "处置中"), .dispatched)
        XCTAssertNil(MatterState(codeOrName: "lost"))
        XCTAssertEqual(Move.verifyRework.kind, .rework)
        XCTAssertEqual(Move.urge(.red).kind, .urge)
    }

    func testEventWordsComeFromFieldsNotStoredEnglish() {
        let at = Date(timeIntervalSince1970: 0)
        let overdue = MatterEvent(id: 1, at: at, kind: .overdue, fromState: nil, toState: nil, actor: "system", note: "",
                                  stage: .handling, stageSeconds: nil, department: nil, level: nil)
        XCTAssertEqual(EventWords.note(overdue, mergedInto: nil, .zh), "处置环节超期")
        XCTAssertEqual(EventWords.note(overdue, mergedInto: nil, .en), "handling stage overdue")
        let ask = MatterEvent(id: 2, at: at, kind: .extendRequest, fromState: .dispatched, toState: .dispatched, actor: "op", note: "等待材料",
                              stage: nil, stageSeconds: nil, department: "D1", level: nil, extensionDays: 3)
        XCTAssertEqual(EventWords.note(ask, mergedInto: nil, .zh), "3个工作日：等待材料")
        XCTAssertEqual(EventWords.kind(ask, .zh), "申请延期")
        let urge = MatterEvent(id: 3, at: at, kind: .urge, fromState: .dispatched, toState: .dispatched, actor: "sup", note: "请尽快",
                               stage: nil, stageSeconds: nil, department: nil, level: .yellow)
        XCTAssertEqual(EventWords.kind(urge, .zh), "黄牌督办")
        let merge = MatterEvent(id: 4, at: at, kind: .merge, fromState: .new, toState: .merged, actor: "op", note: "",
                                stage: nil, stageSeconds: nil, department: nil, level: nil)
        XCTAssertEqual(EventWords.note(merge, mergedInto: "20261122-0001", .zh), "并入 20261122-0001")
    }

    func testPeopleTimesAreLocalAndShort() {
        let z = TownshipZone.shanghai
        func at(_ s: String) -> Date { ISOTime.parse(s, zone: z)! }
        let now = at("2026-11-22T10:00")
        XCTAssertEqual(PeopleTime.short(at("2026-11-22T09:49"), now: now, zone: z), "09:49")            // today: the time only
        XCTAssertEqual(PeopleTime.short(at("2026-11-21T23:05"), now: now, zone: z), "11-21 23:05")      // another day this year
        XCTAssertEqual(PeopleTime.short(at("2025-12-31T08:00"), now: now, zone: z), "2025-12-31 08:00") // another year
        XCTAssertEqual(PeopleTime.dated(at("2026-11-22T09:49"), now: now, zone: z), "11-22 09:49")      // the date always
        // 2026-11-21T16:30Z is 2026-11-22 00:30 in the township: the local day counts, not UTC's.
        XCTAssertEqual(PeopleTime.short(Date(timeIntervalSince1970: 1_795_278_600), now: now, zone: z), "00:30")
    }

    func testEveryImportHeaderHasOneChineseNamePerColumnAndReadsInEither() throws {
        let headers: [[String]] = [DepartmentValidator().header, GridValidator(existing: .init()).header, WorkerValidator(existing: .init()).header,
                                   CategoryValidator(existing: .init()).header, MatterImportValidator.header,
                                   PatrolRowValidator(existing: .init(), zone: .shanghai, now: Date()).header]
        for h in headers {
            let names = h.map { Heading.name($0, .zh) }
            for (code, name) in zip(h, names) { XCTAssertTrue(hasHan(name), "\(code) has no Chinese heading") }
            XCTAssertEqual(Set(names).count, names.count, "two columns of \(h) share a Chinese heading: \(names)")
            XCTAssertEqual(names.map { Heading.code(forName: $0, among: h) }, h)
        }
        let zh = try CSVReader.read(Array("编码,名称,平台\nD1,派出所,public_order\n".utf8), header: ["code", "name", "platform"])
        XCTAssertEqual(zh.records.map(\.fields), [["D1", "派出所", "public_order"]])
        XCTAssertThrowsError(try CSVReader.read(Array("编码,名称,层级\nD1,x,y\n".utf8), header: ["code", "name", "platform"]))
    }

    func testSettingRefusalsAreWordedInBothLanguages() {
        var rules = MatterRules.standard
        XCTAssertThrowsError(try rules.set("near_due_share", "2")) {
            let e = $0 as? ValidationError
            XCTAssertEqual(e?.words(.zh), "设置 near_due_share = 2：应为 0 到 1（不含 1）之间的比例，如 0.25")
            XCTAssertEqual(e?.words(.en), "setting near_due_share = 2: expected a share from 0 up to (not including) 1, e.g. 0.25")
        }
        XCTAssertThrowsError(try OfficeHours(parsing: "9-17")) { XCTAssertTrue(($0 as? ValidationError)?.words(.zh).hasPrefix("办公时间「9-17」") ?? false, "\($0)") }
    }

    func testTimeRulesAreTheOnePlace() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        XCTAssertTrue(TimeRules.isAcceptable(reported: now.addingTimeInterval(300), now: now))   // 5 min of skew
        XCTAssertFalse(TimeRules.isAcceptable(reported: now.addingTimeInterval(301), now: now))
        XCTAssertEqual(TimeRules.extensionDays, 1...60)
        // The overdue boundary: the due second itself is still on time.
        XCTAssertFalse(Deadline.isOverdue(now: now, due: now))
        XCTAssertTrue(Deadline.isOverdue(now: now.addingTimeInterval(1), due: now))
        XCTAssertEqual(DueStatus.of(dueAt: now, nearDueAt: nil, now: now), .onTime)
    }
}
