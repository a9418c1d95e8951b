import Foundation
import GridCore
import GridStore

/// `gridroom case show NUMBER [--format text|json]`.
enum CaseShow {
    static func run(_ ctx: Context, _ args: inout Arguments, _ store: Store, _ now: Date) throws -> Int32 {
        let number = try args.positional(1, "case NUMBER")
        let format = try args.choice("format", ["text", "json"], default: "text")!
        try args.rejectUnknown()
        let (m, stages, events) = try store.matterDetail(number: number)
        let z = store.zone
        func t(_ d: Date?) -> String { d.map { ISOTime.format($0, zone: z) } ?? "" }
        let fields: [(String, String)] = [
            ("number", m.number), ("state", m.state.rawValue), ("version", String(m.version)),
            ("reported_at", t(m.reportedAt)), ("source", m.source.rawValue), ("reporter", m.reporter), ("grid", m.grid),
            ("category", m.category), ("urgency", m.urgency.rawValue), ("title", m.title), ("description", m.description),
            ("location", m.location), ("caller_name", m.callerName), ("caller_phone", m.callerPhone), ("order_no", m.orderNo),
            ("department", m.department ?? ""), ("first_contact", m.firstContact),
            ("shelved", m.shelved ? "1" : "0"), ("stage", m.stage?.rawValue ?? ""), ("due_at", t(m.stageDueAt)),
            ("near_due_at", t(m.nearDueAt)), ("overdue", m.isOverdue(now: now) ? "1" : "0"),
            ("near_due", m.isNearDue(now: now) && !m.isOverdue(now: now) ? "1" : "0"),
            ("ever_overdue", m.everOverdue || m.isOverdue(now: now) ? "1" : "0"), ("handle_due_at", t(m.handleDueAt)),
            ("reworks", String(m.reworkCount)), ("urges", String(m.urgeCount)), ("urges_yellow", String(m.urgeYellow)),
            ("urges_red", String(m.urgeRed)), ("extensions", String(m.extensionCount)),
            ("duplicate_of", m.duplicateOf ?? ""), ("merged_into", m.mergedInto ?? ""), ("first_report", m.firstReport ? "1" : "0"),
            ("ended_at", t(m.endedAt)), ("updated_at", t(m.updatedAt)), ("updated_by", m.updatedBy),
        ]
        let stageRows = stages.map { s in
            [s.stage.rawValue, s.limit.description, t(s.startedAt), t(s.dueAt), s.originalDueAt == s.dueAt ? "" : t(s.originalDueAt),
             t(s.finishedAt), s.overdue ? "1" : "0"]
        }
        let stageHeader = ["stage", "limit", "started_at", "due_at", "original_due_at", "finished_at", "overdue"]
        let eventRows = events.map { e in
            [t(e.at), e.kind.rawValue, e.fromState?.rawValue ?? "", e.toState?.rawValue ?? "", e.actor, e.stage?.rawValue ?? "",
             e.stageSeconds.map(String.init) ?? "", e.department ?? "", e.level?.rawValue ?? "", e.extensionDays.map(String.init) ?? "", e.note]
        }
        let eventHeader = ["at", "kind", "from", "to", "actor", "stage", "stage_seconds", "department", "level", "extension_days", "note"]
        if format == "json" {
            var object: [String: Any] = [:]
            for (k, v) in fields { object[k] = v }
            for k in ["version", "reworks", "urges", "urges_yellow", "urges_red", "extensions"] { object[k] = Int(object[k] as! String)! }
            for k in ["shelved", "overdue", "near_due", "ever_overdue", "first_report"] { object[k] = (object[k] as! String) == "1" }
            for k in ["department", "duplicate_of", "merged_into", "ended_at", "stage", "due_at", "near_due_at", "handle_due_at"]
            where (object[k] as? String) == "" { object[k] = NSNull() }
            object["stages"] = stageRows.map { Dictionary(uniqueKeysWithValues: zip(stageHeader, $0)) }.enumerated().map { i, d -> [String: Any] in
                var o: [String: Any] = d; o["overdue"] = stages[i].overdue
                if stages[i].finishedAt == nil { o["finished_at"] = NSNull() }
                if (o["original_due_at"] as? String) == "" { o["original_due_at"] = t(stages[i].originalDueAt) }
                return o
            }
            object["history"] = eventRows.enumerated().map { i, r -> [String: Any] in
                var o: [String: Any] = Dictionary(uniqueKeysWithValues: zip(eventHeader, r))
                for (k, v) in o where (v as? String) == "" && k != "note" { o[k] = NSNull() }
                o["stage_seconds"] = events[i].stageSeconds.map { $0 as Any } ?? NSNull()
                o["extension_days"] = events[i].extensionDays.map { $0 as Any } ?? NSNull()
                return o
            }
            print(Output.json(object))
            return 0
        }
        // For people: headings and coded values in --lang, times short and local, each event's note worded.
        let l = ctx.language
        // Here `overdue` is a flag (elsewhere a count): named apart so it reads 是/否.
        let people = fields.map { $0.0 == "overdue" ? ("is_overdue", $0.1) : $0 }
        let names: [String: [String: String]] = ["grid": try store.names(of: .grid), "category": try store.names(of: .category),
                                                 "department": try store.names(of: .department)]
        let labels = people.map { Heading.name($0.0, l) }
        let width = labels.map { DisplayWidth.of($0) }.max() ?? 0
        for ((k, v), label) in zip(people, labels) where !v.isEmpty {
            var shown = OutputColumns.people(k, v, l, zone: z, now: now)
            if let name = names[k]?[v], !name.isEmpty { shown += " " + name }          // names beside codes
            print(DisplayWidth.pad(label, to: width) + "  " + TextSafety.escaped(shown, keepNewlines: k == "description"))
        }
        print(l.pick("\n环节：", "\nstages:"))
        Output.emit(format: "table", header: stageHeader.map { $0 == "overdue" ? "is_overdue" : $0 }, rows: stageRows)
        print(l.pick("\n办理经过：", "\nhistory:"))
        let lines = events.map { e in
            [t(e.at), EventWords.kind(e, l), e.actor, EventWords.note(e, mergedInto: m.mergedInto, l)]
        }
        Output.emit(format: "table", header: ["at", "move", "actor", "note"], rows: lines)
        return 0
    }
}
