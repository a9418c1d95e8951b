import XCTest
import GridCore
@testable import GridConsole

final class MemorySurfaceTests: XCTestCase {
    func testWideCharactersTakeTwoCellsAndAreNeverSplit() {
        let s = MemorySurface(rows: 2, cols: 7)
        // "网格A中" is 2+2+1+2 = 7 columns; with width 6 the last 中 (cols 5–6) does not fit.
        let used = s.put(0, 0, "网格A中", width: 6)
        XCTAssertEqual(used, 5)
        XCTAssertEqual(s.line(0), "网格A")
        XCTAssertEqual(s.cell(0, 0).text, "网")
        XCTAssertEqual(s.cell(0, 1).text, "")
        XCTAssertEqual(s.cell(0, 4).text, "A")
        XCTAssertEqual(s.cell(0, 5).text, " ")
    }

    func testTextNeverWrapsIntoTheNextRow() {
        let s = MemorySurface(rows: 2, cols: 5)
        s.put(0, 2, "超期督办")  // from col 2, 3 columns left: only 超 (2 cols) fits
        XCTAssertEqual(s.line(0), "  超")
        XCTAssertEqual(s.line(1), "")
    }

    func testAttributesAndRolesAreRecordedPerCell() {
        let s = MemorySurface(rows: 1, cols: 10)
        s.put(0, 1, "超期", role: .overdue, attrs: [.bold])
        XCTAssertEqual(s.cell(0, 1).role, .overdue)
        XCTAssertEqual(s.cell(0, 1).attrs, [.bold])
        XCTAssertEqual(s.cell(0, 0).role, .normal)
        XCTAssertEqual(s.cell(0, 5).attrs, [])
    }

    func testOutOfBoundsWritesAreIgnored() {
        let s = MemorySurface(rows: 1, cols: 3)
        XCTAssertEqual(s.put(1, 0, "x"), 0)
        XCTAssertEqual(s.put(0, 3, "x"), 0)
        XCTAssertEqual(s.put(0, -1, "x"), 0)
        XCTAssertEqual(s.text, "")
    }

    func testMonochromeAttributesStandInForColours() {
        // NO_COLOR: overdue must still stand out (bold), selection and banner reversed.
        XCTAssertEqual(CursesSurface.monochromeAttrs(.overdue), [.bold])
        XCTAssertEqual(CursesSurface.monochromeAttrs(.selected), [.reverse])
        XCTAssertEqual(CursesSurface.monochromeAttrs(.banner), [.reverse])
        XCTAssertEqual(CursesSurface.monochromeAttrs(.nearDue), [.underline])
    }
}
