import XCTest
import GridCore
@testable import GridStore

final class MatterIntakeTests: XCTestCase {
    func testNumbersFollowTheLocalReportedDay() throws {
        let f = try MatterFixture()
        XCTAssertEqual(try f.new("2026-11-20T08:00").number, "20261120-0001")
        XCTAssertEqual(try f.new("2026-11-20T23:30", grid: "G2").number, "20261120-0002")
        // 00:10 local on the 21st is still the 20th in UTC: numbered by the township's day.
        XCTAssertEqual(try f.new("2026-11-21T00:10", category: "ZY").number, "20261121-0001")
        XCTAssertEqual(try f.new("2026-11-20T12:00", grid: "G2", category: "ZY").number, "20261120-0003")
        let m = try XCTUnwrap(f.store.matter(number: "20261120-0001"))
        XCTAssertEqual(m.firstContact, "op")
        XCTAssertEqual(m.state, .new)
        XCTAssertEqual(m.version, 1)
        XCTAssertEqual(m.stage, .dispatch)
        XCTAssertEqual(m.stageDueAt, f.at("2026-11-20T08:30"))       // WJ dispatch limit 30min
        XCTAssertEqual(m.nearDueAt, f.at("2026-11-20T08:22:30"))     // 75% of 30 min = 22m30s
    }

    func testUrgentMattersUseTheTownshipLimits() throws {
        let f = try MatterFixture()
        let a = try f.new("2026-11-20T08:00", urgency: .urgent)
        XCTAssertEqual(try f.store.matter(number: a.number)?.stageDueAt, f.at("2026-11-20T08:10"))   // default 10min
        try f.store.setMatterSetting("urgent_dispatch_limit", "15min", by: f.actor("sup"), now: f.at("2026-11-20T08:01"))
        let b = try f.new("2026-11-20T09:00", grid: "G2", urgency: .urgent)
        XCTAssertEqual(try f.store.matter(number: b.number)?.stageDueAt, f.at("2026-11-20T09:15"))
        XCTAssertThrowsError(try f.store.setMatterSetting("urgent_dispatch_limit", "15min", by: f.actor("op"), now: f.at("2026-11-20T09:01")))
        XCTAssertThrowsError(try f.store.setMatterSetting("near_due_share", "2", by: f.actor("sup"), now: f.at("2026-11-20T09:01")))
    }

    func testPossibleDuplicatesAreFlagged() throws {
        let f = try MatterFixture()
        let first = try f.new("2026-11-20T08:00")
        XCTAssertEqual(try f.new("2026-11-21T07:59").possibleDuplicate, first.number)     // 23h59m later, same grid+category
        XCTAssertNil(try f.new("2026-11-20T09:00", grid: "G2").possibleDuplicate)           // other grid
        XCTAssertNil(try f.new("2026-11-20T09:00", category: "ZY").possibleDuplicate)       // other category
        XCTAssertNil(try f.new("2026-11-23T09:00").possibleDuplicate)                       // 3 days later
        try f.store.setMatterSetting("duplicate_window_hours", "96", by: f.actor("sup"), now: f.at("2026-11-23T10:00"))
        XCTAssertNotNil(try f.new("2026-11-23T11:00", grid: "G1").possibleDuplicate)
        XCTAssertEqual(try f.store.matter(number: "20261121-0001")?.duplicateOf, first.number)
    }

    func testIntakeAndDispatchIsOneTransactionAndForceDecides() throws {
        let f = try MatterFixture()
        let first = try f.new("2026-11-20T08:00")
        let m = MatterIntake(reportedAt: f.at("2026-11-20T09:00"), source: .hotline, grid: "G1", category: "WJ", title: "又一处违建")
        let before = try f.count("SELECT count(*) FROM events")
        // A possible duplicate, not forced: refused with its number, nothing written (no number used up either).
        XCTAssertThrowsError(try f.store.intake(m, dispatchTo: "ZF", force: false, by: f.actor("op"), now: f.at("2026-11-20T09:00"))) {
            XCTAssertEqual($0 as? StoreError, .possibleDuplicate(of: first.number))
        }
        XCTAssertEqual(try f.count("SELECT count(*) FROM matters"), 1)
        XCTAssertEqual(try f.count("SELECT last FROM matter_numbers"), 1)
        // An unknown department undoes the intake too: one transaction.
        XCTAssertThrowsError(try f.store.intake(m, dispatchTo: "NOPE", force: true, by: f.actor("op"), now: f.at("2026-11-20T09:00"))) {
            XCTAssertEqual($0 as? StoreError, .unknownCode(.department, "NOPE"))
        }
        XCTAssertEqual(try f.count("SELECT count(*) FROM matters"), 1)
        XCTAssertEqual(try f.count("SELECT count(*) FROM events"), before)
        // Forced: taken in and dispatched at once, two events, version 2.
        let r = try f.store.intake(m, dispatchTo: "ZF", force: true, by: f.actor("op"), now: f.at("2026-11-20T09:00"))
        let saved = try XCTUnwrap(f.store.matter(number: r.number))
        XCTAssertEqual(saved.state, .dispatched); XCTAssertEqual(saved.department, "ZF"); XCTAssertEqual(saved.version, 2)
        XCTAssertEqual(try f.store.history(ofMatter: saved.id).map(\.kind), [.intake, .dispatch])
        XCTAssertEqual(saved.duplicateOf, first.number)
    }

    func testBadIntakeNamesTheField() throws {
        let f = try MatterFixture()
        func refused(_ m: MatterIntake, _ expected: StoreError) {
            XCTAssertThrowsError(try f.store.intake(m, by: f.actor("op"), now: f.at("2026-11-20T10:00"))) { e in
                XCTAssertEqual(e as? StoreError, expected)
            }
        }
        let t = f.at("2026-11-20T09:00")
        refused(MatterIntake(reportedAt: t, source: .gridWorker, grid: "G1", category: "WJ", title: "x"),
                .badField(name: "reporter", problem: .empty))
        refused(MatterIntake(reportedAt: t, source: .gridWorker, reporter: "W9", grid: "G1", category: "WJ", title: "x"),
                .unknownCode(.worker, "W9"))
        refused(MatterIntake(reportedAt: t, source: .hotline, grid: "G9", category: "WJ", title: "x"), .unknownCode(.grid, "G9"))
        refused(MatterIntake(reportedAt: t, source: .hotline, grid: "G1", category: "XX", title: "x"), .unknownCode(.category, "XX"))
        refused(MatterIntake(reportedAt: t, source: .hotline, grid: "G1", category: "WJ", title: "  "), .badField(name: "title", problem: .empty))
        // More than `TimeRules.futureTolerance` (300 s) ahead of now (10:00) is refused; 10:05 itself is clock skew.
        let ahead = f.at("2026-11-20T10:05").addingTimeInterval(1)
        refused(MatterIntake(reportedAt: ahead, source: .hotline, grid: "G1", category: "WJ", title: "x"),
                .badField(name: "reported_at", problem: .inFuture(ahead, now: f.at("2026-11-20T10:00"))))
        XCTAssertEqual(try f.count("SELECT count(*) FROM matters"), 0)
        XCTAssertEqual(try f.count("SELECT count(*) FROM matter_numbers"), 0)   // nothing half-written
    }
}
