import Foundation
import GridCore
import GridStore

/// The registry listings' shared body: `--format table|csv|json`; the CSV has the import header.
enum RegistryListing {
    static func run(_ ctx: Context, _ args: inout Arguments, header: [String], rows: (Store) throws -> [[String]]) throws -> Int32 {
        let format = try args.choice("format", ["table", "csv", "json"], default: "table")!
        try args.rejectUnknown()
        try args.rejectPositionals(beyond: 0)
        let store = try ctx.openStore()
        Output.emit(format: format, header: header, rows: try rows(store))
        return 0
    }

    static func usage(_ name: String, _ what: String, _ header: [String]) -> String {
        """
        usage: gridroom \(name) [--format table|csv|json]

        Lists \(what). The CSV output has the import header (\(header.joined(separator: ","))),
        so `gridroom \(name) --format csv > f.csv`, edit, `gridroom import \(name) f.csv` round-trips.
        """
    }
}

/// `gridroom grids`: the grid registry (网格).
enum GridsCommand: Command {
    static let name = "grids"
    static let switches: Set<String> = []
    static let summary = "list grids [--format table|csv|json]"
    static let header = GridValidator(existing: .init()).header
    static var usage: String { RegistryListing.usage(name, "every grid, township first", header) }
    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        try RegistryListing.run(ctx, &args, header: header) { store in
            try store.grids().map { [$0.code, $0.name, $0.level.rawValue, $0.parent ?? "", $0.row.map(String.init) ?? "", $0.col.map(String.init) ?? "",
                                     $0.head ?? "", $0.instructor ?? ""] }
        }
    }
}

/// `gridroom workers`: the grid workers (网格员).
enum WorkersCommand: Command {
    static let name = "workers"
    static let switches: Set<String> = []
    static let summary = "list grid workers [--format table|csv|json]"
    static let header = WorkerValidator(existing: .init()).header
    static var usage: String { RegistryListing.usage(name, "every grid worker with grid and A/B partner", header) }
    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        try RegistryListing.run(ctx, &args, header: header) { store in
            try store.workers().map { [$0.code, $0.name, $0.phone, $0.kind.rawValue, $0.grid, $0.partner ?? ""] }
        }
    }
}

/// `gridroom departments`: departments under the four platforms (四个平台).
enum DepartmentsCommand: Command {
    static let name = "departments"
    static let switches: Set<String> = []
    static let summary = "list departments [--format table|csv|json]"
    static let header = DepartmentValidator().header
    static var usage: String { RegistryListing.usage(name, "every department and its platform", header) }
    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        try RegistryListing.run(ctx, &args, header: header) { store in
            try store.departments().map { [$0.code, $0.name, $0.platform.rawValue] }
        }
    }
}

/// `gridroom categories`: the category table (事项分类) with stage limits.
enum CategoriesCommand: Command {
    static let name = "categories"
    static let switches: Set<String> = []
    static let summary = "list categories and their time limits [--format table|csv|json]"
    static let header = CategoryValidator(existing: .init()).header
    static var usage: String { RegistryListing.usage(name, "every category with its department, urgency and limits", header) }
    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        try RegistryListing.run(ctx, &args, header: header) { store in
            try store.categories().map {
                [$0.code, $0.name, $0.major, $0.department, $0.urgency.rawValue,
                 $0.dispatchLimit.description, $0.handleLimit.description, $0.verifyLimit.description,
                 ReportCommand.flag($0.dispute), ReportCommand.flag($0.firstReport), ReportCommand.flag($0.workerReportable)]
            }
        }
    }
}

/// `gridroom imports`: the import log (导入记录).
enum ImportsCommand: Command {
    static let name = "imports"
    static let switches: Set<String> = []
    static let summary = "list the import log [--format table|csv|json]"
    static let usage = """
    usage: gridroom imports [--format table|csv|json]

    Every import, newest first: file, content hash (SHA-256), rows in the file, rows written
    (changed the database), rows rejected, who, when, and whether it completed. An import that
    was interrupted shows as incomplete; running it again completes it without duplicates.
    """
    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        let format = try args.choice("format", ["table", "csv", "json"], default: "table")!
        try args.rejectUnknown()
        let store = try ctx.openStore()
        let zone = store.zone
        let rows = try store.importLog().map { e -> [String] in
            [String(e.id), e.kind, e.fileName, format == "table" ? String(e.contentHash.prefix(12)) : e.contentHash,
             String(e.rowsTotal), String(e.rowsWritten), String(e.rowsRejected), e.actor,
             ISOTime.format(e.startedAt, zone: zone), e.finishedAt.map { ISOTime.format($0, zone: zone) } ?? "",
             e.complete ? "complete" : "INCOMPLETE"]
        }
        Output.emit(format: format, header: ["id", "kind", "file", "sha256", "rows", "written", "rejected", "actor", "started", "finished", "status"],
                    rows: rows, rightAligned: [0, 4, 5, 6])
        return 0
    }
}
