import XCTest
import GridCore
@testable import GridStore

/// Shifts, hand-overs, acknowledgements, the roster and shift alerts through the store, on 2026-11-20 (+08:00).
final class DutyStoreTests: XCTestCase {
    var f: MatterFixture!
    var store: Store { f.store }
    override func setUpWithError() throws {
        f = try MatterFixture()
        try store.planDuty(RosterEntry(day: LocalDate(iso: "2026-11-20")!, period: "night", login: "duty", deputy: "op"),
                           by: f.actor("sup"), now: f.at("2026-11-20T09:00"))
    }

    func testANightShiftItsListsAndATakeOver() throws {
        _ = try f.new("2026-11-20T19:00")                                      // 0001: before the shift
        let s = try store.startShift(by: f.actor("duty"), now: f.at("2026-11-20T20:00"))
        XCTAssertTrue(s.onRoster)
        XCTAssertEqual(s.plannedLogin, "duty")
        // Reported at 18:00 but taken in at 20:30: it is in the shift's intake list.
        let late = try store.intake(MatterIntake(reportedAt: f.at("2026-11-20T18:00"), source: .hotline, grid: "G1", category: "WJ", title: "补录"),
                                    by: f.actor("op"), now: f.at("2026-11-20T20:30"))
        XCTAssertEqual(try store.matter(number: late.number)?.stageDueAt, f.at("2026-11-20T18:30"), "dispatch within 30 min of the report")
        let esc = try f.new("2026-11-20T20:40")
        try f.move(esc.number, .escalate, as: "duty", at: "2026-11-20T21:00")
        let urged = try f.new("2026-11-20T20:50")
        try f.move(urged.number, .urge(.yellow), at: "2026-11-20T21:10")
        let shelved = try f.new("2026-11-20T20:55")
        try f.move(shelved.number, .shelve, at: "2026-11-20T21:20")
        let urgent = try f.new("2026-11-20T21:30", urgency: .urgent)           // urgent dispatch: 10 min → due 21:40

        // The note: only the officer writes it; control characters are refused with the field's name.
        XCTAssertThrowsError(try store.saveHandoverNote("x", by: f.actor("op"), now: f.at("2026-11-20T21:45"))) {
            XCTAssertEqual($0 as? StoreError, .duty(.notTheOfficer(login: "op", officer: "duty")))
        }
        XCTAssertThrowsError(try store.saveHandoverNote("a\u{7}", by: f.actor("duty"), now: f.at("2026-11-20T21:45"))) {
            XCTAssertEqual($0 as? UnsafeTextError, UnsafeTextError(field: "handover_note", scalar: "\u{7}", position: 2))
        }
        let note = "一、补录事项已派遣\n二、上报一件待区里答复\n三、紧急事项已电话督促"
        try store.saveHandoverNote(note, by: f.actor("duty"), now: f.at("2026-11-20T21:50"))

        let act = try store.shiftActivity(try store.currentShift()!, now: f.at("2026-11-20T22:00"))
        XCTAssertEqual(act[.takenIn].map(\.number), [urgent.number, shelved.number, urged.number, esc.number, late.number], "newest first; 0001 was taken in before the shift")
        XCTAssertEqual(act[.escalated].map(\.number), [esc.number])
        XCTAssertEqual(act[.urged].map(\.number), [urged.number])
        // Deadlines that fell in 20:00–22:00: the urged one (reported 20:50, due 21:20) and the urgent one (21:40).
        // Not: 0001 (19:30) and the late one (18:30), overdue before the shift; the escalated and shelved ones, whose clocks stopped.
        XCTAssertEqual(act[.turnedOverdue].map(\.number), [urgent.number, urged.number])
        XCTAssertEqual(act[.closed], [])

        // What rang is recorded once per matter, and acknowledged.
        XCTAssertEqual(try store.recordShiftAlerts(numbers: [urgent.number], kind: "urgent", now: f.at("2026-11-20T21:30")), 1)
        XCTAssertEqual(try store.recordShiftAlerts(numbers: [urgent.number], kind: "urgent", now: f.at("2026-11-20T21:31")), 0, "a second console changes nothing")
        XCTAssertEqual(try store.acknowledgeShiftAlerts(by: f.actor("duty"), now: f.at("2026-11-20T21:35")), 1)
        let rang = try store.shiftAlerts(shiftID: s.id)
        XCTAssertEqual(rang.map(\.number), [urgent.number])
        XCTAssertEqual(rang.first?.acknowledgedAt, f.at("2026-11-20T21:35"))

        // The deputy starts a shift: refused unless they take the open one over, naming it.
        XCTAssertThrowsError(try store.startShift(by: f.actor("op"), now: f.at("2026-11-20T22:00"))) {
            XCTAssertEqual($0 as? StoreError, .duty(.shiftOpen(id: s.id, login: "duty", since: f.at("2026-11-20T20:00"))))
        }
        XCTAssertThrowsError(try store.startShift(by: f.actor("op"), now: f.at("2026-11-20T22:00"), takeOver: s.id + 7)) {
            XCTAssertEqual($0 as? StoreError, .duty(.shiftChanged(expected: s.id + 7, found: s.id)))
        }
        XCTAssertThrowsError(try store.startShift(by: f.actor("duty"), now: f.at("2026-11-20T22:00"))) {
            XCTAssertEqual($0 as? StoreError, .duty(.alreadyOnDuty(login: "duty")))
        }
        let op = try store.startShift(by: f.actor("op"), now: f.at("2026-11-20T22:00"), takeOver: s.id)
        XCTAssertEqual(op.tookOver, s.id)
        XCTAssertTrue(op.onRoster, "the deputy is on the roster")
        let old = try XCTUnwrap(try store.shift(id: s.id))
        XCTAssertEqual(old.endedAt, f.at("2026-11-20T22:00"))
        XCTAssertEqual(old.note, note, "taken over: the note is kept")
        // Frozen at 22:00: the urgent one (urgent, overdue since 21:40), the overdue ones by deadline (18:30, 19:30, 21:20),
        // then the escalated one and the one shelved today.
        let carried = try store.handoverItems(shiftID: s.id)
        XCTAssertEqual(carried.map(\.number), [urgent.number, late.number, "20261120-0001", urged.number, esc.number, shelved.number])
        XCTAssertEqual(carried.map(\.reasons), [[.urgent, .overdue], [.overdue], [.overdue], [.overdue], [.escalated], [.shelvedToday]])
        XCTAssertEqual(carried.map(\.at), Array(repeating: f.at("2026-11-20T22:00"), count: 6))

        // The deputy's shift, ended two minutes later with no note, was not really held: the previous shift stays duty's.
        try store.endShift(by: f.actor("op"), now: f.at("2026-11-20T22:02"))
        let sup = try store.startShift(by: f.actor("sup"), now: f.at("2026-11-20T22:05"))
        XCTAssertFalse(sup.onRoster, "sup is not on the roster: allowed, and marked")
        XCTAssertEqual(sup.plannedLogin, "duty")
        XCTAssertEqual(try store.previousShift()?.id, s.id)
        XCTAssertEqual(try store.previousShift()?.note, note)
        XCTAssertThrowsError(try store.acknowledgeHandover(by: f.actor("duty"), now: f.at("2026-11-20T22:06"))) {
            XCTAssertEqual($0 as? StoreError, .duty(.notTheOfficer(login: "duty", officer: "sup")))
        }
        let acked = try store.acknowledgeHandover(shiftID: s.id, by: f.actor("sup"), now: f.at("2026-11-20T22:06"))
        XCTAssertEqual(acked.acknowledgedBy, "sup")
        XCTAssertThrowsError(try store.acknowledgeHandover(by: f.actor("sup"), now: f.at("2026-11-20T22:07"))) {
            XCTAssertEqual($0 as? StoreError, .duty(.alreadyAcknowledged(shift: s.id, by: "sup", at: f.at("2026-11-20T22:06"))))
        }
        XCTAssertEqual(try f.count("SELECT count(*) FROM audit WHERE action = 'handover_ack' AND actor = 'sup' AND target = ?", [.text("shift \(s.id)")]), 1)
        XCTAssertEqual(try f.count("SELECT count(*) FROM audit WHERE action = 'shift_taken_over' AND actor = 'op'"), 1)
        XCTAssertEqual(try f.count("SELECT count(*) FROM audit WHERE action = 'shift_start'"), 3)

        // History: the three shifts of the 20th, full notes; none on the 21st.
        let history = try store.shiftHistory(from: f.at("2026-11-20T00:00"), to: f.at("2026-11-21T00:00"))
        XCTAssertEqual(history.map(\.login), ["duty", "op", "sup"])
        XCTAssertEqual(history.first?.note, note)
        XCTAssertEqual(try store.shiftHistory(from: f.at("2026-11-21T00:00")), [])
    }

    func testTheRosterIsPlannedByASupervisorAndImportedWhole() throws {
        XCTAssertThrowsError(try store.planDuty(RosterEntry(day: LocalDate(iso: "2026-11-21")!, period: "night", login: "duty"),
                                                by: f.actor("duty"), now: f.at("2026-11-20T09:00"))) {
            XCTAssertTrue("\($0)".contains("needs the role supervisor"), "\($0)")
        }
        XCTAssertThrowsError(try store.planDuty(RosterEntry(day: LocalDate(iso: "2026-11-21")!, period: "evening", login: "duty"),
                                                by: f.actor("sup"), now: f.at("2026-11-20T09:00"))) {
            XCTAssertEqual($0 as? StoreError, .duty(.unknownPeriod(name: "evening", known: ["day", "night"])))
        }
        XCTAssertThrowsError(try store.planDuty(RosterEntry(day: LocalDate(iso: "2026-11-21")!, period: "day", login: "gone"),
                                                by: f.actor("sup"), now: f.at("2026-11-20T09:00"))) {
            XCTAssertEqual($0 as? StoreError, .duty(.badRoster(column: "login", message: Phrase(zh: "gone 已停用", en: "gone is not active on the staff"))))
        }
        let bad = f.dir + "/roster.csv"
        try "日期,班次,登录名,副班\n2026-11-21,白班,duty,op\n2026-11-21,夜班,nobody,\n".write(toFile: bad, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try store.importRoster(path: bad, actor: f.actor("sup"), now: f.at("2026-11-20T09:00"))) {
            XCTAssertEqual("\($0)", "\(bad):3: login: nobody is not on the command-room staff (`gridroom staff list`)\n\(bad): rejected, nothing written (1 bad row); fix them or use --skip-invalid")
        }
        XCTAssertEqual(try store.rosterEntries(from: LocalDate(iso: "2026-11-21")!, to: LocalDate(iso: "2026-11-21")!), [], "nothing written")
        try "日期,班次,登录名,副班\n2026-11-21,白班,duty,op\n2026-11-21,夜班,sup,\n2026-11-20,night,op,duty\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let r = try store.importRoster(path: bad, actor: f.actor("sup"), now: f.at("2026-11-20T09:00"))
        XCTAssertEqual(r.rowsWritten, 3, "the 20th's night is replaced (it was duty, deputy op)")
        XCTAssertEqual(try store.importRoster(path: bad, actor: f.actor("sup"), now: f.at("2026-11-20T09:00")).rowsUnchanged, 3)
        let slots = try store.roster(from: LocalDate(iso: "2026-11-20")!, to: LocalDate(iso: "2026-11-21")!)
        XCTAssertEqual(slots.map { "\($0.entry.day) \($0.entry.period) \($0.entry.login) \($0.officerName) \($0.deputyName ?? "-")" },
                       ["2026-11-20 night op 值班员 值班长", "2026-11-21 day duty 值班长 值班员", "2026-11-21 night sup 督查 -"])
        // 2026-11-21 08:00 +08:00 = 00:00Z.
        XCTAssertEqual(slots[1].start, f.at("2026-11-21T08:00"))
    }

    /// Recording what rang never waits for another writer: a held write lock gives nil (try again), then it records.
    func testRecordingAnAlertSkipsABusyFile() throws {
        let n = try f.new("2026-11-20T20:10", urgency: .urgent).number
        try store.startShift(by: f.actor("duty"), now: f.at("2026-11-20T20:00"))
        let other = try Database(path: f.path)
        try other.execute("BEGIN IMMEDIATE")
        XCTAssertNil(try store.recordShiftAlerts(numbers: [n], kind: "urgent", now: f.at("2026-11-20T20:11")))
        try other.execute("COMMIT")
        XCTAssertEqual(try store.recordShiftAlerts(numbers: [n], kind: "urgent", now: f.at("2026-11-20T20:12")), 1)
        XCTAssertEqual(try store.shiftAlerts(shiftID: try store.currentShift()!.id).map(\.at), [f.at("2026-11-20T20:12")])
    }
}
