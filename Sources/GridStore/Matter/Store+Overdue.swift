import Foundation
import GridCore

extension Store {
    /// Records every stage that has gone overdue (超期) since anyone last looked: one `overdue` event per
    /// stage, dated at its due instant, and the matter's flags set. Cheap when nothing is pending (one
    /// indexed probe). Every command and console tick that shows matters calls it. Returns how many were recorded.
    @discardableResult
    public func recordOverdue(now: Date) throws -> Int {
        guard !db.isReadOnly else { return 0 }
        let probe = "SELECT id FROM matters WHERE ended_at IS NULL AND overdue_recorded = 0 AND stage_due_at < ? ORDER BY stage_due_at LIMIT 500"
        let unsigned = try recordUnsigned(now: now)
        guard try db.first(probe, [.of(now)], { $0.int(0) }) != nil else { return unsigned }
        var total = unsigned
        while true {
            // Short transactions of at most 500 matters each.
            let n = try db.write { () -> Int in
                let ids = try db.query(probe, [.of(now)]) { $0.int(0) }
                for id in ids { try recordOverdue(matterID: id, now: now) }
                return ids.count
            }
            total += n
            if n < 500 { break }
        }
        return total
    }

    /// Open dispatched matters still unsigned past their sign-for deadline (未签收): one `sign_overdue` event each, dated at
    /// the deadline (the probe is the partial index `matters_unsigned`). The matter's version does not change.
    private func recordUnsigned(now: Date) throws -> Int {
        let probe = """
            SELECT id FROM matters INDEXED BY matters_unsigned WHERE ended_at IS NULL AND signed_at IS NULL AND sign_due_at IS NOT NULL
              AND sign_due_at < ? AND sign_overdue_recorded = 0 AND state = 'dispatched' LIMIT 500
            """
        guard try db.first(probe, [.of(now)], { $0.int(0) }) != nil else { return 0 }
        return try db.write {
            let ids = try db.query(probe, [.of(now)]) { $0.int(0) }
            for id in ids { try recordUnsigned(matterID: id, now: now) }
            return ids.count
        }
    }

    /// Records the missed sign-for of one matter, if any and not yet recorded (inside a write).
    func recordUnsigned(matterID id: Int, now: Date) throws {
        guard let (due, dept) = try db.first("""
            SELECT sign_due_at, department FROM matters WHERE id = ? AND ended_at IS NULL AND state = 'dispatched'
              AND signed_at IS NULL AND sign_due_at < ? AND sign_overdue_recorded = 0
            """, [.of(id), .of(now)], { ($0.date(0), $0.optionalText(1)) }) else { return }
        try appendEvent(matter: id, at: due, kind: .signOverdue, from: nil, to: nil, actor: "system", note: "", department: dept)
        try db.run("UPDATE matters SET sign_overdue_recorded = 1 WHERE id = ?", [.of(id)])
    }

    /// Records the overdue current stage of one matter, if any and not yet recorded (inside a write).
    func recordOverdue(matterID id: Int, now: Date) throws {
        guard let (stage, due) = try db.first("""
            SELECT stage, stage_due_at FROM matters
            WHERE id = ? AND ended_at IS NULL AND overdue_recorded = 0 AND stage_due_at < ?
            """, [.of(id), .of(now)], { ($0.optionalText(0), $0.date(1)) }) else { return }
        let s: Stage? = try stage.map { raw in
            guard let s = Stage(rawValue: raw) else { throw StoreError.unknownStoredValue(table: "matters", column: "stage", value: raw) }
            return s
        }
        // No note: the event's kind, stage and time say it all, in whichever language it is read.
        try appendEvent(matter: id, at: due, kind: .overdue, from: nil, to: nil, actor: "system", note: "", stage: s)
        try db.run("UPDATE stages SET overdue = 1 WHERE matter_id = ? AND finished_at IS NULL", [.of(id)])
        try db.run("UPDATE matters SET overdue_recorded = 1, ever_overdue = 1 WHERE id = ?", [.of(id)])
    }
}
