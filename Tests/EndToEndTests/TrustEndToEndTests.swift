import XCTest
import GridStore

/// Issue 13 §1, §4, §5 through the real binary: live and rehearsal files, reads that neither write nor wait
/// under another program's write lock, the sweep, foreign files left alone, a verified backup, staff switched off.
final class TrustEndToEndTests: XCTestCase {
    /// Runs `gridroom --db DB --lang en ARGS` with no fixed clock unless `now` is given.
    func raw(_ h: GridroomHarness, _ args: [String], now: String? = nil, db: String? = nil) throws -> GridroomHarness.Result {
        let tag = UUID().uuidString
        let o = h.dir.appendingPathComponent(".o-\(tag)").path, e = h.dir.appendingPathComponent(".e-\(tag)").path
        defer { try? FileManager.default.removeItem(atPath: o); try? FileManager.default.removeItem(atPath: e) }
        let argv = [GridroomHarness.binary, "--db", db ?? h.db, "--lang", "en"] + (now.map { ["--now", $0] } ?? []) + args
        let (status, signalled) = GridroomHarness.wait(try h.spawn(argv, out: o, err: e))
        return GridroomHarness.Result(status: status, out: (try? String(contentsOfFile: o, encoding: .utf8)) ?? "",
                                      err: (try? String(contentsOfFile: e, encoding: .utf8)) ?? "", signalled: signalled)
    }

    func testLiveFilesTakeTheRealClockForWritesAndRehearsalFilesAreMarked() throws {
        let h = try GridroomHarness("live"); defer { h.remove() }
        let made = try raw(h, ["init"])
        XCTAssertEqual(made.status, 0, made.err)
        XCTAssertTrue(try raw(h, ["check"]).out.contains("mode: live (正式)"))
        // The issue's repro: a backdated move (and any write) with --now is refused on a live file …
        let back = try raw(h, ["case", "feedback", "20261122-0032", "--note", "done"], now: "2026-10-01T09:00:00+08:00")
        XCTAssertEqual(back.status, 1)
        XCTAssertTrue(back.err.contains("live (正式) file"), back.err)
        let add = try raw(h, ["staff", "add", "op1", "--name", "值班员", "--role", "operator"], now: "2031-01-01T09:00")
        XCTAssertEqual(add.status, 1, add.err)
        XCTAssertEqual(try raw(h, ["sweep"], now: "2031-01-01T09:00").status, 1)
        XCTAssertEqual(try h.open().count("SELECT count(*) FROM staff"), 1)
        // … while reads may look "as of" a time, and writes on the real clock go through.
        XCTAssertEqual(try raw(h, ["cases"], now: "2026-10-01T09:00").status, 0)
        XCTAssertEqual(try raw(h, ["staff", "add", "op1", "--name", "值班员", "--role", "operator"]).status, 0)

        let rehearsal = h.dir.appendingPathComponent("drill.sqlite").path
        XCTAssertEqual(try raw(h, ["init", "--rehearsal"], now: "2026-11-20T08:00", db: rehearsal).status, 0)
        XCTAssertTrue(try raw(h, ["check"], db: rehearsal).out.contains("mode: rehearsal (演练)"))
        XCTAssertEqual(try raw(h, ["staff", "add", "op1", "--name", "值班员", "--role", "operator"], now: "2026-11-20T09:00", db: rehearsal).status, 0)
    }

    func testReadsAnswerAtOnceUnderAHeldWriteLockAndWriteNothing() throws {
        let h = try GridroomHarness("readlock"); defer { h.remove() }
        try h.ok(["init", "--demo", "--activity"])
        let number = try XCTUnwrap(try h.open().first("SELECT number FROM matters WHERE ended_at IS NULL ORDER BY id LIMIT 1") { $0.text(0) })
        func counts() throws -> [Int] {
            let db = try h.open()
            return try ["events", "audit", "matters", "stages"].map { try db.count("SELECT count(*) FROM \($0)") }
        }
        let before = try counts()
        // Another program holds the write lock for the whole run (as `sqlite3 FILE 'BEGIN EXCLUSIVE'` would).
        let holder = try h.open()
        try holder.execute("BEGIN EXCLUSIVE")
        let later = "2026-12-20T09:00:00+08:00"   // weeks after the activity: hundreds of breaches pending
        for args in [["cases", "--limit", "1"], ["cases", "--overdue", "--format", "csv"], ["case", "show", number],
                     ["report", "evaluation", "--month", "2026-11"], ["grids"], ["staff", "list"], ["report", "compliance", "--month", "2026-11"]] {
            let r = try raw(h, args, now: later)
            XCTAssertEqual(r.status, 0, "gridroom \(args.joined(separator: " ")): \(r.err)")
        }
        // A sweep on a busy file skips at once and says so.
        let sweep = try raw(h, ["sweep"], now: later)
        XCTAssertEqual(sweep.status, 0, sweep.err)
        XCTAssertTrue(sweep.out.contains("busy"), sweep.out)
        try holder.execute("ROLLBACK")
        XCTAssertEqual(try counts(), before, "a read (or the busy sweep) wrote")
        // Free again, the sweep records the breaches, none dated after the real clock.
        let done = try raw(h, ["sweep"], now: later)
        XCTAssertTrue(done.out.hasPrefix("recorded "), done.out)
        XCTAssertGreaterThan(try h.open().count("SELECT count(*) FROM events WHERE kind = 'overdue'"), 0)
        XCTAssertEqual(try h.open().count("SELECT count(*) FROM events WHERE kind = 'overdue' AND at > ?", [.of(Date())]), 0)
    }

    func testForeignAndEmptyFilesAreRefusedUntouched() throws {
        let h = try GridroomHarness("foreign"); defer { h.remove() }
        let other = h.dir.appendingPathComponent("other.sqlite").path
        do {
            let db = try Database(path: other)   // WAL; then back to a rollback journal, as another program would keep it
            try db.execute("PRAGMA journal_mode = DELETE; CREATE TABLE t(x); INSERT INTO t VALUES (1); PRAGMA user_version = 3")
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: other))
        let r = try raw(h, ["cases"], now: GridroomHarness.now, db: other)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("not a GridRoom database"), r.err)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: other)), bytes)
        XCTAssertFalse(FileManager.default.fileExists(atPath: other + "-wal"))
        let empty = h.dir.appendingPathComponent("empty.sqlite").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        XCTAssertEqual(try raw(h, ["cases"], db: empty).status, 1)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: empty)[.size] as? NSNumber, 0)
    }

    /// Runs a shell line; returns its exit status.
    @discardableResult
    func sh(_ line: String) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", line]
        p.standardOutput = FileHandle.nullDevice; p.standardError = FileHandle.nullDevice
        try p.run(); p.waitUntilExit()
        return p.terminationStatus
    }

    func testAFullDiskAtOpenSaysTheDiskIsFull() throws {
        let h = try GridroomHarness("fulldisk"); defer { h.remove() }
        try h.ok(["init", "--rehearsal"])
        XCTAssertEqual(try h.open().count("PRAGMA wal_checkpoint(TRUNCATE)"), 0)
        // A 600 KiB file system holding only the file (no -wal, no -shm yet), then filled to the last byte.
        let mnt = h.dir.appendingPathComponent("small").path
        try FileManager.default.createDirectory(atPath: mnt, withIntermediateDirectories: true)
        try XCTSkipUnless(try sh("mount -t tmpfs -o size=600k tmpfs '\(mnt)'") == 0, "needs root to mount a small tmpfs")
        defer { try? sh("umount '\(mnt)'") }
        let db = mnt + "/room.sqlite"
        try FileManager.default.copyItem(atPath: h.db, toPath: db)
        try sh("dd if=/dev/zero of='\(mnt)/fill' bs=1k")
        let r = try raw(h, ["cases"], db: db)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("the disk holding it is full (0 KiB free)"), r.err)
        XCTAssertFalse(r.err.contains("not a GridRoom database"), r.err)
    }

    func testBackupOfADamagedFileFailsAndCheckStopsLaterWrites() throws {
        let h = try GridroomHarness("backup-damage"); defer { h.remove() }
        try h.ok(["init", "--demo"])
        try h.ok(["demo", "generate", "--grids", "40", "--workers", "80", "--matters", "0", "--patrols", "30000", "--months", "1"])
        XCTAssertEqual(try h.open().count("PRAGMA wal_checkpoint(TRUNCATE)"), 0)
        let f = try XCTUnwrap(FileHandle(forUpdatingAtPath: h.db))
        try f.seek(toOffset: 4096 * 300 + 100)
        f.write(Data(repeating: 0xFF, count: 4_096))
        try f.close()
        let copy = h.dir.appendingPathComponent("copy.sqlite").path
        let b = try raw(h, ["backup", copy])
        XCTAssertEqual(b.status, 1, b.out)
        XCTAssertTrue(b.err.contains("FAILED: the copy is not sound"), b.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: copy))
        XCTAssertEqual(try h.run(["check"]).status, 1)
        let add = try raw(h, ["staff", "add", "op9", "--name", "值班员", "--role", "operator"], now: GridroomHarness.now)
        XCTAssertEqual(add.status, 1)
        XCTAssertTrue(add.err.contains("found damaged"), add.err)
    }

    func testStaffDeactivateAndActivate() throws {
        let h = try GridroomHarness("staff"); defer { h.remove() }
        try h.ok(["init", "--demo"])
        XCTAssertEqual(try h.run(["staff", "deactivate", "operator1"]).status, 0)
        let list = try h.ok(["staff", "list", "--format", "csv"])
        XCTAssertTrue(list.contains("operator1,"), list)
        XCTAssertTrue(list.contains(",operator,0,2026-11-22,"), list)   // --now is 2026-11-22 09:00 +08:00
        let me = try h.open().first("SELECT login FROM staff WHERE role = 'admin'") { $0.text(0) } ?? ""
        let last = try raw(h, ["staff", "deactivate", me], now: GridroomHarness.now)
        XCTAssertEqual(last.status, 1)
        XCTAssertTrue(last.err.contains("last active admin"), last.err)
        XCTAssertEqual(try h.run(["staff", "activate", "operator1"]).status, 0)
        XCTAssertEqual(try h.open().count("SELECT count(*) FROM audit WHERE action IN ('staff_deactivate', 'staff_activate') AND target = 'operator1'"), 2)
    }
}
