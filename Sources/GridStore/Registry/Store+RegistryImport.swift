import Foundation
import GridCore

extension Store {
    /// Imports `grids.csv` (`code,name,level,parent,row,col`), upserting by code; parents are written before children.
    public func importGrids(path: String, options: ImportOptions = .init(), actor: Actor, now: Date) throws -> ImportReport {
        try runImport(path: path, action: .manageRegistry, options: options, actor: actor, now: now,
                      makeValidator: { GridValidator(existing: try $0.registrySnapshot()) }, writer: Store.gridWriter)
    }

    /// Imports `workers.csv` (`code,name,phone,kind,grid,partner`), upserting by code; A/B pairs share a transaction.
    public func importWorkers(path: String, options: ImportOptions = .init(), actor: Actor, now: Date) throws -> ImportReport {
        try runImport(path: path, action: .manageRegistry, options: options, actor: actor, now: now,
                      makeValidator: { WorkerValidator(existing: try $0.registrySnapshot()) }, writer: Store.workerWriter)
    }

    /// Imports `departments.csv` (`code,name,platform`), upserting by code.
    public func importDepartments(path: String, options: ImportOptions = .init(), actor: Actor, now: Date) throws -> ImportReport {
        try runImport(path: path, action: .manageRegistry, options: options, actor: actor, now: now,
                      makeValidator: { _ in DepartmentValidator() }, writer: Store.departmentWriter)
    }

    /// Imports `categories.csv`, upserting by code.
    public func importCategories(path: String, options: ImportOptions = .init(), actor: Actor, now: Date) throws -> ImportReport {
        try runImport(path: path, action: .manageRegistry, options: options, actor: actor, now: now,
                      makeValidator: { CategoryValidator(existing: try $0.registrySnapshot()) }, writer: Store.categoryWriter)
    }

    /// Grids: township, then areas, then basic grids (a parent is always of a higher level).
    public static var gridWriter: ImportWriter<Grid> { ImportWriter(
        groups: { $0.sorted { $0.level.rank < $1.level.rank }.map { [$0] } },
        write: { store, g in
            let db = store.db
            // An empty head or instructor (or an older file without them) keeps the grid's: people are not unassigned by omission.
            let old = try db.first("SELECT \(Store.gridColumns) FROM grids WHERE code = ?", [.text(g.code)], Store.gridRecord)
            var kept = g
            kept.head = g.head ?? old?.head; kept.instructor = g.instructor ?? old?.instructor
            if old == kept { return false }
            try db.run("""
                INSERT INTO grids(code, name, level, parent, map_row, map_col, head, instructor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(code) DO UPDATE SET name = excluded.name, level = excluded.level, parent = excluded.parent,
                    map_row = excluded.map_row, map_col = excluded.map_col,
                    head = coalesce(excluded.head, grids.head), instructor = coalesce(excluded.instructor, grids.instructor)
                """, [.text(g.code), .text(g.name), .text(g.level.rawValue), .of(g.parent), .of(g.row), .of(g.col), .of(g.head), .of(g.instructor)])
            return true
        }) }

    /// Workers: each A/B pair in one transaction (the partner reference is checked at commit).
    public static var workerWriter: ImportWriter<Worker> { ImportWriter(
        groups: { workers in
            var seen: Set<String> = []
            var byCode: [String: Worker] = [:]
            for w in workers { byCode[w.code] = w }
            var out: [[Worker]] = []
            for w in workers where !seen.contains(w.code) {
                seen.insert(w.code)
                if let p = w.partner, let pw = byCode[p], !seen.contains(p) { seen.insert(p); out.append([w, pw]) }
                else { out.append([w]) }
            }
            return out
        },
        write: { store, w in
            let db = store.db
            let old = try db.first("SELECT name, phone, kind, grid, partner FROM workers WHERE code = ?", [.text(w.code)]) {
                Worker(code: w.code, name: $0.text(0), phone: $0.text(1), kind: try $0.code(2, table: "workers", column: "kind"),
                       grid: $0.text(3), partner: $0.optionalText(4))
            }
            if old == w { return false }
            try db.run("""
                INSERT INTO workers(code, name, phone, kind, grid, partner) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(code) DO UPDATE SET name = excluded.name, phone = excluded.phone, kind = excluded.kind,
                    grid = excluded.grid, partner = excluded.partner
                """, [.text(w.code), .text(w.name), .text(w.phone), .text(w.kind.rawValue), .text(w.grid), .of(w.partner)])
            return true
        }) }

    /// Departments.
    public static var departmentWriter: ImportWriter<Department> { ImportWriter(write: { store, d in
        let db = store.db
        let old = try db.first("SELECT name, platform FROM departments WHERE code = ?", [.text(d.code)]) {
            Department(code: d.code, name: $0.text(0), platform: try $0.code(1, table: "departments", column: "platform"))
        }
        if old == d { return false }
        try db.run("""
            INSERT INTO departments(code, name, platform) VALUES (?, ?, ?)
            ON CONFLICT(code) DO UPDATE SET name = excluded.name, platform = excluded.platform
            """, [.text(d.code), .text(d.name), .text(d.platform.rawValue)])
        return true
    }) }

    /// Categories; limits are stored as written (`30min`, `4wh`, `3wd`).
    public static var categoryWriter: ImportWriter<GridCore.Category> { ImportWriter(write: { store, c in
        let db = store.db
        let row: [SQLValue] = [.text(c.name), .text(c.major), .text(c.department), .text(c.urgency.rawValue),
                               .text(c.dispatchLimit.description), .text(c.handleLimit.description), .text(c.verifyLimit.description),
                               .of(c.dispute), .of(c.firstReport), .of(c.workerReportable)]
        let old = try db.first("""
            SELECT name, major, department, urgency, dispatch_limit, handle_limit, verify_limit, dispute, first_report, worker_reportable
            FROM categories WHERE code = ?
            """, [.text(c.code)]) { r in (0..<7).map { SQLValue.text(r.text(Int32($0))) } + [.of(r.bool(7)), .of(r.bool(8)), .of(r.bool(9))] }
        if old == row { return false }
        try db.run("""
            INSERT INTO categories(code, name, major, department, urgency, dispatch_limit, handle_limit, verify_limit,
                                   dispute, first_report, worker_reportable)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(code) DO UPDATE SET name = excluded.name, major = excluded.major, department = excluded.department,
                urgency = excluded.urgency, dispatch_limit = excluded.dispatch_limit, handle_limit = excluded.handle_limit,
                verify_limit = excluded.verify_limit, dispute = excluded.dispute, first_report = excluded.first_report,
                worker_reportable = excluded.worker_reportable
            """, [.text(c.code)] + row)
        return true
    }) }
}
