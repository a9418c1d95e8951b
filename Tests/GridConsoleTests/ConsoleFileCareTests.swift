import XCTest
import Foundation
import GridCore
@testable import GridStore
@testable import GridConsole

/// Issue 13 at the console: the rehearsal (演练) mark on the status line, the red banner on a damaged file,
/// and a write that must wait for another process's lock says so before it waits, keeping the typed form.
final class ConsoleFileCareTests: XCTestCase {
    func testRehearsalFilesAreMarkedOnTheStatusLineAndLiveFilesAreNot() throws {
        let rehearsal = try Fixture.store()
        let s = MemorySurface(rows: 24, cols: 80)
        let app = try Fixture.app(rehearsal)
        app.reloadCurrent(); app.draw(s)
        XCTAssertTrue(s.line(22).contains("[演练]"), s.line(22))

        let livePath = Fixture.path()
        let live = try Store.create(path: livePath, zone: .shanghai, admin: Staff(login: "tester", name: "测试员", role: .admin),
                                    now: Date(), mode: .live)
        let liveApp = try Fixture.app(live)
        liveApp.reloadCurrent(); liveApp.draw(s)
        XCTAssertFalse(s.text.contains("演练"), s.text)
    }

    func testADeactivatedUserIsToldWhenAndByWhom() throws {
        let store = try Fixture.store()
        try store.addStaff(Staff(login: "op1", name: "值班员", role: .operator_), by: store.actor(login: "tester"), now: Fixture.now)
        // 2026-11-22 10:00 +08:00: the township's day is the 22nd.
        try store.setActive(login: "op1", active: false, by: store.actor(login: "tester"), now: Fixture.now)
        let app = ConsoleApp(store: store, language: .zh, clock: FixedClock.at(Fixture.now), actor: try store.actor(login: "op1"), actions: .none)
        let s = MemorySurface(rows: 24, cols: 80)
        app.reloadCurrent(); app.draw(s)
        XCTAssertTrue(app.readOnly)
        XCTAssertTrue(s.line(22).contains("op1 已于 2026-11-22 被 tester 停用：只能查看"), s.line(22))
    }

    func testADamagedFileRaisesARedBannerThatEscapeDoesNotDismiss() throws {
        let store = try Fixture.store()
        Store.markDamaged(path: store.db.path, detail: "integrity check: *** in database main *** Page 40: btreeInitPage() returns error code 11")
        defer { Store.clearDamageMark(path: store.db.path) }
        let reopened = try Store.open(path: store.db.path)
        let app = try Fixture.app(reopened)
        let s = MemorySurface(rows: 24, cols: 80)
        app.reloadCurrent(); app.draw(s)
        XCTAssertTrue(s.line(1).contains("数据库文件已损坏"), s.line(1))
        XCTAssertEqual(s.cell(1, 0).role, .banner)   // white on red in curses
        app.handle(.escape); app.draw(s)
        XCTAssertTrue(s.line(1).contains("数据库文件已损坏"), s.line(1))
        XCTAssertTrue(app.readOnly)                  // and writes are refused on it
    }

    func testAWriteThatMustWaitSaysSoBeforeWaiting() throws {
        let store = try Fixture.store()
        let app = try Fixture.app(store)
        let s = MemorySurface(rows: 24, cols: 80)
        app.activeSurface = s
        app.reloadCurrent(); app.draw(s)
        // Free file: no waiting message.
        var shown = ""
        try app.writing { shown = s.line(22) }
        XCTAssertFalse(shown.contains("等待数据库"), shown)

        // Another process's connection holds the write lock and lets go after a second.
        let holder = Holder(db: try Database(path: store.db.path, create: false))
        try holder.db.execute("BEGIN EXCLUSIVE")
        let released = expectation(description: "released")
        DispatchQueue.global().asyncAfter(deadline: .now() + 1) { try? holder.db.execute("ROLLBACK"); released.fulfill() }
        try app.writing {
            shown = s.line(22)   // what the person sees while the write waits
            try store.addStaff(Staff(login: "op9", name: "值班员", role: .operator_), by: app.actor, now: Fixture.now)
        }
        wait(for: [released], timeout: 10)
        XCTAssertTrue(shown.contains("等待数据库"), shown)
        XCTAssertEqual(try store.staffList().map(\.login).contains("op9"), true)
    }

    func testEveryScreenLoadsUnderAHeldWriteLockAndWritesNothing() throws {
        let store = try Fixture.store()
        let app = try Fixture.app(store)
        let s = MemorySurface(rows: 40, cols: 120)
        let holder = try Database(path: store.db.path, create: false)
        try holder.execute("BEGIN EXCLUSIVE")
        defer { try? holder.execute("ROLLBACK") }
        let changes = try store.db.scalarInt("SELECT total_changes()")
        for i in 0..<6 {
            app.show(tab: i); app.draw(s)
            XCTAssertNil(app.lastError, "tab \(i + 1): \(String(describing: app.lastError))")
        }
        app.openMatter(number: "20261121-0003"); app.draw(s)
        XCTAssertNil(app.lastError)
        XCTAssertTrue(s.text.contains("院内违章搭建彩钢棚"), s.text)
        XCTAssertEqual(try store.db.scalarInt("SELECT total_changes()"), changes)
    }

    func testTheIdleConsolesSweepSkipsABusyFileWithoutWaiting() throws {
        let store = try Fixture.store()   // 20261121-0003's handling was due 3 h before "now" and is not recorded
        let box = ClockBox(Fixture.now)
        let app = ConsoleApp(store: store, language: .zh, clock: ConsoleClock { box.t }, actor: try store.actor(login: "tester"), actions: .none)
        func recorded() throws -> Int { try store.db.scalarInt("SELECT count(*) FROM events WHERE kind = 'overdue'") }
        // The lock is let go after half a second: a sweep that waited would record then; this one skips at once.
        let holder = Holder(db: try Database(path: store.db.path, create: false))
        try holder.db.execute("BEGIN EXCLUSIVE")
        let released = expectation(description: "released")
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { try? holder.db.execute("ROLLBACK"); released.fulfill() }
        app.tick()
        XCTAssertEqual(try recorded(), 0)
        wait(for: [released], timeout: 10)
        box.t = Fixture.now.addingTimeInterval(31)   // the next 30-second sweep catches up
        app.tick()
        XCTAssertEqual(try recorded(), 1)
    }

    func testAfterTheBusyTimeoutTheMessageNamesWhatHoldsTheFile() throws {
        let sqlite3 = "/usr/bin/sqlite3"
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: sqlite3), "sqlite3 is not installed")
        let store = try Fixture.store()
        let app = try Fixture.app(store)
        // Another program (the sqlite3 shell) has the file open and holds its write lock.
        let other = Process()
        other.executableURL = URL(fileURLWithPath: sqlite3)
        other.arguments = [store.db.path]
        let input = Pipe()
        other.standardInput = input; other.standardOutput = FileHandle.nullDevice; other.standardError = FileHandle.nullDevice
        try other.run()
        defer { try? input.fileHandleForWriting.close(); other.waitUntilExit() }
        input.fileHandleForWriting.write("BEGIN EXCLUSIVE;\nSELECT count(*) FROM staff;\n".data(using: .utf8)!)
        var held = false
        for _ in 0..<200 where !held { held = !store.writeLockIsFree(); if !held { usleep(10_000) } }
        XCTAssertTrue(held, "the sqlite3 shell did not take the lock")
        // A write that gave up after the busy timeout (StoreError.busy) is reported with the holder's name and pid.
        XCTAssertThrowsError(try app.writing { throw StoreError.busy(attempts: 3) }) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix("数据库仍被占用，未保存"), text)
            XCTAssertTrue(text.contains("sqlite3 (pid \(other.processIdentifier))"), text)
        }
    }
}

/// Another process's connection, used from one other thread only.
private final class Holder: @unchecked Sendable {
    let db: Database
    init(db: Database) { self.db = db }
}

/// A console clock moved by hand.
private final class ClockBox: @unchecked Sendable {
    var t: Date
    init(_ t: Date) { self.t = t }
}
