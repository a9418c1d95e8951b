/// Validates `departments.csv`: `code,name,platform` (platform by code or Chinese name).
public struct DepartmentValidator: RowValidator {
    /// `departments`.
    public let kind = "departments"
    /// The header.
    public let header = ["code", "name", "platform"]
    /// Creates the validator (departments refer to nothing).
    public init() {}

    /// Validates every record.
    public func validate(_ records: [CSVRecord]) -> ImportBatch<Department> {
        let platforms = Platform.allCases.map { "\($0.rawValue) (\($0.names.zh))" }.joined(separator: ", ")
        var rows: [(fields: RowFields, value: Department?)] = records.map { rec in
            var f = RowFields(rec, header: header)
            guard f.shapeOK else { return (f, nil) }
            let code = f.code("code"), name = f.name("name")
            let platform = f.choice("platform", expected: platforms) { Platform(codeOrName: $0) }
            guard let code, let name, let platform else { return (f, nil) }
            return (f, Department(code: code, name: name, platform: platform))
        }
        markDuplicates(&rows, key: \.code)
        return ImportChecks.settle(rows: rows, key: \.code) { _, _, _, _ in [] }
    }
}

/// Validates `grids.csv`: `code,name,level,parent,row,col,head,instructor`.
///
/// Rules: the township has no parent, every other grid has one; the parent is in the file or the database
/// and is of a higher level (an area may hold communities or basic grids directly); map row and column are
/// given together (or both left empty). `head` (网格长) and `instructor` (网格指导员) are a staff login or a
/// worker code, or empty; an older 6-column file leaves both off.
public struct GridValidator: RowValidator {
    /// `grids`.
    public let kind = "grids"
    /// The header.
    public let header = ["code", "name", "level", "parent", "row", "col", "head", "instructor"]
    /// The columns an older file leaves off.
    public var optionalColumns: [String] { ["head", "instructor"] }
    /// What the database holds.
    public let existing: RegistrySnapshot
    /// Creates the validator.
    public init(existing: RegistrySnapshot) { self.existing = existing }

    /// Validates every record.
    public func validate(_ records: [CSVRecord]) -> ImportBatch<Grid> {
        var rows: [(fields: RowFields, value: Grid?)] = records.map { rec in
            var f = RowFields(rec, header: header)
            guard f.shapeOK else { return (f, nil) }
            let code = f.code("code"), name = f.name("name")
            let level = f.choice("level", expected: Phrase(zh: "township、area、community 或 basic（镇街网格、片区网格、社区网格、基础网格）", en: "township, area, community or basic")) { GridLevel(text: $0) }
            let parent = f.optionalCode("parent")
            let row = f.optionalInt("row", range: 0...999), col = f.optionalInt("col", range: 0...999)
            if let row, let col, (row == nil) != (col == nil) {
                f.fail(row == nil ? "row" : "col", zh: "row 与 col 须同时给出：两个都填或都不填", en: "row and col go together: give both or neither")
            }
            if let level, let parent {
                if level == .township, let p = parent { f.fail("parent", zh: "乡镇网格没有上级（填了 \(p)）", en: "the township grid has no parent (found \(p))") }
                if level != .township, parent == nil { f.fail("parent", zh: "为空；\(level.displayName(.zh))须填上级网格编码", en: "empty; a \(level.rawValue) grid needs its parent grid's code") }
            }
            if let code, let parent, parent == code { f.fail("parent", zh: "网格不能是自己的上级", en: "a grid cannot be its own parent") }
            func person(_ column: String) -> String?? {
                let t = f.text(column)
                if t.isEmpty { return .some(nil) }
                guard t.count <= 64, t.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
                    f.fail(column, zh: "\"\(t)\"：应为工作人员登录名或网格员编码（ASCII 字母、数字、. _ -）",
                           en: "\"\(t)\": expected a staff login or a worker code (ASCII letters, digits, . _ -)"); return nil
                }
                return .some(t)
            }
            let head = person("head"), instructor = person("instructor")
            guard f.errors.isEmpty, let code, let name, let level, let parent, let row, let col, let head, let instructor else { return (f, nil) }
            return (f, Grid(code: code, name: name, level: level, parent: parent, row: row, col: col, head: head, instructor: instructor))
        }
        markDuplicates(&rows, key: \.code)
        return ImportChecks.settle(rows: rows, key: \.code) { g, line, valid, rejected in
            guard let p = g.parent else { return [] }
            let parentLevel: GridLevel
            if let v = valid[p] { parentLevel = v.level }
            else if let l = rejected[p] {
                return [RowError(line: line, column: "parent", Phrase(zh: "上级 \(p) 在第 \(l) 行，该行本身无效", en: "parent \(p) is on line \(l), which is itself invalid"))]
            } else if let l = existing.grids[p] { parentLevel = l }
            else {
                return [RowError(line: line, column: "parent", Phrase(zh: "未知的网格 \(p)：本文件和数据库中都没有", en: "unknown grid \(p): not in this file nor in the database"))]
            }
            guard parentLevel.rank < g.level.rank else {
                return [RowError(line: line, column: "parent", Phrase(
                    zh: "上级 \(p) 是\(parentLevel.displayName(.zh))；\(g.level.displayName(.zh))的上级须高一级",
                    en: "parent \(p) is a \(parentLevel.rawValue) grid; a \(g.level.rawValue) grid's parent must be of a higher level"))]
            }
            return []
        }
    }
}

/// Validates `workers.csv`: `code,name,phone,kind,grid,partner`.
///
/// Rules: the grid is an existing basic grid; the A/B partner (AB岗) is another worker of the file or
/// the database, and if that worker names a partner it is this one (pairs are symmetric).
public struct WorkerValidator: RowValidator {
    /// `workers`.
    public let kind = "workers"
    /// The header.
    public let header = ["code", "name", "phone", "kind", "grid", "partner"]
    /// What the database holds.
    public let existing: RegistrySnapshot
    /// Creates the validator.
    public init(existing: RegistrySnapshot) { self.existing = existing }

    /// Validates every record.
    public func validate(_ records: [CSVRecord]) -> ImportBatch<Worker> {
        var rows: [(fields: RowFields, value: Worker?)] = records.map { rec in
            var f = RowFields(rec, header: header)
            guard f.shapeOK else { return (f, nil) }
            let code = f.code("code"), name = f.name("name", limit: 50)
            let phone = f.text("phone")
            if let why = PhoneCheck.problem(phone) { f.fail("phone", why) }
            let kind = f.choice("kind", expected: Phrase(zh: "full 或 part（专职或兼职）", en: "full or part (专职 or 兼职)")) { WorkerKind(text: $0) }
            let grid = f.code("grid")
            if let grid {
                switch existing.grids[grid] {
                case nil: f.fail("grid", zh: "未知的网格 \(grid)；请先导入网格", en: "unknown grid \(grid); import grids first")
                case .basic?: break
                case let l?: f.fail("grid", zh: "\(grid) 是\(l.displayName(.zh))；网格员只配在基础网格", en: "\(grid) is a \(l.rawValue) grid; workers serve basic grids")
                }
            }
            let partner = f.optionalCode("partner")
            if let code, let partner, partner == code { f.fail("partner", zh: "网格员不能是自己的 AB 岗搭档", en: "a worker cannot be their own A/B partner") }
            guard f.errors.isEmpty, let code, let name, let kind, let grid, let partner else { return (f, nil) }
            return (f, Worker(code: code, name: name, phone: phone, kind: kind, grid: grid, partner: partner))
        }
        markDuplicates(&rows, key: \.code)
        // Who in the database names each worker as partner, to keep pairs symmetric when one side changes.
        var namedBy: [String: [String]] = [:]
        for (code, partner) in existing.workers { if let partner { namedBy[partner, default: []].append(code) } }
        return ImportChecks.settle(rows: rows, key: \.code) { w, line, valid, rejected in
            for x in namedBy[w.code, default: []].sorted() where w.partner != nil && x != w.partner {
                // x still names w unless this file gives x another partner.
                let xPartner = valid[x].map { $0.partner } ?? existing.workers[x] ?? nil
                if xPartner == w.code {
                    return [RowError(line: line, column: "partner", Phrase(
                        zh: "数据库中 \(x) 的 AB 岗搭档是 \(w.code)；请在同一文件中给 \(x) 另配搭档，或让 \(w.code) 与 \(x) 配对",
                        en: "\(x) names \(w.code) as A/B partner in the database; give \(x) a new partner in the same file, or pair \(w.code) with \(x)"))]
                }
            }
            guard let p = w.partner else { return [] }
            let theirs: String?
            if let v = valid[p] { theirs = v.partner }
            else if let l = rejected[p] {
                return [RowError(line: line, column: "partner", Phrase(zh: "搭档 \(p) 在第 \(l) 行，该行本身无效", en: "partner \(p) is on line \(l), which is itself invalid"))]
            } else if let e = existing.workers[p] { theirs = e }
            else {
                return [RowError(line: line, column: "partner", Phrase(zh: "未知的网格员 \(p)：本文件和数据库中都没有", en: "unknown worker \(p): not in this file nor in the database"))]
            }
            if let theirs, theirs != w.code {
                return [RowError(line: line, column: "partner", Phrase(zh: "\(p) 已与 \(theirs) 配对；AB 岗须互为搭档", en: "\(p) is paired with \(theirs); A/B pairs must name each other"))]
            }
            return []
        }
    }
}

/// Validates `categories.csv`: `code,name,major,department,urgency,dispatch_limit,handle_limit,verify_limit,dispute,first_report,worker_reportable`.
/// The three flags (1/0, yes/no, 是/否; empty is no) were added later and may be left off, each on its own
/// (older 8- to 10-column files still import): without `first_report`, credit follows `FirstReport.legacyMajors`,
/// as the migration sets old files; without `dispute` or `worker_reportable`, no.
public struct CategoryValidator: RowValidator {
    /// `categories`.
    public let kind = "categories"
    /// The header.
    public let header = ["code", "name", "major", "department", "urgency", "dispatch_limit", "handle_limit", "verify_limit",
                         "dispute", "first_report", "worker_reportable"]
    /// The flags an older file leaves off.
    public var optionalColumns: [String] { ["dispute", "first_report", "worker_reportable"] }
    /// What the database holds.
    public let existing: RegistrySnapshot
    /// Creates the validator.
    public init(existing: RegistrySnapshot) { self.existing = existing }

    /// Validates every record.
    public func validate(_ records: [CSVRecord]) -> ImportBatch<Category> {
        var rows: [(fields: RowFields, value: Category?)] = records.map { rec in
            var f = RowFields(rec, header: header)
            guard f.shapeOK else { return (f, nil) }
            let code = f.code("code"), name = f.name("name"), major = f.name("major", limit: 50)
            let dept = f.code("department")
            if let dept, !existing.departments.contains(dept) {
                f.fail("department", zh: "未知的部门 \(dept)；请先导入部门", en: "unknown department \(dept); import departments first")
            }
            let urgency = f.choice("urgency", expected: Phrase(zh: "urgent 或 normal（紧急或一般）", en: "urgent or normal (紧急 or 一般)")) { Urgency(text: $0) }
            let d = f.limit("dispatch_limit"), h = f.limit("handle_limit"), v = f.limit("verify_limit")
            func flag(_ column: String) -> Bool?? {
                let t = f.text(column)
                if t.isEmpty { return .some(nil) }
                guard let b = FirstReport.flag(t) else { f.fail(column, zh: "\"\(t)\"：应为 1 或 0（yes/no、是/否），或留空", en: "\"\(t)\": expected 1 or 0 (yes/no, 是/否), or empty"); return nil }
                return .some(b)
            }
            let dispute = flag("dispute"), first = flag("first_report"), reportable = flag("worker_reportable")
            guard f.errors.isEmpty, let code, let name, let major, let dept, let urgency, let d, let h, let v,
                  let dispute, let first, let reportable else { return (f, nil) }
            return (f, Category(code: code, name: name, major: major, department: dept, urgency: urgency,
                                dispatchLimit: d, handleLimit: h, verifyLimit: v, dispute: dispute ?? false,
                                firstReport: first, workerReportable: reportable ?? false))
        }
        markDuplicates(&rows, key: \.code)
        return ImportChecks.settle(rows: rows, key: \.code) { _, _, _, _ in [] }
    }
}

/// Adds a duplicate-key error to every row whose key appears on more than one line.
func markDuplicates<V>(_ rows: inout [(fields: RowFields, value: V?)], key: (V) -> String, column: String = "code") {
    let dups = ImportChecks.duplicates(keys: rows.map { ($0.fields.line, $0.value.map(key)) }, column: column)
    for i in rows.indices { if let e = dups[rows[i].fields.line] { rows[i].fields.fail(e.column, e.phrase) } }
}
