import XCTest
import GridCore
@testable import GridStore

/// Guarantee 4 (issue 8), at the store: nobody writes where they don't belong, refusals are recorded,
/// history cannot be edited or deleted, the file is created for owner and group only, read-only opens refuse writes.
final class AccessControlTests: XCTestCase {
    var fx: ReliabilityFixture!
    override func setUpWithError() throws { fx = try ReliabilityFixture(name: "access") }
    override func tearDown() { fx = nil }

    func refusals(_ login: String) throws -> [String] {
        try fx.store.db.query("SELECT action || ' ' || target FROM audit WHERE actor = ? AND allowed = 0 ORDER BY id", [.text(login)]) { $0.text(0) }
    }

    func testUnknownUserMayNotWriteAndTheRefusalIsRecorded() throws {
        let mallory = try fx.store.actor(login: "mallory")
        XCTAssertNil(mallory.role)
        let staffBefore = try fx.store.staffList()
        XCTAssertThrowsError(try fx.store.addStaff(Staff(login: "mallory", name: "M", role: .admin), by: mallory, now: fx.now)) { e in
            XCTAssertEqual(e as? StoreError, .refusedRole(login: "mallory", action: .manageStaff, role: nil, needed: .admin))
        }
        let grids = fx.file("g2.csv", "code,name,level,parent,row,col\nB9,西村,basic,A1,2,1\n")
        let gridsBefore = try fx.count("grids"), logBefore = try fx.count("import_log")
        XCTAssertThrowsError(try fx.store.importGrids(path: grids, actor: mallory, now: fx.now))
        XCTAssertThrowsError(try fx.store.setCalendarDay(LocalDate(iso: "2026-12-01")!, workday: false, name: "x", by: mallory, now: fx.now))
        // Nothing written…
        XCTAssertEqual(try fx.store.staffList(), staffBefore)
        XCTAssertEqual(try fx.count("grids"), gridsBefore)
        XCTAssertEqual(try fx.count("import_log"), logBefore)
        XCTAssertEqual(try fx.count("calendar_days"), 0)
        // …and each of the three refusals recorded, with who, what and on what.
        XCTAssertEqual(try refusals("mallory"), ["staff mallory", "registry \(grids)", "registry 2026-12-01"])
    }

    func testRoleWithoutTheRightIsRefusedAndRecorded() throws {
        try fx.store.addStaff(Staff(login: "op1", name: "值班员甲", role: .operator_), by: fx.admin, now: fx.now)
        let op = try fx.store.actor(login: "op1")
        XCTAssertEqual(op.role, .operator_)
        XCTAssertThrowsError(try fx.store.setSetting("office_hours", "09:00-12:00,13:00-17:00", by: op, now: fx.now)) { e in
            XCTAssertEqual(e as? StoreError, .refusedRole(login: "op1", action: .changeLimits, role: .operator_, needed: .supervisor))
        }
        XCTAssertThrowsError(try fx.store.setRole(login: "op1", role: .admin, by: op, now: fx.now)) { e in
            XCTAssertEqual(e as? StoreError, .refusedRole(login: "op1", action: .manageStaff, role: .operator_, needed: .admin))
        }
        XCTAssertNil(try fx.store.setting("office_hours"))
        XCTAssertEqual(try fx.store.actor(login: "op1").role, .operator_)   // did not promote itself
        XCTAssertEqual(try refusals("op1"), ["limits office_hours", "staff op1"])
    }

    func testInactiveStaffMayNotWrite() throws {
        try fx.store.addStaff(Staff(login: "left", name: "已离岗", role: .supervisor), by: fx.admin, now: fx.now)
        try fx.store.db.run("UPDATE staff SET active = 0 WHERE login = 'left'")
        let gone = try fx.store.actor(login: "left")
        XCTAssertNil(gone.role)
        XCTAssertThrowsError(try fx.store.setSetting("office_hours", "09:00-12:00,13:00-17:00", by: gone, now: fx.now))
        XCTAssertEqual(try refusals("left"), ["limits office_hours"])
    }

    func testTheLastAdminCannotBeDemoted() throws {
        XCTAssertThrowsError(try fx.store.setRole(login: "root", role: .operator_, by: fx.admin, now: fx.now)) { e in
            XCTAssertEqual(e as? StoreError, .lastAdmin(login: "root"))
        }
        XCTAssertEqual(try fx.store.actor(login: "root").role, .admin)
    }

    func testAuditTrailIsAppendOnly() throws {
        let n = try fx.count("audit")
        XCTAssertGreaterThan(n, 0)
        XCTAssertThrowsError(try fx.store.db.run("UPDATE audit SET actor = 'someone else'")) { e in
            XCTAssertTrue("\(e)".contains("append-only"), "\(e)")
        }
        XCTAssertThrowsError(try fx.store.db.run("DELETE FROM audit"))
        XCTAssertThrowsError(try fx.store.db.write { try fx.store.db.run("DELETE FROM audit WHERE id = 1") })
        XCTAssertEqual(try fx.count("audit"), n)
        XCTAssertEqual(try fx.count("audit", "actor = 'someone else'"), 0)
    }

    func testMatterHistoryIsAppendOnly() throws {
        let db = fx.store.db
        try db.write {
            try db.run("""
                INSERT INTO matters(id, number, reported_at, source, grid, category, urgency, title, state, first_contact,
                                    created_at, updated_at, updated_by)
                VALUES (1, '20261122-0001', 1795829400, 'hotline', 'B1', 'C1', 'normal', '占道', 'new', 'root', 1795829400, 1795829400, 'root')
                """)
            try db.run("INSERT INTO events(matter_id, at, kind, to_state, actor) VALUES (1, 1795829400, 'intake', 'new', 'root')")
        }
        XCTAssertThrowsError(try db.run("UPDATE events SET actor = 'x'")) { e in XCTAssertTrue("\(e)".contains("append-only"), "\(e)") }
        XCTAssertThrowsError(try db.run("UPDATE events SET at = at - 86400 WHERE matter_id = 1"))
        XCTAssertThrowsError(try db.run("DELETE FROM events")) { e in XCTAssertTrue("\(e)".contains("append-only"), "\(e)") }
        XCTAssertEqual(try db.first("SELECT actor || ' ' || at FROM events") { $0.text(0) }, "root 1795829400")
    }

    func testFileIsCreatedForOwnerAndGroupOnlyWhateverTheUmask() throws {
        for mask: mode_t in [0o000, 0o022, 0o077] {
            let old = umask(mask)
            defer { umask(old) }
            let p = fx.dir.appendingPathComponent("umask\(mask).sqlite").path
            _ = try Store.create(path: p, zone: .shanghai, admin: fx.admin.staff!, now: fx.now)
            let mode = (try FileManager.default.attributesOfItem(atPath: p)[.posixPermissions] as? NSNumber)?.intValue
            XCTAssertEqual(mode, 0o660, "umask \(String(mask, radix: 8))")
        }
        // A backup copy is no more open than the original.
        let copy = fx.dir.appendingPathComponent("copy.sqlite").path
        try fx.store.backup(to: copy)
        XCTAssertEqual((try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as? NSNumber)?.intValue, 0o660)
    }

    func testExplicitReadOnlyOpenReadsButRefusesEveryWrite() throws {
        let before = try fx.dump()
        let ro = try Store.open(path: fx.dbPath, readOnly: true)
        XCTAssertTrue(ro.isReadOnly)
        XCTAssertEqual(try ro.staffList().map(\.login), ["root"])
        let admin = try ro.actor(login: "root")
        XCTAssertThrowsError(try ro.addStaff(Staff(login: "op2", name: "x", role: .operator_), by: admin, now: fx.now)) { e in
            XCTAssertEqual(e as? StoreError, .readOnly(path: fx.dbPath, reason: .asked))
        }
        XCTAssertThrowsError(try ro.importGrids(path: fx.file("g3.csv", "code,name,level,parent,row,col\nB7,x,basic,A1,,\n"),
                                                actor: admin, now: fx.now)) { e in
            XCTAssertTrue("\(e)".contains("read-only"), "\(e)")
        }
        XCTAssertThrowsError(try ro.db.run("INSERT INTO settings(key, value) VALUES ('x', 'y')"))  // SQLite itself refuses too
        XCTAssertEqual(try fx.dump(), before)
    }
}
