import XCTest
import GridCore
@testable import GridStore
@testable import GridConsole

/// Today's patrol per grid on the overview and the map, read like the compliance board (look-back of the suspect
/// limit plus flagged long sessions): overlaps once, an ongoing session up to now, a session crossing midnight
/// counted from 00:00, an unconfirmed suspect session not at all.
final class ConsolePatrolTodayTests: XCTestCase {
    func testTodaysMinutesPerGrid() throws {
        let store = try Fixture.store()
        let t = Int(Fixture.now.timeIntervalSince1970), h = Fixture.hour
        try store.db.write {
            // G03: 22:00 yesterday → 01:30 today (now is 10:00, so t − 12 h → t − 8.5 h): 90 min today.
            try store.db.run("INSERT INTO patrols(worker, grid, start_at, end_at, created_at, created_by) VALUES ('W1','G03',?,?,?,'t')",
                             [.of(t - 12 * h), .of(t - 17 * h / 2), .of(t)])
            // G03: 14:00 yesterday → 09:00 today, 19 h, flagged suspect and not confirmed: not counted.
            try store.db.run("INSERT INTO patrols(worker, grid, start_at, end_at, suspect, created_at, created_by) VALUES ('W2','G03',?,?,1,?,'t')",
                             [.of(t - 20 * h), .of(t - h), .of(t)])
        }
        // G01: 07:00–09:30 = 150. G02: 08:00–09:00 ∪ 08:30–09:10 = 08:00–09:10 = 70, plus ongoing 09:40–10:00 = 20 → 90.
        let minutes = try store.patrolMinutesToday(now: Fixture.now)
        XCTAssertEqual(minutes.map { "\($0.code) \($0.minutes)" }, ["G01 150", "G02 90", "G03 90"])
        // Against the 120-minute mark: G01 met; G02 and G03 under; none without patrol.
        let f = try store.overview(now: Fixture.now)
        XCTAssertEqual([f.gridsMet, f.gridsUnder, f.gridsNobody], [1, 2, 0])
        let map = try store.gridMapCells(now: Fixture.now)
        XCTAssertEqual(map.map { "\($0.code) \($0.minutesToday)" }, ["G01 150", "G02 90", "G03 90"])
    }
}
