import Foundation
import GridCore
import GridStore
import GridConsole

/// No command: the live console.
enum ConsoleCommand: Command {
    static let name = "console"
    static let switches: Set<String> = ["no-bell"]
    static let summary = "open the live console (the default with no command)"
    static let usage = """
    usage: gridroom [--db PATH] [--now TIME] [--lang zh|en] [console] [--no-bell]

    Opens the full-screen live console. Keys: 1-6 screens, n new matter, / filter, : command
    (e.g. :case 20261122-0007), ? help, q back/quit. --no-bell (or the setting console.bell=off,
    or GRIDROOM_BELL=off) silences the alert bell. With --now the console's clock starts at that
    instant and runs on. A read-only database file opens a read-only console.
    """

    /// With GRIDROOM_TIMING=FILE (set by `gridroom bench`), appends `first_frame MS` (milliseconds since
    /// GRIDROOM_T0, epoch seconds, which the bench takes in the pane's shell just before it execs the console)
    /// and `reload EPOCH` lines, so start-up and live latency can be measured.
    static func timingLog(_ env: [String: String]) -> ((String) -> Void)? {
        guard let path = env["GRIDROOM_TIMING"], let handle = FileHandle(forWritingAtPath: path) else { return nil }
        let t0 = Double(env["GRIDROOM_T0"] ?? "") ?? Date().timeIntervalSince1970
        return { event in
            let t = Date().timeIntervalSince1970
            let line = event == "first_frame" ? "first_frame \((t - t0) * 1000)\n" : "\(event) \(t)\n"
            handle.seekToEndOfFile()
            handle.write(line.data(using: .utf8)!)
        }
    }

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        let noBell = args.flag("no-bell")
        try args.rejectUnknown()
        let store = try ctx.openStore()
        store.keepStatements()  // the console re-runs the same reads on every reload
        let env = ProcessInfo.processInfo.environment
        let bellOff = noBell || env["GRIDROOM_BELL"] == "off" || (try? store.consoleBellOn()) == false
        let actor = try ctx.actor(store)
        // A console writes: on a live (正式) file it runs on the real clock; a fixed clock is for reading only.
        if ctx.nowFixed && !store.isRehearsal && !store.isReadOnly {
            // (`--read-only` looks "as of" a time.)
            throw StoreError.fixedClockOnLiveFile(path: ctx.dbPath, command: "console")
        }
        let clock = ConsoleClock(start: ctx.nowText != nil ? ctx.now(in: store.zone) : nil)
        let app = ConsoleApp(store: store, language: ctx.language, clock: clock, actor: actor,
                             actions: .live(store), bell: !bellOff)
        app.actingAs = ctx.demoLogin != nil
        app.draftPath = store.isReadOnly ? nil : ConsoleApp.draftPath(database: ctx.dbPath, login: ctx.login)
        let surface: CursesSurface
        do { surface = try CursesSurface(bell: !bellOff) } catch let e as TerminalError {
            throw UsageError(zh: e.message(.zh), en: e.message(.en))
        }
        app.timing = ConsoleCommand.timingLog(env)
        // Another process's commit wakes the console at once (the log's inotify watch); GRIDROOM_WAL_WATCH=off
        // leaves it to the 100 ms poll alone (to compare the two with `gridroom bench`).
        if env["GRIDROOM_WAL_WATCH"] != "off" { surface.walWatch = WALWatch(databasePath: ctx.dbPath) }
        app.run(on: surface)
        if let sig = Optional(CursesSurface.stopSignal), sig != 0 {
            // After a hang-up the terminal is gone and this note fails (EIO): `write(_:)` would trap on that, crash
            // the console on every closed terminal and leave the file unclosed (its log not folded back).
            Output.toStandardError("gridroom: console closed by signal \(sig)\n")
            return 128 + sig
        }
        return 0
    }
}
