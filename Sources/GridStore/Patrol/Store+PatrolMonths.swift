import Foundation
import GridCore

/// One grid's month of `patrol_days` as stored in `patrol_months.days` (巡查月汇总): for each day with any
/// counted patrol, in day order, the day of the month in two digits and its seconds in five ("0307200" is
/// 7 200 s on the 3rd). Text, so that the migration can build it in SQL and a person can read it in `sqlite3`.
enum PatrolMonthText {
    /// Characters per day.
    static let width = 7

    /// The text of `(day of month, seconds)` pairs (days 1…31, seconds 1…99 999), in the order given.
    static func encode(_ days: [(day: Int, seconds: Int)]) -> String {
        var out = [UInt8]()
        out.reserveCapacity(days.count * width)
        for d in days {
            out.append(UInt8(48 + d.day / 10)); out.append(UInt8(48 + d.day % 10))
            var digits = [UInt8](repeating: 48, count: 5), s = d.seconds
            for i in stride(from: 4, through: 0, by: -1) { digits[i] = UInt8(48 + s % 10); s /= 10 }
            out += digits
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Calls `visit(day of month, seconds)` for each piece of `bytes`; false when the text is malformed.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ visit: (Int, Int) -> Void) -> Bool {
        guard bytes.count % width == 0 else { return false }
        var i = 0
        while i < bytes.count {
            var v = 0
            for j in 0..<width {
                let c = Int(bytes[i + j]) - 48
                guard c >= 0 && c <= 9 else { return false }
                v = v * 10 + c
            }
            visit(v / 100_000, v % 100_000)
            i += width
        }
        return true
    }

    /// The pieces of a stored text as day of month → seconds (nil when malformed).
    static func decode(_ text: String) -> [Int: Int]? {
        var out: [Int: Int] = [:]
        var bytes = Array(text.utf8)
        let ok = bytes.withUnsafeMutableBufferPointer { b in decode(UnsafeBufferPointer(b)) { out[$0] = $1 } }
        return ok ? out : nil
    }
}

/// The maintained month summary `patrol_months`: `patrol_days` grouped by grid and local month, one row each, so
/// the month board reads a row a grid. Written only next to `patrol_days` (the same transactions) and marked stale
/// with it (`summary_rebuild` 'patrol_days').
extension Store {
    /// Grid ?1's stored days from ?2 to ?3 (text), in day order: a range on the primary key of `patrol_days`.
    static let gridDaysInRangeSQL = "SELECT day, counted_seconds FROM patrol_days WHERE grid = ?1 AND day >= ?2 AND day <= ?3 ORDER BY day"
    /// Every grid's row of month ?1: a range on the primary key of `patrol_months`, in grid order.
    static let monthRowsSQL = "SELECT grid, days FROM patrol_months WHERE month = ?1"
    /// Grid ?2's row of month ?1.
    static let monthRowOneGridSQL = "SELECT grid, days FROM patrol_months WHERE month = ?1 AND grid = ?2"

    /// Stores one grid's month (or removes its row when it has no day with patrol).
    func writePatrolMonth(grid: String, month: String, pieces: [(day: Int, seconds: Int)]) throws {
        if pieces.isEmpty {
            try db.run("DELETE FROM patrol_months WHERE month = ?1 AND grid = ?2", [.text(month), .text(grid)])
        } else {
            try db.run("""
                INSERT INTO patrol_months(month, grid, days) VALUES (?1, ?2, ?3)
                ON CONFLICT(month, grid) DO UPDATE SET days = excluded.days
                """, [.text(month), .text(grid), .text(PatrolMonthText.encode(pieces))])
        }
    }

    /// `patrol_months` rows that differ from `recount` ("month grid" → day of month → seconds, a recount of
    /// `patrols` made by `patrolDaysMismatches`), in words (empty when they agree).
    func patrolMonthsMismatches(recount: [String: [Int: Int]]) throws -> [String] {
        try db.read {
            var expected = recount
            var wrong = 0, example: String?
            try db.forEach("SELECT month, grid, days FROM patrol_months") { r in
                let key = "\(r.text(0)) \(r.text(1))", text = r.text(2)
                let want = expected.removeValue(forKey: key)
                guard let have = PatrolMonthText.decode(text), have == want else {
                    wrong += 1
                    example = example ?? "\(key): stored \"\(text)\", recount \(want.map { PatrolMonthText.encode($0.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }) }.map { "\"\($0)\"" } ?? "nothing")"
                    return
                }
            }
            for key in expected.keys.sorted() {
                wrong += 1
                example = example ?? "\(key): stored nothing, recount \(expected[key]!.count) days"
            }
            return wrong == 0 ? [] : ["\(wrong) patrol_months rows differ from a recount of patrols (e.g. \(example!)); month figures read from it are wrong until it is rebuilt (Store.rebuildPatrolDays)"]
        }
    }
}
