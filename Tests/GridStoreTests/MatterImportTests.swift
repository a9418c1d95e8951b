import XCTest
import GridCore
@testable import GridStore

final class MatterImportTests: XCTestCase {
    let header = "reported_at,source,reporter,grid,category,urgency,title,description,location\n"

    func write(_ f: MatterFixture, _ name: String, _ body: String) throws -> String {
        let p = f.dir + "/" + name
        try (header + body).write(toFile: p, atomically: true, encoding: .utf8)
        return p
    }

    func testImportNumbersFlagsAndIsIdempotent() throws {
        let f = try MatterFixture()
        let p = try write(f, "cases.csv", """
            2026-11-20T08:00,grid_worker,W1,G1,WJ,,违建一处,"东侧,加盖",东湖一组3号
            2026-11-20T09:00,hotline,,G1,WJ,urgent,违建又一处,,
            2026-11-21T07:00:00+08:00,public,市民,G2,ZY,一般,夜间噪音,,

            """)
        let now = f.at("2026-11-21T10:00")
        let r = try f.store.importCases(path: p, actor: f.actor("op"), now: now)
        XCTAssertEqual(r.rowsTotal, 3); XCTAssertEqual(r.rowsWritten, 3); XCTAssertEqual(r.rowsRejected, 0)
        let a = try XCTUnwrap(f.store.matter(number: "20261120-0001"))
        XCTAssertEqual(a.description, "东侧,加盖"); XCTAssertEqual(a.urgency, .normal); XCTAssertEqual(a.firstContact, "op")
        let b = try XCTUnwrap(f.store.matter(number: "20261120-0002"))
        XCTAssertEqual(b.urgency, .urgent); XCTAssertEqual(b.duplicateOf, a.number)
        XCTAssertEqual(b.stageDueAt, f.at("2026-11-20T09:10"))       // urgent dispatch 10min from reported_at
        XCTAssertEqual(try f.store.matter(number: "20261121-0001")?.source, .public)
        let again = try f.store.importCases(path: p, actor: f.actor("op"), now: now)
        XCTAssertEqual(again.rowsWritten, 0); XCTAssertEqual(again.rowsUnchanged, 3)
        XCTAssertEqual(try f.count("SELECT count(*) FROM matters"), 3)
    }

    func testABadFileIsRejectedWholeWithLineNumbers() throws {
        let f = try MatterFixture()
        let p = try write(f, "bad.csv", """
            2026-11-20T08:00,grid_worker,,G1,WJ,,无上报人,,
            yesterday,hotline,,G9,XX,soon,,,
            2026-11-20T09:00,hotline,,G1,WJ,,好的一行,,
            2026-11-20T09:00,hotline,,G1,WJ,,好的一行,,

            """)
        XCTAssertThrowsError(try f.store.importCases(path: p, actor: f.actor("op"), now: f.at("2026-11-21T10:00"))) { e in
            guard let ie = e as? ImportError, case .rejected = ie else { return XCTFail("\(e)") }
            let problems = ie.problems
            XCTAssertEqual(problems, [
                "\(p):2: reporter: empty; a grid_worker report needs the worker's code",
                "\(p):3: category: unknown category XX; import categories first",
                "\(p):3: grid: unknown grid G9; import grids first",
                "\(p):3: reported_at: \"yesterday\": expected a time such as 2026-11-22T08:30 or 2026-11-22T08:30:00+08:00",
                "\(p):3: title: empty; a name is required",
                "\(p):3: urgency: \"soon\": expected urgent or normal (紧急 or 一般), or empty for the category's default",
                "\(p):4: the same matter (same reported_at, source, reporter, grid, category and title) is also on line 5",
                "\(p):5: the same matter (same reported_at, source, reporter, grid, category and title) is also on line 4",
            ])
        }
        XCTAssertEqual(try f.count("SELECT count(*) FROM matters"), 0)
        // --skip-invalid: the good rows go in, the bad ones to the rejects file.
        let r = try f.store.importCases(path: p, options: ImportOptions(skipInvalid: true), actor: f.actor("op"), now: f.at("2026-11-21T10:00"))
        XCTAssertEqual(r.rowsWritten, 0); XCTAssertEqual(r.rowsRejected, 4)
        XCTAssertNotNil(r.rejectsFile)
        XCTAssertThrowsError(try f.store.importCases(path: p, actor: f.actor("stranger"), now: f.at("2026-11-21T10:00")))
    }
}
