import Foundation
import GridCore

/// Which matters a list shows. Empty filter: every matter.
public struct MatterFilter: Sendable, Hashable {
    /// Only open matters.
    public var open = false
    /// Only matters whose current stage is overdue now, not signed for in time (未签收), or closed and not answered by
    /// their reply deadline (未回复).
    public var overdue = false
    /// Only matters near due now (not yet overdue).
    public var nearDue = false
    /// Only shelved matters (挂账).
    public var shelved = false
    /// Only this grid and the grids under it.
    public var grid: String?
    /// Only this department.
    public var department: String?
    /// Only this category.
    public var category: String?
    /// Only categories of this major class (大类).
    public var majorClass: String?
    /// Only these states; nil: any.
    public var states: Set<MatterState>?
    /// Only these channels; nil: any.
    public var sources: Set<MatterSource>?
    /// Only matters placed in the local days `from ... through` by `basis` (reported, closed, any event).
    public var from: LocalDate?, through: LocalDate?
    /// Which time places a matter in `from ... through`.
    public var basis: MatterTimeBasis = .reported

    /// An empty filter.
    public init() {}
}

extension Store {
    /// One page of matters, newest first (keyset paging: pass the last id of the previous page as `before`).
    public func matters(_ f: MatterFilter, now: Date, before: Int? = nil, limit: Int = 100) throws -> [Matter] {
        var conds: [String] = []
        var args: [SQLValue] = []
        // The overdue subquery says for itself which ended matters it takes (the unanswered closed ones).
        if f.open || f.nearDue || f.shelved { conds.append("m.ended_at IS NULL") }
        if f.overdue {
            conds.append("m.id IN (SELECT id FROM matters INDEXED BY matters_open_list WHERE ended_at IS NULL AND stage_due_at < ? UNION \(ConsoleQueries.unsignedLateIDs) UNION \(ConsoleQueries.unrepliedLateIDs))")
            args += [.of(now), .of(now), .of(now)]
        }
        if f.nearDue { conds.append("m.near_due_at <= ? AND m.stage_due_at >= ?"); args += [.of(now), .of(now)] }
        if f.shelved { conds.append("m.shelved = 1 AND m.ended_at IS NULL") }
        if let g = f.grid {
            conds.append("""
                m.grid IN (WITH RECURSIVE sub(code) AS (SELECT ? UNION SELECT g.code FROM grids g JOIN sub ON g.parent = sub.code)
                SELECT code FROM sub)
                """)
            args.append(.text(g))
        }
        if let d = f.department { conds.append("m.department = ?"); args.append(.text(d)) }
        if let c = f.category { conds.append("m.category = ?"); args.append(.text(c)) }
        if let major = f.majorClass { conds.append("m.category IN (SELECT code FROM categories WHERE major = ?)"); args.append(.text(major)) }
        if let s = f.states {
            conds.append("m.state IN (\(s.map { _ in "?" }.joined(separator: ",")))"); args += s.map(\.rawValue).sorted().map { .text($0) }
        }
        if let s = f.sources {
            conds.append("m.source IN (\(s.map { _ in "?" }.joined(separator: ",")))"); args += s.map(\.rawValue).sorted().map { .text($0) }
        }
        if f.from != nil || f.through != nil {
            let lo = Date(timeIntervalSince1970: f.from.map { zone.startOfDay($0).timeIntervalSince1970 } ?? 0)
            let hi = f.through.map { zone.endOfDay($0) } ?? Date(timeIntervalSince1970: 1e11)
            switch f.basis {
            case .reported: conds.append("m.reported_at >= ? AND m.reported_at < ?")
            case .closed: conds.append("m.state = 'closed' AND m.ended_at >= ? AND m.ended_at < ?")
            case .event: conds.append("EXISTS (SELECT 1 FROM events e WHERE e.matter_id = m.id AND e.at >= ? AND e.at < ?)")
            }
            args += [.of(lo), .of(hi)]
        }
        if let before { conds.append("m.id < ?"); args.append(.of(before)) }
        let whereSQL = conds.isEmpty ? "" : "WHERE " + conds.joined(separator: " AND ")
        // The overdue and near-due sets are small: read them through their partial indexes and sort,
        // rather than walking the whole table newest first.
        let index = f.overdue ? "" : f.nearDue ? "INDEXED BY matters_open_near" : ""
        return try db.query("SELECT \(Store.matterColumns) FROM matters m \(index) \(whereSQL) ORDER BY m.id DESC LIMIT ?",
                            args + [.of(max(1, min(limit, 10_000)))], Store.matterRow)
    }

    /// A matter's stage list, in order.
    public func stages(ofMatter id: Int) throws -> [StageRecord] {
        try db.query("SELECT stage, time_limit, started_at, due_at, original_due_at, finished_at, overdue FROM stages WHERE matter_id = ? ORDER BY id",
                     [.of(id)]) {
            StageRecord(stage: try $0.code(0, table: "stages", column: "stage"), limit: try Store.timeLimit($0, 1, table: "stages", column: "time_limit"), startedAt: $0.date(2), dueAt: $0.date(3),
                        originalDueAt: $0.date(4), finishedAt: $0.optionalDate(5), overdue: $0.bool(6))
        }
    }

    /// A matter's full history, in order.
    public func history(ofMatter id: Int) throws -> [MatterEvent] {
        try db.query("""
            SELECT e.id, e.at, e.kind, e.from_state, e.to_state, e.actor, e.note, e.stage, e.stage_seconds, e.department, e.level,
                   CASE WHEN e.kind = 'extend_request' THEN
                          (SELECT x.days FROM extensions x WHERE x.matter_id = e.matter_id AND x.requested_at = e.at ORDER BY x.id DESC LIMIT 1)
                        WHEN e.kind IN ('extend_approve', 'extend_refuse') THEN
                          (SELECT x.days FROM extensions x WHERE x.matter_id = e.matter_id AND x.decided_at = e.at ORDER BY x.id DESC LIMIT 1)
                   END
            FROM events e WHERE e.matter_id = ? ORDER BY e.id
            """, [.of(id)]) {
            MatterEvent(id: $0.int(0), at: $0.date(1), kind: try $0.code(2, table: "events", column: "kind"),
                        fromState: try $0.optionalCode(3, table: "events", column: "from_state"),
                        toState: try $0.optionalCode(4, table: "events", column: "to_state"),
                        actor: $0.text(5), note: $0.text(6), stage: try $0.optionalCode(7, table: "events", column: "stage"),
                        stageSeconds: $0.optionalInt(8), department: $0.optionalText(9),
                        level: try $0.optionalCode(10, table: "events", column: "level"), extensionDays: $0.optionalInt(11))
        }
    }

    /// A matter's replies (回复), in order.
    public func replies(ofMatter id: Int) throws -> [MatterReply] {
        try db.query("SELECT at, channel, note, actor FROM replies WHERE matter_id = ? ORDER BY id", [.of(id)]) {
            MatterReply(at: $0.date(0), channel: try $0.code(1, table: "replies", column: "channel"), note: $0.text(2), actor: $0.text(3))
        }
    }

    /// A matter's follow-up calls (回访), in order.
    public func revisits(ofMatter id: Int) throws -> [MatterRevisit] {
        try db.query("SELECT at, result, note, actor FROM revisits WHERE matter_id = ? ORDER BY id", [.of(id)]) {
            MatterRevisit(at: $0.date(0), result: try $0.code(1, table: "revisits", column: "result"), note: $0.text(2), actor: $0.text(3))
        }
    }

    /// The matter, its stages and history read in one snapshot.
    public func matterDetail(number: String) throws -> (Matter, [StageRecord], [MatterEvent]) {
        try db.read {
            let m = try requireMatter(number)
            return (m, try stages(ofMatter: m.id), try history(ofMatter: m.id))
        }
    }
}
