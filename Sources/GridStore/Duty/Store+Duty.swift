import Foundation
import GridCore

extension Store {
    static let shiftColumns = """
        s.id, s.login, coalesce(st.name, s.login), s.started_at, s.ended_at, s.handover_note, coalesce(d.planned_login, ''),
        coalesce(d.on_roster, 1), d.took_over, d.acknowledged_at, d.acknowledged_by
        FROM shifts s LEFT JOIN staff st ON st.login = s.login LEFT JOIN shift_details d ON d.shift_id = s.id
        """

    static func shift(_ r: Row) -> Shift {
        Shift(id: r.int(0), login: r.text(1), name: r.text(2), startedAt: r.date(3), endedAt: r.optionalDate(4), note: r.text(5),
              plannedLogin: r.text(6), onRoster: r.bool(7), tookOver: r.optionalInt(8), acknowledgedAt: r.optionalDate(9),
              acknowledgedBy: r.optionalText(10))
    }

    /// The shift under way, if any (the latest one without an end).
    public func currentShift() throws -> Shift? {
        try db.first("SELECT \(Store.shiftColumns) WHERE s.ended_at IS NULL ORDER BY s.started_at DESC, s.id DESC LIMIT 1", [], Store.shift)
    }

    /// A shift by id.
    public func shift(id: Int) throws -> Shift? {
        try db.first("SELECT \(Store.shiftColumns) WHERE s.id = ?", [.of(id)], Store.shift)
    }

    /// The last shift really held (`ShiftRules.wasHeld`: a note, or at least ten minutes), whose note and carried-over
    /// list the officer on duty reads — never a shift opened by mistake and closed at once.
    public func previousShift() throws -> Shift? {
        let recent = try db.query("SELECT \(Store.shiftColumns) WHERE s.ended_at IS NOT NULL ORDER BY s.ended_at DESC, s.id DESC LIMIT 50", [], Store.shift)
        return recent.first { ShiftRules.wasHeld(start: $0.startedAt, end: $0.endedAt!, note: $0.note) }
    }

    /// Shifts that began in [from, to), oldest first (nil bounds: no limit).
    public func shiftHistory(from: Date? = nil, to: Date? = nil) throws -> [Shift] {
        try db.query("SELECT \(Store.shiftColumns) WHERE s.started_at >= ? AND s.started_at < ? ORDER BY s.started_at, s.id",
                     [.of(from ?? .distantPast), .of(to ?? .distantFuture)], Store.shift)
    }

    /// Starts a shift for `actor`. When another officer's shift is open it is taken over only if `takeOver` names
    /// it (the caller asked the person): it is ended at this instant with its note kept and its carried-over list
    /// frozen. The new shift records who the roster had on duty and whether `actor` is on it (allowed either way).
    @discardableResult
    public func startShift(by actor: Actor, now: Date, takeOver: Int? = nil) throws -> Shift {
        try authorize(actor, .duty, target: "shift", now: now)
        let settings = try dutySettings()
        return try write {
            let open = try currentShift()
            if let open {
                if open.login == actor.login && takeOver != open.id { throw StoreError.duty(.alreadyOnDuty(login: actor.login)) }
                guard let takeOver else {
                    throw StoreError.duty(.shiftOpen(id: open.id, login: open.login, since: open.startedAt))
                }
                guard takeOver == open.id else { throw StoreError.duty(.shiftChanged(expected: takeOver, found: open.id)) }
                try close(open, note: nil, at: now, by: actor, action: "shift_taken_over")
            } else if let takeOver {
                throw StoreError.duty(.shiftChanged(expected: takeOver, found: nil))
            }
            let day = zone.localDate(of: now)
            let planned = RosterRules.covering(now, entries: try rosterEntries(from: day.adding(days: -1), to: day), periods: settings.periods, zone: zone)
            let on = RosterRules.isOn(actor.login, planned)
            try db.run("INSERT INTO shifts(login, started_at) VALUES (?, ?)", [.text(actor.login), .of(now)])
            let id = db.lastInsertID
            try db.run("INSERT INTO shift_details(shift_id, planned_login, on_roster, took_over) VALUES (?, ?, ?, ?)",
                       [.of(id), .text(planned?.login ?? ""), .of(on), .of(open?.id)])
            try audit(actor: actor.login, action: "shift_start", target: "shift \(id)", allowed: true,
                      detail: on ? "on the roster (\(planned!.key))" : "not on the roster" + (planned.map { " (planned: \($0.login), \($0.key))" } ?? " (nothing planned)"),
                      now: now)
            return try shift(id: id)!
        }
    }

    /// Saves the note of the shift under way (only its officer writes it). `shiftID` is the shift the caller saw.
    public func saveHandoverNote(_ note: String, shiftID: Int? = nil, by actor: Actor, now: Date) throws {
        try authorize(actor, .duty, target: "shift", now: now)
        let text = try NoteText.clean(note)
        try write {
            let s = try openShift(expected: shiftID)
            guard s.login == actor.login else { throw StoreError.duty(.notTheOfficer(login: actor.login, officer: s.login)) }
            try db.run("UPDATE shifts SET handover_note = ? WHERE id = ?", [.text(text), .of(s.id)])
            try audit(actor: actor.login, action: "shift_note", target: "shift \(s.id)", allowed: true, detail: "\(text.count) characters", now: now)
        }
    }

    /// Ends the shift under way: its note becomes `note` (nil keeps the saved one) and the carried-over list
    /// (`CarryOver`) is frozen with it for the next officer. Returns the ended shift.
    @discardableResult
    public func endShift(note: String? = nil, shiftID: Int? = nil, by actor: Actor, now: Date) throws -> Shift {
        try authorize(actor, .duty, target: "shift", now: now)
        let text = try note.map { try NoteText.clean($0) }
        return try write {
            let s = try openShift(expected: shiftID)
            if text != nil, s.login != actor.login { throw StoreError.duty(.notTheOfficer(login: actor.login, officer: s.login)) }
            try close(s, note: text, at: now, by: actor, action: "shift_end")
            return try shift(id: s.id)!
        }
    }

    /// The incoming officer acknowledges the previous shift's hand-over (接班确认): recorded on that shift and in the audit trail.
    /// `shiftID` is the previous shift the caller saw.
    @discardableResult
    public func acknowledgeHandover(shiftID: Int? = nil, by actor: Actor, now: Date) throws -> Shift {
        try authorize(actor, .duty, target: "handover", now: now)
        return try write {
            let current = try openShift(expected: nil)
            guard current.login == actor.login else { throw StoreError.duty(.notTheOfficer(login: actor.login, officer: current.login)) }
            guard let prev = try previousShift(), prev.endedAt! <= current.startedAt else { throw StoreError.duty(.nothingToAcknowledge) }
            if let shiftID, shiftID != prev.id { throw StoreError.duty(.shiftChanged(expected: shiftID, found: prev.id)) }
            if let at = prev.acknowledgedAt {
                throw StoreError.duty(.alreadyAcknowledged(shift: prev.id, by: prev.acknowledgedBy ?? "", at: at))
            }
            // A shift from before the roster has no details row yet: it is on the roster, not taken over.
            try db.run("""
                INSERT INTO shift_details(shift_id, acknowledged_at, acknowledged_by) VALUES (?, ?, ?)
                ON CONFLICT(shift_id) DO UPDATE SET acknowledged_at = excluded.acknowledged_at, acknowledged_by = excluded.acknowledged_by
                """, [.of(prev.id), .of(now), .text(actor.login)])
            let carried = try db.scalarInt("SELECT count(*) FROM handover_items WHERE shift_id = ?", [.of(prev.id)])
            try audit(actor: actor.login, action: "handover_ack", target: "shift \(prev.id)", allowed: true,
                      detail: "by shift \(current.id); \(carried) matters carried over; note of \(prev.note.count) characters", now: now)
            return try shift(id: prev.id)!
        }
    }

    /// The open shift, checked against the one the caller saw.
    private func openShift(expected: Int?) throws -> Shift {
        guard let s = try currentShift() else {
            if expected != nil { throw StoreError.duty(.shiftChanged(expected: expected, found: nil)) }
            throw StoreError.noShift
        }
        if let expected, expected != s.id { throw StoreError.duty(.shiftChanged(expected: expected, found: s.id)) }
        return s
    }

    /// Ends `s` at `at` (never before it began), keeping its note unless `note` replaces it, and freezes the carried-over list.
    private func close(_ s: Shift, note: String?, at: Date, by actor: Actor, action: String) throws {
        let end = max(at, s.startedAt)
        if let note {
            try db.run("UPDATE shifts SET ended_at = ?, handover_note = ? WHERE id = ?", [.of(end), .text(note), .of(s.id)])
        } else {
            try db.run("UPDATE shifts SET ended_at = ? WHERE id = ?", [.of(end), .of(s.id)])
        }
        let carried = try carryOver(now: end)
        try db.run("DELETE FROM handover_items WHERE shift_id = ?", [.of(s.id)])
        for m in carried {
            try db.run("INSERT INTO handover_items(shift_id, matter_id, reasons) VALUES (?, ?, ?)",
                       [.of(s.id), .of(m.id), .text(m.reasons.map(\.rawValue).joined(separator: ","))])
        }
        try audit(actor: actor.login, action: action, target: "shift \(s.id)", allowed: true,
                  detail: "\(carried.count) matters carried over; note of \((note ?? s.note).count) characters", now: at)
    }
}
