import XCTest
import GridCore
import GridStore
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
        // The history line keeps its own time, kind and actor before the note, shown as ^H…
        XCTAssertNotNil(s.find("tester     ^H^H^H^H"), s.text)
        // The fake text never stands where a history line's kind and actor would.
        for row in 0..<s.rows where s.line(row).contains("verify_pass") {
            XCTAssertTrue(s.line(row).contains("tester     ^H^H"), s.line(row))
        }
        XCTAssertNotNil(s.find("Leak^[]2;PWNED^G^[[2J^[[H"), s.text)
    }

    func testTextInputDropsControlCharacters() {
        var t = TextInput()
        for k: Key in [.char("a"), .char("\u{1B}"), .char("\u{202E}"), .char("👨‍👩‍👧"), .char("b"), .char("\u{7F}")] { _ = t.handle(k) }
        XCTAssertEqual(t.text, "a👨‍👩‍👧b")
    }
}
