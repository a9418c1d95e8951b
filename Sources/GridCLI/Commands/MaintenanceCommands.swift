import Foundation
import GridCore
import GridStore

/// `gridroom backup PATH`: a consistent copy while others write.
enum BackupCommand: Command {
    static let name = "backup"
    static let switches: Set<String> = []
    static let summary = "make a consistent copy of the database while others keep working"
    static let usage = """
    usage: gridroom backup PATH

    Uses SQLite's online backup: consoles and imports may go on writing meanwhile.
    The copy appears under PATH only when complete and verified (`PRAGMA integrity_check`
    on the copy says ok); otherwise nothing is left under PATH and the exit status is 1.
    """

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        let target = try args.positional(0, "PATH of the copy")
        try args.rejectUnknown()
        let store = try ctx.openStore()
        try store.backup(to: target)
        print(ctx.language.pick("已备份 \(ctx.dbPath) 到 \(target)（副本已校验：完整性正常）",
                                "backed up \(ctx.dbPath) to \(target) (copy verified: integrity ok)"))
        return 0
    }
}

/// `gridroom check`: integrity and summary recount.
enum CheckCommand: Command {
    static let name = "check"
    static let switches: Set<String> = []
    static let summary = "check the file's integrity and recount every maintained figure"
    static let usage = """
    usage: gridroom check

    Runs SQLite's integrity and foreign-key checks and compares every maintained counter and
    summary with a full recount. Exit status 1 if anything is wrong. A failed integrity check
    leaves FILE-damaged beside the file: writes are refused until a check passes again.
    Run it nightly from cron (Docs/reliability.md).
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
        print("mode: \(store.mode.rawValue) (\(store.mode.displayName(.zh)))")
        if report.integrity != ["ok"] { print("writes are refused until the file is restored (see Docs/reliability.md)") }
        return report.ok ? 0 : 1
    }
}

/// `gridroom sweep`: records breaches (超期) for cron, without waiting for a busy file.
enum SweepCommand: Command {
    static let name = "sweep"
    static let switches: Set<String> = []
    static let summary = "record stages that went overdue (for cron; never waits for a busy file)"
    static let usage = """
    usage: gridroom sweep

    Records one `overdue` event per stage past its deadline, dated at the deadline, by `system`.
    Reads (listings, reports, `case show`, console screens) never write, so something must: the
    open consoles do it every 30 s, every move does it for its matter, and this command does it
    for cron when no console is open (e.g. `*/5 * * * * gridroom --db /srv/gridroom/room.sqlite sweep`).
    When another process holds the write lock it writes nothing, says so and exits 0: the next
    run catches up. Breaches are never dated after the real clock.
    """

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        try args.rejectUnknown()
        let store = try ctx.openStore()
        let now = try ctx.writeNow(store, "sweep")
        switch try store.sweepOverdue(now: now) {
        case .recorded(let n):
            print(ctx.language.pick("已记录 \(n) 个超期环节", "recorded \(n) overdue stage\(n == 1 ? "" : "s")"))
        case .busy:
            print(ctx.language.pick("数据库正被另一进程写入：本次未记录，下次扫描补记",
                                    "the file is busy (another process holds the write lock); nothing recorded, the next sweep catches up"))
        case .readOnly:
            throw StoreError.readOnly(path: ctx.dbPath, reason: store.readOnlyReason ?? .connection)
        }
        return 0
    }
}
