import XCTest
import Glibc
import CNcursesw
import GridCore

/// The generated width table against the source curses measures with: glibc's `wcwidth` in C.UTF-8
/// (through the CNcursesw shim), for every code point, and by name for the blocks that matter most.
final class DisplayWidthTableTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipIf(setlocale(LC_ALL, "C.UTF-8") == nil, "no C.UTF-8 locale on this machine")
    }

    /// What DisplayWidth must give for `v`: wcwidth's value; for wcwidth's -1 (not printable) 0 for the
    /// C0/C1 controls and 1 for the rest (unassigned code points).
    private func expected(_ v: UInt32) -> Int {
        let w = Int(gr_wcwidth(wchar_t(bitPattern: v)))
        if w >= 0 { return w }
        return v < 0x20 || (0x7F..<0xA0).contains(v) ? 0 : 1
    }

    private func check(_ range: ClosedRange<UInt32>, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        var wrong: [String] = []
        for v in range {
            guard let s = Unicode.Scalar(v) else { continue }
            let got = DisplayWidth.of(s), want = expected(v)
            if got != want { wrong.append(String(format: "U+%04X %d≠%d", v, got, want)) }
        }
        XCTAssertTrue(wrong.isEmpty, "\(name): \(wrong.count) differ from wcwidth: \(wrong.prefix(10))", file: file, line: line)
    }

    func testEmojiBlocks() {
        XCTAssertEqual(gr_wcwidth(wchar_t(0x1F680)), 2)   // 🚀: the table must say what curses draws
        XCTAssertEqual(gr_wcwidth(wchar_t(0x2705)), 2)    // ✅
        check(0x2600...0x26FF, "Miscellaneous Symbols")
        check(0x2700...0x27BF, "Dingbats")
        check(0x2B00...0x2BFF, "Miscellaneous Symbols and Arrows")
        check(0x1F000...0x1F0FF, "Mahjong, Domino, Playing Cards")
        check(0x1F100...0x1F1FF, "Enclosed Alphanumeric Supplement (regional indicators)")
        check(0x1F200...0x1F2FF, "Enclosed Ideographic Supplement")
        check(0x1F300...0x1F5FF, "Miscellaneous Symbols and Pictographs")
        check(0x1F600...0x1F64F, "Emoticons")
        check(0x1F680...0x1F6FF, "Transport and Map Symbols")
        check(0x1F700...0x1F7FF, "Alchemical, Geometric Shapes Extended")
        check(0x1F800...0x1F8FF, "Supplemental Arrows-C")
        check(0x1F900...0x1F9FF, "Supplemental Symbols and Pictographs")
        check(0x1FA00...0x1FAFF, "Chess Symbols, Symbols and Pictographs Extended-A")
    }

    func testCJKAndItsExtensions() {
        check(0x1100...0x11FF, "Hangul Jamo")
        check(0x2E80...0x2FDF, "CJK Radicals, Kangxi Radicals")
        check(0x3000...0x303F, "CJK Symbols and Punctuation")
        check(0x3040...0x31FF, "Kana, Bopomofo, Hangul Compatibility Jamo")
        check(0x3400...0x4DBF, "CJK Extension A")
        check(0x4E00...0x9FFF, "CJK Unified Ideographs")
        check(0xAC00...0xD7AF, "Hangul Syllables")
        check(0xF900...0xFAFF, "CJK Compatibility Ideographs")
        check(0xFE10...0xFE6F, "Vertical Forms, CJK Compatibility Forms, Small Forms")
        check(0xFF00...0xFFEF, "Halfwidth and Fullwidth Forms")
        check(0x20000...0x2A6DF, "CJK Extension B")
        check(0x2A700...0x2EBEF, "CJK Extensions C–F")
        check(0x2F800...0x2FA1F, "CJK Compatibility Ideographs Supplement")
        check(0x30000...0x323AF, "CJK Extensions G–H")
    }

    func testCombiningMarks() {
        check(0x0300...0x036F, "Combining Diacritical Marks")
        check(0x0483...0x0489, "Cyrillic combining")
        check(0x0591...0x05C7, "Hebrew points")
        check(0x0900...0x0DFF, "Indic scripts")
        check(0x1AB0...0x1AFF, "Combining Diacritical Marks Extended")
        check(0x1DC0...0x1DFF, "Combining Diacritical Marks Supplement")
        check(0x200B...0x200F, "zero-width space, joiners, marks")
        check(0x20D0...0x20FF, "Combining Marks for Symbols")
        check(0xFE00...0xFE0F, "Variation Selectors")
        check(0xFE20...0xFE2F, "Combining Half Marks")
        check(0xE0100...0xE01EF, "Variation Selectors Supplement")
    }

    func testEveryCodePoint() {
        check(0...0x10FFFF, "all of Unicode")
    }
}
