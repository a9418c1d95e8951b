import XCTest
import GridCore
@testable import GridStore
import GridTestSupport

/// `gridroom settings` in the store: defaults until set, supervisor or admin only, checked, audited old → new,
/// and a bad stored value named rather than replaced.
final class TownshipSettingsStoreTests: XCTestCase {
    func testSetShowAndAudit() throws {
        let f = try MatterFixture()
        let now = Date()
        XCTAssertEqual(try f.store.townshipSettings(), [
            TownshipSettingValue(setting: .urgentReminderMinutes, value: "10", stored: false),
            TownshipSettingValue(setting: .patrolDay, value: "08:00-20:00", stored: false),
            TownshipSettingValue(setting: .bell, value: "on", stored: false),
        ])
        XCTAssertTrue(try f.store.consoleBellOn())
        XCTAssertEqual(try f.store.urgentReminderMinutes(), 10)
        XCTAssertEqual(try f.store.patrolDay(), PatrolDay.standard)
        // The supervisor sets both; the text stored is the canonical one.
        XCTAssertEqual(try f.store.setTownshipSetting(key: "compliance.patrol_day", value: "7:30-19:00", by: f.actor("sup"), now: now), "07:30-19:00")
        try f.store.setTownshipSetting(key: "console.urgent_reminder_minutes", value: "5", by: f.actor("admin"), now: now)
        try f.store.setTownshipSetting(key: "console.urgent_reminder_minutes", value: "3", by: f.actor("sup"), now: now)
        try f.store.setTownshipSetting(key: "console.bell", value: "off", by: f.actor("sup"), now: now)
        XCTAssertFalse(try f.store.consoleBellOn())
        XCTAssertEqual(try f.store.townshipSettings().map(\.value), ["3", "07:30-19:00", "off"])
        XCTAssertEqual(try f.store.urgentReminderMinutes(), 3)
        XCTAssertEqual(try f.store.patrolDay(), PatrolDay(startMinute: 450, endMinute: 1_140))
        XCTAssertEqual(try f.store.db.query("SELECT actor, detail FROM audit WHERE action = 'limits' AND allowed = 1 ORDER BY id") { "\($0.text(0)) \($0.text(1))" },
                       ["sup (default) → 07:30-19:00", "admin (default) → 5", "sup 5 → 3", "sup (default) → off"])
        // An operator and a switched-off supervisor are refused (and that is audited); nothing changes.
        for login in ["op", "gone"] {
            XCTAssertThrowsError(try f.store.setTownshipSetting(key: "console.urgent_reminder_minutes", value: "1", by: f.actor(login), now: now))
        }
        XCTAssertEqual(try f.count("SELECT count(*) FROM audit WHERE action = 'limits' AND allowed = 0"), 2)
        XCTAssertEqual(try f.store.urgentReminderMinutes(), 3)
        // Unknown keys and values out of range are refused with the key named.
        XCTAssertThrowsError(try f.store.setTownshipSetting(key: "console.colour", value: "red", by: f.actor("sup"), now: now)) { error in
            guard case StoreError.badSetting("console.colour", _) = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try f.store.setTownshipSetting(key: "compliance.patrol_day", value: "20:00-08:00", by: f.actor("sup"), now: now))
        XCTAssertEqual(try f.store.patrolDay(), PatrolDay(startMinute: 450, endMinute: 1_140), "unchanged")
    }

    func testABadStoredValueIsNamedNotReplaced() throws {
        let f = try MatterFixture()
        try f.sql.execute("INSERT INTO settings(key, value) VALUES ('console.urgent_reminder_minutes', 'often'), ('compliance.patrol_day', '20-8')")
        for read in [{ _ = try f.store.urgentReminderMinutes() }, { _ = try f.store.townshipSettings() }] {
            XCTAssertThrowsError(try read()) { error in
                guard case StoreError.badSetting("console.urgent_reminder_minutes", _) = error else { return XCTFail("\(error)") }
            }
        }
        XCTAssertThrowsError(try f.store.patrolDay()) { error in
            XCTAssertEqual("\(error)", "setting compliance.patrol_day holds \"20-8\": expected HH:MM-HH:MM, the start before the end (e.g. 08:00-20:00); set it again with `gridroom settings set`")
        }
    }
}

/// `Store.demoActor` (GRIDROOM_DEMO_AS): an active staff member on a rehearsal file; refused otherwise.
final class DemoActorTests: XCTestCase {
    func testRehearsalOnlyActiveStaffOnly() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-demo-as-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let now = ISOTime.parse("2026-11-22T10:00:00+08:00", zone: .shanghai)!
        let store = try Store.create(path: dir.appendingPathComponent("r.sqlite").path, zone: .shanghai,
                                     admin: Staff(login: "root", name: "管理员", role: .admin), now: now, mode: .rehearsal)
        let root = try store.actor(login: "root")
        try store.addStaff(Staff(login: "duty1", name: "王建国", role: .dutyOfficer), by: root, now: now)
        try store.addStaff(Staff(login: "op2", name: "刘志明", role: .operator_), by: root, now: now)
        try store.setActive(login: "op2", active: false, by: root, now: now)
        let duty = try store.demoActor(login: "duty1")
        XCTAssertEqual(duty.login, "duty1")
        XCTAssertEqual(duty.role, .dutyOfficer)
        XCTAssertThrowsError(try store.demoActor(login: "ghost")) { error in
            XCTAssertEqual(error as? StoreError, .demoIdentity(login: "ghost", problem: .unknown(known: ["duty1", "root"])), "active logins only, sorted")
        }
        XCTAssertThrowsError(try store.demoActor(login: "op2")) { error in
            XCTAssertEqual(error as? StoreError, .demoIdentity(login: "op2", problem: .deactivated))
        }
        let live = try Store.create(path: dir.appendingPathComponent("l.sqlite").path, zone: .shanghai,
                                    admin: Staff(login: "root", name: "管理员", role: .admin), now: Date(), mode: .live)
        XCTAssertThrowsError(try live.demoActor(login: "root")) { error in
            guard case StoreError.demoIdentity("root", .liveFile) = error else { return XCTFail("\(error)") }
            XCTAssertTrue((error as! StoreError).words(.en).hasPrefix("GRIDROOM_DEMO_AS=root: "), "\(error)")
        }
    }
}
