import Foundation
import GridCore

/// One move on a matter, as a person asks for it.
public struct MoveRequest: Sendable, Hashable {
    /// The move.
    public var move: Move
    /// Case number.
    public var number: String
    /// The version the person saw; a different current version refuses the move (nil: no check).
    public var version: Int?
    /// Note or reason.
    public var note: String
    /// Department for dispatch (nil: the category's default).
    public var department: String?
    /// Working days for an extension request.
    public var days: Int?
    /// Target case number for a merge.
    public var into: String?

    /// Creates a request.
    public init(_ move: Move, number: String, version: Int? = nil, note: String = "", department: String? = nil,
                days: Int? = nil, into: String? = nil) {
        self.move = move; self.number = number; self.version = version; self.note = note
        self.department = department; self.days = days; self.into = into
    }
}

extension Store {
    /// Applies one move in one short transaction: role check (refusals audited), stale-version check,
    /// pending overdue recorded first, the state machine, stage clocks, counters, one history event.
    /// Returns the matter as it is afterwards.
    @discardableResult
    public func perform(_ req: MoveRequest, by actor: Actor, now: Date) throws -> Matter {
        try authorize(actor, req.move.action, target: req.number, now: now)
        let note = req.note.trimmingCharacters(in: .whitespacesAndNewlines)
        if req.move.needsNote && note.isEmpty {
            throw StoreError.invalid("case \(req.number): \(req.move.words) needs --note (a reason or what was done)")
        }
        let rules = try matterRules()
        let calendar = try matterCalendar()
        return try write {
            let before = try requireMatter(req.number)
            if let v = req.version, v != before.version { throw conflict(before, seen: v) }
            try recordOverdue(matterID: before.id, now: now)
            let m = try requireMatter(req.number)
            let t: Transition
            switch MatterMachine.apply(req.move, to: m.state, shelved: m.shelved) {
            case .success(let x): t = x
            case .failure(let e): throw StoreError.invalid("case \(m.number): \(e.message)")
            }
            try apply(t, req: req, note: note, to: m, actor: actor, rules: rules, calendar: calendar, now: now)
            try audit(actor: actor.login, action: req.move.kind, target: m.number, allowed: true, detail: note, now: now)
            return try requireMatter(req.number)
        }
    }

    private func conflict(_ m: Matter, seen: Int) -> StoreError {
        .conflict("case \(m.number) was changed by \(m.updatedBy) at \(ISOTime.format(m.updatedAt, zone: zone)) — reload "
                  + "(you had version \(seen), it is now version \(m.version))")
    }

    /// Writes one legal transition (inside the write).
    private func apply(_ t: Transition, req: MoveRequest, note: String, to m: Matter, actor: Actor,
                       rules: MatterRules, calendar: OfficeCalendar, now: Date) throws {
        var sets: [String] = []
        var args: [SQLValue] = []
        func set(_ column: String, _ value: SQLValue) { sets.append("\(column) = ?"); args.append(value) }
        var eventNote = note
        var eventDepartment: String? = nil
        var level: String? = nil

        switch req.move {
        case .dispatch:
            guard let cat = try matterCategory(m.category) else { throw StoreError.invalid("category \(m.category) is gone from the registry") }
            let dept = req.department ?? cat.department
            guard try registryHas("departments", dept) else {
                throw StoreError.invalid("case \(m.number): department \(dept): no such department in the registry")
            }
            set("department", .text(dept)); eventDepartment = dept
        case .returnMatter:
            eventDepartment = m.department
            set("department", .null)
        case .merge:
            guard let into = req.into else { throw StoreError.invalid("case \(m.number): merge needs --into NUMBER (the matter it duplicates)") }
            guard into != m.number else { throw StoreError.invalid("case \(m.number): cannot merge a matter into itself") }
            let target = try requireMatter(into)
            guard target.state != .invalid && target.state != .merged else {
                let hint = target.mergedInto.map { "; merge into \($0) instead" } ?? ""
                throw StoreError.invalid("case \(m.number): cannot merge into \(into), which is \(target.state.rawValue)\(hint)")
            }
            set("merged_into", .of(target.id))
            eventNote = "merged into \(into)" + (note.isEmpty ? "" : ": \(note)")
        case .urge(let l):
            level = l.rawValue
            set("urge_count", .of(m.urgeCount + 1))
            if l == .yellow { set("urge_yellow", .of(m.urgeYellow + 1)) }
            if l == .red { set("urge_red", .of(m.urgeRed + 1)) }
            eventDepartment = m.department
        case .extendRequest:
            guard let days = req.days, (1...60).contains(days) else {
                throw StoreError.invalid("case \(m.number): extend needs --days N (working days, 1 to 60)")
            }
            guard try pendingExtension(m.id) == nil else {
                throw StoreError.invalid("case \(m.number): an extension request is already pending; approve or refuse it first")
            }
            try db.run("INSERT INTO extensions(matter_id, requested_at, requested_by, days, reason, state) VALUES (?, ?, ?, ?, ?, 'pending')",
                       [.of(m.id), .of(now), .text(actor.login), .of(days), .text(note)])
            eventNote = "\(days) working days: \(note)"; eventDepartment = m.department
        case .extendApprove, .extendRefuse:
            guard let (extID, days) = try pendingExtension(m.id) else {
                throw StoreError.invalid("case \(m.number): no extension request is pending")
            }
            if req.move == .extendApprove {
                guard let oldDue = m.stageDueAt, let start = m.stageStartedAt,
                      let limitText = try db.first("SELECT time_limit FROM stages WHERE matter_id = ? AND finished_at IS NULL", [.of(m.id)], { $0.text(0) }),
                      let limit = TimeLimit(parsing: limitText) else {
                    throw StoreError.invalid("case \(m.number): no handling clock is running to extend")
                }
                let newDue = Deadline.extended(due: oldDue, days: days, calendar: calendar)
                let near = Deadline.nearDueAt(start: start, due: newDue, unit: limit.unit, calendar: calendar, share: rules.nearDueShare)
                try db.run("UPDATE stages SET due_at = ? WHERE matter_id = ? AND finished_at IS NULL", [.of(newDue), .of(m.id)])
                try db.run("UPDATE extensions SET state = 'approved', decided_by = ?, decided_at = ?, old_due_at = ?, new_due_at = ? WHERE id = ?",
                           [.text(actor.login), .of(now), .of(oldDue), .of(newDue), .of(extID)])
                set("stage_due_at", .of(newDue)); set("near_due_at", .of(near))
                set("extension_count", .of(m.extensionCount + 1))
                eventNote = "\(days) working days; due \(ISOTime.format(oldDue, zone: zone)) → \(ISOTime.format(newDue, zone: zone))"
                    + (note.isEmpty ? "" : ": \(note)")
            } else {
                try db.run("UPDATE extensions SET state = 'refused', decided_by = ?, decided_at = ? WHERE id = ?",
                           [.text(actor.login), .of(now), .of(extID)])
            }
        default:
            break
        }

        // Stage clocks.
        var finishedStage: String? = nil
        var stageSeconds: Int? = nil
        if let stopping = t.stops,
           let (sid, start, limitText) = try db.first("SELECT id, started_at, time_limit FROM stages WHERE matter_id = ? AND finished_at IS NULL ORDER BY id DESC LIMIT 1",
                                                      [.of(m.id)], { ($0.int(0), $0.date(1), $0.text(2)) }) {
            try db.run("UPDATE stages SET finished_at = ? WHERE id = ?", [.of(now), .of(sid)])
            let unit = TimeLimit(parsing: limitText)?.unit ?? .minutes
            finishedStage = stopping.rawValue
            stageSeconds = Int(calendar.measured(from: start, to: max(now, start), unit: unit).rounded())
        }
        if let starting = t.starts {
            guard let cat = try matterCategory(m.category) else { throw StoreError.invalid("category \(m.category) is gone from the registry") }
            let limit = rules.limit(for: starting, category: cat, urgency: m.urgency)
            let clock = Deadline.clock(stage: starting, limit: limit, start: now, calendar: calendar, share: rules.nearDueShare)
            try db.run("INSERT INTO stages(matter_id, stage, time_limit, started_at, due_at, original_due_at) VALUES (?, ?, ?, ?, ?, ?)",
                       [.of(m.id), .text(starting.rawValue), .text(limit.description), .of(now), .of(clock.dueAt), .of(clock.dueAt)])
            set("stage", .text(starting.rawValue)); set("stage_started_at", .of(now))
            set("stage_due_at", .of(clock.dueAt)); set("near_due_at", .of(clock.nearDueAt)); set("overdue_recorded", 0)
            if starting == .handling && m.handleDueAt == nil { set("handle_due_at", .of(clock.dueAt)) }
        } else if t.stops != nil {
            set("stage", .null); set("stage_started_at", .null); set("stage_due_at", .null); set("near_due_at", .null)
        }
        if t.to != t.from { set("state", .text(t.to.rawValue)) }
        if t.shelved != m.shelved { set("shelved", .of(t.shelved)) }
        if t.countsRework { set("rework_count", .of(m.reworkCount + 1)) }
        if !t.to.isOpen && t.from.isOpen { set("ended_at", .of(now)) }
        if t.to.isOpen && !t.from.isOpen { set("ended_at", .null) }
        set("updated_at", .of(now)); set("updated_by", .text(actor.login))
        sets.append("version = version + 1")
        let changed = try db.run("UPDATE matters SET \(sets.joined(separator: ", ")) WHERE id = ? AND version = ?",
                                 args + [.of(m.id), .of(m.version)])
        guard changed == 1 else { throw conflict(try requireMatter(m.number), seen: m.version) }
        // Invalidating, merging or bringing back a grid worker's report changes its reporter's month count.
        if t.to != t.from { try noteStateChange(m, from: t.from, to: t.to) }

        try appendEvent(matter: m.id, at: now, kind: req.move.kind, from: t.from.rawValue, to: t.to.rawValue, actor: actor.login,
                        note: eventNote, stage: finishedStage, stageSeconds: stageSeconds,
                        department: eventDepartment ?? (req.move == .dispatch ? nil : m.department), level: level)
        if req.move == .merge, let into = req.into { try creditFirstReport(groupOf: into) }
    }

    /// The pending extension request of a matter: (id, working days).
    private func pendingExtension(_ matterID: Int) throws -> (Int, Int)? {
        try db.first("SELECT id, days FROM extensions WHERE matter_id = ? AND state = 'pending' ORDER BY id DESC LIMIT 1",
                     [.of(matterID)]) { ($0.int(0), $0.int(1)) }
    }

    /// Re-credits first report (首报) in a merged group: the earliest report of the target and everything merged
    /// into it, when the target's category is of a major class that earns credit.
    private func creditFirstReport(groupOf number: String) throws {
        let target = try requireMatter(number)
        guard let cat = try matterCategory(target.category), FirstReport.applies(toMajor: cat.major) else { return }
        let group = try db.query("SELECT id, reported_at FROM matters WHERE id = ? OR merged_into = ?", [.of(target.id), .of(target.id)]) {
            (id: $0.int(0), reportedAt: $0.int(1))
        }
        guard let first = FirstReport.first(of: group) else { return }
        try db.run("UPDATE matters SET first_report = (id = ?) WHERE id = ? OR merged_into = ?", [.of(first), .of(target.id), .of(target.id)])
    }
}
