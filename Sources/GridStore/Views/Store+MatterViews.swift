import Foundation
import GridCore

extension Store {
    /// The list's columns and joins, from `matters m` (for one matter, or a page picked by id first).
    static let consoleMatterColumns = "\(consoleMatterFields) FROM matters m \(consoleMatterJoins) \(consoleGridJoin)"
    /// The grid's name, read for the rows shown only (not for filtering or sorting).
    static let consoleGridJoin = "LEFT JOIN grids g ON g.code = m.grid"
    static let consoleMatterJoins = "LEFT JOIN categories c ON c.code = m.category LEFT JOIN departments d ON d.code = m.department"
    /// A page of the list: the ids picked (sorted, limited) by the subquery `k`, then only those rows read, in `k`'s order.
    static func consoleMatterPage(_ ids: String) -> String {
        "SELECT \(consoleMatterFields) FROM (\(ids)) k CROSS JOIN matters m ON m.id = k.id \(consoleMatterJoins) \(consoleGridJoin)"
    }
    static let consoleMatterFields = """
        m.id, m.number, m.urgency, coalesce(c.name, m.category), m.grid, coalesce(d.name, ''), coalesce(m.department, ''),
        m.state, m.title, m.stage_due_at, m.near_due_at, m.shelved, m.urge_count, coalesce(g.name, ''),
        EXISTS (SELECT 1 FROM extensions x WHERE x.matter_id = m.id AND x.state = 'pending'), m.major
        """

    static func consoleMatterRow(_ r: Row) throws -> MatterRow {
        MatterRow(id: r.int(0), number: r.text(1), urgency: try r.code(2, table: "matters", column: "urgency"), category: r.text(3),
                  grid: r.text(4), gridName: r.text(13),
                  department: r.text(5), departmentCode: r.text(6), state: try r.code(7, table: "matters", column: "state"), title: r.text(8),
                  dueAt: r.optionalDate(9), nearDueAt: r.optionalDate(10), shelved: r.bool(11), urgeCount: r.int(12),
                  extensionPending: r.bool(14), major: r.bool(15))
    }

    /// The open list's conditions for `q` (its words are not read here: a query with words goes to `searchMatters`).
    private func whereClause(_ q: MatterQuery) -> (String, [SQLValue]) {
        var sql = "m.ended_at IS NULL"
        var args: [SQLValue] = []
        if let states = q.states, states != MatterQuery.openStates {
            let list = MatterState.allCases.filter { states.contains($0) && $0.isOpen }
            sql += list.isEmpty ? " AND 0" : " AND m.state IN (\(list.map { "'\($0.rawValue)'" }.joined(separator: ",")))"
        }
        if let g = q.grid {
            sql += " AND m.grid IN (WITH RECURSIVE sub(code) AS (SELECT ? UNION SELECT g.code FROM grids g JOIN sub ON g.parent = sub.code) SELECT code FROM sub)"
            args.append(.text(g))
        }
        if let d = q.department { sql += " AND m.department = ?"; args.append(.text(d)) }
        if let c = q.category { sql += " AND m.category = ?"; args.append(.text(c)) }
        if let f = q.from { sql += " AND m.reported_at >= ?"; args.append(.of(zone.startOfDay(f))) }
        if let t = q.to { sql += " AND m.reported_at < ?"; args.append(.of(zone.startOfDay(LocalDate(daysSinceEpoch: t.daysSinceEpoch + 1)))) }
        return (sql, args)
    }

    static func likeEscape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }

    /// How many open matters pass `filter`.
    public func openMatterCount(filter: MatterQuery = MatterQuery()) throws -> Int {
        let (w, args) = whereClause(filter)
        return try db.scalarInt("SELECT count(*) FROM matters m INDEXED BY matters_open_list LEFT JOIN categories c ON c.code = m.category LEFT JOIN departments d ON d.code = m.department WHERE \(w)", args)
    }

    /// A window of the open matters passing `filter`, sorted: rows `offset ..< offset + limit` only.
    public func openMatters(filter: MatterQuery = MatterQuery(), sort: MatterSort, descending: Bool = false, offset: Int, limit: Int) throws -> [MatterRow] {
        let (w, args) = whereClause(filter)
        let dir = descending ? "DESC" : "ASC"
        let order: String
        switch sort {
        case .number: order = "m.number \(descending ? "ASC" : "DESC")"
        case .urgency: order = "m.urgency = 'urgent' \(descending ? "ASC" : "DESC"), m.stage_due_at"
        case .category: order = "c.name \(dir), m.number DESC"
        case .grid: order = "m.grid \(dir), m.number DESC"
        case .department: order = "d.name \(dir), m.number DESC"
        case .state: order = "m.state \(dir), m.number DESC"
        case .due: order = "m.stage_due_at IS NULL, m.stage_due_at \(dir), m.number"
        }
        // Sorted and cut from the covering `matters_open_list` (from/to read reported_at from the table); only the
        // page's rows are then read in full.
        return try db.query(Store.consoleMatterPage("SELECT m.id FROM matters m INDEXED BY matters_open_list \(Store.consoleMatterJoins) WHERE \(w) ORDER BY \(order) LIMIT ? OFFSET ?"),
                            args + [.of(limit), .of(offset)], Store.consoleMatterRow)
    }

    /// Open matters near due or overdue at `now`, most overdue first (at most `limit`), after those not signed for in
    /// time (未签收, `MatterRow.unsigned`), which the department has not even taken up.
    public func dueMatters(now: Date, limit: Int = 500) throws -> [MatterRow] {
        try db.read {
            var unsigned = try db.query(ConsoleQueries.unsignedList, [.of(now), .of(limit)], Store.consoleMatterRow)
            for i in unsigned.indices { unsigned[i].unsigned = true }
            let ids = Set(unsigned.map(\.id))
            let due = try db.query(ConsoleQueries.dueList, [.of(now), .of(now), .of(limit)], Store.consoleMatterRow)
            return Array((unsigned + due.filter { !ids.contains($0.id) }).prefix(limit))
        }
    }

    /// Overdue and near-due counts per department at `now`, most overdue first.
    public func dueByDepartment(now: Date) throws -> [DepartmentDue] {
        try db.query(ConsoleQueries.dueByDepartment, [.of(now), .of(now), .of(now), .of(now)]) { DepartmentDue(department: $0.text(0), overdue: $0.int(1), nearDue: $0.int(2)) }
    }

    /// Everything about one matter by case number, or nil, in one snapshot.
    public func matterDetail(number: String) throws -> MatterDetail? {
        try db.read {
            guard let row = try db.first("SELECT \(Store.consoleMatterColumns) WHERE m.number = ?", [.text(number)], Store.consoleMatterRow),
                  let matter = try matter(number: number) else { return nil }
            var names = MatterNames()
            names.grid = row.gridName; names.category = row.category == matter.category ? "" : row.category
            names.department = row.department
            if matter.source == .gridWorker {
                names.reporter = try db.first("SELECT name FROM workers WHERE code = ?", [.text(matter.reporter)]) { $0.text(0) } ?? ""
            }
            names.firstContact = try db.first("SELECT name FROM staff WHERE login = ?", [.text(matter.firstContact)]) { $0.text(0) } ?? ""
            let stages = try db.query("SELECT stage, started_at, due_at, finished_at, overdue FROM stages WHERE matter_id = ? ORDER BY id", [.of(row.id)]) {
                StageClock(stage: try $0.code(0, table: "stages", column: "stage"), startedAt: $0.date(1), dueAt: $0.date(2),
                           finishedAt: $0.optionalDate(3), overdue: $0.bool(4))
            }
            let pending = try db.first("SELECT days, reason, requested_by, requested_at FROM extensions WHERE matter_id = ? AND state = 'pending' ORDER BY id DESC LIMIT 1",
                                       [.of(row.id)]) { PendingExtension(days: $0.int(0), reason: $0.text(1), requestedBy: $0.text(2), requestedAt: $0.date(3)) }
            let category = try db.first("SELECT department, dispute FROM categories WHERE code = ?", [.text(matter.category)]) { ($0.text(0), $0.bool(1)) }
            return MatterDetail(row: row, matter: matter, names: names, stages: stages, events: try history(ofMatter: row.id),
                                pendingExtension: pending, defaultDepartment: category?.0 ?? "", dispute: category?.1 ?? false)
        }
    }

    /// The highest matter id so far (the console's high-water mark for new-urgent alerts).
    public func lastMatterID() throws -> Int { try db.scalarInt("SELECT coalesce(max(id), 0) FROM matters") }

    /// Alerts since the last look: urgent matters added after `afterID`; open matters whose deadline passed in
    /// `[from, to)` (newly overdue: `stage_due_at < now` is overdue) and matters added after `afterID` already overdue
    /// when taken in; with `remind`, urgent matters still undispatched past their dispatch limit. At most `limit` each.
    public func newAlerts(afterID: Int, from: Date, to: Date, remind: Bool = false, limit: Int = 5) throws -> ConsoleAlerts {
        func item(_ r: Row) throws -> AlertMatter {
            AlertMatter(number: r.text(0), urgency: try r.code(1, table: "matters", column: "urgency"), category: r.text(2), grid: r.text(3), title: r.text(4))
        }
        var a = ConsoleAlerts()
        a.urgent = try db.query(ConsoleQueries.newUrgent, [.of(afterID), .of(limit)], item)
        a.overdue = try db.query(ConsoleQueries.newlyOverdue, [.of(from), .of(to), .of(limit)], item)
        for m in try db.query(ConsoleQueries.overdueAtIntake, [.of(afterID), .of(to), .of(limit)], item) where !a.overdue.contains(m) {
            a.overdue.append(m)
        }
        // A missed sign-for raises the same alert as a missed deadline.
        for m in try db.query(ConsoleQueries.newlyUnsigned, [.of(from), .of(to), .of(limit)], item) where !a.overdue.contains(m) {
            a.overdue.append(m)
        }
        // Marked major since the last look, by the event (written in the same transaction as the flag) or, for a matter
        // taken in since, by its id, so a rehearsal clock set back cannot hide a new major matter.
        a.major = try db.query(ConsoleQueries.newMajor, [.of(afterID), .of(from), .of(to), .of(limit)], item)
        if remind { a.undispatched = try db.query(ConsoleQueries.urgentUndispatched, [.of(to), .of(limit)], item) }
        return a
    }

    /// The next instant after `after` at which an open matter falls near due or due (nil: none): the console
    /// re-evaluates then, so a deadline shows as it passes rather than at the next half-minute.
    public func nextDeadline(after: Date) throws -> Date? {
        try db.first(ConsoleQueries.nextDeadline, [.of(after), .of(after)]) { $0.optionalDate(0) } ?? nil
    }

    /// Case numbers of matters with this id set (for alert text), at most `limit`.
    public func numbers(ids: [Int], limit: Int = 3) throws -> [String] {
        try ids.prefix(limit).compactMap { id in try db.first("SELECT number FROM matters WHERE id = ?", [.of(id)]) { $0.text(0) } }
    }
}
