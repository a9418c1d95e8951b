import XCTest
import GridCore
@testable import GridStore

final class ImportTests: XCTestCase {
    var dir: URL!
    var store: Store!
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let admin = Actor(login: "admin", staff: Staff(login: "admin", name: "管理员", role: .admin))

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        store = try Store.create(path: dir.appendingPathComponent("t.sqlite").path, zone: .shanghai,
                                 admin: Staff(login: "admin", name: "管理员", role: .admin), now: now)
    }

    override func tearDownWithError() throws {
        store = nil
        try? FileManager.default.removeItem(at: dir)
    }

    /// Writes a file in the temp directory and returns its path.
    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }
    func file(_ name: String, _ text: String) throws -> String { try file(name, Array(text.utf8)) }

    let gridsText = """
    code,name,level,parent,row,col
    DH,东湖镇,township,,,
    DH-01,东湖村,area,DH,,
    DH-01-01,东湖村第一网格,basic,DH-01,1,1
    DH-01-02,东湖村第二网格,basic,DH-01,1,2

    """

    func tableCounts() throws -> [Int] {
        try ["grids", "workers", "departments", "categories"].map { try store.db.scalarInt("SELECT count(*) FROM \($0)") }
    }

    func testGoodFileThenIdempotentReimport() throws {
        let path = try file("grids.csv", gridsText)
        let r1 = try store.importGrids(path: path, actor: admin, now: now)
        XCTAssertEqual([r1.rowsTotal, r1.rowsWritten, r1.rowsUnchanged, r1.rowsRejected], [4, 4, 0, 0])
        let before = try store.grids()
        XCTAssertEqual(before.count, 4)
        XCTAssertEqual(before.last, Grid(code: "DH-01-02", name: "东湖村第二网格", level: .basic, parent: "DH-01", row: 1, col: 2))

        let r2 = try store.importGrids(path: path, actor: admin, now: now)
        XCTAssertEqual([r2.rowsTotal, r2.rowsWritten, r2.rowsUnchanged], [4, 0, 4])
        XCTAssertEqual(try store.grids(), before)
        XCTAssertEqual(r1.contentHash, r2.contentHash)

        // One changed row is written, the rest are unchanged.
        let edited = try file("grids2.csv", gridsText.replacingOccurrences(of: "东湖村第二网格,basic,DH-01,1,2", with: "东湖村第二网格,basic,DH-01,2,2"))
        let r3 = try store.importGrids(path: edited, actor: admin, now: now)
        XCTAssertEqual([r3.rowsWritten, r3.rowsUnchanged], [1, 3])
        XCTAssertEqual(try store.grids().last?.row, 2)

        let log = try store.importLog()
        XCTAssertEqual(log.map(\.rowsWritten), [1, 0, 4])  // newest first
        XCTAssertTrue(log.allSatisfy { $0.complete && $0.finishedAt != nil && $0.actor == "admin" && $0.kind == "grids" })
        XCTAssertEqual(log.last?.contentHash, SHA256.hex(Array(gridsText.utf8)))
    }

    func testRejectionLeavesDatabaseUnchangedAndListsEveryRow() throws {
        _ = try store.importGrids(path: try file("grids.csv", gridsText), actor: admin, now: now)
        let before = try tableCounts()
        let logBefore = try store.importLog().count
        // Line 2 is good, but lines 3 and 5 are bad: nothing at all may be written.
        let path = try file("bad.csv", "code,name,level,parent,row,col\nDH-01-03,三,basic,DH-01,,\nDH-01-04,四,basic,NOPE,,\n\nDH-01-05,五,basic,DH-01,x,1\n")
        XCTAssertThrowsError(try store.importGrids(path: path, actor: admin, now: now)) { e in
            guard let ie = e as? ImportError, case .rejected = ie else { return XCTFail("\(e)") }
            let problems = ie.problems
            XCTAssertEqual(problems, [
                "\(path):3: parent: unknown grid NOPE: not in this file nor in the database",
                "\(path):5: row: \"x\": expected a whole number from 0 to 999",
            ])
        }
        XCTAssertEqual(try tableCounts(), before)
        XCTAssertEqual(try store.importLog().count, logBefore)
        XCTAssertNil(try store.db.first("SELECT code FROM grids WHERE code = 'DH-01-03'") { $0.text(0) })
        XCTAssertFalse(FileManager.default.fileExists(atPath: Store.rejectsPath(for: path)))
    }

    func testSkipInvalidWritesGoodRowsAndRejectsFile() throws {
        _ = try store.importGrids(path: try file("grids.csv", gridsText), actor: admin, now: now)
        let lines = ["code,name,level,parent,row,col", "DH-01-03,三,basic,DH-01,,", "DH-01-04,\"四,\"\"甲\"\"\",basic,NOPE,,", "DH-01-05,五,basic"]
        let path = try file("mixed.csv", lines.joined(separator: "\n") + "\n")
        let r = try store.importGrids(path: path, options: ImportOptions(skipInvalid: true), actor: admin, now: now)
        XCTAssertEqual([r.rowsTotal, r.rowsWritten, r.rowsRejected], [3, 1, 2])
        XCTAssertEqual(r.rejectsFile, dir.appendingPathComponent("mixed.rejects.csv").path)
        let rejects = String(decoding: try Data(contentsOf: URL(fileURLWithPath: r.rejectsFile!)), as: UTF8.self)
        XCTAssertEqual(rejects, """
        \u{FEFF}code,name,level,parent,row,col,reason
        DH-01-04,"四,""甲""\",basic,NOPE,,,line 3: parent: unknown grid NOPE: not in this file nor in the database
        DH-01-05,五,basic,,,,"line 4: 3 fields, expected 8 (code,name,level,parent,row,col,head,instructor)"

        """)
        XCTAssertEqual(try store.grids().map(\.code).filter { $0.hasPrefix("DH-01-0") }, ["DH-01-01", "DH-01-02", "DH-01-03"])
        XCTAssertEqual(try store.importLog().first?.rowsRejected, 2)
    }

    func testBOMCRLFAndGBK() throws {
        _ = try store.importGrids(path: try file("grids.csv", gridsText), actor: admin, now: now)
        // UTF-8 with BOM and CRLF.
        let bom = [0xEF, 0xBB, 0xBF] + Array("code,name,platform\r\nZZB,综治办,public_order\r\nPCS,派出所,综治工作\r\n".utf8)
        let r1 = try store.importDepartments(path: try file("d.csv", bom), actor: admin, now: now)
        XCTAssertEqual([r1.rowsWritten], [2])
        XCTAssertEqual(r1.encoding, .utf8BOM)
        // GBK: 东湖村 = b6ab bafe b4e5, 综治办 = d7db d6ce b0ec (`printf 综治办 | iconv -t GBK | xxd`).
        let gbk = Array("code,name,level,parent,row,col\r\nDH-02,".utf8) + [0xB6, 0xAB, 0xBA, 0xFE, 0xB4, 0xE5]
            + Array(",area,DH,,\r\n".utf8)
        let r2 = try store.importGrids(path: try file("g.csv", gbk), actor: admin, now: now)
        XCTAssertEqual(r2.encoding, .gb18030)
        XCTAssertEqual(try store.grids().first { $0.code == "DH-02" }?.name, "东湖村")
        let gbkDept = Array("code,name,platform\nZZB,".utf8) + [0xD7, 0xDB, 0xD6, 0xCE, 0xB0, 0xEC] + Array(",public_order\n".utf8)
        let r3 = try store.importDepartments(path: try file("d2.csv", gbkDept), actor: admin, now: now)
        XCTAssertEqual([r3.rowsWritten, r3.rowsUnchanged], [0, 1])  // same as the BOM file's ZZB
    }

    func testQuotedNewlineAndUnreadableFiles() throws {
        let path = try file("d.csv", "code,name,platform\nZZB,\"综治办\n(值班)\",public_order\nPCS,bad\"quote,market\n")
        XCTAssertThrowsError(try store.importDepartments(path: path, actor: admin, now: now)) { e in
            guard let ie = e as? ImportError, case .rejected = ie else { return XCTFail("\(e)") }
            let problems = ie.problems
            // The record with the quoted newline starts on line 2 (a name may not hold a line break);
            // the next record starts on line 4 (stray quote).
            XCTAssertEqual(problems.count, 2)
            XCTAssertEqual(problems[0], "\(path):2: name: contains U+000A (line break) at character 4; control characters and direction overrides are not accepted")
            XCTAssertTrue(problems[1].hasPrefix("\(path):4: field 2: a \" inside an unquoted field"), problems[1])
        }
        XCTAssertThrowsError(try store.importDepartments(path: try file("e.csv", ""), actor: admin, now: now)) { e in
            XCTAssertEqual((e as? ImportError)?.words(.en), "\(dir.appendingPathComponent("e.csv").path):1: the file is empty; expected a header line and rows")
        }
        XCTAssertThrowsError(try store.importDepartments(path: try file("h.csv", "code,name\n"), actor: admin, now: now)) { e in
            XCTAssertTrue("\(e)".contains("column 3: expected \"platform\", found nothing"), "\(e)")
        }
        XCTAssertThrowsError(try store.importDepartments(path: try file("x.csv", [0x63, 0xFF, 0xFE, 0x0A]), actor: admin, now: now)) { e in
            XCTAssertTrue("\(e)".contains(":1: the file is neither UTF-8 nor GB18030"), "\(e)")
        }
        XCTAssertEqual(try tableCounts(), [0, 0, 0, 0])
        XCTAssertEqual(try store.importLog().count, 0)
    }

    func testWorkersPairsAndCategoriesAgainstDatabase() throws {
        _ = try store.importGrids(path: try file("grids.csv", gridsText), actor: admin, now: now)
        _ = try store.importDepartments(path: try file("d.csv", "code,name,platform\nZFD,综合行政执法队,enforcement\n"), actor: admin, now: now)
        let w = try file("w.csv", """
        code,name,phone,kind,grid,partner
        W1,张伟,13812345678,part,DH-01-01,W2
        W2,李娜,13987654321,part,DH-01-02,W1
        W3,王芳,13700000000,full,DH-01-01,

        """)
        // Chunks of 1 row: the pair W1/W2 must still share one transaction (partner checked at commit).
        let r = try store.runImport(path: w, action: .manageRegistry, options: ImportOptions(chunkSize: 1), actor: admin, now: now,
                                    makeValidator: { WorkerValidator(existing: try $0.registrySnapshot()) }, writer: Store.workerWriter)
        XCTAssertEqual(r.rowsWritten, 3)
        XCTAssertEqual(try store.workers().map(\.partner), ["W2", "W1", nil])
        // Re-pairing W1 with W3 while W2 still names W1 is refused.
        let w2 = try file("w2.csv", "code,name,phone,kind,grid,partner\nW1,张伟,13812345678,part,DH-01-01,W3\nW3,王芳,13700000000,full,DH-01-01,W1\n")
        XCTAssertThrowsError(try store.importWorkers(path: w2, actor: admin, now: now)) { e in
            XCTAssertTrue("\(e)".contains("W2 names W1 as A/B partner"), "\(e)")
        }
        let c = try file("c.csv", """
        code,name,major,department,urgency,dispatch_limit,handle_limit,verify_limit
        JM01,占道经营,街面秩序,ZFD,normal,30min,4wh,4wh
        TF01,火灾,突发事件,ZFD,urgent,10min,2h,4wh

        """)
        _ = try store.importCategories(path: c, actor: admin, now: now)
        XCTAssertEqual(try store.categories().map(\.handleLimit.description), ["4wh", "2h"])
    }

    func testRoleCheck() throws {
        let op = Actor(login: "op", staff: Staff(login: "op", name: "值班员", role: .operator_))
        let path = try file("grids.csv", gridsText)
        XCTAssertThrowsError(try store.importGrids(path: path, actor: op, now: now)) { e in
            XCTAssertEqual(e as? StoreError, .refusedRole(login: "op", action: .manageRegistry, role: .operator_, needed: .admin))
        }
        XCTAssertEqual(try tableCounts(), [0, 0, 0, 0])
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM audit WHERE allowed = 0 AND actor = 'op'"), 1)
    }

    func testInterruptedImportShowsIncompleteAndRerunCompletes() throws {
        let path = try file("grids.csv", gridsText)
        struct Boom: Error {}
        var calls = 0
        // A writer that dies on its third row, after the first two chunks (of one row) committed.
        let dying = ImportWriter<Grid>(groups: Store.gridWriter.groups) { store, g in
            calls += 1
            if calls == 3 { throw Boom() }
            return try Store.gridWriter.write(store, g)
        }
        XCTAssertThrowsError(try store.runImport(path: path, action: .manageRegistry, options: ImportOptions(chunkSize: 1), actor: admin,
                                                 now: now, makeValidator: { GridValidator(existing: try $0.registrySnapshot()) }, writer: dying))
        let log = try store.importLog()
        XCTAssertEqual(log.map(\.complete), [false])
        XCTAssertEqual(log.first?.rowsWritten, 2)
        XCTAssertEqual(try store.grids().count, 2)
        let r = try store.importGrids(path: path, actor: admin, now: now)
        XCTAssertEqual([r.rowsWritten, r.rowsUnchanged], [2, 2])  // 4 rows: 2 already there
        XCTAssertEqual(try store.importLog().map(\.complete), [true, false])
    }

    func testChunksNeverSplitGroups() {
        // Groups of sizes 1,2,1,2 in chunks of 2: [1][2→ new chunk since 1+2>2]... → [a],[b1,b2],[c],[d1,d2]? c joins b? 2+1>2 → new.
        let chunks = Store.chunks([["a"], ["b1", "b2"], ["c"], ["d1", "d2"]], size: 2)
        XCTAssertEqual(chunks, [["a"], ["b1", "b2"], ["c"], ["d1", "d2"]])
        XCTAssertEqual(Store.chunks([["a"], ["b"], ["c"]], size: 2), [["a", "b"], ["c"]])
    }
}
