import Foundation
import GridCore

/// What intake answers: the new case number, and a possible duplicate to merge or keep.
public struct IntakeReceipt: Sendable, Hashable {
    /// Row id.
    public let id: Int
    /// Case number.
    public let number: String
    /// A matter of the same category and grid reported within the duplicate window, if any.
    public let possibleDuplicate: String?
}

extension Store {
    /// Checks an intake against the registry; the error names the field or the unknown code.
    /// Text fields are checked first (`TextSafety`): a control character or direction override throws
    /// `UnsafeTextError` naming the field, whichever front end typed it.
    public func validate(_ m: MatterIntake, now: Date) throws -> Category {
        try TextSafety.check(m.title, .singleLine("title"))
        try TextSafety.check(m.description, .multiLine("description"))
        try TextSafety.check(m.location, .singleLine("location"))
        try TextSafety.check(m.reporter, .singleLine("reporter"))
        if m.source == .gridWorker {
            guard !m.reporter.isEmpty else { throw StoreError.badField(name: "reporter", problem: .empty) }
            guard try registryHas("workers", m.reporter) else { throw StoreError.unknownCode(.worker, m.reporter) }
        }
        guard try registryHas("grids", m.grid) else { throw StoreError.unknownCode(.grid, m.grid) }
        let cat = try requireCategory(m.category)
        guard !m.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError.badField(name: "title", problem: .empty)
        }
        guard TimeRules.isAcceptable(reported: m.reportedAt, now: now) else {
            throw StoreError.badField(name: "reported_at", problem: .inFuture(m.reportedAt, now: now))
        }
        if !m.orderNo.isEmpty, let other = try db.first("SELECT number FROM matters WHERE source = ? AND order_no = ?",
                                                        [.text(m.source.rawValue), .text(m.orderNo)], { $0.text(0) }) {
            throw StoreError.duplicateOrderNo(orderNo: m.orderNo, source: m.source, number: other)
        }
        return cat
    }

    /// Takes a matter in: validates it, numbers it `YYYYMMDD-NNNN` by its local reported day, names the actor
    /// as first contact (首问责任人), starts the dispatch clock and flags a possible duplicate.
    public func intake(_ m: MatterIntake, by actor: Actor, now: Date) throws -> IntakeReceipt {
        try authorize(actor, .intake, target: "new case", now: now)
        let rules = try matterRules()
        let calendar = try matterCalendar()
        return try write { try intakeInTransaction(m, actor: actor, rules: rules, calendar: calendar, now: now) }
    }

    /// Takes a matter in and, when `department` is given, dispatches it there, in one transaction (the
    /// console's new-matter form). Unless `force`, a possible duplicate refuses the save with
    /// `possibleDuplicate` so the person can look first; nothing is written then.
    public func intake(_ m: MatterIntake, dispatchTo department: String?, force: Bool, by actor: Actor, now: Date) throws -> IntakeReceipt {
        try authorize(actor, .intake, target: "new case", now: now)
        if department != nil { try authorize(actor, .dispatch, target: "new case", now: now) }
        let rules = try matterRules()
        let calendar = try matterCalendar()
        return try write {
            if !force, let dup = try duplicateCandidates(category: m.category, grid: m.grid, at: m.reportedAt,
                                                         windowHours: rules.duplicateWindowHours, limit: 1).first {
                throw StoreError.possibleDuplicate(of: dup.1)
            }
            let receipt = try intakeInTransaction(m, actor: actor, rules: rules, calendar: calendar, now: now)
            if let department {
                _ = try performInTransaction(MoveRequest(.dispatch, number: receipt.number, department: department),
                                             actor: actor, rules: rules, calendar: calendar, now: now)
            }
            return receipt
        }
    }

    /// The body of `intake` inside the caller's write (imports batch many).
    public func intakeInTransaction(_ m: MatterIntake, actor: Actor, rules: MatterRules, calendar: OfficeCalendar, now: Date,
                                    audited: Bool = true) throws -> IntakeReceipt {
        let cat = try validate(m, now: now)
        let urgency = m.urgency ?? cat.urgency
        let day = zone.localDate(of: m.reportedAt)
        let seq = try db.first("""
            INSERT INTO matter_numbers(day, last) VALUES (?, 1)
            ON CONFLICT(day) DO UPDATE SET last = last + 1 RETURNING last
            """, [.text(day.description)]) { $0.int(0) } ?? 1
        let number = day.description.replacingOccurrences(of: "-", with: "") + String(format: "-%04d", seq)
        let dup = try duplicateCandidates(category: m.category, grid: m.grid, at: m.reportedAt,
                                          windowHours: rules.duplicateWindowHours, limit: 1).first
        let limit = rules.limit(for: .dispatch, category: cat, urgency: urgency)
        let clock = Deadline.clock(stage: .dispatch, limit: limit, start: m.reportedAt, calendar: calendar, share: rules.nearDueShare)
        try db.run("""
            INSERT INTO matters(number, reported_at, source, reporter, grid, category, urgency, title, description, location,
              state, first_contact, duplicate_of, stage, stage_started_at, stage_due_at, near_due_at,
              created_at, updated_at, updated_by, import_key, caller_name, caller_phone, order_no)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?, 'dispatch', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(number), .of(m.reportedAt), .text(m.source.rawValue), .text(m.reporter), .text(m.grid), .text(m.category),
                  .text(urgency.rawValue), .text(m.title), .text(m.description), .text(m.location), .text(actor.login),
                  .of(dup?.0), .of(clock.startedAt), .of(clock.dueAt), .of(clock.nearDueAt), .of(now), .of(now),
                  .text(actor.login), .of(m.importKey), .text(m.callerName), .text(m.callerPhone), .text(m.orderNo)])
        let id = db.lastInsertID
        // A new matter counts in its reporter's month when it is a grid worker's report (WorkerReportCount).
        try addWorkerReport(reporter: m.reporter, reportedAt: m.reportedAt,
                            delta: WorkerReportCount.counts(source: m.source, state: .new) ? 1 : 0)
        try advanceWorkerMonthsThrough(matter: id)
        try db.run("INSERT INTO stages(matter_id, stage, time_limit, started_at, due_at, original_due_at) VALUES (?, 'dispatch', ?, ?, ?, ?)",
                   [.of(id), .text(limit.description), .of(clock.startedAt), .of(clock.dueAt), .of(clock.dueAt)])
        // The event's actor is the first contact; source and possible duplicate are on the matter itself.
        try appendEvent(matter: id, at: now, kind: .intake, from: nil, to: .new, actor: actor.login, note: "")
        if audited { try audit(actor: actor.login, action: Action.intake.rawValue, target: number, allowed: true, detail: m.title, now: now) }
        return IntakeReceipt(id: id, number: number, possibleDuplicate: dup?.1)
    }
}

extension Store {
    /// Imports matters from `cases.csv` through the shared import runner (whole-file reject, or `skipInvalid`
    /// with a rejects file). Each row is taken in as by `intake` (numbered, first contact = the importer,
    /// dispatch clock from reported_at, duplicates flagged); a row already imported (same import key) is unchanged.
    public func importCases(path: String, options: ImportOptions = .init(), actor: Actor, now: Date) throws -> ImportReport {
        let rules = try matterRules()
        let calendar = try matterCalendar()
        return try runImport(path: path, action: .importMatters, options: options, actor: actor, now: now,
                             makeValidator: { s in MatterImportValidator(references: try s.matterReferences(), zone: s.zone, now: now) },
                             writer: ImportWriter(key: { $0.importKey }) { s, m in
                                 guard let key = m.importKey,
                                       try s.db.scalarInt("SELECT count(*) FROM matters WHERE import_key = ?", [.text(key)]) == 0 else { return false }
                                 _ = try s.intakeInTransaction(m, actor: actor, rules: rules, calendar: calendar, now: now, audited: false)
                                 return true
                             })
    }

    /// The registry codes a matters import refers to.
    func matterReferences() throws -> MatterReferences {
        var r = MatterReferences()
        try db.forEach("SELECT code FROM grids") { r.grids.insert($0.text(0)) }
        try db.forEach("SELECT code FROM workers") { r.workers.insert($0.text(0)) }
        try db.forEach("SELECT code, urgency FROM categories") { r.categories[$0.text(0)] = try $0.code(1, table: "categories", column: "urgency") }
        return r
    }
}

extension Store {
    /// Matters of the same category and grid reported within `windowHours` of `at`, nearest first, left
    /// out when invalid or merged away: the possible duplicates (疑似重复) flagged at intake and warned
    /// about by the console's form. One query for both.
    func duplicateCandidates(category: String, grid: String, at: Date, windowHours: Int, limit: Int) throws -> [(id: Int, number: String)] {
        guard windowHours > 0 else { return [] }
        let w = Double(windowHours * 3600)
        return try db.query("""
            SELECT id, number FROM matters WHERE category = ? AND grid = ? AND reported_at >= ? AND reported_at <= ?
              AND state NOT IN ('invalid','merged') ORDER BY abs(reported_at - ?), id LIMIT ?
            """, [.text(category), .text(grid), .of(at.addingTimeInterval(-w)), .of(at.addingTimeInterval(w)), .of(at), .of(limit)]) {
            (id: $0.int(0), number: $0.text(1))
        }
    }
}
