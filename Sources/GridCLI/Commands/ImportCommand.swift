import Foundation
import GridCore
import GridStore

/// `gridroom import KIND FILE.csv [--skip-invalid]`: loads a CSV file through the shared import runner.
enum ImportCommand: Command {
    static let name = "import"
    static let switches: Set<String> = ["skip-invalid"]
    static let summary = "import a CSV file: grids, workers, departments, categories, cases, patrols, roster"

    /// One importable kind: its name, header (for help) and the store call that imports it.
    struct Kind {
        let name: String
        let header: [String]
        let run: (Store, String, ImportOptions, Actor, Date) throws -> ImportReport
    }

    /// Every kind `gridroom import` knows; matters and patrols add theirs here.
    nonisolated(unsafe) static var kinds: [Kind] = [
        Kind(name: "grids", header: GridValidator(existing: .init()).header) { try $0.importGrids(path: $1, options: $2, actor: $3, now: $4) },
        Kind(name: "workers", header: WorkerValidator(existing: .init()).header) { try $0.importWorkers(path: $1, options: $2, actor: $3, now: $4) },
        Kind(name: "departments", header: DepartmentValidator().header) { try $0.importDepartments(path: $1, options: $2, actor: $3, now: $4) },
        Kind(name: "categories", header: CategoryValidator(existing: .init()).header) { try $0.importCategories(path: $1, options: $2, actor: $3, now: $4) },
        Kind(name: "cases", header: MatterImportValidator.header) { try $0.importCases(path: $1, options: $2, actor: $3, now: $4) },
        Kind(name: "patrols", header: ["worker", "grid", "start", "end"]) { try $0.importPatrols(path: $1, options: $2, actor: $3, now: $4) },
        Kind(name: "roster", header: RosterValidator(periods: .standard, activeStaff: [], knownStaff: []).header) {
            try $0.importRoster(path: $1, options: $2, actor: $3, now: $4)
        },
    ]

    static var usage: String {
        """
        usage: gridroom import KIND FILE.csv [--skip-invalid]

        Kinds and their CSV headers:
        \(kinds.map { "  \(DisplayWidth.pad($0.name, to: 12))\($0.header.joined(separator: ","))" }.joined(separator: "\n"))

        The roster's headings may also be Chinese: 日期,班次,登录名,副班.
        Files may be UTF-8 (with or without BOM) or GB18030/GBK, with CRLF or LF line ends; Big5 and
        other encodings are refused. What `gridroom … --format csv` exports imports back: the leading '
        that guards a formula-like text (='…) is taken off. Control characters are refused in every column.
        Every row is checked before anything is written. A file with any bad row is rejected whole:
        nothing is written and every problem is listed as FILE:LINE: COLUMN: what is wrong (exit 1).
        --skip-invalid writes the good rows and puts the bad ones, with a reason column, in
        FILE.rejects.csv. Rows are matched by code (cases: by reported_at, source, reporter, grid, category and title;
        patrols: by worker, grid, start and end; roster: by date and shift, a planned shift is replaced):
        importing the same file again changes nothing.
        Every import is recorded in the import log (`gridroom imports`). See Docs/imports.md.
        """
    }

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        let kindName = try args.positional(0, "KIND (\(kinds.map(\.name).joined(separator: ", ")))")
        guard let kind = kinds.first(where: { $0.name == kindName }) else {
            throw UsageError(zh: "import \(kindName)：未知的导入类型；应为以下之一：\(kinds.map(\.name).joined(separator: "、"))", en: "import \(kindName): unknown kind; expected one of \(kinds.map(\.name).joined(separator: ", "))")
        }
        let file = try args.positional(1, "FILE.csv")
        let options = ImportOptions(skipInvalid: args.flag("skip-invalid"), language: ctx.language)
        try args.rejectUnknown()
        let store = try ctx.openStore()
        let now = try ctx.writeNow(store, "import \(kindName)")
        let actor = try ctx.actor(store)
        do {
            let r = try kind.run(store, file, options, actor, now)
            print(summary(r, ctx.language))
            return 0
        } catch let e as ImportError {
            Output.toStandardError(TextSafety.escaped(e.words(ctx.language), keepNewlines: true) + "\n")
            return 1
        }
    }

    /// One line saying what an import did.
    static func summary(_ r: ImportReport, _ l: Language) -> String {
        guard l == .zh else {
            var s = "\(r.file) (\(r.encoding.rawValue)): \(r.rowsTotal) rows — \(r.rowsWritten) written, \(r.rowsUnchanged) unchanged"
            if r.rowsRejected > 0 { s += ", \(r.rowsRejected) rejected → \(r.rejectsFile ?? "not saved")" }
            return s + "; import #\(r.logID)"
        }
        var s = "\(r.file)（\(r.encoding.rawValue)）：共 \(r.rowsTotal) 行 — 写入 \(r.rowsWritten)，未变 \(r.rowsUnchanged)"
        if r.rowsRejected > 0 { s += "，拒收 \(r.rowsRejected) → \(r.rejectsFile ?? "未保存")" }
        return s + "；导入 #\(r.logID)"
    }
}
