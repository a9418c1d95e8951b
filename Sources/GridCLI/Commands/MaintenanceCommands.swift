import Foundation
import GridCore
import GridStore

/// `gridroom backup PATH`: a consistent copy while others write.
enum BackupCommand: Command {
    static let name = "backup"
    static let summary = "make a consistent copy of the database while others keep working"
    static let usage = """
    usage: gridroom backup PATH

    Uses SQLite's online backup: consoles and imports may go on writing meanwhile.
    The copy appears under PATH only when complete.
    """

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        let target = try args.positional(0, "PATH of the copy")
        try args.rejectUnknown()
        let store = try ctx.openStore()
        try store.backup(to: target)
        print(ctx.language.pick("已备份 \(ctx.dbPath) 到 \(target)", "backed up \(ctx.dbPath) to \(target)"))
        return 0
    }
}

/// `gridroom check`: integrity and summary recount.
enum CheckCommand: Command {
    static let name = "check"
    static let summary = "check the file's integrity and recount every maintained figure"
    static let usage = """
    usage: gridroom check

    Runs SQLite's integrity and foreign-key checks and compares every maintained counter and
    summary with a full recount. Exit status 1 if anything is wrong.
    """

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        try args.rejectUnknown()
        let store = try ctx.openStore()
        let report = try store.check()
        // A damaged file can give hundreds of lines: the first ten say where, the count says how much.
        let lines = report.integrity.flatMap { $0.split(separator: "\n").map(String.init) }
        print("integrity: " + lines.prefix(10).joined(separator: "; ") + (lines.count > 10 ? "; … \(lines.count - 10) more" : ""))
        print("foreign keys: " + (report.foreignKeyProblems.isEmpty ? "ok" : report.foreignKeyProblems.joined(separator: "; ")))
        print("summaries: " + (report.summaryProblems.isEmpty ? "ok" : report.summaryProblems.joined(separator: "; ")))
        print("schema version: \(store.schemaVersion)")
        return report.ok ? 0 : 1
    }
}
