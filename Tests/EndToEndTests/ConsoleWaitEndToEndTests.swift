import Foundation
import XCTest
import GridStore

/// Issue 13 at the real console in tmux, as a person sees it: the rehearsal mark on the status line, an idle
/// console that does not freeze while another program holds the write lock, and a write that waits saying so.
final class ConsoleWaitEndToEndTests: XCTestCase {
    var dir: URL!
    var db: String { dir.appendingPathComponent("t.sqlite").path }

    override func setUpWithError() throws {
        try GridroomCLI.requireBinary()
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-console-wait-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let r = try GridroomCLI.run(["init", "--demo"], db: db, now: ConsoleEndToEndTests.now)
        XCTAssertEqual(r.status, 0, r.err)
    }
    override func tearDownWithError() throws { if let dir { try? FileManager.default.removeItem(at: dir) } }

    func testAWriteUnderAHeldLockShowsWaitingThenGoesThrough() throws {
        let cmd = "cd '\(GridroomCLI.root.path)' && env -u GRIDROOM_DB -u GRIDROOM_LANG -u GRIDROOM_NOW LANG=C.UTF-8 '\(GridroomCLI.binary)' "
            + "--db '\(db)' --now \(ConsoleEndToEndTests.now); echo CONSOLE-EXIT=$?; sleep 60"
        let t = try TmuxSession(command: cmd, cols: 80, rows: 24)
        try t.wait(for: "1 总览", timeout: 5)
        let first = try t.screen()
        XCTAssertTrue(first.contains("[演练]"), first)
        try t.keys("6"); try t.wait(for: "当前班次")
        // Another program takes the write lock; the idle console keeps answering keys (screens load at once).
        let holder = try Database(path: db, create: false)
        try holder.execute("BEGIN EXCLUSIVE")
        try t.keys("1"); try t.wait(for: "最新动态")
        try t.keys("6"); try t.wait(for: "当前班次")
        // s = start a shift: a write. It says it is waiting before it waits …
        try t.keys("s")
        try t.wait(for: "等待数据库", timeout: 2)   // measured ≈ 0.05 s from the key (tmux polling included)
        // … and goes through once the other program lets go.
        try holder.execute("ROLLBACK")
        try t.wait(for: "已接班", timeout: 15)
        try t.keys("q")
        try t.wait(for: "CONSOLE-EXIT=0")
        XCTAssertEqual(try GridroomCLI.run(["check"], db: db, now: ConsoleEndToEndTests.now).status, 0)
    }
}
