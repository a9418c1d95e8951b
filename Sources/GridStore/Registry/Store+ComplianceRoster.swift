import CSQLite
import Foundation
import GridCore

/// Codes in a fixed order with what hot loops need to match SQL rows to them without making strings:
/// each code's UTF-8 bytes and its position by code.
struct CodeIndex {
    /// The codes, in the caller's order.
    let codes: [String]
    /// `codes[k]`'s UTF-8 bytes.
    let bytes: [[UInt8]]
    /// The position of each code.
    let slot: [String: Int]
    /// Positions sorted by the codes' bytes: SQLite's binary order, the order of an index on the code (made only
    /// when asked for: `binaryOrder`).
    let byBytes: [Int]

    init(_ codes: [String], binaryOrder: Bool = false) {
        self.codes = codes
        bytes = codes.map { Array($0.utf8) }
        var slot: [String: Int] = [:]
        for (k, c) in codes.enumerated() { slot[c] = k }
        self.slot = slot
        byBytes = binaryOrder ? codes.indices.sorted { [bytes] in bytes[$0].lexicographicallyPrecedes(bytes[$1]) } : []
    }

    /// `text`'s order against `bytes[k]` (memcmp, then length): < 0, 0 or > 0.
    func compare(_ text: UnsafeBufferPointer<UInt8>, _ k: Int) -> Int {
        bytes[k].withUnsafeBufferPointer { b in
            let n = min(text.count, b.count)
            let c = n == 0 ? 0 : memcmp(text.baseAddress!, b.baseAddress!, n)
            return c != 0 ? Int(c) : text.count - b.count
        }
    }
}

/// This connection's copy of the compliance roster and the registry change count it was read at.
struct RosterCopy {
    /// `change_epochs`' `registry` count it was read at.
    let epoch: Int
    /// The basic grids and their workers.
    let roster: WorkerRoster
    /// The grids' codes, in the roster's order.
    let grids: CodeIndex
    /// The workers' codes, in the roster's order.
    let workers: CodeIndex
}

extension Store {
    /// The basic grids (`basicGrids()`) and the workers serving them as a roster, kept on this connection
    /// between reads while the file's registry change count (`change_epochs`, kept by triggers on `grids` and
    /// `workers`) stays the one it was read at: one row's read instead of every grid and worker (9,000 rows at district
    /// size). Inside a write the copy is neither used nor kept (the write may still roll back); a file without the
    /// counter (opened read-only before its upgrade) is read afresh each time.
    func roster() throws -> RosterCopy {
        try db.read {
            // Missing only on a file opened read-only before its upgrade: no counter, no copy.
            let epoch = try? db.scalarInt("SELECT n FROM change_epochs WHERE name = 'registry'")
            let keep = epoch != nil && !db.inTransaction
            if keep, let copy = rosterCopy, copy.epoch == epoch { return copy }
            let roster = WorkerRoster(grids: try basicGrids(), workers: try db.query("SELECT code, name, grid FROM workers") {
                ComplianceRules.WorkerRef(code: $0.text(0), name: $0.text(1), grid: $0.text(2))
            })
            let copy = RosterCopy(epoch: epoch ?? -1, roster: roster, grids: CodeIndex(roster.grids.map(\.code)),
                                  workers: CodeIndex(roster.workers.map(\.code), binaryOrder: true))
            if keep { rosterCopy = copy }
            return copy
        }
    }

    /// `reportCounts(month:through:)` for every roster worker, by position (`copy.roster.workers`): the summary
    /// rows are matched to the roster by a walk of both in binary code order, with no string made or hashed.
    func reportCounts(month: LocalMonth, through end: Date, roster copy: RosterCopy) throws -> [Int] {
        let index = copy.workers
        var counts = [Int](repeating: 0, count: index.codes.count)
        var p = 0
        try visitReportCounts(month: month, through: end, grid: nil, summary: { r in
            r.withTextBytes(0) { text in
                while p < index.byBytes.count && index.compare(text, index.byBytes[p]) > 0 { p += 1 }
                if p < index.byBytes.count && index.compare(text, index.byBytes[p]) == 0 {
                    counts[index.byBytes[p]] = r.int(1)
                    p += 1
                }
            }
        }, add: { w, n in
            if let k = index.slot[w] { counts[k] += n }
        })
        for k in counts.indices where counts[k] < 0 { counts[k] = 0 }
        return counts
    }
}
