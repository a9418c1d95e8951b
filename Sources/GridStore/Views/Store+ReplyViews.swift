import Foundation
import GridCore

extension Store {
    /// Ids and reply deadlines of the late replies (args: now, limit), longest late first.
    static let replyLateList = "SELECT id, reply_due_at FROM (\(ConsoleQueries.unrepliedLateIDs)) JOIN matters USING (id) ORDER BY reply_due_at, id LIMIT ?"

    /// Closed matters whose answer to the reporter is late (答复超期: reply deadline passed, no reply recorded), the
    /// longest late first, for the overdue list: the same rows `cases --overdue` counts through
    /// `ConsoleQueries.unrepliedLateIDs`, read from the partial index `matters_unreplied`; each row is marked
    /// `replyOverdue` and carries its reply deadline as `dueAt`.
    public func replyOverdueMatters(now: Date, limit: Int = 200) throws -> [MatterRow] {
        try db.read {
            let due = try db.query(Store.replyLateList, [.of(now), .of(limit)]) { ($0.int(0), $0.date(1)) }
            guard !due.isEmpty else { return [] }
            let byID = Dictionary(uniqueKeysWithValues: due)
            let list = due.map { String($0.0) }.joined(separator: ",")
            var rows = try db.query("SELECT \(Store.consoleMatterColumns) WHERE m.id IN (\(list))", [], Store.consoleMatterRow)
            for i in rows.indices { rows[i].replyOverdue = true; rows[i].dueAt = byID[rows[i].id] }
            return rows.sorted { ($0.dueAt ?? .distantPast, $0.id) < ($1.dueAt ?? .distantPast, $1.id) }
        }
    }
}
