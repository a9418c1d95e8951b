import XCTest
import Foundation
@testable import GridConsole

/// The console's watch on the database's log: a write to `PATH-wal` is an event, a log removed and made anew
/// is watched again, and the kernel's event records are read the way `inotify(7)` lays them out.
final class WALWatchTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("walwatch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// Waits (at most 2 s, not a timing assertion) until the watch's descriptor is readable.
    private func readable(_ w: WALWatch) -> Bool {
        var p = pollfd(fd: w.fd, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, 2000) > 0
    }

    private func append(_ path: String, _ text: String) throws {
        let h = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        h.seekToEndOfFile(); h.write(text.data(using: .utf8)!); try h.close()
    }

    func testAWriteToTheLogIsAnEventAndNothingElseIs() throws {
        let db = dir.appendingPathComponent("room.sqlite").path
        FileManager.default.createFile(atPath: db + "-wal", contents: nil)
        let w = try XCTUnwrap(WALWatch(databasePath: db))
        XCTAssertTrue(w.isWatching)
        XCTAssertFalse(w.drain(), "nothing written yet")
        // The database file itself and the shared-memory index are not the log.
        FileManager.default.createFile(atPath: db, contents: Data([1]))
        try append(db, "x")
        XCTAssertFalse(w.drain())
        try append(db + "-wal", "frame")
        XCTAssertTrue(readable(w))
        XCTAssertTrue(w.drain())
        XCTAssertFalse(w.drain(), "read once")
    }

    /// Makes `db`'s log, arms `w`, and checks that it watches it and wakes on a frame written to it.
    func assertWokenOnceTheLogIsMade(_ w: WALWatch, _ db: String, line: UInt = #line) throws {
        FileManager.default.createFile(atPath: db + "-wal", contents: nil)
        w.arm()
        XCTAssertTrue(w.isWatching, line: line)
        try append(db + "-wal", "frame")
        XCTAssertTrue(readable(w), line: line)
        XCTAssertTrue(w.drain(), line: line)
    }

    func testALogNotThereYetIsWatchedOnceItIs() throws {
        let db = dir.appendingPathComponent("late.sqlite").path
        let w = try XCTUnwrap(WALWatch(databasePath: db))
        XCTAssertFalse(w.isWatching)
        try assertWokenOnceTheLogIsMade(w, db)
    }

    func testALogRemovedAndMadeAnewIsWatchedAgain() throws {
        let db = dir.appendingPathComponent("again.sqlite").path
        FileManager.default.createFile(atPath: db + "-wal", contents: nil)
        let w = try XCTUnwrap(WALWatch(databasePath: db))
        try FileManager.default.removeItem(atPath: db + "-wal")
        XCTAssertTrue(readable(w))
        XCTAssertTrue(w.drain())
        XCTAssertFalse(w.isWatching, "the removed file's watch is dropped")
        try assertWokenOnceTheLogIsMade(w, db)
    }

    /// Two records laid out by hand: wd, mask, cookie, len (4 bytes each, little-endian), then len bytes of name.
    func testEventRecordsAreReadByTheirLengths() {
        func record(mask: UInt32, name: [UInt8]) -> [UInt8] {
            func le(_ x: UInt32) -> [UInt8] { [UInt8(x & 0xff), UInt8(x >> 8 & 0xff), UInt8(x >> 16 & 0xff), UInt8(x >> 24)] }
            return le(1) + le(mask) + le(0) + le(UInt32(name.count)) + name
        }
        let modify = record(mask: UInt32(IN_MODIFY), name: [])
        // A record with a 16-byte name before a deletion: the deletion is found only by skipping the name.
        let named = record(mask: UInt32(IN_MODIFY), name: Array(repeating: 0x41, count: 16))
        let deleted = record(mask: UInt32(IN_DELETE_SELF), name: [])
        XCTAssertFalse(WALWatch.losesWatch(events: ArraySlice(modify + modify)))
        XCTAssertTrue(WALWatch.losesWatch(events: ArraySlice(named + deleted)))
        XCTAssertTrue(WALWatch.losesWatch(events: ArraySlice(record(mask: UInt32(IN_IGNORED), name: []))))
        // A cut-off record (fewer than 16 bytes) is not read past the end.
        XCTAssertFalse(WALWatch.losesWatch(events: ArraySlice(Array(deleted.prefix(10)))))
    }
}
