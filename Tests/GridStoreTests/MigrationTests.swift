import XCTest
import CSQLite
import GridCore
@testable import GridStore

/// Schema migrations from empty and from every earlier version; a newer schema is refused untouched.
final class MigrationTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-mig-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    func tables(_ db: Database) throws -> [String] {
        try db.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") { $0.text(0) }
    }

    func testFromEmptyCreatesEveryTable() throws {
        let store = try Store.create(path: path("a.sqlite"), zone: .shanghai, admin: Staff(login: "root", name: "管理员", role: .admin), now: now)
        XCTAssertEqual(store.schemaVersion, Migrator.latestVersion)
        let names = try tables(store.db)
        for t in ["grids", "workers", "departments", "categories", "staff", "matters", "events", "stages", "patrols", "shifts", "shift_details", "roster", "handover_items", "shift_alerts", "import_log", "audit"] {
            XCTAssertTrue(names.contains(t), "missing table \(t)")
        }
        XCTAssertEqual(try store.db.first("PRAGMA journal_mode") { $0.text(0) }, "wal")
        let attrs = try FileManager.default.attributesOfItem(atPath: path("a.sqlite"))
        XCTAssertEqual((attrs[.posixPermissions] as? NSNumber)?.intValue, 0o660)
    }

    func testFromEveryEarlierVersion() throws {
        // Build a file at each version k, put a row in, reopen: it must migrate to the latest and keep the row.
        for k in 1..<Migrator.latestVersion {
            let p = path("v\(k).sqlite")
            do {
                let db = try Database(path: p)
                try Migrator.migrate(db, to: k)
                XCTAssertEqual(try Migrator.version(of: db), k)
                try db.run("INSERT INTO settings(key, value) VALUES ('timezone', 'Asia/Shanghai')")
                try db.run("INSERT INTO staff(login, name, role, created_at) VALUES ('root', 'r', 'admin', 0)")
            }
            let store = try Store.open(path: p)
            XCTAssertEqual(store.schemaVersion, Migrator.latestVersion, "from v\(k)")
            XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM staff"), 1)
            XCTAssertTrue(try tables(store.db).contains("shifts"))
        }
    }

    /// A file from before the roster step, with a held shift and its note, reads the same after the upgrade: the
    /// shift is the previous one with its note in full, counted as on the roster, not taken over, not acknowledged.
    func testShiftsBeforeTheRosterUpgradeAndReadTheSame() throws {
        let before = Migration.v10DutyRoster.version - 1
        let p = path("duty.sqlite")
        let note = "一、东湖二组彩钢棚待回复\n二、夜间平稳"
        do {
            let db = try Database(path: p)
            try Migrator.migrate(db, to: before)
            try db.run("INSERT INTO settings(key, value) VALUES ('timezone', 'Asia/Shanghai')")
            try db.run("INSERT INTO staff(login, name, role, created_at) VALUES ('duty1', '王建国', 'duty_officer', 0)")
            try db.run("INSERT INTO shifts(login, started_at, ended_at, handover_note) VALUES ('duty1', 1795348800, 1795392000, ?)", [.text(note)])
        }
        let store = try Store.open(path: p)
        XCTAssertEqual(store.schemaVersion, Migrator.latestVersion)
        let s = try XCTUnwrap(try store.previousShift())
        XCTAssertEqual(s.note, note)
        XCTAssertEqual(s.name, "王建国")
        XCTAssertEqual(s.startedAt, Date(timeIntervalSince1970: 1_795_348_800))
        XCTAssertEqual(s.endedAt, Date(timeIntervalSince1970: 1_795_392_000))
        XCTAssertTrue(s.onRoster)
        XCTAssertNil(s.tookOver)
        XCTAssertNil(s.acknowledgedAt)
        XCTAssertEqual(try store.handoverItems(shiftID: s.id), [])
        for t in ["shift_details", "roster", "handover_items", "shift_alerts"] { XCTAssertTrue(try tables(store.db).contains(t), t) }
        // The step runs again over itself (as on a file set back by hand) and keeps what it holds. Its SQL is run
        // directly: winding user_version back would re-run the later steps too, which are not this test's subject.
        try store.db.run("INSERT INTO shift_details(shift_id, acknowledged_at, acknowledged_by) VALUES (?, 1795393000, 'nobody')", [.of(s.id)])
        try store.db.execute(Migration.v10DutyRoster.sql)
        let again = try Store.open(path: p)
        XCTAssertEqual(again.schemaVersion, Migrator.latestVersion)
        XCTAssertEqual(try again.previousShift()?.acknowledgedBy, "nobody")
        XCTAssertEqual(try again.previousShift()?.note, note)
    }

    /// A file from before the search index, with matters and notes, upgrades: they are found by a two-character
    /// word of the title and of a note, and read the same (no caller details).
    func testMattersFromBeforeSearchAreIndexedOnUpgrade() throws {
        let p = path("pre-search.sqlite")
        do {
            let db = try Database(path: p)
            try Migrator.migrate(db, to: Migration.v11Search.version - 1)
            try db.execute("""
                INSERT INTO settings(key, value) VALUES ('timezone', 'Asia/Shanghai');
                INSERT INTO staff(login, name, role, created_at) VALUES ('root', 'r', 'admin', 0);
                INSERT INTO grids VALUES ('G1','东湖一组','basic',NULL,NULL,NULL);
                INSERT INTO departments VALUES ('ZF','综合行政执法队','enforcement');
                INSERT INTO categories VALUES ('WJ','乱搭乱建','违法建设','ZF','normal','30min','2h','1h');
                INSERT INTO matters(number, reported_at, source, grid, category, urgency, title, state, first_contact, created_at, updated_at, updated_by, ended_at)
                  VALUES ('20261120-0001', 0, 'hotline', 'G1', 'WJ', 'normal', '垃圾桶满溢', 'closed', 'root', 0, 0, 'root', 10);
                INSERT INTO events(matter_id, at, kind, actor, note) VALUES (1, 0, 'intake', 'root', '群众来电'), (1, 5, 'verify_pass', 'root', '核查通过');
                """)
        }
        let store = try Store.open(path: p)
        XCTAssertEqual(store.schemaVersion, Migrator.latestVersion)
        for word in ["垃圾", "核查", "来电"] {
            XCTAssertEqual(try store.searchMatters(MatterQuery(words: [word], states: nil)).map(\.number), ["20261120-0001"], word)
        }
        let m = try XCTUnwrap(try store.matter(number: "20261120-0001"))
        XCTAssertEqual([m.title, m.callerName, m.callerPhone, m.orderNo], ["垃圾桶满溢", "", "", ""])
        XCTAssertEqual(m.state, .closed)
    }

    /// A file from before the category flags keeps its first-report behaviour: the four major classes that
    /// earned credit by name get `first_report`, the others not; nothing is worker-reportable; the rest reads the same.
    func testCategoryFlagsKeepAnOlderFilesFirstReportCredit() throws {
        let p = path("flags.sqlite")
        let before = Migrator.all.first { $0.name == Migration.v17CategoryFlags.name }!.version - 1
        do {
            let db = try Database(path: p)
            try Migrator.migrate(db, to: before)
            try db.run("INSERT INTO settings(key, value) VALUES ('timezone', 'Asia/Shanghai')")
            try db.run("INSERT INTO staff(login, name, role, created_at) VALUES ('root', 'r', 'admin', 0)")
            try db.run("INSERT INTO departments VALUES ('D', '部门', 'enforcement')")
            try db.run("""
                INSERT INTO categories(code, name, major, department, urgency, dispatch_limit, handle_limit, verify_limit)
                VALUES ('WJ', '违章搭建', '违法建设', 'D', 'normal', '1h', '5wd', '1wd'),
                       ('SR', '道路不洁', '市容环境', 'D', 'normal', '30min', '4wh', '4wh')
                """)
        }
        let store = try Store.open(path: p)
        XCTAssertEqual(store.schemaVersion, Migrator.latestVersion)
        let cats = Dictionary(uniqueKeysWithValues: try store.categories().map { ($0.code, $0) })
        XCTAssertEqual(cats["WJ"]?.firstReport, true); XCTAssertEqual(cats["SR"]?.firstReport, false)
        XCTAssertEqual(cats["WJ"]?.workerReportable, false); XCTAssertEqual(cats["SR"]?.workerReportable, false)
        XCTAssertEqual(cats["SR"]?.handleLimit.description, "4wh"); XCTAssertEqual(cats["WJ"]?.name, "违章搭建")
    }

    /// The grids table is rebuilt for the community level and heads: an older file's grids, and the references to
    /// them, read the same; foreign keys still hold afterwards.
    func testGridLevelsRebuildKeepsGridsAndReferences() throws {
        let p = path("levels.sqlite")
        let before = Migrator.all.first { $0.name == Migration.v18GridLevels.name }!.version - 1
        do {
            let db = try Database(path: p)
            try Migrator.migrate(db, to: before)
            try db.run("INSERT INTO settings(key, value) VALUES ('timezone', 'Asia/Shanghai')")
            try db.run("INSERT INTO staff(login, name, role, created_at) VALUES ('root', 'r', 'admin', 0)")
            try db.run("INSERT INTO grids VALUES ('T','镇','township',NULL,NULL,NULL), ('A','片','area','T',NULL,NULL), ('B','组','basic','A',2,3)")
            try db.run("INSERT INTO workers VALUES ('W1','张','13800000001','full','B',NULL)")
        }
        let store = try Store.open(path: p)
        XCTAssertEqual(store.schemaVersion, Migrator.latestVersion)
        XCTAssertEqual(try store.grids(), [Grid(code: "T", name: "镇", level: .township, parent: nil),
                                           Grid(code: "A", name: "片", level: .area, parent: "T"),
                                           Grid(code: "B", name: "组", level: .basic, parent: "A", row: 2, col: 3)])
        XCTAssertEqual(try store.workers().first?.grid, "B")
        XCTAssertEqual(try store.db.scalarInt("PRAGMA foreign_keys"), 1)
        XCTAssertThrowsError(try store.db.run("INSERT INTO workers VALUES ('W2','李','13800000002','full','NOPE',NULL)"))
        try store.db.run("INSERT INTO grids(code, name, level, parent) VALUES ('C','社区','community','A')")
        XCTAssertEqual(try store.basicGrids(headedBy: "nobody"), [])
    }

    func testNewerSchemaIsRefusedAndUntouched() throws {
        let p = path("new.sqlite")
        _ = try Store.create(path: p, zone: .shanghai, admin: Staff(login: "root", name: "r", role: .admin), now: now)
        do { let db = try Database(path: p); try db.execute("PRAGMA user_version = 999") }
        let before = try Data(contentsOf: URL(fileURLWithPath: p))
        XCTAssertThrowsError(try Store.open(path: p)) { error in
            XCTAssertTrue(String(describing: error).contains("999"), "\(error)")
            XCTAssertTrue(String(describing: error).contains("newer"), "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: p)), before)
    }

    func testMissingAndForeignFiles() throws {
        XCTAssertThrowsError(try Store.open(path: path("none.sqlite"))) { XCTAssertTrue("\($0)".contains("gridroom init")) }
        try "hello, not a database".write(toFile: path("junk.sqlite"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Store.open(path: path("junk.sqlite"))) { XCTAssertTrue("\($0)".contains("not a GridRoom database"), "\($0)") }
    }

    func testTypedErrorCarriesCodeAndSQL() throws {
        let store = try Store.create(path: path("e.sqlite"), zone: .shanghai, admin: Staff(login: "root", name: "r", role: .admin), now: now)
        XCTAssertThrowsError(try store.db.run("INSERT INTO grids(code, name, level) VALUES ('X', 'x', 'planet')")) { error in
            guard let e = error as? DatabaseError else { return XCTFail("\(error)") }
            XCTAssertEqual(e.primaryCode, SQLITE_CONSTRAINT)
            XCTAssertTrue(e.sql?.contains("INSERT INTO grids") ?? false)
        }
    }

    func testStaffFromBeforeDeactivationUpgradesAndReadsTheSame() throws {
        let p = path("staff.sqlite")
        let before = Migration.v9StaffActive.version - 1
        do {
            let db = try Database(path: p)
            try Migrator.migrate(db, to: before)
            try db.run("INSERT INTO settings(key, value) VALUES ('timezone', 'Asia/Shanghai')")
            try db.run("INSERT INTO staff(login, name, role, active, created_at) VALUES ('root', '管理员', 'admin', 1, 0), ('left', '离职', 'operator', 0, 0)")
        }
        let store = try Store.open(path: p)
        XCTAssertEqual(store.schemaVersion, Migrator.latestVersion)
        let staff = try store.staffList()
        XCTAssertEqual(staff.map(\.login), ["left", "root"])
        XCTAssertEqual(staff.map(\.name), ["离职", "管理员"])
        XCTAssertEqual(staff.map(\.role), [.operator_, .admin])
        XCTAssertEqual(staff.map(\.active), [false, true])
        XCTAssertEqual(staff.map(\.deactivatedOn), [nil, nil])
        // The switched-off account can be switched on again, and off again with who and when recorded
        // (a file from before modes is live: its writes take the real clock).
        XCTAssertEqual(store.mode, .live)
        let root = try store.actor(login: "root")
        try store.setActive(login: "left", active: true, by: root, now: Date())
        try store.setActive(login: "left", active: false, by: root, now: Date())
        XCTAssertEqual(try store.actor(login: "left").staff?.deactivatedBy, "root")
    }
}
