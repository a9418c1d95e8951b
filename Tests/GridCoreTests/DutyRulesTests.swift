import XCTest
@testable import GridCore

/// The duty rules: shift periods, the roster (validation and who covers when), the carried-over list, notes.
/// Times: 2026-11-22 10:00 +08:00 = 02:00Z = epoch 1_795_312_800.
final class DutyRulesTests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_795_312_800)
    let day = LocalDate(iso: "2026-11-22")!

    func testStandardPeriodsAndANightAcrossMidnight() throws {
        let p = DutyPeriods.standard
        XCTAssertEqual(p.names, "day, night")
        let night = try XCTUnwrap(p.named("夜班"))
        XCTAssertEqual(night.name, "night")
        XCTAssertEqual(night.span, "20:00–08:00")
        XCTAssertTrue(night.crossesMidnight)
        // 2026-11-22 20:00 +08 = 12:00Z = t0 + 10 h; 2026-11-23 08:00 +08 = 00:00Z = t0 + 22 h.
        let span = night.interval(on: day, zone: .shanghai)
        XCTAssertEqual(span.start.timeIntervalSince1970, 1_795_348_800)
        XCTAssertEqual(span.end.timeIntervalSince1970, 1_795_392_000)
        XCTAssertEqual(p.named("DAY")?.startMinute, 480)
        XCTAssertNil(p.named("evening"))
    }

    func testPeriodsFromTheSettingsAndTheirErrors() throws {
        let p = try DutyPeriods(setting: "early=06:00-14:00, 中班=14:00-22:00")
        XCTAssertEqual(p.names, "day, night, early, 中班", "day and night are always known")
        XCTAssertEqual(p.named("Early")?.endMinute, 14 * 60)
        XCTAssertEqual(try DutyPeriods(setting: "night=22:00-06:00").named("night")?.span, "22:00–06:00", "the setting may move night")
        XCTAssertEqual(try DutyPeriods(setting: nil), .standard)
        XCTAssertEqual(try DutyPeriods(setting: p.settingText), p)
        for bad in ["day=8-20", "x=10:00-10:00", "early=06:00-14:00,EARLY=07:00-15:00", "=06:00-07:00", "x=25:00-02:00"] {
            XCTAssertThrowsError(try DutyPeriods(setting: bad), bad) { XCTAssertTrue("\($0)".hasPrefix("setting duty.periods:"), "\($0)") }
        }
    }

    func testWhoTheRosterHasOnDuty() {
        let entries = [RosterEntry(day: day, period: "night", login: "a", deputy: "b"), RosterEntry(day: day.adding(days: 1), period: "day", login: "c")]
        // 2026-11-23 02:00 +08 (t0 + 16 h): still the night of the 22nd.
        let twoAM = t0.addingTimeInterval(16 * 3600)
        XCTAssertEqual(RosterRules.covering(twoAM, entries: entries, periods: .standard, zone: .shanghai)?.login, "a")
        // 08:00 on the 23rd (t0 + 22 h): the night has ended (end is exclusive), the day shift begins.
        XCTAssertEqual(RosterRules.covering(t0.addingTimeInterval(22 * 3600), entries: entries, periods: .standard, zone: .shanghai)?.login, "c")
        // 10:00 on the 22nd: nothing planned.
        XCTAssertNil(RosterRules.covering(t0, entries: entries, periods: .standard, zone: .shanghai))
        XCTAssertTrue(RosterRules.isOn("b", entries[0]), "the deputy is on the roster")
        XCTAssertFalse(RosterRules.isOn("c", entries[0]))
        XCTAssertFalse(RosterRules.isOn("a", nil))
    }

    func testRosterFileWithChineseHeadingsIsCheckedWhole() throws {
        let csv = """
        日期,班次,登录名,副班
        2026-11-22,夜班,a,b
        2026-11-22,night,c,
        2026-11-23,day,a,a
        2026-11-24,evening,zz,
        2026-13-01,day,a,
        2026-11-25,白班,b,gone
        2026-11-26,day,b,c

        """
        let v = RosterValidator(periods: .standard, activeStaff: ["a", "b", "c"], knownStaff: ["a", "b", "c", "gone"])
        let table = try CSVReader.read(Array(csv.utf8), header: v.header)
        let batch = v.validate(table.records)
        XCTAssertEqual(batch.accepted.map(\.value), [RosterEntry(day: LocalDate(iso: "2026-11-26")!, period: "day", login: "b", deputy: "c")])
        XCTAssertEqual(batch.errors.map(\.description), [
            "2: shift: duplicate day and shift 2026-11-22 night: also on line 3",
            "3: shift: duplicate day and shift 2026-11-22 night: also on line 2",
            "4: deputy: the deputy must be someone other than the officer (a)",
            "5: login: zz is not on the command-room staff (`gridroom staff list`)",
            "5: shift: \"evening\": expected day, night",
            "6: date: \"2026-13-01\": expected a date YYYY-MM-DD",
            "7: deputy: gone is not active on the staff",
        ])
        XCTAssertNoThrow(try CSVReader.read(Array("date,shift,login,deputy\n".utf8), header: v.header))
        XCTAssertThrowsError(try CSVReader.read(Array("日期,班次,值班人\n".utf8), header: v.header))
    }

    func testWhatIsCarriedOver() {
        let dayStart = Date(timeIntervalSince1970: 1_795_312_800 - 10 * 3600)   // local midnight of the 22nd
        func r(urgent: Bool = false, escalated: Bool = false, due: TimeInterval? = nil, shelved: Date? = nil) -> [CarryReason] {
            CarryOver.reasons(CarryFacts(urgent: urgent, escalated: escalated, dueAt: due.map { t0.addingTimeInterval($0) }, shelvedAt: shelved),
                              now: t0, dayStart: dayStart)
        }
        XCTAssertEqual(r(urgent: true, due: 3600), [.urgent, .nearDue])
        XCTAssertEqual(r(due: -1), [.overdue])
        XCTAssertEqual(r(due: 0), [.nearDue], "due this very second: not yet overdue (overdue is due < now)")
        XCTAssertEqual(r(due: 12 * 3600 - 1), [.nearDue])
        XCTAssertEqual(r(due: 12 * 3600), [], "12 hours ahead is outside the window")
        XCTAssertEqual(r(escalated: true), [.escalated])
        XCTAssertEqual(r(shelved: dayStart), [.shelvedToday])
        XCTAssertEqual(r(shelved: dayStart.addingTimeInterval(-1)), [], "shelved yesterday")
        XCTAssertEqual(r(), [])
    }

    func testAShiftOpenedByMistakeWasNotHeld() {
        XCTAssertFalse(ShiftRules.wasHeld(start: t0, end: t0.addingTimeInterval(9 * 60), note: ""))
        XCTAssertTrue(ShiftRules.wasHeld(start: t0, end: t0.addingTimeInterval(10 * 60), note: ""))
        XCTAssertTrue(ShiftRules.wasHeld(start: t0, end: t0, note: "交接"))
    }

    func testNotesKeepLineBreaksAndRefuseControlCharacters() throws {
        XCTAssertEqual(try NoteText.clean("a\r\nb\rc  \n\n"), "a\nb\nc")
        XCTAssertThrowsError(try NoteText.clean("红色\u{1B}[31m")) {
            XCTAssertEqual($0 as? UnsafeTextError, UnsafeTextError(field: "handover_note", scalar: "\u{1B}", position: 3))
            XCTAssertTrue(($0 as? UnsafeTextError)?.words(.zh).hasPrefix("交班记录：第 3 个字符是 U+001B") ?? false, "\($0)")
        }
        XCTAssertEqual(try NoteText.clean("a\tb"), "a\tb", "a tab is allowed in a multi-line note")
        XCTAssertThrowsError(try NoteText.clean("a\u{202E}b"), "a direction override is refused")
        XCTAssertEqual(try NoteText.clean(String(repeating: "字", count: 4000)).count, 4000)
        XCTAssertThrowsError(try NoteText.clean(String(repeating: "字", count: 4001))) {
            XCTAssertEqual(($0 as? ValidationError)?.words(.zh), "交班记录：共 4001 字（最多 4000 字）")
        }
    }
}
