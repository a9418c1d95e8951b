import XCTest
import GridCore
@testable import GridStore

/// Issue 13 §5: staff can be switched off (停用) and on by an admin, audited; the last active admin is protected;
/// a switched-off user is told when and by whom.
final class StaffActiveTests: XCTestCase {
    func testDeactivateAndActivateAreAuditedAndTheRefusalSaysWhenAndByWhom() throws {
        let f = try MatterFixture()
        let admin = try f.actor("admin")
        // 2026-11-22T23:30+08:00 is still the 22nd in the township (15:30 UTC).
        try f.store.setActive(login: "op", active: false, by: admin, now: f.at("2026-11-22T23:30"))
        let op = try f.actor("op")
        XCTAssertNil(op.role)
        XCTAssertThrowsError(try f.new("2026-11-23T08:00")) { error in
            XCTAssertEqual("\(error)", "op was deactivated on 2026-11-22 by admin; ask an admin to run `gridroom staff activate op`")
        }
        XCTAssertEqual(try f.count("SELECT count(*) FROM audit WHERE action = 'staff_deactivate' AND target = 'op' AND actor = 'admin' AND allowed = 1"), 1)
        XCTAssertEqual(try f.count("SELECT count(*) FROM audit WHERE actor = 'op' AND allowed = 0"), 1)
        try f.store.setActive(login: "op", active: true, by: admin, now: f.at("2026-11-23T08:00"))
        XCTAssertEqual(try f.actor("op").role, .operator_)
        try f.new("2026-11-23T08:01")
        XCTAssertEqual(try f.count("SELECT count(*) FROM audit WHERE action = 'staff_activate' AND target = 'op'"), 1)
        XCTAssertEqual(try f.count("SELECT count(*) FROM staff WHERE login = 'op' AND deactivated_at IS NULL AND deactivated_by IS NULL"), 1)
    }

    func testOnlyAnAdminMaySwitchPeopleOffAndTheLastActiveAdminStays() throws {
        let f = try MatterFixture()
        XCTAssertThrowsError(try f.store.setActive(login: "op", active: false, by: f.actor("sup"), now: f.at("2026-11-22T09:00"))) {
            XCTAssertTrue("\($0)".contains("needs the role admin"), "\($0)")
        }
        XCTAssertEqual(try f.count("SELECT active FROM staff WHERE login = 'op'"), 1)
        XCTAssertThrowsError(try f.store.setActive(login: "admin", active: false, by: f.actor("admin"), now: f.at("2026-11-22T09:00"))) { error in
            guard case StoreError.lastAdmin("admin") = error else { return XCTFail("\(error)") }
        }
        // With a second admin the first may go; then the second is the last one.
        try f.store.setRole(login: "sup", role: .admin, by: f.actor("admin"), now: f.at("2026-11-22T09:01"))
        try f.store.setActive(login: "admin", active: false, by: f.actor("sup"), now: f.at("2026-11-22T09:02"))
        XCTAssertThrowsError(try f.store.setActive(login: "sup", active: false, by: f.actor("sup"), now: f.at("2026-11-22T09:03")))
        XCTAssertThrowsError(try f.store.setActive(login: "nobody", active: false, by: f.actor("sup"), now: f.at("2026-11-22T09:03"))) {
            XCTAssertEqual($0 as? StoreError, .unknownCode(.staff, "nobody"))
        }
    }

    func testAccountSwitchedOffBeforeTheMigrationSaysTheDateIsUnknown() throws {
        let f = try MatterFixture()   // 'gone' is inactive from the fixture's plain INSERT, with no who or when
        XCTAssertThrowsError(try f.store.intake(MatterIntake(reportedAt: f.at("2026-11-23T08:00"), source: .hotline, grid: "G1",
                                                             category: "WJ", title: "x"), by: f.actor("gone"), now: f.at("2026-11-23T08:00"))) {
            XCTAssertTrue("\($0)".contains("gone was deactivated on an unknown date by an unknown admin"), "\($0)")
        }
    }
}
