import Foundation
import GridCore

/// How the evaluation report groups matters.
public enum EvaluationGrouping: String, Sendable, CaseIterable {
    /// By the department the matter is (or was last) with.
    case department
    /// By grid.
    case grid
    /// By category.
    case category
}

extension Store {
    /// The names of a grouping's codes (department, grid or category names), for reports' name column.
    public func names(of grouping: EvaluationGrouping) throws -> [String: String] {
        let table = switch grouping { case .department: "departments"; case .grid: "grids"; case .category: "categories" }
        var out: [String: String] = [:]
        try db.forEach("SELECT code, name FROM \(table)") { out[$0.text(0)] = $0.text(1) }
        return out
    }

    /// Counts, per group, the matters whose first handling deadline fell in `month` (local time), excluding
    /// invalid and merged ones; each matter goes through `Evaluation.add`. Streams the month's rows.
    public func evaluation(month: LocalMonth, by grouping: EvaluationGrouping, asOf: Date? = nil) throws -> [(key: String, counts: EvaluationCounts)] {
        try evaluation(from: month.firstDay, through: month.lastDay, by: grouping, asOf: asOf)
    }

    /// The same count over the local days `first ... last` (a quarter, a year): the matters whose first handling
    /// deadline fell in those days, counted once each — never an average of months.
    /// With `asOf`, an open matter whose stage is past due at that instant counts as overdue even when no sweep
    /// has recorded it yet: the report is a read, so it computes pending breaches instead of writing them.
    public func evaluation(from first: LocalDate, through last: LocalDate, by grouping: EvaluationGrouping,
                           asOf: Date? = nil) throws -> [(key: String, counts: EvaluationCounts)] {
        let from = zone.startOfDay(first), to = zone.endOfDay(last)
        let keyColumn: String
        switch grouping {
        case .department: keyColumn = "COALESCE(department, '')"
        case .grid: keyColumn = "grid"
        case .category: keyColumn = "category"
        }
        var groups: [String: EvaluationCounts] = [:]
        try db.read {
            try db.forEach("""
                SELECT \(keyColumn), state, ever_overdue OR (ended_at IS NULL AND stage_due_at < ?), extension_count,
                       rework_count, urge_count, urge_yellow, urge_red,
                       replied_at IS NOT NULL, replied_at IS NOT NULL AND reply_due_at IS NOT NULL AND replied_at <= reply_due_at, revisit_result,
                       settled
                FROM matters WHERE handle_due_at >= ? AND handle_due_at < ? AND state NOT IN ('invalid','merged')
                """, [asOf.map { .of($0) } ?? .null, .of(from), .of(to)]) { r in
                let outcome = MatterOutcome(closed: r.text(1) == MatterState.closed.rawValue, everOverdue: r.bool(2),
                                            extensions: r.int(3), reworks: r.int(4),
                                            urges: [.ordinary: r.int(5) - r.int(6) - r.int(7), .yellow: r.int(6), .red: r.int(7)],
                                            replied: r.bool(8), repliedOnTime: r.bool(9),
                                            revisit: try r.optionalCode(10, table: "matters", column: "revisit_result"),
                                            settled: r.bool(11))
                Evaluation.add(outcome, to: &groups[r.text(0), default: EvaluationCounts()])
            }
        }
        return groups.sorted { $0.key < $1.key }.map { (key: $0.key, counts: $0.value) }
    }

    /// The matters behind `evaluation(from:through:by:)` (`report evaluation --explain`): the same rows, one per
    /// matter, with its group key and how `Evaluation.add` counted it. `group` narrows to one key.
    public func evaluationMatters(from first: LocalDate, through last: LocalDate, by grouping: EvaluationGrouping,
                                  group: String? = nil, asOf: Date? = nil) throws -> [(number: String, key: String, state: MatterState, counted: EvaluationCounts)] {
        let keyColumn = switch grouping { case .department: "COALESCE(department, '')"; case .grid: "grid"; case .category: "category" }
        var args: [SQLValue] = [asOf.map { .of($0) } ?? .null, .of(zone.startOfDay(first)), .of(zone.endOfDay(last))]
        if let group { args.append(.text(group)) }
        return try db.read {
            try db.query("""
                SELECT number, \(keyColumn), state, ever_overdue OR (ended_at IS NULL AND stage_due_at < ?), extension_count, rework_count, urge_count, urge_yellow, urge_red
                FROM matters WHERE handle_due_at >= ? AND handle_due_at < ? AND state NOT IN ('invalid','merged')
                \(group == nil ? "" : "AND \(keyColumn) = ?") ORDER BY \(keyColumn), handle_due_at, number
                """, args) { r in
                let state: MatterState = try r.code(2, table: "matters", column: "state")
                let outcome = MatterOutcome(closed: state == .closed, everOverdue: r.bool(3), extensions: r.int(4), reworks: r.int(5),
                                            urges: [.ordinary: r.int(6) - r.int(7) - r.int(8), .yellow: r.int(7), .red: r.int(8)])
                var c = EvaluationCounts()
                Evaluation.add(outcome, to: &c)
                return (number: r.text(0), key: r.text(1), state: state, counted: c)
            }
        }
    }
}

extension Store {
    /// The disputes (矛盾纠纷, categories flagged `dispute`) reported in the local days `first ... last`, neither invalid
    /// nor merged, counted by `DisputeCounts.add` on their state now: for 就地化解率 and 稳控率.
    public func disputes(from first: LocalDate, through last: LocalDate) throws -> DisputeCounts {
        var d = DisputeCounts()
        try db.read {
            try db.forEach("""
                SELECT m.settled, m.state = 'closed', m.under_control FROM matters m JOIN categories c ON c.code = m.category
                WHERE c.dispute = 1 AND m.reported_at >= ? AND m.reported_at < ? AND m.state NOT IN ('invalid','merged')
                """, [.of(zone.startOfDay(first)), .of(zone.endOfDay(last))]) { r in
                d.add(settled: r.bool(0), closed: r.bool(1), underControl: r.bool(2))
            }
        }
        return d
    }
}

extension Store {
    /// The matters each department co-handled (协办) among those the month's evaluation counts (first handling deadline
    /// in the month, neither invalid nor merged): listed for the co-handlers, counted only for the lead.
    public func coHandled(month: LocalMonth) throws -> [String: Int] {
        try coHandled(from: month.firstDay, through: month.lastDay)
    }

    /// The same over the local days `first ... last` (a quarter, a year, a range).
    public func coHandled(from first: LocalDate, through last: LocalDate) throws -> [String: Int] {
        var out: [String: Int] = [:]
        try db.forEach("""
            SELECT c.department, count(*) FROM co_handlers c JOIN matters m ON m.id = c.matter_id
            WHERE m.handle_due_at >= ? AND m.handle_due_at < ? AND m.state NOT IN ('invalid','merged') GROUP BY 1
            """, [.of(zone.startOfDay(first)), .of(zone.endOfDay(last))]) { out[$0.text(0)] = $0.int(1) }
        return out
    }
}
