import XCTest
@testable import GridCore

/// The one control-character rule (issue 13 §2): what is refused at input, how it is shown at output.
final class TextSafetyTests: XCTestCase {
    func testTheIssuesAttacksAreRefusedNamingFieldAndCharacter() {
        let title = "Leak\u{1B}]2;PWNED\u{07}\u{1B}[2J\u{1B}[H"
        let e = TextSafety.firstProblem(title, .singleLine("title"))
        XCTAssertEqual(e, UnsafeTextError(field: "title", scalar: "\u{1B}", position: 5))
        XCTAssertEqual(e?.codePoint, "U+001B")
        XCTAssertTrue(e!.description.hasPrefix("title: contains U+001B (escape) at character 5"), e!.description)
        let header = "CLI" + String(repeating: "\u{08}", count: 30) + "X"
        XCTAssertEqual(TextSafety.firstProblem(header, .singleLine("title"))?.codePoint, "U+0008")
        let note = String(repeating: "\u{08}", count: 42) + "verify_pass  supervisor1  ALL DONE"
        // Backspace is refused even where line breaks are allowed.
        XCTAssertEqual(TextSafety.firstProblem(note, .multiLine("note")), UnsafeTextError(field: "note", scalar: "\u{08}", position: 1))
    }

    func testEveryRefusedRangeAndWhatIsAccepted() {
        let one = TextFieldPolicy.singleLine("f"), multi = TextFieldPolicy.multiLine("f")
        for v: UInt32 in [0x00, 0x01, 0x07, 0x0B, 0x0C, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9B, 0x9F,
                          0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069] {
            let s = Unicode.Scalar(v)!
            XCTAssertNotNil(TextSafety.firstProblem("a\(s)b", one), "U+\(String(v, radix: 16)) in a one-line field")
            XCTAssertNotNil(TextSafety.firstProblem("a\(s)b", multi), "U+\(String(v, radix: 16)) in a multi-line field")
        }
        // Tab and line breaks: only where the field allows them (CRLF is one Character in Swift).
        for t in ["a\tb", "a\nb", "a\r\nb", "a\rb", "a\u{2028}b"] {
            XCTAssertNotNil(TextSafety.firstProblem(t, one), t.debugDescription)
            XCTAssertNil(TextSafety.firstProblem(t, multi), t.debugDescription)
        }
        XCTAssertEqual(TextSafety.firstProblem("ab\r\n", one)?.codePoint, "U+000D")
        // ZWJ sequences, variation selectors, CJK, a zero-width space that is no control: accepted.
        for ok in ["👨‍👩‍👧 家庭纠纷", "🏳️‍🌈", "✅ 已处理", "东湖村三组 (2号楼)", "São Paulo", "x\u{200B}y"] {
            XCTAssertNil(TextSafety.firstProblem(ok, one), ok)
        }
        // The offending character's position counts characters as shown: a family emoji is one.
        XCTAssertEqual(TextSafety.firstProblem("👨‍👩‍👧\u{202E}x", one)?.position, 2)
    }

    func testOutputShowsEveryControlEscaped() {
        XCTAssertEqual(TextSafety.escaped("Leak\u{1B}]2;PWNED\u{07}\u{1B}[2J"), "Leak^[]2;PWNED^G^[[2J")
        XCTAssertEqual(TextSafety.escaped("CLI\u{08}\u{08}X"), "CLI^H^HX")
        XCTAssertEqual(TextSafety.escaped("a\u{7F}b\u{0}c"), "a^?b^@c")
        XCTAssertEqual(TextSafety.escaped("abc\u{202E}def\u{85}"), "abc<U+202E>def<U+0085>")
        XCTAssertEqual(TextSafety.escaped("one\ntwo\tx"), "one^Jtwo^Ix")
        XCTAssertEqual(TextSafety.escaped("one\r\ntwo\rthree\n", keepNewlines: true), "one\ntwo\nthree\n")
        XCTAssertEqual(TextSafety.escaped("👨‍👩‍👧 纠纷"), "👨‍👩‍👧 纠纷")
        // Nothing dangerous survives escaping.
        let planted = (0..<0xA0).compactMap(Unicode.Scalar.init).map(String.init).joined() + "\u{202E}\u{2066}"
        XCTAssertFalse(TextSafety.escaped(planted).unicodeScalars.contains { TextSafety.isRefused($0, .singleLine("")) })
        // A table cell goes through the same escaping.
        let table = TextTable(headers: ["title"], rows: [["CLI\u{08}\u{08}X"]]).render()
        XCTAssertEqual(table, "title\n--------\nCLI^H^HX\n")
    }
}
