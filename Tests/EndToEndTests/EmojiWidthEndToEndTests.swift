import Foundation
import XCTest

/// Titles with emoji (WeChat reports carry them) in the real console in tmux: curses draws 🚀 ✅ 🚗 🚨 two
/// columns wide, so the console must measure them so, or a clipped title runs past the edge and wraps
/// into the row below.
final class EmojiWidthEndToEndTests: XCTestCase {
    static let now = "2026-11-22T10:00:00+08:00"
    var dir: TestDirectory!
    var db: String { dir.path("t.sqlite") }

    override func setUpWithError() throws {
        try GridroomCLI.requireBinary()
        dir = try TestDirectory("emoji-e2e")
        XCTAssertEqual(try GridroomCLI.run(["init", "--demo"], db: db, now: Self.now).status, 0)
        // 60 emoji: 120 columns, wider than any title column, so the console must cut it.
        for title in [String(repeating: "🚀✅🚗🚨", count: 15), "👨\u{200D}👩\u{200D}👧" + String(repeating: "✅", count: 70)] {
            let r = try GridroomCLI.run(["case", "new", "--source", "wechat", "--grid", "DH-01-01", "--category", "SR01", "--title", title],
                                        db: db, now: Self.now)
            XCTAssertEqual(r.status, 0, r.err)
        }
    }

    override func tearDown() { dir = nil }

    func testEmojiTitlesAreCutAtTheEdgeAt120x40And80x24() throws {
        for (cols, rows) in [(120, 40), (80, 24)] {
            let cmd = "cd '\(GridroomCLI.root.path)' && env -u GRIDROOM_DB -u GRIDROOM_LANG -u GRIDROOM_NOW LANG=C.UTF-8 '\(GridroomCLI.binary)' --db '\(db)' --now \(Self.now); sleep 60"
            let t = try TmuxSession(command: cmd, cols: cols, rows: rows)
            try t.wait(for: "1 总览", timeout: 5)
            try t.keys("2")
            try t.wait(for: "20261122-0002")
            let lines = try t.screen().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard let first = lines.firstIndex(where: { $0.contains("20261122-0001") }) else { return XCTFail("\(cols)×\(rows): no row") }
            // The two rows are next to each other: neither title wrapped into the line below it.
            XCTAssertTrue(lines[first].contains("🚀"), "\(cols)×\(rows): \(lines[first])")
            XCTAssertTrue(lines[first + 1].contains("20261122-0002"), "\(cols)×\(rows): the title wrapped:\n\(lines[first...].prefix(3).joined(separator: "\n"))")
            XCTAssertTrue(lines[first + 1].contains("👨✅"), "\(cols)×\(rows): the joined emoji is drawn as one glyph: \(lines[first + 1])")
            XCTAssertFalse(lines[first + 2].contains("✅"), "\(cols)×\(rows): the second title wrapped: \(lines[first + 2])")
            // The cut title ends with the ellipsis, inside the window.
            XCTAssertTrue(lines[first].hasSuffix("…") || lines[first].trimmingCharacters(in: .whitespaces).hasSuffix("…"),
                          "\(cols)×\(rows): \(lines[first])")
        }
    }
}
