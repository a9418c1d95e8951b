import XCTest
import CSQLite
import GridCore
@testable import GridStore

/// Issue 13 §1: live and rehearsal (演练) files; history only moves forward; reads never write; breaches are
/// recorded by writers only, at the due instant, never after the real clock, and never by waiting.
final class ClockTests: XCTestCase {
    func testModeIsChosenAtCreateAndKeptInTheFile() throws {
        let f = try MatterFixture()
        XCTAssertEqual(f.store.mode, .rehearsal)
        XCTAssertTrue(try Store.open(path: f.path).isRehearsal)
        let live = f.dir + "/live.sqlite"
        _ = try Store.create(path: live, zone: .shanghai, admin: Staff(login: "root", name: "r", role: .admin), now: Date(), mode: .live)
        let reopened = try Store.open(path: live)
        XCTAssertEqual(reopened.mode, .live)
        XCTAssertFalse(reopened.isRehearsal)
    }

    func testLiveFileRefusesWritesDatedAwayFromTheRealClock() throws {
        let f = try MatterFixture()
        let live = f.dir + "/live.sqlite"
        let store = try Store.create(path: live, zone: .shanghai, admin: Staff(login: "root", name: "r", role: .admin), now: Date(), mode: .live)
        let root = try store.actor(login: "root")
        let real = Date()
        // Seven weeks back, and five years ahead: both refused, nothing written.
        for given in [real.addingTimeInterval(-49 * 86_400), real.addingTimeInterval(5 * 365 * 86_400)] {
            XCTAssertThrowsError(try store.addStaff(Staff(login: "op", name: "值班员", role: .operator_), by: root, now: given)) { error in
                guard case StoreError.clockDisagrees = error else { return XCTFail("\(error)") }
            }
        }
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM staff"), 1)
        // The real clock is accepted.
        try store.addStaff(Staff(login: "op", name: "值班员", role: .operator_), by: root, now: Date())
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM staff"), 2)
    }

    func testNoEventIsEarlierThanTheMattersPreviousEvent() throws {
        let f = try MatterFixture()   // a rehearsal file: a fixed clock is allowed, going back is not
        let n = try f.new("2026-11-20T08:00").number
        try f.move(n, .dispatch, as: "op", at: "2026-11-20T08:10")
        XCTAssertThrowsError(try f.move(n, .feedback, as: "op", at: "2026-10-01T09:00", note: "done")) { error in
            guard case StoreError.eventBeforePrevious(let number, _, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(number, n)
        }
        // Nothing of the refused move was kept: two events, version 2, still dispatched, no audit row for it.
        XCTAssertEqual(try f.count("SELECT count(*) FROM events"), 2)
        let m = try XCTUnwrap(f.store.matter(number: n))
        XCTAssertEqual(m.version, 2); XCTAssertEqual(m.state, .dispatched)
        XCTAssertEqual(try f.count("SELECT count(*) FROM audit WHERE action = 'feedback'"), 0)
        // The same instant as the previous event, and later, are fine.
        try f.move(n, .comment, as: "op", at: "2026-11-20T08:10", note: "同一时刻")
        try f.move(n, .feedback, as: "op", at: "2026-11-20T09:00", note: "已处理")
        XCTAssertEqual(try f.count("SELECT count(*) FROM events"), 4)
    }

    func testReadsWriteNothingAndCountPendingBreaches() throws {
        let f = try MatterFixture()
        // WJ: dispatch 30 min, handling 2 h. Two matters dispatched at 08:10 (handling due 10:10); one is fed back in time.
        let a = try f.new("2026-11-20T08:00").number, b = try f.new("2026-11-20T08:01").number
        try f.move(a, .dispatch, as: "op", at: "2026-11-20T08:10")
        try f.move(b, .dispatch, as: "op", at: "2026-11-20T08:10")
        try f.move(b, .feedback, as: "op", at: "2026-11-20T09:00", note: "已处理")
        try f.move(b, .verifyPass, as: "op", at: "2026-11-20T09:30", note: "核查属实")   // closed in time
        let later = f.at("2026-11-21T12:00")
        let changes = { try f.store.db.scalarInt("SELECT total_changes()") }
        let before = try changes()
        _ = try f.store.matters(MatterFilter(), now: later, limit: 50)
        let _: (Matter, [StageRecord], [MatterEvent]) = try f.store.matterDetail(number: a)
        _ = try f.store.matterDetail(number: a) as MatterDetail?
        let rows = try f.store.evaluation(month: LocalMonth(year: 2026, month: 11)!, by: .department, asOf: later)
        XCTAssertEqual(try changes(), before, "a read wrote")
        XCTAssertEqual(try f.count("SELECT count(*) FROM events WHERE kind = 'overdue'"), 0)
        // By hand: both had handling due in November with ZF; a is past due at `later` though unrecorded → 1 overdue;
        // b closed before its deadline → not overdue.
        XCTAssertEqual(rows.map(\.key), ["ZF"])
        XCTAssertEqual(rows[0].counts.due, 2)
        XCTAssertEqual(rows[0].counts.overdue, 1)
    }

    func testSweepStampsTheDueInstantAndNeverPassesTheRealClock() throws {
        let f = try MatterFixture()
        let a = try f.new("2026-11-20T08:00").number            // dispatch due 08:30
        let b = try f.new("2026-11-20T09:00").number            // dispatch due 09:30
        // The rehearsal clock says the 21st, but the real clock (as given) is 09:00 on the 20th: only a's breach is real yet.
        XCTAssertEqual(try f.store.sweepOverdue(now: f.at("2026-11-21T00:00"), real: f.at("2026-11-20T09:00")), .recorded(1))
        let (_, _, eventsA) = try f.store.matterDetail(number: a)
        let ev = eventsA.last
        XCTAssertEqual(ev?.kind, .overdue); XCTAssertEqual(ev?.at, f.at("2026-11-20T08:30"))
        let (_, _, eventsB) = try f.store.matterDetail(number: b)
        XCTAssertEqual(eventsB.map(\.kind), [.intake])
        XCTAssertEqual(try f.count("SELECT count(*) FROM events WHERE at > ?", [.of(f.at("2026-11-20T09:00"))]), 0)
    }

    func testSweepSkipsABusyFileWithoutWaiting() throws {
        let f = try MatterFixture()
        try f.new("2026-11-20T08:00")
        // The other connection lets go after half a second: a sweep that waited would then get the lock and
        // record the breach; one that does not wait has already returned `.busy` with nothing written.
        let other = LockHolder(db: try Database(path: f.path, create: false))
        try other.db.execute("BEGIN EXCLUSIVE")
        let released = expectation(description: "released")
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { try? other.db.execute("ROLLBACK"); released.fulfill() }
        XCTAssertEqual(try f.store.sweepOverdue(now: f.at("2026-11-20T09:00"), real: f.at("2026-11-20T09:00")), .busy)
        wait(for: [released], timeout: 10)
        XCTAssertEqual(try f.count("SELECT count(*) FROM events WHERE kind = 'overdue'"), 0)
        // The busy timeout is back for ordinary writes, and the next sweep catches up.
        XCTAssertEqual(try f.store.sweepOverdue(now: f.at("2026-11-20T09:00"), real: f.at("2026-11-20T09:00")), .recorded(1))
    }
}

/// Another process's connection, used from one other thread only.
final class LockHolder: @unchecked Sendable {
    let db: Database
    init(db: Database) { self.db = db }
}
