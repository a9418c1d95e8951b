import XCTest
import CSQLite
import GridCore
@testable import GridStore

/// Issue 13 §4: GridRoom files carry an application id; any other file is refused byte for byte untouched
/// (no journal-mode change, no migration, no growth); files of earlier GridRoom versions are recognised by
/// their schema and stamped; an open that fails for another reason says the real reason.
final class FileIdentityTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-ident-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }
    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    /// Every file in the test directory with its bytes (to see that nothing was written or created).
    func snapshot() throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            out[name] = try Data(contentsOf: dir.appendingPathComponent(name))
        }
        return out
    }

    /// Another program's SQLite file, in rollback-journal mode, at user_version 3, made with the raw C API.
    func makeForeign(_ name: String, appID: Int32 = 0) throws -> String {
        let p = path(name)
        var h: OpaquePointer?
        XCTAssertEqual(sqlite3_open(p, &h), SQLITE_OK)
        let sql = "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes(body) VALUES ('keep me');"
            + " PRAGMA user_version = 3; PRAGMA application_id = \(appID);"
        XCTAssertEqual(sqlite3_exec(h, sql, nil, nil, nil), SQLITE_OK)
        sqlite3_close(h)
        return p
    }

    func testForeignFileAtVersion3IsRefusedByteForByteUntouched() throws {
        let p = try makeForeign("other.sqlite")
        let before = try snapshot()
        XCTAssertThrowsError(try Store.open(path: p)) { error in
            XCTAssertTrue("\(error)".contains("not a GridRoom database"), "\(error)")
            XCTAssertTrue("\(error)".contains("user_version 3"), "\(error)")
        }
        XCTAssertThrowsError(try Store.open(path: p, readOnly: true))
        // Same files, same bytes: no -wal/-shm, journal mode still "delete" (byte 18/19 of the header = 1).
        XCTAssertEqual(try snapshot(), before)
        XCTAssertEqual(before["other.sqlite"]?[18], 1)
    }

    func testAnotherProgramsApplicationIDIsRefusedUntouched() throws {
        let p = try makeForeign("app.sqlite", appID: 0x1234_5678)
        let before = try snapshot()
        XCTAssertThrowsError(try Store.open(path: p)) { XCTAssertTrue("\($0)".contains("0x12345678"), "\($0)") }
        XCTAssertEqual(try snapshot(), before)
    }

    func testZeroByteFileStaysZeroBytes() throws {
        let p = path("empty.sqlite")
        FileManager.default.createFile(atPath: p, contents: Data())
        XCTAssertThrowsError(try Store.open(path: p)) { error in
            XCTAssertTrue("\(error)".contains("not a GridRoom database"), "\(error)")
            XCTAssertTrue("\(error)".contains("gridroom init"), "\(error)")
        }
        XCTAssertEqual(try snapshot(), ["empty.sqlite": Data()])
    }

    func testNewFilesAreStamped() throws {
        let store = try Store.create(path: path("new.sqlite"), zone: .shanghai, admin: Staff(login: "root", name: "r", role: .admin), now: now)
        XCTAssertEqual(try store.db.scalarInt("PRAGMA application_id"), 0x4752_4D31)   // 'GRM1'
    }

    func testEarlierGridRoomFileIsRecognisedByItsSchemaAndStamped() throws {
        // A file as GridRoom made it before the stamp: schema v8 with data, application_id 0.
        let p = path("v8.sqlite")
        do {
            let db = try Database(path: p)
            try Migrator.migrate(db, to: 8)
            try db.run("INSERT INTO settings(key, value) VALUES ('timezone', 'Asia/Shanghai')")
            try db.run("INSERT INTO staff(login, name, role, created_at) VALUES ('root', '管理员', 'admin', 0)")
            XCTAssertEqual(try db.scalarInt("PRAGMA application_id"), 0)
        }
        let store = try Store.open(path: p)
        XCTAssertEqual(try store.db.scalarInt("PRAGMA application_id"), 0x4752_4D31)
        XCTAssertEqual(store.schemaVersion, Migrator.latestVersion)
        XCTAssertEqual(try store.staffList().map(\.name), ["管理员"])
        XCTAssertEqual(store.mode, .live)   // made before modes: the real record
    }

    func testOpenFailuresNameTheRealCause() throws {
        // A full disk, a lock or an I/O error is not "not a GridRoom database".
        let full = Store.openFailure(DatabaseError(code: SQLITE_FULL, message: "database or disk is full"), path: "/x/room.sqlite")
        XCTAssertTrue("\(full)".contains("the disk holding it is full"), "\(full)")
        XCTAssertFalse("\(full)".contains("not a GridRoom"), "\(full)")
        let locked = Store.openFailure(DatabaseError(code: SQLITE_BUSY, message: "database is locked"), path: "/x/room.sqlite")
        XCTAssertTrue("\(locked)".contains("another process holds a lock"), "\(locked)")
        let io = Store.openFailure(DatabaseError(code: SQLITE_IOERR | (3 << 8), message: "disk I/O error"), path: "/x/room.sqlite")
        XCTAssertTrue("\(io)".contains("a disk I/O error"), "\(io)")
        XCTAssertFalse("\(io)".contains("not a GridRoom"), "\(io)")
        let damage = Store.openFailure(DatabaseError(code: SQLITE_CORRUPT, message: "database disk image is malformed"), path: "/x/room.sqlite")
        XCTAssertTrue("\(damage)".contains("damaged"), "\(damage)")
    }
}
