import Foundation
import XCTest

/// The real console binary in tmux on the demo database: every screen, resize, Chinese input,
/// another process's write on screen within 1 s, and a restored terminal on quit and on signals.
final class ConsoleEndToEndTests: XCTestCase {
    static let root = GridroomCLI.root
    static let binary = GridroomCLI.binary
    static let now = "2026-11-22T10:00:00+08:00"

    var dir: URL!
    var db: String { dir.appendingPathComponent("t.sqlite").path }

    override func setUpWithError() throws {
        try GridroomCLI.requireBinary()
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-console-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let r = try cli(["init", "--demo"])
        XCTAssertEqual(r.status, 0, r.err)
    }

    override func tearDownWithError() throws { if let dir { try? FileManager.default.removeItem(at: dir) } }

    /// Runs a CLI command on the test database (a second process).
    @discardableResult
    func cli(_ args: [String], now: String = ConsoleEndToEndTests.now) throws -> (status: Int32, out: String, err: String) {
        try GridroomCLI.run(args, db: db, now: now)
    }

    /// The console in tmux; the shell prints its exit status afterwards.
    func console(_ extra: String = "", env: String = "", ready: String = "1 总览") throws -> TmuxSession {
        let cmd = "cd '\(Self.root.path)' && env -u GRIDROOM_DB -u GRIDROOM_LANG -u GRIDROOM_NOW LANG=C.UTF-8 \(env) '\(Self.binary)' --db '\(db)' --now \(Self.now) \(extra); echo CONSOLE-EXIT=$?; sleep 60"
        let t = try TmuxSession(command: cmd)
        try t.wait(for: ready, timeout: 5)
        return t
    }

    func testEveryScreenResizeAndQuit() throws {
        let t = try console()
        try t.wait(for: "今日新增")
        for (key, marker) in [("2", "排序：剩余/超期"), ("3", "超期与临期，超期最久在前"), ("4", "达标天"), ("5", "红=有超期案件"), ("6", "当前班次"), ("1", "最新动态")] {
            try t.keys(key)
            try t.wait(for: marker)
        }
        try t.keys("?")
        try t.wait(for: "按键帮助")
        try t.keys("x")
        try t.waitGone("按键帮助")
        // Grid map → Enter opens the selected grid's page; Esc back.
        try t.keys("5"); try t.wait(for: "红=有超期案件")
        try t.keys("Enter"); try t.wait(for: "今日巡查记录")
        try t.keys("Escape"); try t.wait(for: "红=有超期案件")
        // Too small, then back to full size at once.
        try t.resize(cols: 70, rows: 20)
        try t.wait(for: "窗口太小：至少需要 80×24，当前 70×20")
        try t.resize(cols: 120, rows: 40)
        try t.wait(for: "红=有超期案件")
        try t.keys("q")
        try t.wait(for: "CONSOLE-EXIT=0")
        XCTAssertFalse(try t.screen().contains("网格图"), "the terminal is restored (alternate screen left)")
    }

    func testEnglishAndCommandLine() throws {
        let t = try console("--lang en", ready: "1 Overview  2 Matters")
        try t.keys(":"); try t.type("case 20990101-0001"); try t.keys("Enter")
        try t.wait(for: "no such matter: 20990101-0001")
        try t.keys("Q")
        try t.wait(for: "CONSOLE-EXIT=0")
    }

    func testChineseTextInTheFormAndADraftKeptOnHangup() throws {
        // Drafts live in the user's state directory: point it into the test's directory.
        let state = dir.appendingPathComponent("state").path
        let t = try console(env: "XDG_STATE_HOME='\(state)'")
        try t.keys("n"); try t.wait(for: "新建案件")
        try t.type("一网格")              // the grid picker filters to 东湖村第一网格 and the like
        try t.wait(for: "DH-01-01 东湖村第一网格")
        try t.keys("Enter")
        try t.keys("Tab", "Tab", "Tab")    // category, department, source → title
        try t.type("楼道堆放杂物")
        try t.wait(for: "楼道堆放杂物")
        // The terminal goes away: the console exits cleanly and keeps the typed form as a draft.
        let pid = try t.panePID()
        guard pid > 0 else { return XCTFail("no pane pid") }
        // The pane runs a shell; the console is its child. SIGHUP the console itself.
        let child = try childPID(of: pid)
        guard child > 0 else { return XCTFail("no console process under the pane's shell \(pid)") }
        kill(child, SIGHUP)
        try t.wait(for: "CONSOLE-EXIT=129")
        // Named by the database's path and the login, private to the user, never beside the shared database.
        let drafts = state + "/gridroom/drafts"
        let names = try FileManager.default.contentsOfDirectory(atPath: drafts)
        XCTAssertEqual(names.count, 1, "\(names)")
        let path = drafts + "/" + names[0]
        XCTAssertTrue(names[0].hasSuffix("t.sqlite.draft-" + login()), names[0])
        XCTAssertFalse(FileManager.default.fileExists(atPath: db + ".draft-" + login()))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        XCTAssertEqual(mode?.intValue, 0o600)
        let draft = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(draft.contains("title=楼道堆放杂物"), draft)
        XCTAssertTrue(draft.contains("grid=DH-01-01"), draft)
        // The next console's form starts from the draft and says so; discarding it deletes it.
        let again = try console(env: "XDG_STATE_HOME='\(state)'")
        try again.keys("n")
        try again.wait(for: "楼道堆放杂物")
        try again.wait(for: "已恢复上次未保存的草稿")
        try again.keys("Escape"); try again.wait(for: "放弃未保存的内容？")
        try again.keys("y")
        try again.keys("n"); try again.waitGone("楼道堆放杂物")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "discarded: the draft is gone")
        try again.keys("Escape"); try again.keys("q")
        try again.wait(for: "CONSOLE-EXIT=0")
    }

    func testAMatterTakenInThroughTheFormAndDispatchedByAnotherProcess() throws {
        let t = try console()
        try t.keys("n"); try t.wait(for: "新建案件")
        try t.type("东湖村第一"); try t.keys("Enter")            // grid picker → DH-01-01
        try t.type("违章"); try t.keys("Enter")                  // category → 违章搭建, its department filled in
        try t.keys("BSpace", "BSpace", "BSpace", "BSpace", "BSpace") // clear the department: take in only
        try t.keys("Tab", "Tab")                                 // source (12345热线) → title
        try t.type("楼顶违章加盖阳光房")
        try t.keys("Tab"); try t.type("东湖村3组12号")
        try t.keys("C-s")
        try t.wait(for: "已受理：20261122-0001")
        try t.keys("2")
        try t.wait(for: "楼顶违章加盖阳光房")
        XCTAssertTrue(try t.screen().contains("待派遣"))
        // Another process dispatches it with the CLI: on screen within 1 s, with no key pressed.
        let before = try t.screen().split(separator: "\n").first { $0.contains("20261122-0001") }.map(String.init) ?? ""
        let r = try cli(["case", "dispatch", "20261122-0001"], now: "2026-11-22T10:01:00+08:00")
        XCTAssertEqual(r.status, 0, r.err)
        let seconds = try waitChange(t, row: "20261122-0001", from: before)
        XCTAssertLessThan(seconds, 1.0, "another process's commit is on screen within 1 s")
        let row = try t.screen().split(separator: "\n").first { $0.contains("20261122-0001") }.map(String.init) ?? ""
        XCTAssertTrue(row.contains("处置中"), row)
        // The matter page shows the dispatch in its history.
        try t.keys("Enter"); try t.wait(for: "办理经过")
        try t.wait(for: "派遣")
        try t.keys("Escape", "q")
        try t.wait(for: "CONSOLE-EXIT=0")
    }

    func testAnotherProcessesRegistryWriteIsOnScreen() throws {
        let t = try console()
        try t.keys("4"); try t.wait(for: "DH-01-01")
        let before = try t.screen().split(separator: "\n").first { $0.contains("DH-01-01") }.map(String.init) ?? ""
        let csv = dir.appendingPathComponent("w.csv")
        let header = try String(contentsOf: Self.root.appendingPathComponent("Data/workers.csv"), encoding: .utf8).split(separator: "\n")[0]
        try "\(header)\n\(workerRow(header: String(header)))\n".write(to: csv, atomically: true, encoding: .utf8)
        let r = try cli(["import", "workers", csv.path])
        XCTAssertEqual(r.status, 0, r.err + r.out)
        XCTAssertLessThan(try waitChange(t, row: "DH-01-01", from: before), 1.0)
        try t.keys("q"); try t.wait(for: "CONSOLE-EXIT=0")
    }

    func testSIGTERMAndCtrlCLeaveTheTerminalRestored() throws {
        let t = try console()
        try t.keys("2"); try t.wait(for: "排序：剩余/超期")
        let shell = try t.panePID()
        guard shell > 0 else { return XCTFail("no pane pid") }
        let child = try childPID(of: shell)
        guard child > 0 else { return XCTFail("no console process under the pane's shell \(shell)") }
        kill(child, SIGTERM)
        try t.wait(for: "CONSOLE-EXIT=143")
        XCTAssertFalse(try t.screen().contains("排序：剩余/超期"), "the alternate screen is gone")
        let again = try console()
        try again.keys("C-c")
        try again.wait(for: "CONSOLE-EXIT=0")
    }

    /// The terminal itself goes away (its tmux server killed, as when an SSH connection drops) under a shell that
    /// ignores the hang-up signal, so only the closed terminal tells: the console ends with the hang-up's status
    /// (129), neither spinning on a full core nor crashing on the note it can no longer print, and it closes the
    /// file (the last connection folds the write-ahead log back in and removes it).
    func testATerminalThatGoesAwayEndsTheConsoleAndClosesTheFile() throws {
        let status = dir.appendingPathComponent("status").path
        let cmd = "trap '' HUP; cd '\(Self.root.path)' && env -u GRIDROOM_DB -u GRIDROOM_LANG -u GRIDROOM_NOW LANG=C.UTF-8 '\(Self.binary)' --db '\(db)' --now \(Self.now); echo $? > '\(status)'"
        let t = try TmuxSession(command: cmd)
        try t.wait(for: "1 总览", timeout: 5)
        XCTAssertTrue(FileManager.default.fileExists(atPath: db + "-wal"), "the open console has the log open")
        _ = try t.tmux(["kill-server"])
        let end = Date().addingTimeInterval(5)
        while !FileManager.default.fileExists(atPath: status) && Date() < end { usleep(20_000) }
        usleep(50_000)  // the shell's `echo` has written the line
        let text = (try? String(contentsOfFile: status, encoding: .utf8)) ?? "no status within 5 s"
        XCTAssertEqual(text.trimmingCharacters(in: .whitespacesAndNewlines), "129")
        XCTAssertFalse(FileManager.default.fileExists(atPath: db + "-wal"), "closed: the log folded back and removed")
    }

    // MARK: helpers

    func waitChange(_ t: TmuxSession, row: String, from old: String, timeout: Double = 3) throws -> Double {
        let start = Date()
        while Date().timeIntervalSince(start) < timeout {
            let now = try t.screen().split(separator: "\n").first { $0.contains(row) }.map(String.init) ?? ""
            if now != old { return Date().timeIntervalSince(start) }
            usleep(20_000)
        }
        XCTFail("row \(row) never changed from: \(old)")
        return timeout
    }

    /// A new worker row for DH-01-01 matching the demo file's header.
    func workerRow(header: String) -> String {
        header.split(separator: ",").map { col -> String in
            switch col {
            case "code": return "W9901"
            case "name": return "测试员甲"
            case "phone": return "13900009901"
            case "kind": return "full"
            case "grid": return "DH-01-01"
            default: return ""
            }
        }.joined(separator: ",")
    }

    func childPID(of shell: Int32) throws -> Int32 {
        let text = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        return text.split(separator: " ").compactMap { Int32($0) }.first ?? 0
    }

    func login() -> String {
        if let pw = getpwuid(getuid()), let n = pw.pointee.pw_name { return String(cString: n) }
        return "uid\(getuid())"
    }
}
