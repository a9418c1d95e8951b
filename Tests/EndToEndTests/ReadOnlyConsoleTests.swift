import XCTest

/// Guarantee 4 (issue 8) for the console: a read-only file or directory gives a read-only console — the views,
/// a notice, no actions — never a crash; the file is not touched.
final class ReadOnlyConsoleTests: XCTestCase {
    func console(_ h: GridroomHarness, prefix: String = "", extra: String = "") throws -> TmuxSession {
        let cmd = "env -u GRIDROOM_DB -u GRIDROOM_NOW -u GRIDROOM_READ_ONLY LANG=C.UTF-8 \(prefix) '\(GridroomHarness.binary)' "
            + "--db '\(h.db)' --now \(GridroomHarness.now) --lang en \(extra); echo CONSOLE-EXIT=$?; sleep 60"
        return try TmuxSession(command: cmd)
    }

    func check(_ t: TmuxSession) throws {
        try t.wait(for: "database file is read-only: viewing only", timeout: 5)
        let screen = try t.screen()
        XCTAssertTrue(screen.contains("READ-ONLY"), screen)
        try t.keys("n")                                  // a new matter: not offered
        try t.wait(for: "database file is read-only: viewing only")
        usleep(300_000)
        XCTAssertFalse(try t.screen().contains("New matter"), "a read-only console must not open the intake form")
        try t.keys("2")                                  // the views still work
        try t.wait(for: "2 Matters")
        try t.keys("q")
        if (try? t.wait(for: "CONSOLE-EXIT=0", timeout: 1)) == nil { try t.keys("q"); try t.wait(for: "CONSOLE-EXIT=0") }
    }

    func testReadOnlyDirectoryGivesAReadOnlyConsole() throws {
        let h = try GridroomHarness("ro-console"); defer { h.remove() }
        try h.ok(["init", "--demo"])
        let before = try DatabaseDump.tables(path: h.db)
        for s in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: h.db + s) }
        let ro = ["/usr/bin/unshare", "-m", "/bin/sh", "-c",
                  "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" && exec \"$@\"", h.dir.path]
        try XCTSkipUnless(try h.run(["--help"], prefix: ro).status == 0, "cannot make a read-only bind mount here")
        let prefix = "unshare -m sh -c 'mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" && exec \"$@\"' '\(h.dir.path)'"
        let t = try console(h, prefix: prefix)
        try check(t)
        XCTAssertEqual(try DatabaseDump.tables(path: h.db), before)
    }

    /// The control: on a writable file the same key opens the intake form (so the check above can fail).
    func testWritableConsoleOpensTheForm() throws {
        let h = try GridroomHarness("rw-console"); defer { h.remove() }
        try h.ok(["init", "--demo"])
        let t = try console(h)
        try t.wait(for: "2 Matters", timeout: 5)
        XCTAssertFalse(try t.screen().contains("READ-ONLY"))
        try t.keys("n")
        try t.wait(for: "New matter")
    }

    func testReadOnlyFlagGivesAReadOnlyConsole() throws {
        let h = try GridroomHarness("ro-console-flag"); defer { h.remove() }
        try h.ok(["init", "--demo"])
        let before = try DatabaseDump.tables(path: h.db)
        let t = try console(h, extra: "--read-only")
        try check(t)
        XCTAssertEqual(try DatabaseDump.tables(path: h.db), before)
    }
}
