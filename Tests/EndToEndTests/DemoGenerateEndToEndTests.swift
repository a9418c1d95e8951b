import Foundation
import XCTest

/// `demo generate` on a file that already holds matters refuses before writing anything (issue 14); `--own-grids`
/// adds activity for the file's own grids when asked for; `make bench`'s path (`init --demo`, then generate) works.
final class DemoGenerateEndToEndTests: XCTestCase {
    static let now = "2026-11-22T10:00:00+08:00"
    var dir: URL!
    var db: String { dir.appendingPathComponent("t.sqlite").path }

    override func setUpWithError() throws {
        try GridroomCLI.requireBinary()
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-demo-gen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { if let dir { try? FileManager.default.removeItem(at: dir) } }

    @discardableResult
    func cli(_ args: [String], lang: String = "zh") throws -> (status: Int32, out: String, err: String) {
        try GridroomCLI.run(args, db: db, now: Self.now, extra: ["GRIDROOM_LANG": lang])
    }

    func matters() throws -> Int {
        let r = try cli(["cases", "--all", "--format", "csv"])
        XCTAssertEqual(r.status, 0, r.err)
        return r.out.split(separator: "\n").count - 1
    }

    func testAFileWithMattersIsRefusedAndOwnGridsAddsToIt() throws {
        // init --demo --activity writes two months of activity: 1800 matters (DemoSpec.demoActivity).
        XCTAssertEqual(try cli(["init", "--demo", "--activity"]).status, 0)
        XCTAssertEqual(try matters(), 1_800)
        let grids = try cli(["grids", "--format", "csv"]).out
        for (lang, words) in [("zh", "已有 1800 件案件：`demo generate` 会把模拟乡镇混进这些记录，未写入任何内容"),
                              ("en", "already holds 1800 matters: `demo generate` would mix a synthetic township into them; nothing was written")] {
            let r = try cli(["demo", "generate", "--grids", "5", "--workers", "10", "--matters", "50", "--patrols", "50", "--months", "1"], lang: lang)
            XCTAssertEqual(r.status, 1)
            XCTAssertTrue(r.err.contains(words), r.err)
            XCTAssertTrue(r.err.contains("init --demo") && r.err.contains("--own-grids"), r.err)
        }
        XCTAssertEqual(try matters(), 1_800, "nothing written")
        XCTAssertEqual(try cli(["grids", "--format", "csv"]).out, grids, "no grids added")
        // A new registry's sizes make no sense with --own-grids.
        let mixed = try cli(["demo", "generate", "--own-grids", "--grids", "5"])
        XCTAssertEqual(mixed.status, 2, mixed.err)
        // Asked for: 30 matters more for the demo township's own grids, numbered after the 1800.
        let own = try cli(["demo", "generate", "--own-grids", "--matters", "30", "--patrols", "10", "--months", "1"])
        XCTAssertEqual(own.status, 0, own.err)
        XCTAssertEqual(try matters(), 1_830)
        XCTAssertEqual(try cli(["grids", "--format", "csv"]).out, grids, "still no grids added")
        XCTAssertEqual(try cli(["check"]).status, 0)
    }

    /// `make bench`: `init --demo` holds no matters, so the generator runs on it.
    func testTheBenchPathStillWorks() throws {
        XCTAssertEqual(try cli(["init", "--demo"]).status, 0)
        XCTAssertEqual(try matters(), 0)
        let r = try cli(["demo", "generate", "--grids", "5", "--workers", "10", "--matters", "50", "--patrols", "50", "--months", "1"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(try matters(), 50)
    }
}
