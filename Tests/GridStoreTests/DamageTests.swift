import XCTest
import CSQLite
import GridCore
@testable import GridStore

/// Issue 13 §4: a backup is verified before it is named, a damaged file stops taking writes once found,
/// and damage is called damage.
final class DamageTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-damage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }
    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
    let now = Date(timeIntervalSince1970: 1_795_311_000)

    /// A file with ~2,000 calendar rows (≈ 110 pages after the schema objects), checkpointed into the main file and closed,
    /// then 3,000 bytes of 0xFF written into page 141 — inside those rows (pages 54–166), away from the schema and settings.
    func damagedFile() throws -> String {
        let p = path("room.sqlite")
        do {
            let store = try Store.create(path: p, zone: .shanghai, admin: Staff(login: "root", name: "r", role: .admin), now: now)
            try store.db.write {
                for i in 0..<2_000 {
                    try store.db.run("INSERT INTO calendar_days(date, workday, name) VALUES (?, 1, ?)",
                                     [.text(LocalDate(daysSinceEpoch: 20_000 + i).description), .text(String(repeating: "调休", count: 30))])
                }
            }
            try store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        let f = try XCTUnwrap(FileHandle(forUpdatingAtPath: p))
        try f.seek(toOffset: 4096 * 140 + 100)
        f.write(Data(repeating: 0xFF, count: 3_000))
        try f.close()
        return p
    }

    func testBackupOfADamagedFileFailsLoudlyAndLeavesNoCopy() throws {
        let p = try damagedFile()
        let store = try Store.open(path: p)
        let target = path("copy.sqlite")
        XCTAssertThrowsError(try store.backup(to: target)) { error in
            guard case StoreError.backupUnsound = error else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("FAILED"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: target))
        XCTAssertFalse(FileManager.default.fileExists(atPath: target + ".partial"))
    }

    func testBackupOfASoundFileIsVerifiedAndNamed() throws {
        let p = path("sound.sqlite")
        let store = try Store.create(path: p, zone: .shanghai, admin: Staff(login: "root", name: "r", role: .admin), now: now)
        try store.backup(to: path("copy.sqlite"))
        let copy = try Store.open(path: path("copy.sqlite"), readOnly: true)
        XCTAssertEqual(try copy.staffList().map(\.login), ["root"])
    }

    func testOnceCheckFindsDamageWritesAreRefusedUntilACheckPasses() throws {
        let p = try damagedFile()
        do {
            let store = try Store.open(path: p)
            XCTAssertNotEqual(try store.check().integrity, ["ok"])
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: Store.damageMarkerPath(p)))
        let after = try Store.open(path: p)
        XCTAssertTrue(after.isReadOnly)
        XCTAssertTrue(after.markedDamaged)
        let root = try after.actor(login: "root")
        XCTAssertThrowsError(try after.addStaff(Staff(login: "op", name: "值班员", role: .operator_), by: root, now: now)) { error in
            XCTAssertTrue("\(error)".contains("found damaged"), "\(error)")
        }
        XCTAssertEqual(try after.db.scalarInt("SELECT count(*) FROM staff"), 1)
    }

    func testCorruptErrorsSayTheFileIsDamaged() {
        let e = DatabaseError(code: SQLITE_CORRUPT, message: "database disk image is malformed")
        XCTAssertTrue(e.isCorrupt)
        XCTAssertTrue("\(e)".hasPrefix("the database file is damaged (database disk image is malformed)"), "\(e)")
    }
}
