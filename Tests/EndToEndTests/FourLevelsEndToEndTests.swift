import XCTest

/// A township of four levels (一级 township → 二级 work area → 三级 community → 四级 basic grid), where a work area
/// also holds a basic grid directly; grid heads (网格长) and instructors (网格指导员) named per grid.
final class FourLevelsEndToEndTests: XCTestCase {
    func testAFourLevelTownshipImportsListsAndRollsUpByHead() throws {
        try GridroomCLI.requireBinary()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-e2e-levels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("l.sqlite").path
        func run(_ args: [String], now: String = "2026-11-20T09:00") throws -> (status: Int32, out: String, err: String) {
            try GridroomCLI.run(args, db: db, now: now)
        }
        func write(_ name: String, _ text: String) throws -> String {
            let p = dir.appendingPathComponent(name).path
            try text.write(toFile: p, atomically: true, encoding: .utf8)
            return p
        }
        XCTAssertEqual(try run(["init", "--rehearsal"], now: "2026-10-31T08:00").status, 0)
        let grids = try write("grids.csv", """
            code,name,level,parent,row,col,head,instructor
            T,东湖镇,township,,,,,
            A1,东湖工作片,area,T,,,wang,
            C1,东湖村,community,A1,,,zhang,W9
            B1,东湖村一组,basic,C1,0,0,,
            B2,工业园网格,basic,A1,0,1,li,zhao
            A2,西山工作片,二级,T,,,,
            C2,西山居民区,三级,A2,,,,
            B3,西山一组,四级,C2,1,0,,
            """)
        var r = try run(["import", "grids", grids])
        XCTAssertEqual(r.status, 0, r.err)
        let workers = try write("workers.csv", """
            code,name,phone,kind,grid,partner
            W1,张一,13800000001,full,B1,
            W2,李二,13800000002,full,B2,
            W3,王三,13800000003,full,B3,
            """)
        r = try run(["import", "workers", workers])
        XCTAssertEqual(r.status, 0, r.err)
        r = try run(["grids", "--format", "csv"])
        let lines = r.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "\u{FEFF}code,name,level,parent,row,col,head,instructor")
        XCTAssertTrue(lines.contains("C1,东湖村,community,A1,,,zhang,W9"), r.out)
        XCTAssertTrue(lines.contains("C2,西山居民区,community,A2,,,,"), r.out)
        XCTAssertTrue(lines.contains("B2,工业园网格,basic,A1,0,1,li,zhao"), r.out)
        // The table names the level in Chinese.
        XCTAssertTrue(try run(["grids"]).out.contains("社区网格"))
        // A community under a basic grid is refused with the reason.
        let bad = try write("bad.csv", "code,name,level,parent,row,col\nC9,错层,community,B1,,\n")
        r = try run(["import", "grids", bad])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue((r.err + r.out).contains("B1"), r.err)
        // An older 6-column file still imports; it leaves the heads as they were (C1 keeps zhang; B4 has none).
        let old = try write("old.csv", "code,name,level,parent,row,col\nB4,西山二组,basic,C2,1,1\nC1,东湖村,community,A1,,\n")
        r = try run(["import", "grids", old])
        XCTAssertEqual(r.status, 0, r.err)

        // Compliance covers the basic grids of both depths; a head sees only theirs.
        let all = try run(["report", "compliance", "--month", "2026-11", "--format", "csv"])
        XCTAssertEqual(all.out.split(separator: "\n").dropFirst().map { String($0.prefix(2)) }, ["B1", "B2", "B3", "B4"])
        func headGrids(_ login: String) throws -> [String] {
            let r = try run(["report", "compliance", "--month", "2026-11", "--head", login, "--format", "csv"])
            XCTAssertEqual(r.status, 0, r.err)
            return r.out.split(separator: "\n").dropFirst().map { String($0.prefix(2)) }
        }
        XCTAssertEqual(try headGrids("zhang"), ["B1"])          // heads the community C1
        XCTAssertEqual(try headGrids("wang"), ["B1", "B2"])     // heads the work area A1: both depths under it
        XCTAssertEqual(try headGrids("li"), ["B2"])
        let workersView = try run(["report", "compliance", "--quarter", "2026Q4", "--head", "wang", "--by", "worker", "--format", "csv"])
        XCTAssertEqual(workersView.out.split(separator: "\n").dropFirst().map { String($0.prefix(2)) }, ["W1", "W2"])
        XCTAssertEqual(try run(["report", "compliance", "--month", "2026-11", "--head", "nobody"]).status, 2)
    }
}
