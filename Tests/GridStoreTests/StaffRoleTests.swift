import XCTest
import GridCore
@testable import GridStore

/// Roles at the store: who may manage staff, refusals recorded in the audit trail, the trail append-only,
/// the last admin kept.
final class StaffRoleTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    var dir: TestDirectory!

    override func setUpWithError() throws { dir = try TestDirectory("roles") }
    override func tearDown() { dir = nil }

    func testRolesAndAudit() throws {
        let store = try Store.create(path: dir.path("r.sqlite"), zone: .shanghai, admin: Staff(login: "root", name: "r", role: .admin), now: now)
        let root = try store.actor(login: "root")
        try store.addStaff(Staff(login: "op1", name: "值班员甲", role: .operator_), by: root, now: now)
        let op = try store.actor(login: "op1")
        XCTAssertEqual(op.role, .operator_)
        XCTAssertThrowsError(try store.addStaff(Staff(login: "x", name: "x", role: .admin), by: op, now: now)) {
            XCTAssertTrue("\($0)".contains("needs the role admin"), "\($0)")
        }
        let stranger = try store.actor(login: "mallory")
        XCTAssertNil(stranger.role)
        XCTAssertThrowsError(try store.setRole(login: "op1", role: .admin, by: stranger, now: now))
        // Two refusals and the staff_add are in the audit trail; the trail cannot be edited.
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM audit WHERE allowed = 0"), 2)
        XCTAssertThrowsError(try store.db.run("DELETE FROM audit"))
        XCTAssertThrowsError(try store.setRole(login: "root", role: .operator_, by: root, now: now)) {
            XCTAssertTrue("\($0)".contains("last active admin"), "\($0)")
        }
    }
}
