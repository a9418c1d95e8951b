import XCTest
import GridStore

/// Guarantee 4 (issue 8), through the real binary and real operating-system users and mounts.
///
/// The tests run as root, who passes every permission bit. So: other users are played by `nobody` through
/// `setpriv` (a real unprivileged process), and a read-only directory is a real read-only bind mount made
/// in a private mount namespace with `unshare -m` (no effect outside the test). Where the machine does not
/// allow these, the test is skipped with the reason.
final class AccessEndToEndTests: XCTestCase {
    var h: GridroomHarness!
    override func setUpWithError() throws { h = try GridroomHarness("access") }
    override func tearDown() { h?.remove() }

    /// `setpriv` as nobody:nogroup, no supplementary groups.
    let asNobody = ["/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]

    func requireRootAndSetpriv() throws {
        try XCTSkipUnless(getuid() == 0 && FileManager.default.isExecutableFile(atPath: asNobody[0]), "needs root and setpriv")
    }

    func testFileIsCreated0660AndLastAdminIsKept() throws {
        try h.ok(["init", "--rehearsal"])
        let mode = (try FileManager.default.attributesOfItem(atPath: h.db)[.posixPermissions] as? NSNumber)?.intValue
        XCTAssertEqual(mode, 0o660)
        let r = try h.run(["staff", "set-role", GridroomHarness.login, "--role", "operator"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("是最后一位在用的管理员；请先指定另一位管理员"), r.err)
        XCTAssertTrue(try h.ok(["staff", "list", "--format", "csv"]).contains("\(GridroomHarness.login),\(GridroomHarness.login),admin,1"))
    }

    /// The shared-group set-up of Docs/reliability.md, for real: a setgid directory of group nogroup, the file
    /// 0660 in it. nobody (a group member, not on the staff) can open the file for writing, and so its refused
    /// write is recorded in the audit trail; its reads work.
    func testUnknownUserInTheGroupIsRefusedAndRecorded() throws {
        try requireRootAndSetpriv()
        XCTAssertEqual(chown(h.dir.path, 0, 65534), 0)
        XCTAssertEqual(chmod(h.dir.path, 0o2770), 0)
        try h.ok(["init", "--rehearsal"])
        let st = try FileManager.default.attributesOfItem(atPath: h.db)
        XCTAssertEqual((st[.groupOwnerAccountID] as? NSNumber)?.intValue, 65534, "the setgid directory gives the file its group")
        let list = try h.run(["staff", "list"], prefix: asNobody)
        XCTAssertEqual(list.status, 0, list.err)
        let add = try h.run(["staff", "add", "nobody", "--name", "冒名", "--role", "admin"], prefix: asNobody)
        XCTAssertEqual(add.status, 1)
        XCTAssertTrue(add.err.contains("nobody 不在指挥室人员名单中"), add.err)
        let db = try h.open()
        XCTAssertEqual(try db.count("SELECT count(*) FROM staff WHERE login = 'nobody'"), 0)
        XCTAssertEqual(try db.first("SELECT action || ' ' || target || ' ' || allowed FROM audit WHERE actor = 'nobody'") { $0.text(0) },
                       "staff nobody 0")
    }

    func testUserOutsideTheGroupGetsAClearMessage() throws {
        try requireRootAndSetpriv()
        try h.ok(["init", "--rehearsal"])                               // 0660 root:root in a directory nobody may enter
        XCTAssertEqual(chmod(h.dir.path, 0o755), 0)
        let r = try h.run(["staff", "list"], prefix: asNobody)
        XCTAssertEqual(r.status, 1)
        XCTAssertFalse(r.signalled)
        XCTAssertTrue(r.err.contains("\(h.db)：没有读取权限"), r.err)
    }

    /// A staff member who may read the file but not write it (0664, a directory they cannot write): they get the
    /// views, and each write is refused naming why — not SQLite's "unable to open database file".
    func testReadOnlyFileForAStaffMember() throws {
        try requireRootAndSetpriv()
        try h.ok(["init", "--demo"])
        try h.ok(["staff", "add", "nobody", "--name", "值班员", "--role", "operator"])
        XCTAssertEqual(chmod(h.db, 0o664), 0)
        XCTAssertEqual(chmod(h.dir.path, 0o755), 0)
        let before = try DatabaseDump.tables(path: h.db)
        for s in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: h.db + s) }
        let list = try h.run(["staff", "list", "--format", "csv"], prefix: asNobody)
        XCTAssertEqual(list.status, 0, list.err)
        XCTAssertTrue(list.out.contains("nobody,值班员,operator,1"), list.out)
        let new = try h.run(["case", "new", "--source", "hotline", "--grid", "DH-01-01", "--category", "SR03", "--title", "油污"], prefix: asNobody)
        XCTAssertEqual(new.status, 1)
        XCTAssertFalse(new.signalled)
        XCTAssertTrue(new.err.contains("以只读方式打开（此用户不能写这个文件（Permission denied））：此操作需要写入"), new.err)
        XCTAssertEqual(try DatabaseDump.tables(path: h.db), before)
    }

    func testReadOnlyFlagRefusesWritesClearly() throws {
        try h.ok(["init", "--rehearsal"])
        let before = try DatabaseDump.tables(path: h.db)
        for (args, env) in [(["--read-only", "staff", "add", "op1", "--name", "甲", "--role", "operator"], [String: String]()),
                            (["staff", "add", "op1", "--name", "甲", "--role", "operator"], ["GRIDROOM_READ_ONLY": "1"])] {
            let r = try h.run(args, env: env)
            XCTAssertEqual(r.status, 1, r.err)
            XCTAssertTrue(r.err.contains("以只读方式打开（按 --read-only 打开）：此操作需要写入，未做任何改动"), r.err)
            let list = try h.run(["--read-only", "staff", "list"], env: env)
            XCTAssertEqual(list.status, 0, list.err)
        }
        XCTAssertEqual(try DatabaseDump.tables(path: h.db), before)
    }

    /// A read-only directory (a read-only bind mount over the test directory): reads and `check` work, writes are
    /// refused with a message naming the reason — not "unable to open database file", and no crash.
    func testReadOnlyDirectoryReadsAndRefusesWrites() throws {
        try h.ok(["init", "--rehearsal"])
        try h.ok(["staff", "add", "op1", "--name", "值班员甲", "--role", "operator"])
        let before = try DatabaseDump.tables(path: h.db)
        let ro = ["/usr/bin/unshare", "-m", "/bin/sh", "-c",
                  "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" && exec \"$@\"", h.dir.path]
        let probe = try h.run(["--help"], prefix: ro)
        try XCTSkipUnless(probe.status == 0, "cannot make a read-only bind mount here: \(probe.err)")
        let list = try h.run(["staff", "list", "--format", "csv"], prefix: ro)
        XCTAssertEqual(list.status, 0, list.err)
        XCTAssertTrue(list.out.contains("op1,值班员甲,operator,1"), list.out)
        XCTAssertEqual(try h.run(["check"], prefix: ro).status, 0)
        let add = try h.run(["staff", "add", "op2", "--name", "乙", "--role", "operator"], prefix: ro)
        XCTAssertEqual(add.status, 1)
        XCTAssertFalse(add.signalled)
        XCTAssertTrue(add.err.contains("以只读方式打开（此用户不能写这个文件（Read-only file system））"), add.err)
        let imp = try h.run(["import", "departments", try h.file("d.csv", "code,name,platform\nX1,部门,services\n")], prefix: ro)
        XCTAssertEqual(imp.status, 1)
        XCTAssertTrue(imp.err.contains("只读"), imp.err)
        XCTAssertEqual(try DatabaseDump.tables(path: h.db), before)
    }
}

extension GridroomHarness {
    /// The OS login the tests run as (the admin of every file they create).
    static var login: String {
        if let pw = getpwuid(getuid()), let n = pw.pointee.pw_name { return String(cString: n) }
        return "uid\(getuid())"
    }
}
