import XCTest
import GridCore
import GridStore
@testable import GridConsole

/// 重大事项: a major matter taken in at one terminal raises the banner and the bell on another at its next tick.
final class ConsoleMajorAlertTests: XCTestCase {
    func testAMajorMatterTakenInElsewhereRingsOnTheNextTick() throws {
        let store = try Fixture.store()
        final class Box: @unchecked Sendable { var t = Fixture.now }
        let box = Box()
        let second = ConsoleApp(store: try Store.open(path: store.path), language: .zh, clock: ConsoleClock { box.t },
                                actor: try store.actor(login: "tester"), actions: .none)
        let s = MemorySurface(rows: 40, cols: 120)
        second.tick(); second.draw(s)
        XCTAssertNil(second.banner)
        // The first terminal takes a major matter in at 10:00:00.2; the second ticks 0.8 s later (ticks are 1 s apart at most).
        var intake = MatterIntake(reportedAt: Fixture.now, source: .hotline, grid: "G01", category: "C1", title: "群体性纠纷苗头")
        intake.major = true
        let number = try store.intake(intake, by: try store.actor(login: "tester"), now: Fixture.now.addingTimeInterval(0.2)).number
        box.t = Fixture.now.addingTimeInterval(1)
        XCTAssertTrue(second.tick())
        second.draw(s)
        // The banner names number, urgency, category, grid and title (issue 14's banner).
        XCTAssertEqual(s.line(1), " ▲ 重大事项：\(number) 一般 邻里纠纷 G01 群体性纠纷苗头")
        XCTAssertEqual(s.alerts, 1)
        // The overview counts it and names it under the counters (the banner pushes them down a line).
        XCTAssertTrue(s.line(4).contains("重大事项：\(number) 群体性纠纷苗头"), s.line(4))
        XCTAssertTrue(s.line(3).hasSuffix("挂账 1   重大事项 1"), s.line(3))   // below the banner
    }
}
