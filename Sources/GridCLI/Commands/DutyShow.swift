import Foundation
import GridCore
import GridStore

/// `gridroom duty show` and `history`: shifts with their full notes, hand-over lists and acknowledgements,
/// as text or typed JSON (times ISO-8601 with the township's offset).
enum DutyShow {
    static func show(_ store: Store, now: Date, json: Bool) throws {
        let current = try store.currentShift(), previous = try store.previousShift()
        let activity = try current.map { try store.shiftActivity($0, now: now) }
        if json {
            var out: [String: Any] = ["now": ISOTime.format(now, zone: store.zone)]
            if let current {
                var c = try self.json(current, store, carried: false)
                var lists: [String: Any] = [:]
                for kind in ShiftListKind.allCases {
                    let rows = activity![kind]
                    lists[kind.rawValue] = ["count": rows.count, "matters": rows.map { matter($0, store) }]
                }
                c["activity"] = lists
                out["current"] = c
            } else { out["current"] = NSNull() }
            out["previous"] = try previous.map { try self.json($0, store, carried: true) } ?? NSNull()
            print(Output.json(out))
            return
        }
        if let current {
            try printShift(current, store, carried: false, heading: "Current shift")
            print("Since the shift began:")
            for kind in ShiftListKind.allCases {
                let rows = activity![kind]
                print("  \(kind.rawValue.replacingOccurrences(of: "_", with: " ")): \(rows.count)")
                for m in rows.prefix(20) { print("    " + line(m, store)) }
                if rows.count > 20 { print("    … \(rows.count - 20) more (`--format json` lists all)") }
            }
        } else {
            print("Nobody is on duty (`gridroom duty start`).")
        }
        print("")
        if let previous { try printShift(previous, store, carried: true, heading: "Previous shift") } else { print("No earlier shift.") }
    }

    /// One shift as text: who, when, roster mark, acknowledgement, the full note, and its carried-over list.
    static func printShift(_ s: Shift, _ store: Store, carried: Bool, heading: String) throws {
        let z = store.zone
        var head = "\(heading): \(visible(s.name)) (\(s.login)), \(ISOTime.formatShort(s.startedAt, zone: z)) – "
            + (s.endedAt.map { ISOTime.formatShort($0, zone: z) } ?? "now")
        if !s.onRoster { head += " [not on the roster" + (s.plannedLogin.isEmpty ? "" : "; planned: \(s.plannedLogin)") + "]" }
        if let t = s.tookOver { head += " (took over shift \(t))" }
        print(head)
        if s.endedAt != nil {
            print(s.acknowledgedAt.map { "  acknowledged by \(s.acknowledgedBy ?? "") at \(ISOTime.formatShort($0, zone: z))" } ?? "  not acknowledged yet")
        }
        print("  note:")
        if s.note.isEmpty { print("    (none)") }
        else { for l in s.note.split(separator: "\n", omittingEmptySubsequences: false) { print("    " + visible(String(l))) } }
        guard carried, s.endedAt != nil else { return }
        let items = try store.handoverItems(shiftID: s.id)
        print("  carried over: \(items.count)")
        for m in items { print("    " + line(m, store)) }
    }

    /// `20261122-0034  urgent,overdue  dispatched  due 11-22 23:00  title`.
    static func line(_ m: ShiftMatter, _ store: Store) -> String {
        var parts = [m.number, ISOTime.formatShort(m.at, zone: store.zone)]
        if !m.reasons.isEmpty { parts.append(m.reasons.map(\.rawValue).joined(separator: ",")) }
        parts.append(m.state.rawValue)
        if let d = m.dueAt { parts.append("due " + ISOTime.formatShort(d, zone: store.zone)) }
        if let a = m.acknowledgedAt { parts.append("acknowledged \(ISOTime.formatShort(a, zone: store.zone)) by \(m.acknowledgedBy ?? "")") }
        return parts.joined(separator: "  ") + "  " + visible(m.title)
    }

    static func json(_ s: Shift, _ store: Store, carried: Bool) throws -> [String: Any] {
        let z = store.zone
        var o: [String: Any] = [
            "id": s.id, "login": s.login, "name": s.name, "started_at": ISOTime.format(s.startedAt, zone: z),
            "ended_at": s.endedAt.map { ISOTime.format($0, zone: z) } ?? NSNull(), "note": s.note,
            "on_roster": s.onRoster, "planned_login": s.plannedLogin.isEmpty ? NSNull() : s.plannedLogin,
            "took_over": s.tookOver ?? NSNull() as Any,
            "acknowledgement": s.acknowledgedAt.map { ["at": ISOTime.format($0, zone: z), "by": s.acknowledgedBy ?? ""] as [String: Any] } ?? NSNull(),
        ]
        if carried, s.endedAt != nil { o["carried_over"] = try store.handoverItems(shiftID: s.id).map { matter($0, store) } }
        return o
    }

    static func matter(_ m: ShiftMatter, _ store: Store) -> [String: Any] {
        var o: [String: Any] = ["number": m.number, "title": m.title, "state": m.state.rawValue, "urgency": m.urgency.rawValue,
                                "at": ISOTime.format(m.at, zone: store.zone),
                                "due_at": m.dueAt.map { ISOTime.format($0, zone: store.zone) } ?? NSNull()]
        if !m.reasons.isEmpty { o["reasons"] = m.reasons.map(\.rawValue) }
        if m.acknowledgedAt != nil || m.acknowledgedBy != nil {
            o["acknowledged_at"] = m.acknowledgedAt.map { ISOTime.format($0, zone: store.zone) } ?? NSNull()
            o["acknowledged_by"] = m.acknowledgedBy ?? NSNull()
        }
        return o
    }

    /// Text with control characters shown as `�` (notes written before input was checked, titles from imports).
    static func visible(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { CharacterSet.controlCharacters.contains($0) ? "\u{FFFD}" : $0 }))
    }
}
