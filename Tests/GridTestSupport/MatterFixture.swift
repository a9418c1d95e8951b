import Foundation
import GridCore
import GridStore

/// A temporary GridRoom file with a small registry and one staff member per role, for matter tests in any
/// target. Registry: grids T (township) → A1 (area) → G1, and G2 under T; departments ZF, SC and the district centre QZ; categories WJ
/// (→ ZF: 30min / 2h / 1h; first_report and worker_reportable) and ZY (→ SC; neither flag); workers W1 (G1), W2 (G2); staff op, duty, sup and gone (inactive).
public final class MatterFixture {
    /// The fixture's directory (removed with the fixture).
    public let directory: TestDirectory
    /// Its path.
    public var dir: String { directory.url.path }
    /// The database file.
    public let path: String
    /// The store under test.
    public let store: Store
    /// The township's zone.
    public let zone = TownshipZone.shanghai
    /// A second connection for raw SQL (fixture rows, counts): `Store.db` is internal to GridStore.
    public let sql: Database

    public init() throws {
        directory = try TestDirectory("matters")
        path = directory.path("g.sqlite")
        store = try Store.create(path: path, zone: zone, admin: Staff(login: "admin", name: "管理员", role: .admin),
                                 now: Date(timeIntervalSince1970: 1_790_000_000))
        sql = try Database(path: path, create: false)
        try sql.execute("""
            INSERT INTO grids(code, name, level, parent, map_row, map_col) VALUES ('T','镇','township',NULL,NULL,NULL), ('A1','东湖村','area','T',NULL,NULL),
              ('G1','东湖一组','basic','A1',NULL,NULL), ('G2','西山一组','basic','T',NULL,NULL);
            INSERT INTO departments(code, name, platform) VALUES ('ZF','综合行政执法队','enforcement'), ('SC','市场监管所','market'),
              ('QZ','区社会治理综合指挥中心','district');
            INSERT INTO workers(code, name, phone, kind, grid, partner) VALUES ('W1','张三','13800000001','full','G1',NULL), ('W2','李四','13800000002','full','G2',NULL);
            INSERT INTO categories(code, name, major, department, urgency, dispatch_limit, handle_limit, verify_limit,
                                   first_report, worker_reportable) VALUES
              ('WJ','乱搭乱建','违法建设','ZF','normal','30min','2h','1h',1,1),
              ('ZY','噪音扰民','市容环境','SC','normal','20min','3h','2h',0,0);
            INSERT INTO staff(login, name, role, active, created_at) VALUES ('op','值班员','operator',1,0), ('duty','值班长','duty_officer',1,0),
              ('sup','督查','supervisor',1,0), ('gone','离职','supervisor',0,0);
            """)
    }

    /// The actor for a login.
    public func actor(_ login: String) throws -> Actor { try store.actor(login: login) }
    /// A township-local ISO time ("2026-11-22T09:00") as an instant.
    public func at(_ text: String) -> Date { ISOTime.parse(text, zone: zone)! }

    /// Takes a matter in as the operator.
    @discardableResult
    public func new(_ reported: String, grid: String = "G1", category: String = "WJ", urgency: Urgency? = nil,
             source: MatterSource = .hotline, reporter: String = "") throws -> IntakeReceipt {
        try store.intake(MatterIntake(reportedAt: at(reported), source: source, reporter: reporter, grid: grid, category: category,
                                      urgency: urgency, title: "事项 \(reported)"), by: actor("op"), now: at(reported))
    }

    /// Performs a move as `login` at a local time.
    @discardableResult
    public func move(_ number: String, _ move: Move, as login: String = "sup", at time: String, note: String = "说明",
              version: Int? = nil, department: String? = nil, days: Int? = nil, into: String? = nil) throws -> Matter {
        try store.perform(MoveRequest(move, number: number, version: version, note: note, department: department, days: days, into: into),
                          by: actor(login), now: at(time))
    }

    /// The first column of the first row of `query`, as a count.
    public func count(_ query: String, _ args: [SQLValue] = []) throws -> Int { try sql.scalarInt(query, args) }
}
