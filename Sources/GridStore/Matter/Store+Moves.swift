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
    /// How a reply was given.
    public var channel: ReplyChannel?
    /// The verdict of a follow-up call.
    public var result: Satisfaction?
    /// Co-handling departments for a dispatch (协办), besides the lead.
    public var coHandlers: [String] = []

    /// Creates a request.
    public init(_ move: Move, number: String, version: Int? = nil, note: String = "", department: String? = nil,
                days: Int? = nil, into: String? = nil, channel: ReplyChannel? = nil, result: Satisfaction? = nil,
                coHandlers: [String] = []) {
        self.move = move; self.number = number; self.version = version; self.note = note
        self.department = department; self.days = days; self.into = into; self.channel = channel; self.result = result
        self.coHandlers = coHandlers
    }
}

extension Store {
    /// Applies one move in one short transaction: role check (refusals audited), stale-version check,
    /// pending overdue recorded first, the state machine, stage clocks, counters, one history event.
    /// Returns the matter as it is afterwards.
    @discardableResult
    public func perform(_ req: MoveRequest, by actor: Actor, now: Date) throws -> Matter {
        try authorize(actor, req.move.action, target: req.number, now: now)
        let rules = try matterRules()
        let calendar = try matterCalendar()
        return try write { try performInTransaction(req, actor: actor, rules: rules, calendar: calendar, now: now) }
    }

    /// The body of `perform` inside the caller's write (the role check done by the caller): the note check,
    /// stale-version check, pending overdue, state machine, clocks, counters and the history event.
    func performInTransaction(_ req: MoveRequest, actor: Actor, rules: MatterRules, calendar: OfficeCalendar, now: Date) throws -> Matter {
        let note = req.note.trimmingCharacters(in: .whitespacesAndNewlines)
        try TextSafety.check(note, .multiLine("note"))
        if req.move.needsNote && note.isEmpty { throw StoreError.missingReason(number: req.number, move: req.move) }
        let before = try requireMatter(req.number)
        if let v = req.version, v != before.version { throw conflict(before, seen: v) }
        try recordPending(matterID: before.id, now: now)
        let m = try requireMatter(req.number)
        let t: Transition
        switch MatterMachine.apply(req.move, to: m.state, shelved: m.shelved) {
        case .success(let x): t = x
        case .failure(let e): throw StoreError.illegalMove(number: m.number, e)
        }
        try apply(t, req: req, note: note, to: m, actor: actor, rules: rules, calendar: calendar, now: now)
        try audit(actor: actor.login, action: req.move.kind.rawValue, target: m.number, allowed: true, detail: note, now: now)
        return try requireMatter(req.number)
    }

    private func conflict(_ m: Matter, seen: Int) -> StoreError {
        .staleVersion(number: m.number, who: m.updatedBy, when: m.updatedAt, seen: seen, current: m.version)
    }

    /// Writes one legal transition (inside the write).
    private func apply(_ t: Transition, req: MoveRequest, note: String, to m: Matter, actor: Actor,
                       rules: MatterRules, calendar: OfficeCalendar, now: Date) throws {
        var sets: [String] = []
        var args: [SQLValue] = []
        func set(_ column: String, _ value: SQLValue) { sets.append("\(column) = ?"); args.append(value) }
        let eventNote = note
        var eventDepartment: String? = nil
        var level: UrgeLevel? = nil

        switch req.move {
        case .dispatch:
            let cat = try requireCategory(m.category)
            let dept = req.department ?? cat.department
            guard try registryHas("departments", dept) else { throw StoreError.unknownCode(.department, dept) }
            set("department", .text(dept)); eventDepartment = dept
            // The department's sign-for clock starts with the handling clock; it does not replace it.
            let signDue = calendar.due(from: now, limit: rules.signLimit(urgency: m.urgency))
            set("sign_due_at", .of(signDue)); set("signed_at", .null); set("signed_by", .null); set("sign_overdue_recorded", 0)
            // Co-handlers are named afresh at each dispatch; the lead gives the feedback and is evaluated for it.
            try db.run("DELETE FROM co_handlers WHERE matter_id = ?", [.of(m.id)])
            for c in Set(req.coHandlers) where c != dept {
                guard try registryHas("departments", c) else { throw StoreError.unknownCode(.department, c) }
                try db.run("INSERT INTO co_handlers(matter_id, department) VALUES (?, ?)", [.of(m.id), .text(c)])
            }
        case .reply:
            guard let channel = req.channel else { throw StoreError.missingValue(number: m.number, move: .reply, value: .replyChannel) }
            try db.run("INSERT INTO replies(matter_id, at, channel, note, actor) VALUES (?, ?, ?, ?, ?)",
                       [.of(m.id), .of(now), .text(channel.rawValue), .text(note), .text(actor.login)])
            if m.repliedAt == nil { set("replied_at", .of(now)) }
        case .revisit:
            guard let result = req.result else { throw StoreError.missingValue(number: m.number, move: .revisit, value: .revisitResult) }
            try db.run("INSERT INTO revisits(matter_id, at, result, note, actor) VALUES (?, ?, ?, ?, ?)",
                       [.of(m.id), .of(now), .text(result.rawValue), .text(note), .text(actor.login)])
            set("revisit_result", .text(result.rawValue))
        case .markMajor:
            guard !m.major else { throw StoreError.alreadyMajor(number: m.number) }
            set("major", 1)
        case .settle:
            // Settled before any dispatch: the instant it was settled stands in for its handling deadline, so it is
            // counted in that month's evaluation (closed, on time).
            set("settled", 1)
            if m.handleDueAt == nil { set("handle_due_at", .of(now)) }
        case .control, .release:
            guard try requireCategory(m.category).dispute else { throw StoreError.notADispute(number: m.number, category: m.category) }
            let on = req.move == .control
            guard m.underControl != on else { throw StoreError.controlUnchanged(number: m.number, underControl: on) }
            set("under_control", .of(on))
        case .sign:
            guard m.awaitsSignature else { throw StoreError.notAwaitingSignature(number: m.number, signedAt: m.signedAt) }
            set("signed_at", .of(now)); set("signed_by", .text(actor.login)); eventDepartment = m.department
        case .returnMatter:
            eventDepartment = m.department
            set("department", .null)
        case .escalate:
            // The matter now points to the district centre, so the overview counts it under 区指挥中心.
            guard let centre = try db.first("SELECT code FROM departments WHERE platform = ? ORDER BY code LIMIT 1",
                                            [.text(Platform.district.rawValue)], { $0.text(0) }) else {
                throw StoreError.noDistrictCentre(number: m.number)
            }
            set("department", .text(centre)); eventDepartment = centre
        case .districtReturn:
            // Back to the township's intake desk, undispatched.
            eventDepartment = m.department
            set("department", .null)
        case .merge:
            guard let into = req.into?.trimmingCharacters(in: .whitespaces), !into.isEmpty else {
                throw StoreError.missingValue(number: m.number, move: .merge, value: .mergeTarget)
            }
            guard into != m.number else { throw StoreError.mergeIntoSelf(number: m.number) }
            let target = try requireMatter(into)
            guard target.state != .invalid && target.state != .merged else {
                throw StoreError.mergeTargetEnded(number: m.number, into: into, state: target.state, mergedInto: target.mergedInto)
            }
            // The target is kept in `matters.merged_into`; the event keeps only what the person typed.
            set("merged_into", .of(target.id))
        case .urge(let l):
            level = l
            set("urge_count", .of(m.urgeCount + 1))
            if l == .yellow { set("urge_yellow", .of(m.urgeYellow + 1)) }
            if l == .red { set("urge_red", .of(m.urgeRed + 1)) }
            eventDepartment = m.department
        case .extendRequest:
            guard let days = req.days, TimeRules.extensionDays.contains(days) else {
                throw StoreError.missingValue(number: m.number, move: .extendRequest, value: .extensionDays)
            }
            guard try pendingExtension(m.id) == nil else { throw StoreError.extensionPending(number: m.number) }
            try db.run("INSERT INTO extensions(matter_id, requested_at, requested_by, days, reason, state) VALUES (?, ?, ?, ?, ?, 'pending')",
                       [.of(m.id), .of(now), .text(actor.login), .of(days), .text(note)])
            // The days live in `extensions` (matched to the event by its time); the event keeps the reason only.
            eventDepartment = m.department
        case .extendApprove, .extendRefuse:
            guard let (extID, days) = try pendingExtension(m.id) else {
                throw StoreError.noExtensionPending(number: m.number)
            }
            if req.move == .extendApprove {
                guard let oldDue = m.stageDueAt, let start = m.stageStartedAt,
                      let limitText = try db.first("SELECT time_limit FROM stages WHERE matter_id = ? AND finished_at IS NULL", [.of(m.id)], { $0.text(0) }),
                      let limit = TimeLimit(parsing: limitText) else {
                    throw StoreError.noHandlingClock(number: m.number)
                }
                let newDue = Deadline.extended(due: oldDue, days: days, calendar: calendar)
                let near = Deadline.nearDueAt(start: start, due: newDue, unit: limit.unit, calendar: calendar, share: rules.nearDueShare)
                try db.run("UPDATE stages SET due_at = ? WHERE matter_id = ? AND finished_at IS NULL", [.of(newDue), .of(m.id)])
                try db.run("UPDATE extensions SET state = 'approved', decided_by = ?, decided_at = ?, old_due_at = ?, new_due_at = ? WHERE id = ?",
                           [.text(actor.login), .of(now), .of(oldDue), .of(newDue), .of(extID)])
                set("stage_due_at", .of(newDue)); set("near_due_at", .of(near))
                set("extension_count", .of(m.extensionCount + 1))
            } else {
                try db.run("UPDATE extensions SET state = 'refused', decided_by = ?, decided_at = ? WHERE id = ?",
                           [.text(actor.login), .of(now), .of(extID)])
            }
        default:
            break
        }

        // Stage clocks.
        var finishedStage: Stage? = nil
        var stageSeconds: Int? = nil
        if let stopping = t.stops,
           let (sid, start, limitText) = try db.first("SELECT id, started_at, time_limit FROM stages WHERE matter_id = ? AND finished_at IS NULL ORDER BY id DESC LIMIT 1",
                                                      [.of(m.id)], { ($0.int(0), $0.date(1), $0.text(2)) }) {
            try db.run("UPDATE stages SET finished_at = ? WHERE id = ?", [.of(now), .of(sid)])
            guard let unit = TimeLimit(parsing: limitText)?.unit else {
                throw StoreError.unknownStoredValue(table: "stages", column: "time_limit", value: limitText)
            }
            finishedStage = stopping
            stageSeconds = Int(calendar.measured(from: start, to: max(now, start), unit: unit).rounded())
        }
        if let starting = t.starts {
            let cat = try requireCategory(m.category)
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
        // Leaving the department (feedback, return, escalation) ends the wait for its signature: what it did speaks
        // for it. A missed sign-for already recorded stays in the history; a rework returns to a department that had it.
        if t.from == .dispatched && t.to != .dispatched && m.awaitsSignature { set("sign_due_at", .null) }
        if t.shelved != m.shelved { set("shelved", .of(t.shelved)) }
        if t.countsRework { set("rework_count", .of(m.reworkCount + 1)) }
        if !t.to.isOpen && t.from.isOpen { set("ended_at", .of(now)) }
        // Closing starts the reply deadline (回复期限); a reopened matter owes its answer again at its next close.
        if t.to == .closed && t.from != .closed { set("reply_due_at", .of(calendar.due(from: now, limit: rules.replyLimit))) }
        if t.from == .closed && t.to != .closed { set("reply_due_at", .null); set("replied_at", .null) }
        if t.to.isOpen && !t.from.isOpen { set("ended_at", .null) }
        set("updated_at", .of(now)); set("updated_by", .text(actor.login))
        sets.append("version = version + 1")
        let changed = try db.run("UPDATE matters SET \(sets.joined(separator: ", ")) WHERE id = ? AND version = ?",
                                 args + [.of(m.id), .of(m.version)])
        guard changed == 1 else { throw conflict(try requireMatter(m.number), seen: m.version) }
        // Invalidating, merging or bringing back a grid worker's report changes its reporter's month count.
        if t.to != t.from { try noteStateChange(m, from: t.from, to: t.to) }

        try appendEvent(matter: m.id, at: now, kind: req.move.kind, from: t.from, to: t.to, actor: actor.login,
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
        guard let cat = try matterCategory(target.category), cat.firstReport else { return }
        let group = try db.query("SELECT id, reported_at FROM matters WHERE id = ? OR merged_into = ?", [.of(target.id), .of(target.id)]) {
            (id: $0.int(0), reportedAt: $0.int(1))
        }
        guard let first = FirstReport.first(of: group) else { return }
        try db.run("UPDATE matters SET first_report = (id = ?) WHERE id = ? OR merged_into = ?", [.of(first), .of(target.id), .of(target.id)])
    }
}
