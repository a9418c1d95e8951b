import Foundation
import XCTest
import GridCore
@testable import GridStore

/// A stored code the program does not know is an error naming its table, column and value — never read as a
/// default (as `?? .basic`, `?? .operator_` did). The schema's CHECKs keep most columns clean; these are the
/// columns without one, or a file altered behind the program's back.
final class StoredValueDecodingTests: XCTestCase {
    func testUnknownEventKindNamesTableColumnAndValue() throws {
        let f = try MatterFixture()
        let n = try f.new("2026-11-20T08:00").number
        let id = try XCTUnwrap(f.store.matter(number: n)).id
        try f.store.db.run("INSERT INTO events(matter_id, at, kind, actor, note) VALUES (?, 0, 'teleport', 'x', '')", [.of(id)])
        XCTAssertThrowsError(try f.store.history(ofMatter: id)) {
            XCTAssertEqual($0 as? StoreError, .unknownStoredValue(table: "events", column: "kind", value: "teleport"))
        }
        XCTAssertThrowsError(try f.store.matterDetail(number: n) as MatterDetail?) {
            XCTAssertEqual($0 as? StoreError, .unknownStoredValue(table: "events", column: "kind", value: "teleport"))
        }
    }

    func testUnknownLevelOrRoleIsNotReadAsADefault() throws {
        let f = try MatterFixture()
        // Written by a newer program: a level and a role this one does not know (CHECKs dropped to plant them).
        try f.store.db.execute("""
            PRAGMA ignore_check_constraints = ON;
            INSERT INTO grids(code, name, level, parent, map_row, map_col) VALUES ('Z','新层级','district',NULL,NULL,NULL);
            INSERT INTO staff(login, name, role, active, created_at) VALUES ('ghost','幽灵','auditor',1,0);
            PRAGMA ignore_check_constraints = OFF;
            """)
        XCTAssertThrowsError(try f.store.grids()) {
            XCTAssertEqual($0 as? StoreError, .unknownStoredValue(table: "grids", column: "level", value: "district"))
        }
        XCTAssertThrowsError(try f.store.staffList()) {
            XCTAssertEqual($0 as? StoreError, .unknownStoredValue(table: "staff", column: "role", value: "auditor"))
        }
    }

    func testTheWordingNamesItInBothLanguages() {
        let e = StoreError.unknownStoredValue(table: "events", column: "kind", value: "teleport")
        XCTAssertTrue(e.words(.zh).contains("events.kind 的值「teleport」"), e.words(.zh))
        XCTAssertTrue(e.words(.en).contains("events.kind holds \"teleport\""), e.words(.en))
    }
}
