import Foundation
import GridCore

/// What one breach sweep (超期扫描) did.
public enum SweepOutcome: Sendable, Equatable {
    /// This many stages were recorded overdue (0: nothing was pending).
    case recorded(Int)
    /// Another process held the write lock; nothing was waited for or written. The next sweep tries again.
    case busy
    /// The file is open read-only; a read never writes.
    case readOnly
}

extension Store {
    /// Records every stage that has gone overdue (超期) and is not yet recorded: one `overdue` event per stage,
    /// dated at its due instant, and the matter's flags set. Only writers call it — the console's periodic
    /// sweep, `gridroom sweep` (cron) and every move (for its own matter); reads never do, so a read never
    /// writes and never waits. It never waits either: when the file is busy it returns `.busy` at once.
    /// Breaches are recorded only up to the real clock `real`, even on a rehearsal file whose `now` runs ahead,
    /// so no event is ever dated after the moment it was written. Errors other than a busy file are thrown.
    @discardableResult
    public func sweepOverdue(now: Date, real: Date = Date()) throws -> SweepOutcome {
        guard !db.isReadOnly else { return .readOnly }
        let cutoff = min(now, real)
        let probe = "SELECT id FROM matters WHERE ended_at IS NULL AND overdue_recorded = 0 AND stage_due_at < ? ORDER BY stage_due_at LIMIT 500"
        // The probe runs on every sweep tick: a cached statement.
        guard try db.cachedStatement(probe).first([.of(cutoff)], { $0.int(0) }) != nil else { return .recorded(0) }
        db.setBusyTimeout(milliseconds: 0)
        defer { db.setBusyTimeout(milliseconds: Database.busyTimeoutMs) }
        var total = 0
        while true {
            // Short transactions of at most 500 matters each; a busy file ends the sweep without waiting.
            let n: Int
            do {
                n = try write { () -> Int in
                    let ids = try db.query(probe, [.of(cutoff)]) { $0.int(0) }
                    for id in ids { try recordOverdue(matterID: id, now: cutoff) }
                    return ids.count
                }
            } catch let e as DatabaseError where e.isBusy {
                return total > 0 ? .recorded(total) : .busy
            } catch StoreError.busy {
                return total > 0 ? .recorded(total) : .busy
            }
            total += n
            if n < 500 { break }
        }
        return .recorded(total)
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
        // No note: the event's kind, stage and time say it all, in whichever language it is read. Dated at the
        // deadline — or at the matter's last event when that came later (a matter imported after its dispatch
        // deadline had passed), so history still only moves forward; the stage row keeps the deadline itself.
        let last = try db.first("SELECT at FROM events WHERE matter_id = ? ORDER BY id DESC LIMIT 1", [.of(id)]) { $0.date(0) }
        try appendEvent(matter: id, at: max(due, last ?? due), kind: .overdue, from: nil, to: nil, actor: "system", note: "", stage: s)
        try db.run("UPDATE stages SET overdue = 1 WHERE matter_id = ? AND finished_at IS NULL", [.of(id)])
        try db.run("UPDATE matters SET overdue_recorded = 1, ever_overdue = 1 WHERE id = ?", [.of(id)])
    }
}
