import Foundation
import GridCore
import GridStore

/// A small township on a fresh file in a temporary directory, for the reliability tests (issue 8).
///
/// Registry: department ZZB; grids T (township) → A1 (area) → B1, B2 (basic); category C1; worker W1.
public final class ReliabilityFixture {
    /// The fixture's directory (removed with the fixture).
    public let directory: TestDirectory
    /// Its location.
    public var dir: URL { directory.url }
    /// The store under test.
    public let store: Store
    /// The file's admin.
    public let admin = Actor(login: "root", staff: Staff(login: "root", name: "管理员", role: .admin))
    /// A fixed "now": 2026-11-22 09:30 +08:00.
    public let now = Date(timeIntervalSince1970: 1_795_311_000)

    public init(name: String = "fixture") throws {
        directory = try TestDirectory("rel-\(name)")
        store = try Store.create(path: directory.path("room.sqlite"), zone: .shanghai,
                                 admin: admin.staff!, now: now)
        _ = try store.importDepartments(path: file("d.csv", "code,name,platform\nZZB,综治办,public_order\nSCJ,市场监管所,market\n"),
                                        actor: admin, now: now)
        _ = try store.importGrids(path: file("g.csv", """
            code,name,level,parent,row,col
            T,青山镇,township,,,
            A1,东村,area,T,,
            B1,东村一组,basic,A1,1,1
            B2,东村二组,basic,A1,1,2

            """), actor: admin, now: now)
        _ = try store.importCategories(path: file("c.csv", """
            code,name,major,department,urgency,dispatch_limit,handle_limit,verify_limit
            C1,占道经营,街面秩序,SCJ,normal,30min,3wd,1wd

            """), actor: admin, now: now)
        _ = try store.importWorkers(path: file("w.csv", "code,name,phone,kind,grid,partner\nW1,张三,13812345678,full,B1,\n"),
                                    actor: admin, now: now)
    }

    /// The database file.
    public var dbPath: String { store.path }

    /// Writes `text` (as UTF-8) to a file in the fixture's directory and returns its path.
    public func file(_ name: String, _ text: String) -> String { directory.file(name, text) }

    /// Writes raw bytes to a file in the fixture's directory and returns its path.
    public func file(_ name: String, bytes: [UInt8]) -> String { directory.file(name, bytes: bytes) }

    /// Every row of every table, quoted, in key order: equal dumps mean equal contents.
    public func dump() throws -> [String: [String]] { try DatabaseDump.tables(path: dbPath) }

    /// Every row of every table of `db` (the shared `DatabaseDump`).
    public static func dump(_ db: Database) throws -> [String: [String]] { try DatabaseDump.tables(db) }

    /// The count of rows in `table`.
    public func count(_ table: String, _ whereClause: String = "1") throws -> Int {
        try Database(path: dbPath, create: false, readOnly: true).scalarInt("SELECT count(*) FROM \(table) WHERE \(whereClause)")
    }
}
