import Foundation
import GridCore
import GridStore

/// `gridroom duty show` and `history`: shifts with their full notes, hand-over lists and acknowledgements,
/// as text or typed JSON (times ISO-8601 with the township's offset).
enum DutyShow {
    static func show(_ store: Store, now: Date, json: Bool, _ l: Language) throws {
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
        let zh = l == .zh
        if let current {
            try printShift(current, store, carried: false, heading: zh ? "当前班次" : "Current shift", l)
            print(zh ? "本班以来：" : "Since the shift began:")
            for kind in ShiftListKind.allCases {
                let rows = activity![kind]
                print("  \(listName(kind, l))\(zh ? "：" : ": ")\(rows.count)")
                for m in rows.prefix(20) { print("    " + line(m, store, l)) }
                if rows.count > 20 { print(zh ? "    …… 另有 \(rows.count - 20) 件（--format json 列出全部）" : "    … \(rows.count - 20) more (`--format json` lists all)") }
            }
        } else {
            print(zh ? "当前无人值班（gridroom duty start 接班）。" : "Nobody is on duty (`gridroom duty start`).")
        }
        print("")
        if let previous { try printShift(previous, store, carried: true, heading: zh ? "上一班" : "Previous shift", l) }
        else { print(zh ? "没有更早的班次。" : "No earlier shift.") }
    }

    /// One shift as text: who, when, roster mark, acknowledgement, the full note, and its carried-over list.
    static func printShift(_ s: Shift, _ store: Store, carried: Bool, heading: String, _ l: Language) throws {
        let z = store.zone, zh = l == .zh
        var head = "\(heading)\(zh ? "：" : ": ")\(visible(s.name)) (\(s.login)), \(ISOTime.formatShort(s.startedAt, zone: z)) – "
            + (s.endedAt.map { ISOTime.formatShort($0, zone: z) } ?? (zh ? "至今" : "now"))
        if !s.onRoster {
            head += zh ? " [未排班" + (s.plannedLogin.isEmpty ? "" : "；排班：\(s.plannedLogin)") + "]"
                : " [not on the roster" + (s.plannedLogin.isEmpty ? "" : "; planned: \(s.plannedLogin)") + "]"
        }
        if let t = s.tookOver { head += zh ? "（接管班次 \(t)）" : " (took over shift \(t))" }
        print(head)
        if s.endedAt != nil {
            print(s.acknowledgedAt.map { zh ? "  已接班确认：\(s.acknowledgedBy ?? "") \(ISOTime.formatShort($0, zone: z))"
                                            : "  acknowledged by \(s.acknowledgedBy ?? "") at \(ISOTime.formatShort($0, zone: z))" }
                  ?? (zh ? "  待接班确认" : "  not acknowledged yet"))
        }
        print(zh ? "  交班记录：" : "  note:")
        if s.note.isEmpty { print(zh ? "    （无）" : "    (none)") }
        else { for line in s.note.split(separator: "\n", omittingEmptySubsequences: false) { print("    " + visible(String(line))) } }
        guard carried, s.endedAt != nil else { return }
        let items = try store.handoverItems(shiftID: s.id)
        print(zh ? "  移交事项：\(items.count)" : "  carried over: \(items.count)")
        for m in items { print("    " + self.line(m, store, l)) }
    }

    /// The name of a list of the shift view.
    static func listName(_ k: ShiftListKind, _ l: Language) -> String {
        guard l == .zh else { return k.rawValue.replacingOccurrences(of: "_", with: " ") }
        switch k { case .takenIn: return "受理"; case .turnedOverdue: return "转超期"; case .escalated: return "上报"
        case .urged: return "督办"; case .closed: return "办结"; case .rang: return "响铃" }
    }

    /// `20261122-0034  11-22 21:00  urgent,overdue  dispatched  due 11-22 23:00  title` (names in Chinese under zh).
    static func line(_ m: ShiftMatter, _ store: Store, _ l: Language) -> String {
        let zh = l == .zh, z = store.zone
        var parts = [m.number, ISOTime.formatShort(m.at, zone: z)]
        if !m.reasons.isEmpty { parts.append(m.reasons.map { zh ? $0.displayName(.zh) : $0.rawValue }.joined(separator: zh ? "、" : ",")) }
        parts.append(m.state.displayName(l))
        if let d = m.dueAt { parts.append((zh ? "期限 " : "due ") + ISOTime.formatShort(d, zone: z)) }
        if let a = m.acknowledgedAt {
            parts.append(zh ? "已确认 \(ISOTime.formatShort(a, zone: z)) \(m.acknowledgedBy ?? "")" : "acknowledged \(ISOTime.formatShort(a, zone: z)) by \(m.acknowledgedBy ?? "")")
        }
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

    /// Text from the file for a terminal: control characters written visibly (`TextSafety`, the one output rule).
    static func visible(_ text: String) -> String { TextSafety.escaped(text) }
}
