import XCTest
import GridCore
@testable import GridStore

/// The store's write entry points refuse control characters whichever front end calls them (issue 13 §2).
final class TextSafetyStoreTests: XCTestCase {
    var dir: URL!
    var store: Store!
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let admin = Actor(login: "admin", staff: Staff(login: "admin", name: "管理员", role: .admin))

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-textsafety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        store = try Store.create(path: dir.appendingPathComponent("t.sqlite").path, zone: .shanghai,
                                 admin: Staff(login: "admin", name: "管理员", role: .admin), now: now)
    }

    override func tearDownWithError() throws { store = nil; try? FileManager.default.removeItem(at: dir) }

    func refused(_ field: String, _ scalar: Unicode.Scalar, _ body: () throws -> Void) {
        XCTAssertThrowsError(try body()) { e in
            XCTAssertEqual((e as? UnsafeTextError)?.field, field, "\(e)")
            XCTAssertEqual((e as? UnsafeTextError)?.scalar, scalar, "\(e)")
        }
    }

    func testEveryWriteEntryPointRefusesControls() throws {
        refused("name", "\u{1B}") { try store.addStaff(Staff(login: "bob", name: "Bob\u{1B}[2J", role: .operator_), by: admin, now: now) }
        refused("name", "\u{202E}") { try store.setCalendarDay(LocalDate(iso: "2027-01-01")!, workday: false, name: "元旦\u{202E}", by: admin, now: now) }
        refused("near_due_share", "\u{08}") { try store.setSetting("near_due_share", "0.2\u{08}", by: admin, now: now) }
        _ = try store.startShift(by: admin, now: now)
        refused("handover_note", "\u{07}") { try store.saveHandoverNote("交班\u{07}", by: admin, now: now) }
        refused("handover_note", "\u{9B}") { try store.endShift(note: "x\u{9B}2J", by: admin, now: now) }
        // A multi-line note takes line breaks and emoji.
        try store.saveHandoverNote("第一行\n第二行 👨‍👩‍👧", by: admin, now: now)
        refused("name", "\u{0}") {
            _ = try Store.create(path: dir.appendingPathComponent("u.sqlite").path, zone: .shanghai,
                                 admin: Staff(login: "root", name: "a\u{0}b", role: .admin), now: now)
        }
        // Nothing of the refused writes is there.
        XCTAssertEqual(try store.staffList().map(\.login), ["admin"])
        XCTAssertNil(try store.setting("near_due_share"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("u.sqlite").path))
    }
}
