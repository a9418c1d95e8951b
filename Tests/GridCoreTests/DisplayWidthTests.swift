import XCTest
import GridCore

/// Display width per grapheme, worked out by hand (the table itself is checked against glibc's wcwidth in
/// GridConsoleTests.DisplayWidthTableTests).
final class DisplayWidthTests: XCTestCase {
    func testChineseAndLatin() {
        XCTAssertEqual(DisplayWidth.of("网格abc"), 7)                 // 2 + 2 + 3
        XCTAssertEqual(DisplayWidth.clip("网格员", to: 5), "网格")      // never splits 员
        XCTAssertEqual(DisplayWidth.pad("网格", to: 6), "网格  ")
        XCTAssertEqual(DisplayWidth.truncate("东湖村第三网格", to: 7), "东湖村…")
        XCTAssertEqual(DisplayWidth.of("，。（）"), 8)                 // full-width punctuation
        XCTAssertEqual(DisplayWidth.of("│─┌"), 3)                     // box drawing is narrow
    }

    func testEmojiThatCursesDrawsWideAreWide() {
        // The four from the report: wcwidth gives each 2, the old hand-made list gave 1.
        XCTAssertEqual(DisplayWidth.of("🚀"), 2)
        XCTAssertEqual(DisplayWidth.of("🚗"), 2)
        XCTAssertEqual(DisplayWidth.of("🚨"), 2)
        XCTAssertEqual(DisplayWidth.of("✅"), 2)
        XCTAssertEqual(DisplayWidth.of("🚀路灯坏了✅"), 2 + 8 + 2)
        XCTAssertEqual(DisplayWidth.pad("🚨a", to: 5), "🚨a  ")
        // ❤ U+2764 is narrow for wcwidth; the emoji selector U+FE0F adds nothing.
        XCTAssertEqual(DisplayWidth.of("❤\u{FE0F}"), 1)
    }

    func testCombiningMarksJoinTheirBase() {
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
        XCTAssertEqual(DisplayWidth.of("中\u{20DD}"), 2)              // enclosing circle on a wide base
        XCTAssertEqual(DisplayWidth.clip("ae\u{301}b", to: 2), "ae\u{301}")  // the accent stays with its e
        XCTAssertEqual(DisplayWidth.of("\u{1100}\u{1161}\u{11A8}"), 2)  // a Hangul syllable from jamo: L 2, V 0, T 0
    }

    func testJoinedEmojiIsOneGlyphOfTwo() {
        let family = "👨\u{200D}👩\u{200D}👧"
        XCTAssertEqual(family.count, 1)
        XCTAssertEqual(DisplayWidth.of(family), 2)
        XCTAssertEqual(DisplayWidth.of("👋🏽"), 2)                     // skin tone belongs to the hand
        XCTAssertEqual(DisplayWidth.of("🇨🇳"), 2)                     // two regional indicators of 1
        XCTAssertEqual(DisplayWidth.of("a" + family + "b"), 4)
        // Cut and pad never split the grapheme: it goes whole or not at all.
        XCTAssertEqual(DisplayWidth.clip("a" + family + "b", to: 2), "a")
        XCTAssertEqual(DisplayWidth.clip("a" + family + "b", to: 3), "a" + family)
        XCTAssertEqual(DisplayWidth.truncate(family + family + "x", to: 4), family + "…")
        XCTAssertEqual(DisplayWidth.pad(family, to: 3, right: true), " " + family)
        XCTAssertEqual(DisplayWidth.drawable(Character(family)).map(\.value), [0x1F468])
        XCTAssertEqual(DisplayWidth.drawable("e\u{301}").map(\.value), [0x65, 0x301])
    }

    func testControlsTakeNoColumnAndUnassignedOne() {
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0x07)!), 0)
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0x9B)!), 0)
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0x0378)!), 1)    // unassigned in the Greek block
        XCTAssertEqual(DisplayWidth.of(""), 0)
    }
}

extension DisplayWidthTests {
    func testFlagsAreNeverCutInHalf() {
        XCTAssertEqual(DisplayWidth.clip("a🇨🇳", to: 2), "a")         // the flag needs 2: not half of it
        XCTAssertEqual(DisplayWidth.clip("a🇨🇳", to: 3), "a🇨🇳")
        XCTAssertEqual(DisplayWidth.clip("中e\u{301}文", to: 3), "中e\u{301}")
    }
}
