import Foundation
import GridCore

extension Store {
    private static let shiftColumns = "s.id, s.login, coalesce(st.name, s.login), s.started_at, s.ended_at, s.handover_note FROM shifts s LEFT JOIN staff st ON st.login = s.login"

    private static func shift(_ r: Row) -> Shift {
        Shift(id: r.int(0), login: r.text(1), name: r.text(2), startedAt: r.date(3), endedAt: r.optionalDate(4), note: r.text(5))
    }

    /// The shift under way, if any (the latest one without an end).
    public func currentShift() throws -> Shift? {
        try db.first("SELECT \(Store.shiftColumns) WHERE s.ended_at IS NULL ORDER BY s.started_at DESC LIMIT 1", [], Store.shift)
    }

    /// The latest ended shift, whose note the current one reads.
    public func previousShift() throws -> Shift? {
        try db.first("SELECT \(Store.shiftColumns) WHERE s.ended_at IS NOT NULL ORDER BY s.ended_at DESC, s.id DESC LIMIT 1", [], Store.shift)
    }

    /// Starts a shift for `actor`; a shift still open is ended at the same instant (one room, one duty officer).
    @discardableResult
    public func startShift(by actor: Actor, now: Date) throws -> Shift {
        try authorize(actor, .duty, target: "shift", now: now)
        return try write {
            try db.run("UPDATE shifts SET ended_at = ? WHERE ended_at IS NULL", [.of(now)])
            try db.run("INSERT INTO shifts(login, started_at) VALUES (?, ?)", [.text(actor.login), .of(now)])
            let id = db.lastInsertID
            try audit(actor: actor.login, action: "shift_start", target: "shift \(id)", allowed: true, now: now)
            return try db.first("SELECT \(Store.shiftColumns) WHERE s.id = ?", [.of(id)], Store.shift)!
        }
    }

    /// Saves the handover note of the shift under way.
    public func saveHandoverNote(_ note: String, by actor: Actor, now: Date) throws {
        try authorize(actor, .duty, target: "shift", now: now)
        try TextSafety.check(note, .multiLine("handover note"))
        try write {
            guard let s = try currentShift() else { throw StoreError.noShift }
            try db.run("UPDATE shifts SET handover_note = ? WHERE id = ?", [.text(note), .of(s.id)])
        }
    }

    /// Ends the shift under way, keeping `note` as its handover note.
    public func endShift(note: String, by actor: Actor, now: Date) throws {
        try authorize(actor, .duty, target: "shift", now: now)
        try TextSafety.check(note, .multiLine("handover note"))
        try write {
            guard let s = try currentShift() else { throw StoreError.noShift }
            try db.run("UPDATE shifts SET ended_at = ?, handover_note = ? WHERE id = ?", [.of(max(now, s.startedAt)), .text(note), .of(s.id)])
            try audit(actor: actor.login, action: "shift_end", target: "shift \(s.id)", allowed: true, now: now)
        }
    }

    /// What happened between `since` and `now`.
    public func shiftSummary(since: Date, now: Date) throws -> ShiftSummary {
        try db.read {
            ShiftSummary(
                new: try db.scalarInt(ConsoleQueries.newInRange, [.of(since), .of(now.addingTimeInterval(1))]),
                closed: try db.scalarInt(ConsoleQueries.closedInRange, [.of(since), .of(now)]),
                becameOverdue: try db.scalarInt(ConsoleQueries.becameOverdue, [.of(since), .of(now)]),
                urgent: try db.scalarInt(ConsoleQueries.urgentInRange, [.of(since), .of(now)]))
        }
    }
}
