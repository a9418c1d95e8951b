import Foundation
import GridCore

extension Store {
    /// `m.id, m.number, m.title, m.state, m.urgency, m.stage_due_at` — the matter columns of every duty list.
    static let shiftMatterColumns = ConsoleQueries.shiftMatterColumns

    /// Decodes the six matter columns then `at` at column 6; an unknown state or urgency is an error, not a guess.
    static func shiftMatter(_ r: Row, reasons: [CarryReason] = []) throws -> ShiftMatter {
        guard let state = MatterState(rawValue: r.text(3)), let urgency = Urgency(rawValue: r.text(4)) else {
            throw MatterState(rawValue: r.text(3)) == nil ? StoreError.unknownStoredValue(table: "matters", column: "state", value: r.text(3))
                : StoreError.unknownStoredValue(table: "matters", column: "urgency", value: r.text(4))
        }
        return ShiftMatter(id: r.int(0), number: r.text(1), title: r.text(2), state: state, urgency: urgency, dueAt: r.optionalDate(5),
                           at: r.date(6), reasons: reasons, acknowledgedAt: nil, acknowledgedBy: nil)
    }

    /// The carried-over list as it stands at `now` (`CarryOver.reasons`): every open matter that is urgent, overdue,
    /// near due within 12 hours, escalated and waiting, or shelved today; most pressing first, then soonest deadline.
    /// The candidates are read from the open-matter indexes; the rule decides.
    public func carryOver(now: Date) throws -> [ShiftMatter] {
        let dayStart = zone.startOfDay(zone.localDate(of: now))
        let horizon = now.addingTimeInterval(CarryOver.nearDueWindow)
        return try db.read {
            var out: [ShiftMatter] = []
            try db.forEach(ConsoleQueries.carryOver, [.of(now), .of(horizon), .of(dayStart)]) { r in
                var m = try Store.shiftMatter(r)
                let facts = CarryFacts(urgent: m.urgency == .urgent, escalated: r.bool(7), dueAt: m.dueAt, shelvedAt: r.optionalDate(8))
                m.reasons = CarryOver.reasons(facts, now: now, dayStart: dayStart)
                if !m.reasons.isEmpty { out.append(m) }
            }
            return out.sorted { a, b in
                if a.reasons[0] != b.reasons[0] { return a.reasons[0] < b.reasons[0] }
                return (a.dueAt ?? .distantFuture, a.number) < (b.dueAt ?? .distantFuture, b.number)
            }
        }
    }

    /// The carried-over list frozen when shift `shiftID` ended, with each matter as it is now.
    public func handoverItems(shiftID: Int) throws -> [ShiftMatter] {
        let at = try db.first("SELECT ended_at FROM shifts WHERE id = ?", [.of(shiftID)]) { $0.optionalInt(0) } ?? nil
        let rows = try db.query("""
            SELECT \(Store.shiftMatterColumns), ?, h.reasons FROM handover_items h JOIN matters m ON m.id = h.matter_id WHERE h.shift_id = ?
            """, [.of(at ?? 0), .of(shiftID)]) { r -> ShiftMatter in
            let reasons = try r.text(7).split(separator: ",").map { raw -> CarryReason in
                guard let c = CarryReason(rawValue: String(raw)) else { throw StoreError.unknownStoredValue(table: "handover_items", column: "reasons", value: String(raw)) }
                return c
            }
            return try Store.shiftMatter(r, reasons: reasons)
        }
        return rows.sorted { a, b in
            let ra = a.reasons.first ?? CarryReason.shelvedToday, rb = b.reasons.first ?? CarryReason.shelvedToday
            if ra != rb { return ra < rb }
            return (a.dueAt ?? .distantFuture, a.number) < (b.dueAt ?? .distantFuture, b.number)
        }
    }

    /// What happened during `shift` (up to its end, or `now` while open), list by list, newest first.
    /// Taken in counts by INTAKE time (the `intake` event), so a matter reported earlier and taken in during the shift is in it.
    public func shiftActivity(_ shift: Shift, now: Date) throws -> ShiftActivity {
        let from = shift.startedAt, to = shift.endedAt ?? now
        let limit = ShiftActivity.limit
        return try db.read {
            func events(_ kind: String) throws -> [ShiftMatter] {
                try db.query(ConsoleQueries.shiftEvents, [.of(from), .of(to), .text(kind), .of(limit)]) { try Store.shiftMatter($0) }
            }
            var a = ShiftActivity()
            a.lists[.takenIn] = try events("intake")
            a.lists[.escalated] = try events("escalate")
            a.lists[.urged] = try events("urge")
            a.lists[.closed] = try events("verify_pass")
            // Overdue: the recorded `overdue` events (at the deadline) and open matters whose deadline fell in the
            // shift but that no housekeeping has recorded yet.
            a.lists[.turnedOverdue] = try db.query(ConsoleQueries.shiftTurnedOverdue, [.of(from), .of(to), .of(from), .of(to), .of(limit)]) { try Store.shiftMatter($0) }
            a.lists[.rang] = try shiftAlerts(shiftID: shift.id)
            return a
        }
    }
}
