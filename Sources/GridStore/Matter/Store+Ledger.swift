import Foundation
import GridCore

/// One line of the ledger (台账): a matter with the names beside its codes and each stage's times.
public struct LedgerLine: Sendable {
    /// Case number.
    public let number: String
    /// Reported at.
    public let reportedAt: Date
    /// Channel.
    public let source: MatterSource
    /// Reporter code (a worker code for grid workers; '' otherwise) and their name.
    public let reporter: String, reporterName: String
    /// Grid code and name.
    public let grid: String, gridName: String
    /// Category code, name and major class.
    public let category: String, categoryName: String, major: String
    /// Summary (title).
    public let title: String
    /// Department code and name ('' before dispatch).
    public let department: String, departmentName: String
    /// State now.
    public let state: MatterState
    /// Dispatched (the first dispatch stage's end), fed back (the last handling stage's end), verified (the
    /// last verification's end), ended (closed, invalidated or merged).
    public let dispatchedAt: Date?, fedBackAt: Date?, verifiedAt: Date?, endedAt: Date?
    /// The last feedback's note (处置结果).
    public let result: String
    /// Reworks and whether it ever ran overdue.
    public let reworks: Int, everOverdue: Bool
    /// The reply to the reporter (回复): its deadline (set at closing) and the first reply's instant.
    public let replyDueAt: Date?, repliedAt: Date?
    /// The latest follow-up call's verdict (回访结果), nil before any call.
    public let revisit: Satisfaction?
}

extension Store {
    /// The SQL condition placing a matter `m` in `[?1, ?2)` by `basis`.
    static func periodCondition(_ basis: MatterTimeBasis) -> String {
        switch basis {
        case .reported: "m.reported_at >= ?1 AND m.reported_at < ?2"
        case .closed: "m.state = 'closed' AND m.ended_at >= ?1 AND m.ended_at < ?2"
        case .event: "EXISTS (SELECT 1 FROM events e WHERE e.matter_id = m.id AND e.at >= ?1 AND e.at < ?2)"
        }
    }

    /// The ledger (台账) of the local days `first ... last` by `basis`, by reported time then number; one read.
    /// With `asOf`, an open matter past due at that instant reads as overdue though no sweep has recorded it.
    public func ledger(from first: LocalDate, through last: LocalDate, by basis: MatterTimeBasis, asOf: Date? = nil) throws -> [LedgerLine] {
        try db.read {
            try db.query("""
                SELECT m.number, m.reported_at, m.source, m.reporter, coalesce(w.name, ''), m.grid, coalesce(g.name, ''),
                       m.category, coalesce(c.name, ''), coalesce(c.major, ''), m.title, coalesce(m.department, ''), coalesce(d.name, ''),
                       m.state,
                       (SELECT min(finished_at) FROM stages s WHERE s.matter_id = m.id AND s.stage = 'dispatch'),
                       (SELECT max(finished_at) FROM stages s WHERE s.matter_id = m.id AND s.stage = 'handling'),
                       (SELECT max(finished_at) FROM stages s WHERE s.matter_id = m.id AND s.stage = 'verification'),
                       m.ended_at,
                       coalesce((SELECT note FROM events e WHERE e.matter_id = m.id AND e.kind = 'feedback' ORDER BY e.id DESC LIMIT 1), ''),
                       m.rework_count, m.ever_overdue OR (m.ended_at IS NULL AND m.stage_due_at < ?3),
                       m.reply_due_at, m.replied_at, m.revisit_result
                FROM matters m LEFT JOIN workers w ON w.code = m.reporter AND m.source = 'grid_worker'
                LEFT JOIN grids g ON g.code = m.grid LEFT JOIN categories c ON c.code = m.category
                LEFT JOIN departments d ON d.code = m.department
                WHERE \(Store.periodCondition(basis))
                ORDER BY m.reported_at, m.number
                """, [.of(zone.startOfDay(first)), .of(zone.endOfDay(last)), asOf.map { .of($0) } ?? .null]) { r in
                LedgerLine(number: r.text(0), reportedAt: r.date(1), source: try r.code(2, table: "matters", column: "source"),
                           reporter: r.text(3), reporterName: r.text(4), grid: r.text(5), gridName: r.text(6),
                           category: r.text(7), categoryName: r.text(8), major: r.text(9), title: r.text(10),
                           department: r.text(11), departmentName: r.text(12), state: try r.code(13, table: "matters", column: "state"),
                           dispatchedAt: r.optionalDate(14), fedBackAt: r.optionalDate(15), verifiedAt: r.optionalDate(16),
                           endedAt: r.optionalDate(17), result: r.text(18), reworks: r.int(19), everOverdue: r.bool(20),
                           replyDueAt: r.optionalDate(21), repliedAt: r.optionalDate(22),
                           revisit: try r.optionalCode(23, table: "matters", column: "revisit_result"))
            }
        }
    }
}
