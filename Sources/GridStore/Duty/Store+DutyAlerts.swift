import Foundation
import GridCore

extension Store {
    /// Records that alerts rang for these matters during the shift under way (once per matter and kind; a
    /// second console ringing for the same matter changes nothing). Returns how many were new, or nil when the
    /// file is busy: like the overdue sweep it never waits for another writer (a console must not freeze behind
    /// an import), and the caller tries again at its next tick. No shift open: nothing is recorded.
    @discardableResult
    public func recordShiftAlerts(numbers: [String], kind: String, now: Date) throws -> Int? {
        guard !numbers.isEmpty, !db.isReadOnly, kind == "urgent" || kind == "overdue" else { return 0 }
        db.setBusyTimeout(milliseconds: 0)
        defer { db.setBusyTimeout(milliseconds: Database.busyTimeoutMs) }
        do { return try recordShiftAlertsNow(numbers: numbers, kind: kind, now: now) }
        catch let e as DatabaseError where e.isBusy { return nil }
        catch StoreError.busy { return nil }
    }

    private func recordShiftAlertsNow(numbers: [String], kind: String, now: Date) throws -> Int {
        try write {
            guard let s = try currentShift() else { return 0 }
            var n = 0
            for number in numbers {
                n += try db.run("""
                    INSERT OR IGNORE INTO shift_alerts(shift_id, matter_id, kind, rang_at)
                    SELECT ?, id, ?, ? FROM matters WHERE number = ?
                    """, [.of(s.id), .text(kind), .of(now), .text(number)])
            }
            return n
        }
    }

    /// Every alert that rang during shift `shiftID`, newest first, with its acknowledgement.
    public func shiftAlerts(shiftID: Int, unacknowledgedOnly: Bool = false) throws -> [ShiftMatter] {
        try db.query("""
            SELECT \(Store.shiftMatterColumns), a.rang_at, a.kind, a.acknowledged_at, a.acknowledged_by
            FROM shift_alerts a JOIN matters m ON m.id = a.matter_id
            WHERE a.shift_id = ? \(unacknowledgedOnly ? "AND a.acknowledged_at IS NULL" : "") ORDER BY a.rang_at DESC, m.id DESC LIMIT ?
            """, [.of(shiftID), .of(ShiftActivity.limit)]) { r in
            var m = try Store.shiftMatter(r, reasons: r.text(7) == "urgent" ? [.urgent] : [.overdue])
            m.acknowledgedAt = r.optionalDate(8); m.acknowledgedBy = r.optionalText(9)
            return m
        }
    }

    /// Acknowledges the open shift's unacknowledged alerts for `numbers` (nil: all of them): they stop ringing and
    /// leave the banner on every console. Returns how many were acknowledged.
    @discardableResult
    public func acknowledgeShiftAlerts(numbers: [String]? = nil, by actor: Actor, now: Date) throws -> Int {
        guard !db.isReadOnly else { return 0 }
        return try write {
            guard let s = try currentShift() else { return 0 }
            if let numbers {
                var n = 0
                for number in numbers {
                    n += try db.run("""
                        UPDATE shift_alerts SET acknowledged_at = ?, acknowledged_by = ?
                        WHERE shift_id = ? AND acknowledged_at IS NULL AND matter_id = (SELECT id FROM matters WHERE number = ?)
                        """, [.of(now), .text(actor.login), .of(s.id), .text(number)])
                }
                return n
            }
            return try db.run("UPDATE shift_alerts SET acknowledged_at = ?, acknowledged_by = ? WHERE shift_id = ? AND acknowledged_at IS NULL",
                              [.of(now), .text(actor.login), .of(s.id)])
        }
    }
}
