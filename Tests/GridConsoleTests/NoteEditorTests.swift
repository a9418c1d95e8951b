import XCTest
import GridCore
@testable import GridConsole

/// The multi-line note editor: line breaks, joining lines, wrapping Chinese text, moving by visual rows.
final class NoteEditorTests: XCTestCase {
    func keys(_ e: inout NoteEditor, _ ks: [Key]) { for k in ks { _ = e.handle(k) } }

    func testEnterBreaksLinesAndBackspaceJoinsThem() {
        var e = NoteEditor()
        keys(&e, "ab".map { .char($0) } + [.enter] + "cd".map { .char($0) })
        XCTAssertEqual(e.text, "ab\ncd")
        keys(&e, [.home, .backspace])
        XCTAssertEqual(e.text, "abcd", "Backspace at a line's start joins it to the line above")
        XCTAssertEqual(e.column, 2)
        keys(&e, [.enter, .left, .delete])
        XCTAssertEqual(e.text, "abcd", "Delete at a line's end joins the next line")
        XCTAssertFalse(e.handle(.ctrl("s")), "saving is the screen's key")
        XCTAssertFalse(e.handle(.escape))
    }

    func testWrapsByDisplayWidthNeverSplittingAWideCharacter() {
        // Width 5: 你好 is 4 columns, 世 would make 6 → next row; "ab" fits with 界 (2+2 = 4 ≤ 5).
        XCTAssertEqual(NoteEditor.wrap("你好世界ab\n\n尾", width: 5), ["你好", "世界a", "b", "", "尾"])
    }

    func testUpAndDownMoveByVisualRows() {
        var e = NoteEditor("abcdefgh\nxy")
        let s = MemorySurface(rows: 5, cols: 10)
        e.draw(s, Rect(row: 0, col: 0, height: 5, width: 5), focused: true)   // 4 columns of text: abcd / efgh / xy
        XCTAssertEqual((0..<3).map { s.line($0) }, ["abcd", "efgh", "xy"])
        XCTAssertEqual(s.cell(2, 2).attrs, [.reverse], "the cursor after xy")
        keys(&e, [.up])
        XCTAssertEqual(e.line, 0)
        XCTAssertEqual(e.column, 6, "from column 2 of xy to column 2 of the row efgh")
        keys(&e, [.up, .end])
        XCTAssertEqual(e.column, 8)
        keys(&e, [.down, .down])
        XCTAssertEqual(e.line, 1)
        XCTAssertEqual(e.column, 2, "as far as the short line allows")
    }

    func testLengthIsCapped() {
        var e = NoteEditor(maxLength: 3)
        keys(&e, "abcd".map { .char($0) } + [.enter])
        XCTAssertEqual(e.text, "abc")
    }
}
