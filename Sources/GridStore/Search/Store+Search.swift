import Foundation
import GridCore

extension Store {
    /// The SQL that picks the ids of matters matching `q`, newest first, and its arguments (a `LIMIT ? OFFSET ?`
    /// follows). Words of two characters or more go through the pair index `matter_fts` read newest first, so a
    /// page stops as soon as it is full; one-character words are matched by LIKE, within the index's hits or,
    /// when there is no longer word, within the newest `MatterSearch.singleCharacterScan` matters.
    public func searchSQL(_ q: MatterQuery) -> (sql: String, args: [SQLValue]) {
        var conds: [String] = []
        var args: [SQLValue] = []
        if let states = q.states {
            let list = MatterState.allCases.filter(states.contains)
            conds.append(list.isEmpty ? "0" : "m.state IN (\(list.map { "'\($0.rawValue)'" }.joined(separator: ",")))")
        }
        if let g = q.grid {
            conds.append("""
                m.grid IN (WITH RECURSIVE sub(code) AS (SELECT ? UNION SELECT g.code FROM grids g JOIN sub ON g.parent = sub.code) SELECT code FROM sub)
                """)
            args.append(.text(g))
        }
        if let d = q.department { conds.append("m.department = ?"); args.append(.text(d)) }
        if let c = q.category { conds.append("m.category = ?"); args.append(.text(c)) }
        if let f = q.from { conds.append("m.reported_at >= ?"); args.append(.of(zone.startOfDay(f))) }
        if let t = q.to { conds.append("m.reported_at < ?"); args.append(.of(zone.startOfDay(LocalDate(daysSinceEpoch: t.daysSinceEpoch + 1)))) }
        for w in MatterSearch.scannedWords(q.words) {
            let fields = ["number", "title", "description", "location", "caller_name", "caller_phone", "order_no"]
            conds.append("(" + fields.map { "m.\($0) LIKE ? ESCAPE '\\'" }.joined(separator: " OR ")
                         + " OR EXISTS (SELECT 1 FROM events e WHERE e.matter_id = m.id AND e.note LIKE ? ESCAPE '\\'))")
            args += Array(repeating: .text("%" + Store.likeEscape(w) + "%"), count: fields.count + 1)
        }
        let rest = conds.isEmpty ? "" : " AND " + conds.joined(separator: " AND ")
        if let match = MatterSearch.matchExpression(q.words) {
            // CROSS JOIN keeps the index outermost: it yields rowids (= matter ids) newest first, no sort.
            return ("SELECT m.id FROM matter_fts f CROSS JOIN matters m ON m.id = f.rowid WHERE matter_fts MATCH ?\(rest) ORDER BY f.rowid DESC",
                    [.text(match)] + args)
        }
        if !q.words.isEmpty {
            return ("SELECT m.id FROM (SELECT id FROM matters ORDER BY id DESC LIMIT \(MatterSearch.singleCharacterScan)) k CROSS JOIN matters m ON m.id = k.id WHERE 1\(rest) ORDER BY m.id DESC", args)
        }
        return ("SELECT m.id FROM matters m WHERE 1\(rest) ORDER BY m.id DESC", args)
    }

    /// A window of the matters matching `q` (open and ended alike, as its states say), newest first: rows
    /// `offset ..< offset + limit`.
    public func searchMatters(_ q: MatterQuery, offset: Int = 0, limit: Int = 100) throws -> [MatterRow] {
        let (ids, args) = searchSQL(q)
        return try db.query(Store.consoleMatterPage(ids + " LIMIT ? OFFSET ?"), args + [.of(max(1, limit)), .of(max(0, offset))],
                            Store.consoleMatterRow)
    }

    /// The same window as full matter records (the command line's `cases --search`).
    public func searchMatterRecords(_ q: MatterQuery, offset: Int = 0, limit: Int = 100) throws -> [Matter] {
        let (ids, args) = searchSQL(q)
        return try db.query("SELECT \(Store.matterColumns) FROM (\(ids) LIMIT ? OFFSET ?) k CROSS JOIN matters m ON m.id = k.id",
                            args + [.of(max(1, limit)), .of(max(0, offset))], Store.matterRow)
    }

    /// How many matters match `q`, counted up to `cap` (a common word over a million matters is not counted to the end).
    public func searchCount(_ q: MatterQuery, cap: Int = 1000) throws -> Int {
        let (ids, args) = searchSQL(q)
        return try db.scalarInt("SELECT count(*) FROM (\(ids) LIMIT ?)", args + [.of(cap)])
    }

    /// What search terms can name: the registry's grids, departments and categories with their names.
    public func queryVocabulary(stateLabels: [MatterState: [String]] = [:]) throws -> MatterQueryVocabulary {
        func pairs(_ table: String) throws -> [(code: String, name: String)] {
            try db.query("SELECT code, name FROM \(table) ORDER BY code") { (code: $0.text(0), name: $0.text(1)) }
        }
        return MatterQueryVocabulary(grids: try pairs("grids"), departments: try pairs("departments"),
                                     categories: try pairs("categories"), stateLabels: stateLabels)
    }
}
