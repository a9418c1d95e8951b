import XCTest
import GridCore
@testable import GridStore
@testable import GridConsole

/// Text planted in the file past every input check (straight SQL) is shown escaped on the console, never
/// emitted: a backspace cannot move the cursor over what is already drawn (issue 13 §2).
final class HostileTextTests: XCTestCase {
    func testPlantedControlsRenderEscapedOnTheMatterPage() throws {
        let store = try Fixture.store()
        let backspaces30 = String(repeating: "\u{08}", count: 30)
        let fake = String(repeating: "\u{08}", count: 42) + "verify_pass  supervisor1  ALL DONE"
        try store.db.write {
            try store.db.run("UPDATE matters SET title = ? WHERE number = '20261121-0003'", [.text("CLI" + backspaces30 + "X")])
            // History is append-only: the planted note comes as a new event.
            try store.db.run("INSERT INTO events(matter_id, at, kind, to_state, actor, note) VALUES (2, ?, 'comment', 'dispatched', 'tester', ?)",
                             [.of(Int(Fixture.now.timeIntervalSince1970) - 3600), .text(fake)])
            try store.db.run("UPDATE matters SET location = ? WHERE number = '20261121-0003'", [.text("Leak\u{1B}]2;PWNED\u{07}\u{1B}[2J\u{1B}[H")])
        }
        let app = try Fixture.app(store)
        let s = MemorySurface(rows: 40, cols: 120)
        app.tick()
        app.runCommand("case 20261121-0003")
        app.draw(s)
        // The header keeps its number; the title shows its 30 backspaces as ^H (clipped to the room there is).
        XCTAssertTrue(s.line(1).hasPrefix(" 20261121-0003  处置中  超3时0分  CLI^H^H^H"), s.line(1))
        XCTAssertFalse(s.text.unicodeScalars.contains { TextSafety.isDangerous($0) })
        // The history line keeps its own time, kind and actor; the note, shown as ^H…, is wrapped under it.
        let comment = try XCTUnwrap(s.find("备注  tester"), s.text)
        XCTAssertTrue(s.line(comment.row + 1).hasPrefix("   ^H^H^H^H"), s.line(comment.row + 1))
        // The fake text never stands where a history line's time, kind and actor would: only on indented note lines.
        var pane = ""
        for _ in 0..<4 { app.handle(.pageDown); app.draw(s); pane += s.text }
        for row in 0..<s.rows where s.line(row).contains("verify_pass") {
            XCTAssertTrue(s.line(row).hasPrefix("   "), s.line(row))
        }
        XCTAssertTrue(pane.contains("verify_pass  supervisor1  ALL DONE"), "the whole note is there, wrapped")
        XCTAssertNotNil(s.find("Leak^[]2;PWNED^G^[[2J^[[H"), s.text)
    }

    func testTextInputDropsControlCharacters() {
        var t = TextInput()
        for k: Key in [.char("a"), .char("\u{1B}"), .char("\u{202E}"), .char("👨‍👩‍👧"), .char("b"), .char("\u{7F}")] { _ = t.handle(k) }
        XCTAssertEqual(t.text, "a👨‍👩‍👧b")
    }
}

/// The console says when next year's holiday arrangement is missing (issue 13 §6).
final class CalendarNoticeTests: XCTestCase {
    func testFromTheFirstOfDecemberTheStatusLineWarnsAboutNextYear() throws {
        let store = try Fixture.store()
        let s = MemorySurface(rows: 40, cols: 160)
        // 2026-11-22 (the fixture's day): 2026 is announced, December not yet come.
        let november = try Fixture.app(store)
        november.tick(); november.draw(s)
        XCTAssertNil(s.find("放假调休安排未载入"), s.line(38))
        // 2026-12-01 09:00 +08:00 = 2026-12-01T01:00Z.
        let december = ConsoleApp(store: store, language: .zh, clock: FixedClock.at(ISOTime.parse("2026-12-01T01:00:00Z", zone: .utc)!),
                                  actor: try store.actor(login: "tester"), actions: .none, bell: true)
        december.tick(); december.draw(s)
        XCTAssertEqual(december.calendarNotice, CalendarWarning(year: 2027, statutoryHolidaysApplied: true))
        XCTAssertNotNil(s.find("2027年放假调休安排未载入：仅按法定节假日计算"), s.text)
    }
}
