import XCTest
import GridCore
@testable import GridConsole

final class WidgetsTests: XCTestCase {
    func testTableShowsOnlyTheWindowAndFollowsTheSelection() {
        let t = TableView()
        t.count = 1_000_000
        let s = MemorySurface(rows: 6, cols: 30)
        var asked: [Int] = []
        let cols = [Column("编号", 6), Column("标题", 0)]
        t.draw(s, Rect(row: 0, col: 0, height: 6, width: 30), columns: cols) { i in asked.append(i); return [CellText("\(i)"), CellText("第\(i)件")] }
        // Heading + 5 rows: rows 0…4 asked, nothing else.
        XCTAssertEqual(asked, [0, 1, 2, 3, 4])
        XCTAssertEqual(s.line(0), "编号   标题          1/1000000")
        XCTAssertEqual(s.line(1), "0      第0件")
        XCTAssertEqual(s.cell(1, 0).attrs, [.reverse])
        XCTAssertEqual(s.cell(2, 0).attrs, [])
        // PgDn moves by the page (5), End to the last row.
        XCTAssertTrue(t.handle(.pageDown)); XCTAssertEqual(t.selection, 5)
        asked = []
        t.draw(s, Rect(row: 0, col: 0, height: 6, width: 30), columns: cols) { i in asked.append(i); return [CellText("\(i)"), CellText("")] }
        XCTAssertEqual(asked, [1, 2, 3, 4, 5])
        XCTAssertTrue(t.handle(.char("G"))); XCTAssertEqual(t.selection, 999_999)
        XCTAssertEqual(t.visibleRange(height: 5), 999_995..<1_000_000)
        XCTAssertTrue(t.handle(.char("g"))); XCTAssertEqual(t.selection, 0)
        XCTAssertTrue(t.handle(.up)); XCTAssertEqual(t.selection, 0)
        XCTAssertFalse(t.handle(.char("x")))
    }

    func testPageCacheKeepsOnlyPagesNearTheView() throws {
        var loads: [Int] = []
        let cache = PageCache<Int>(pageSize: 100) { offset, limit in loads.append(offset); return Array(offset..<(offset + limit)) }
        try cache.prepare(0..<30)
        try cache.prepare(950..<980)
        XCTAssertEqual(loads, [0, 900])
        // Page 0 is far from page 9 and was dropped: 100 rows held, not 200.
        XCTAssertEqual(cache.heldRows, 100)
        XCTAssertEqual(cache[955], 955)
        XCTAssertNil(cache[5])
    }

    func testTextInputTakesChineseAndPlacesTheCursorByDisplayColumns() {
        var t = TextInput()
        for c in "楼道A" { XCTAssertTrue(t.handle(.char(c))) }
        XCTAssertEqual(t.text, "楼道A")
        XCTAssertEqual(t.cursorColumn, 5)  // 2 + 2 + 1
        _ = t.handle(.left); _ = t.handle(.left)
        XCTAssertEqual(t.cursorColumn, 2)
        _ = t.handle(.backspace)
        XCTAssertEqual(t.text, "道A")
        _ = t.handle(.char("堆"))
        XCTAssertEqual(t.text, "堆道A")
        let s = MemorySurface(rows: 1, cols: 10)
        t.draw(s, row: 0, col: 0, width: 10, focused: true)
        XCTAssertEqual(s.line(0), "堆道A")
        // The cursor sits on 道 (columns 2–3), drawn reversed.
        XCTAssertEqual(s.cell(0, 2).attrs, [.reverse])
        XCTAssertEqual(s.cell(0, 0).attrs, [.underline])
    }

    func testTextInputScrollsToKeepTheCursorVisible() {
        var t = TextInput("一二三四五六")  // 12 columns
        let s = MemorySurface(rows: 1, cols: 8)
        t.draw(s, row: 0, col: 0, width: 8, focused: true)
        // Width 8 leaves 7 columns before the cursor: 三四五六 is 8, so the view starts at 四 (四五六 = 6).
        XCTAssertEqual(s.line(0), "四五六")
        _ = t.handle(.home)
        t.draw(s, row: 0, col: 0, width: 8, focused: true)
        XCTAssertEqual(s.line(0), "一二三四")
    }

    func testPickerFiltersAsYouTypeAndChooses() {
        var p = Picker([.init(code: "G01", label: "东湖一组"), .init(code: "G02", label: "东湖二组"), .init(code: "G11", label: "西山一组")])
        XCTAssertEqual(p.matches.count, 3)
        _ = p.handle(.char("一"))
        XCTAssertEqual(p.matches.map(\.code), ["G01", "G11"])
        XCTAssertNil(p.chosen)
        _ = p.handle(.ctrl("n"))
        XCTAssertTrue(p.choose())
        XCTAssertEqual(p.chosen?.code, "G11")
        XCTAssertEqual(p.input.text, "G11")
        var q = Picker([.init(code: "A", label: "x")])
        _ = q.handle(.char("z"))
        XCTAssertFalse(q.choose())
    }

    func testBarFillsProportionallyWithAMark() {
        let s = MemorySurface(rows: 1, cols: 12)
        // 90 of 240 in 12 columns: ceil(90 × 12 / 240) = ceil(4.5) = 5 filled; the 120 mark at column 6.
        let filled = HBar.draw(s, row: 0, col: 0, width: 12, value: 90, max: 240, role: .nearDue, mark: 120)
        XCTAssertEqual(filled, 5)
        XCTAssertEqual(s.line(0), "█████·│·····")
        XCTAssertEqual(s.cell(0, 0).role, .nearDue)
        XCTAssertEqual(s.cell(0, 5).role, .dim)
    }

    func testHintLineHighlightsKeysAndStopsAtTheEdge() {
        let s = MemorySurface(rows: 1, cols: 20)
        Chrome.hintLine(s, row: 0, hints: [("q", "退出"), ("?", "帮助"), ("n", "新建案件")])
        // " q 退出  ? 帮助  " is 15 columns; "n 新建案件" needs 11 more: left out whole.
        XCTAssertEqual(s.line(0), " q 退出  ? 帮助")
        XCTAssertEqual(s.cell(0, 1).role, .key)
        XCTAssertEqual(s.cell(0, 1).attrs, [.bold])
        XCTAssertEqual(s.cell(0, 3).role, .status)
    }

    func testStringsTableFormatsAndFallsBack() {
        let zh = Strings(.zh), en = Strings(.en)
        XCTAssertEqual(zh["tab.overdue"], "超期督办")
        XCTAssertEqual(en["tab.overdue"], "Overdue")
        XCTAssertEqual(zh.f("tooSmall", 70, 20), "窗口太小：至少需要 80×24，当前 70×20")
        XCTAssertEqual(en.f("matter.notFound", "X-1"), "no such matter: X-1")
        XCTAssertEqual(zh["no.such.key"], "no.such.key")
    }
}

/// Wrapping: every character kept, no line wider than asked, codes and times never split.
final class TextWrapTests: XCTestCase {
    func testWrapsChineseAnywhereAndKeepsCodesWhole() {
        XCTAssertEqual(TextWrap.lines("村口垃圾桶已满", width: 6), ["村口垃", "圾桶已", "满"])
        XCTAssertEqual(TextWrap.lines("派遣 11-21 09:00 ≤ 11-21 09:30", width: 20), ["派遣 11-21 09:00 ≤ ", "11-21 09:30"])
        XCTAssertEqual(TextWrap.lines("第一行\n\n第三行", width: 10), ["第一行", "", "第三行"])
        let text = String(repeating: "气味很大，请尽快清运。", count: 7)
        let lines = TextWrap.lines(text, width: 13)
        XCTAssertEqual(lines.joined(), text)
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 13 })
        // 77 characters of width 2 in 13 columns: 6 a line (12 columns), 13 lines (12 full, one of 5).
        XCTAssertEqual(lines.count, 13)
    }
}
