import Foundation
import XCTest
@testable import GridStore
import GridCore

/// `GRIDROOM_DEMO_AS` (演练身份): on a rehearsal file a trainer acts as a demo role — the console and the command
/// line's writes go under that login (and its rights), the status line says so; a live file, an unknown login
/// and a deactivated one are refused.
final class DemoIdentityEndToEndTests: XCTestCase {
    static let now = "2026-11-22T10:00:00+08:00"
    var dir: URL!
    var db: String { dir.appendingPathComponent("t.sqlite").path }

    override func setUpWithError() throws {
        try GridroomCLI.requireBinary()
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-demo-as-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { if let dir { try? FileManager.default.removeItem(at: dir) } }

    @discardableResult
    func cli(_ args: [String], as login: String? = nil, lang: String = "zh", path: String? = nil, now: String? = DemoIdentityEndToEndTests.now) throws -> (status: Int32, out: String, err: String) {
        var extra = ["GRIDROOM_LANG": lang]
        if let login { extra["GRIDROOM_DEMO_AS"] = login }
        return try GridroomCLI.run(args, db: path ?? db, now: now, extra: extra)
    }

    /// The last audit row: who did what.
    func lastAudit() throws -> (actor: String, action: String, allowed: Bool) {
        let store = try Store.open(path: db, readOnly: true)
        return try XCTUnwrap(try store.db.first("SELECT actor, action, allowed FROM audit ORDER BY id DESC LIMIT 1") { ($0.text(0), $0.text(1), $0.bool(2)) })
    }

    func testWritesGoUnderTheChosenLoginAndItsRights() throws {
        XCTAssertEqual(try cli(["init", "--demo"]).status, 0)
        // operator1 (陈晓燕, 受理员) takes in a matter: audited as operator1, not as the OS user.
        let r = try cli(["case", "new", "--source", "hotline", "--grid", "DH-01-03", "--category", "SR01", "--title", "井盖缺失"], as: "operator1")
        XCTAssertEqual(r.status, 0, r.err)
        let a = try lastAudit()
        XCTAssertEqual(a.actor, "operator1")
        XCTAssertTrue(a.allowed)
        // The role is operator1's: a supervisor's setting is refused, and the refusal is audited under operator1.
        let refused = try cli(["duty", "settings", "duty.ring_until_ack", "off"], as: "operator1")
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.err.contains("operator1"), refused.err)
        let b = try lastAudit()
        XCTAssertEqual(b.actor, "operator1"); XCTAssertFalse(b.allowed)
        // As supervisor1 the same setting goes through, audited under supervisor1.
        let ok = try cli(["duty", "settings", "duty.ring_until_ack", "off"], as: "supervisor1")
        XCTAssertEqual(ok.status, 0, ok.err)
        XCTAssertEqual(try lastAudit().actor, "supervisor1")
    }

    func testUnknownAndDeactivatedLoginsAreRefused() throws {
        XCTAssertEqual(try cli(["init", "--demo"]).status, 0)
        let unknown = try cli(["case", "new", "--source", "hotline", "--grid", "DH-01-03", "--category", "SR01", "--title", "井盖缺失"], as: "nobody9")
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.err.contains("GRIDROOM_DEMO_AS=nobody9：人员名单中没有此登录名；可用："), unknown.err)
        // The four demo staff and the admin who made the file are offered.
        for login in ["duty1", "operator1", "operator2", "supervisor1"] { XCTAssertTrue(unknown.err.contains(login), unknown.err) }
        XCTAssertEqual(try cli(["staff", "deactivate", "operator2"]).status, 0)
        let off = try cli(["cases"], as: "operator2", lang: "en")
        XCTAssertEqual(off.status, 0, "a read needs no actor")
        let offWrite = try cli(["case", "new", "--source", "hotline", "--grid", "DH-01-03", "--category", "SR01", "--title", "井盖缺失"], as: "operator2", lang: "en")
        XCTAssertEqual(offWrite.status, 1)
        XCTAssertTrue(offWrite.err.contains("GRIDROOM_DEMO_AS=operator2: this staff member is deactivated"), offWrite.err)
        let store = try Store.open(path: db, readOnly: true)
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM matters"), 0, "nothing was written")
    }

    func testALiveFileRefusesTheVariable() throws {
        let live = dir.appendingPathComponent("live.sqlite").path
        XCTAssertEqual(try cli(["init"], path: live, now: nil).status, 0)
        for (lang, words) in [("zh", "GRIDROOM_DEMO_AS=operator1：\(live) 是正式文件，以他人身份操作只能用于演练文件"),
                              ("en", "GRIDROOM_DEMO_AS=operator1: \(live) is a live (正式) file; acting as someone else is for rehearsal (演练) files only")] {
            for args in [["cases"], ["staff", "list"]] {
                let r = try cli(args, as: "operator1", lang: lang, path: live, now: nil)
                XCTAssertEqual(r.status, 1, "\(args)")
                XCTAssertTrue(r.err.contains(words), r.err)
            }
        }
        XCTAssertEqual(try cli(["cases"], path: live, now: nil).status, 0, "the control: without the variable it opens")
    }

    /// The console as supervisor1 says so on the status line, name beside login, at both sizes and in both languages.
    func testTheConsoleShowsWhoItActsAs() throws {
        XCTAssertEqual(try cli(["init", "--demo"]).status, 0)
        for (lang, ready, mark) in [("zh", "1 总览", "[演练 · 身份 张卫东(supervisor1)]"), ("en", "1 Overview", "[rehearsal · acting as 张卫东 (supervisor1)]")] {
            for (cols, rows) in [(120, 40), (80, 24)] {
                let cmd = "cd '\(GridroomCLI.root.path)' && env -u GRIDROOM_DB -u GRIDROOM_NOW LANG=C.UTF-8 GRIDROOM_LANG=\(lang) GRIDROOM_DEMO_AS=supervisor1 '\(GridroomCLI.binary)' --db '\(db)' --now \(Self.now); echo CONSOLE-EXIT=$?; sleep 60"
                let t = try TmuxSession(command: cmd, cols: cols, rows: rows)
                try t.wait(for: ready, timeout: 5)
                try t.wait(for: mark)
                let screen = try t.screen()
                let status = screen.split(separator: "\n", omittingEmptySubsequences: false)[rows - 2]
                XCTAssertTrue(status.contains(mark), "\(lang) \(cols)x\(rows): \(status)")
                if cols == 120 { XCTAssertTrue(screen.split(separator: "\n")[0].contains("supervisor1"), "the tab bar names the login: \(screen)") }
                print("\(lang) \(cols)x\(rows) status line: \(status)")
                try t.keys("q")
                try t.wait(for: "CONSOLE-EXIT=0")
            }
        }
        // Refused on an unknown login before the screen opens, with the variable named.
        let cmd = "cd '\(GridroomCLI.root.path)' && env -u GRIDROOM_DB -u GRIDROOM_LANG LANG=C.UTF-8 GRIDROOM_DEMO_AS=ghost '\(GridroomCLI.binary)' --db '\(db)' --now \(Self.now); echo CONSOLE-EXIT=$?; sleep 60"
        let t = try TmuxSession(command: cmd, cols: 120, rows: 40)
        try t.wait(for: "CONSOLE-EXIT=1", timeout: 5)
        let screen = try t.screen()
        XCTAssertTrue(screen.contains("GRIDROOM_DEMO_AS=ghost：人员名单中没有此登录名"), screen)
    }
}
