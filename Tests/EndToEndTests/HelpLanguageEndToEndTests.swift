import XCTest


/// `gridroom CMD --help` through the binary: Chinese by default, English with `--lang en` or `GRIDROOM_LANG=en`.
final class HelpLanguageEndToEndTests: XCTestCase {
    var h: GridroomHarness!
    override func setUpWithError() throws { h = try GridroomHarness("help-lang") }
    override func tearDown() { h?.remove() }

    func testCaseHelpIsChineseByDefaultAndEnglishWithLangEn() throws {
        let zh = try h.run(["case", "--help"])
        XCTAssertEqual(zh.status, 0, zh.err)
        XCTAssertTrue(zh.out.hasPrefix("用法：gridroom case new --source SRC"), zh.out)
        XCTAssertTrue(zh.out.contains("每个办理操作都要带 --version N"), zh.out)
        XCTAssertTrue(zh.out.contains("`walk_in`（群众来访）"), zh.out)
        XCTAssertFalse(zh.out.contains("Every move takes"), zh.out)

        for (args, env) in [(["--lang", "en", "case", "--help"], [:]), (["case", "--help", "--lang=en"], [:]),
                            (["help", "case"], ["GRIDROOM_LANG": "en"])] {
            let en = try h.run(args, env: env)
            XCTAssertEqual(en.status, 0, "\(args): \(en.err)")
            XCTAssertTrue(en.out.hasPrefix("usage: gridroom case new --source SRC"), "\(args): \(en.out)")
            XCTAssertTrue(en.out.contains("Every move takes --version N"), "\(args): \(en.out)")
            XCTAssertFalse(en.out.contains("用法") || en.out.contains("办理操作"), "\(args): \(en.out)")
        }
    }

    func testAReportKindsHelpFollowsTheLanguageToo() throws {
        let zh = try h.run(["report", "--help"])
        XCTAssertEqual(zh.status, 0, zh.err)
        XCTAssertTrue(zh.out.hasPrefix("用法：\n  gridroom report evaluation"), zh.out)
        XCTAssertTrue(zh.out.contains("红榜：两项指标都达标的网格和网格员"), zh.out)
        let en = try h.run(["--lang", "en", "report", "--help"])
        XCTAssertTrue(en.out.hasPrefix("usage:\n  gridroom report evaluation"), en.out)
        XCTAssertTrue(en.out.contains("Red list (红榜)"), en.out)
    }
}
