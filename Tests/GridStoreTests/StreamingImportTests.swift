import Foundation
import XCTest
import GridCore
@testable import GridStore

/// The streamed runner (matters, patrols) keeps the whole-file promises across its batches of 2,000 records.
extension PatrolStoreTests {
    func testRowsRepeatedFarApartInAStreamedFileAreBothRejected() throws {
        let now = t("2026-11-05T12:00")
        // 5,000 distinct sessions (W31 in G3, one a minute back from 2026-11-04 12:00), and line 4,500 repeating line 2:
        // the two copies fall in different batches of 2,000.
        var csv = "worker,grid,start,end\n"
        let base = t("2026-11-04T12:00")
        var rows: [String] = []
        for i in 0..<5_000 {
            let s = base.addingTimeInterval(-Double(i) * 120), e = s.addingTimeInterval(60)
            rows.append("W31,G3,\(ISOTime.formatUTC(s)),\(ISOTime.formatUTC(e))")
        }
        rows[4_498] = rows[0]   // file line 4,500 = row index 4,498 (+2: header, 1-based)
        csv += rows.joined(separator: "\n") + "\n"
        let path = try write("far.csv", csv)
        XCTAssertThrowsError(try store.importPatrols(path: path, actor: op, now: now)) { e in
            guard let ie = e as? ImportError, case .rejected = ie else { return XCTFail("\(e)") }
            let problems = ie.problems
            XCTAssertEqual(problems, ["\(path):2: duplicate row: the same as line 4500", "\(path):4500: duplicate row: the same as line 2"])
        }
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM patrols"), 0)
        // --skip-invalid: the other 4,998 are written, the two copies go to the rejects file.
        let r = try store.importPatrols(path: path, options: ImportOptions(skipInvalid: true), actor: op, now: now)
        XCTAssertEqual([r.rowsTotal, r.rowsWritten, r.rowsRejected], [5_000, 4_998, 2])
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: Store.rejectsPath(for: path)))
        let rejects = String(decoding: bytes, as: UTF8.self)
        XCTAssertEqual(rejects.split(separator: "\n").count, 3)
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertTrue(rejects.hasPrefix("\u{FEFF}worker,grid,start,end,reason\n"), rejects)
        XCTAssertTrue(rejects.contains(",line 4500: duplicate row: the same as line 2\n"), rejects)
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM patrols"), 4_998)
    }
}
