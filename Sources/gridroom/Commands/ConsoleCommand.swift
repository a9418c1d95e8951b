import Foundation
import GridCore
import GridStore
import GridConsole

/// No command: the live console.
enum ConsoleCommand: Command {
    static let name = "console"
    static let summary = "open the live console (the default with no command)"
    static let usage = """
    usage: gridroom [--db PATH] [--now TIME] [--lang zh|en] [console] [--no-bell]

    Opens the full-screen live console. Keys: 1-6 screens, n new matter, / filter, : command
    (e.g. :case 20261122-0007), ? help, q back/quit. --no-bell (or the setting console.bell=off,
    or GRIDROOM_BELL=off) silences the alert bell. With --now the console's clock starts at that
    instant and runs on. A read-only database file opens a read-only console.
    """

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        let noBell = args.flag("no-bell")
        try args.rejectUnknown()
        let store = try ctx.openStore()
        let env = ProcessInfo.processInfo.environment
        let bellOff = noBell || env["GRIDROOM_BELL"] == "off" || (try? store.settingValue("console.bell")) == "off"
        let actor = try store.actor(login: ctx.login)
        let clock = ConsoleClock(start: ctx.nowText != nil ? ctx.now(in: store.zone) : nil)
        let app = ConsoleApp(store: store, language: ctx.lang == "en" ? .en : .zh, clock: clock, actor: actor,
                             actions: .live(store), bell: !bellOff)
        app.draftPath = store.isReadOnly ? nil : ctx.dbPath + ".draft-" + ctx.login
        let surface: CursesSurface
        do { surface = try CursesSurface(bell: !bellOff) } catch let e as TerminalError {
            throw UsageError(e.message)
        }
        app.run(on: surface)
        if let sig = Optional(CursesSurface.stopSignal), sig != 0 {
            FileHandle.standardError.write("gridroom: console closed by signal \(sig)\n".data(using: .utf8)!)
            return 128 + sig
        }
        return 0
    }
}
