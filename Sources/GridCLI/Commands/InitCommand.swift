import Foundation
import GridCore
import GridStore

/// `gridroom init [--demo] [--timezone TZ] [--name NAME]`: creates the database file.
enum InitCommand: Command {
    static let name = "init"
    static let switches: Set<String> = ["demo", "activity", "rehearsal"]
    static let summary = "create the database (and load the demo township with --demo)"
    static let usage = """
    usage: gridroom init [--rehearsal] [--demo [--activity]] [--timezone TZ] [--name DISPLAY-NAME] [--data DIR]

    Creates the database file (mode 0660) with the current schema. The user who runs it
    becomes its admin. --timezone sets the township's zone (default Asia/Shanghai): days
    and months are counted there. --demo loads the demo township from Data/ (or --data DIR)
    (the registry: grids, workers, departments, categories, demo staff); --activity adds
    two months of synthetic matters and patrol sessions ending now (what `make run` shows).

    A plain `init` makes a live (正式) file: every write takes the operating system's clock and
    --now / GRIDROOM_NOW is refused for writes (reads may use it as "as of"). --rehearsal, and
    --demo, make a rehearsal (演练) file for training, tests and the bench, where --now is accepted.
    The mode is kept in the file and shown by `gridroom check` and on the console's status line.
    """

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        let tzName = args.option("timezone") ?? "Asia/Shanghai"
        guard let zone = TownshipZone(identifier: tzName) else { throw UsageError(zh: "--timezone \(tzName)：未知的时区", en: "--timezone \(tzName): unknown time zone") }
        let demo = args.flag("demo")
        let activity = args.flag("activity")
        if activity && !demo { throw UsageError(zh: "--activity 须与 --demo 同用（它为演示乡镇写入事项和巡查）", en: "--activity goes with --demo (it writes matters and patrols for the demo township)") }
        let displayName = args.option("name") ?? ctx.login
        let dataDir = args.option("data")
        let mode: FileMode = args.flag("rehearsal") || demo ? .rehearsal : .live
        try args.rejectUnknown()
        if mode == .live && ctx.nowFixed {
            throw StoreError.fixedClockOnLiveFile(path: ctx.dbPath, command: "init")
        }
        let now = mode == .live ? Date() : ctx.now(in: zone)
        let store = try Store.create(path: ctx.dbPath, zone: zone,
                                     admin: Staff(login: ctx.login, name: displayName, role: .admin), now: now, mode: mode)
        print(ctx.language.pick("已创建 \(ctx.dbPath)（结构版本 \(store.schemaVersion)，时区 \(zone.identifier)，\(mode.displayName(.zh))文件）；管理员：\(ctx.login)",
                                "created \(ctx.dbPath) (schema \(store.schemaVersion), time zone \(zone.identifier), \(mode.rawValue) file); admin: \(ctx.login)"))
        if demo {
            let admin = try store.actor(login: ctx.login)
            try DemoLoader.load(into: store, dataDir: dataDir ?? DemoLoader.defaultDataDir(), actor: admin, now: now)
        }
        if activity {
            // Two months of matters and patrols, so every screen has something to show on the first run.
            let admin = try store.actor(login: ctx.login)
            let summary = try DemoGenerator(store: store, spec: .demoActivity, now: now, actor: admin).run()
            let (mn, pn) = (summary.rows["matters"] ?? 0, summary.rows["patrols"] ?? 0)
            print(ctx.language.pick("演示活动：近两个月 \(mn) 件案件、\(pn) 次巡查", "demo activity: \(mn) matters, \(pn) patrol sessions over the last two months"))
        }
        return 0
    }
}
