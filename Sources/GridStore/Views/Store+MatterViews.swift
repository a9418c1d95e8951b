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
        m.state, m.title, m.stage_due_at, m.near_due_at, m.shelved, m.urge_count, coalesce(g.name, ''), m.major
        """

    static func consoleMatterRow(_ r: Row) throws -> MatterRow {
        MatterRow(id: r.int(0), number: r.text(1), urgency: try r.code(2, table: "matters", column: "urgency"), category: r.text(3),
                  grid: r.text(4), gridName: r.text(13),
                  department: r.text(5), departmentCode: r.text(6), state: try r.code(7, table: "matters", column: "state"), title: r.text(8),
                  dueAt: r.optionalDate(9), nearDueAt: r.optionalDate(10), shelved: r.bool(11), urgeCount: r.int(12),
                  major: r.bool(14))
    }

    private func whereClause(_ filter: ConsoleMatterFilter) -> (String, [SQLValue]) {
        var sql = "m.ended_at IS NULL"
        var args: [SQLValue] = []
        if let s = filter.state { sql += " AND m.state = ?"; args.append(.text(s.rawValue)) }
        if let g = filter.grid { sql += " AND m.grid LIKE ? ESCAPE '\\'"; args.append(.text(Store.likeEscape(g) + "%")) }
        if let d = filter.department { sql += " AND (m.department = ? OR d.name LIKE ? ESCAPE '\\')"; args += [.text(d), .text("%" + Store.likeEscape(d) + "%")] }
        if let c = filter.category { sql += " AND (m.category = ? OR c.name LIKE ? ESCAPE '\\')"; args += [.text(c), .text("%" + Store.likeEscape(c) + "%")] }
        for w in filter.text {
            sql += " AND (m.number LIKE ? ESCAPE '\\' OR m.title LIKE ? ESCAPE '\\' OR m.location LIKE ? ESCAPE '\\' OR m.grid LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\')"
            let p = "%" + Store.likeEscape(w) + "%"
            args += [.text(p), .text(p), .text(p), .text(p), .text(p)]
        }
        return (sql, args)
    }

    static func likeEscape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }

    /// How many open matters pass `filter`.
    public func openMatterCount(filter: ConsoleMatterFilter) throws -> Int {
        let (w, args) = whereClause(filter)
        return try db.scalarInt("SELECT count(*) FROM matters m INDEXED BY matters_open_list LEFT JOIN categories c ON c.code = m.category LEFT JOIN departments d ON d.code = m.department WHERE \(w)", args)
    }

    /// A window of the open matters passing `filter`, sorted: rows `offset ..< offset + limit` only.
    public func openMatters(filter: ConsoleMatterFilter, sort: MatterSort, descending: Bool = false, offset: Int, limit: Int) throws -> [MatterRow] {
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
        // Sorted and cut from the covering `matters_open_list` (a text search reads title and location from the
        // table); only the page's rows are then read in full.
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
            return MatterDetail(row: row, matter: matter, names: names, stages: stages, events: try history(ofMatter: row.id))
        }
    }

    /// The highest matter id so far (the console's high-water mark for new-urgent alerts).
    public func lastMatterID() throws -> Int { try db.scalarInt("SELECT coalesce(max(id), 0) FROM matters") }

    /// Alerts since the last look: urgent matters added after `afterID`, and open matters whose
    /// deadline passed in `[from, to)` (newly overdue: `stage_due_at < now` is overdue). Case numbers, at most `limit` of each.
    /// Major matters (重大事项) marked in `[from, to)` — at intake or later — come third.
    public func newAlerts(afterID: Int, from: Date, to: Date, limit: Int = 5) throws -> (urgent: [String], overdue: [String], major: [String]) {
        let u = try db.query(ConsoleQueries.newUrgent,
                             [.of(afterID), .of(limit)]) { $0.text(0) }
        let o = try db.query(ConsoleQueries.newlyOverdue,
                             [.of(from), .of(to), .of(limit)]) { $0.text(0) }
        // A missed sign-for raises the same alert as a missed deadline.
        let s = try db.query(ConsoleQueries.newlyUnsigned, [.of(from), .of(to), .of(limit)]) { $0.text(0) }
        // Marked major since the last look, by the event (written in the same transaction as the flag) or, for a matter
        // taken in since, by its id, so a rehearsal clock set back cannot hide a new major matter.
        let major = try db.query(ConsoleQueries.newMajor, [.of(afterID), .of(from), .of(to), .of(limit)]) { $0.text(0) }
        return (u, Array((o + s.filter { !o.contains($0) }).prefix(limit)), major)
    }

    /// Case numbers of matters with this id set (for alert text), at most `limit`.
    public func numbers(ids: [Int], limit: Int = 3) throws -> [String] {
        try ids.prefix(limit).compactMap { id in try db.first("SELECT number FROM matters WHERE id = ?", [.of(id)]) { $0.text(0) } }
    }
}
