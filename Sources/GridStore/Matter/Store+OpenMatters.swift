import Foundation

/// The open-matter summary `open_matters` (在办事项汇总), kept by triggers on `matters` (migration v8).
extension Store {
    /// The summary's rows with a count, as "state category department urgency shelved n" (department "-" before dispatch).
    func openMatterRows() throws -> [String] {
        try db.query("SELECT state, category, department, urgency, shelved, n FROM open_matters WHERE n > 0 ORDER BY 1, 2, 3, 4, 5",
                     [], Store.openMatterLine)
    }

    /// The same figures counted from `matters` itself (the open-matter partial index), for the check.
    func recountOpenMatterRows() throws -> [String] {
        try db.query("""
            SELECT state, category, coalesce(department, ''), urgency, shelved, count(*) FROM matters INDEXED BY matters_open_list
            WHERE ended_at IS NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
            """, [], Store.openMatterLine)
    }

    /// One row (state, category, department, urgency, shelved, count) as a line.
    private static func openMatterLine(_ r: Row) -> String {
        "\(r.text(0)) \(r.text(1)) \(r.text(2).isEmpty ? "-" : r.text(2)) \(r.text(3)) \(r.int(4)) \(r.int(5))"
    }

    /// `open_matters` rows that differ from a recount, in words (empty when they agree).
    func openMattersMismatches() throws -> [String] {
        try db.read {
            let stored = Set(try openMatterRows()), recount = Set(try recountOpenMatterRows())
            return stored.symmetricDifference(recount).sorted().map {
                stored.contains($0) ? "open_matters: stored \($0), not in the recount" : "open_matters: recount \($0), not stored"
            }
        }
    }
}
