import Foundation
import GridCore
import GridStore

/// `gridroom patrol`: record patrol sessions (巡查登记), confirm suspect ones, list a day's sessions, settings.
enum PatrolCommand: Command {
    static let name = "patrol"
    static let switches: Set<String> = []
    static let summary = "record patrols: start, stop, add, confirm, list; compliance settings"
    static let usage = """
    usage: gridroom patrol start --worker W --grid G [--at TIME]
           gridroom patrol stop  --worker W --grid G [--at TIME]
           gridroom patrol add   --worker W --grid G --start TIME --end TIME
           gridroom patrol confirm ID                      (supervisor)
           gridroom patrol list [--grid G] [--day YYYY-MM-DD] [--format table|csv|json|md]
           gridroom patrol settings [KEY VALUE]            (show; set: supervisor)

    TIME is ISO-8601 (2026-11-22T08:30:00+08:00, …Z, or 2026-11-22T08:30 = township local time);
    --at defaults to now. A worker may have one patrol under way per grid. A session longer than
    the suspect limit (default 12 h) is kept but not counted until `patrol confirm` (see Docs/compliance.md).
    `list` shows the sessions touching a local day (default today) and how each one is counted.
    """

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        let sub = try args.positional(0, "subcommand (start, stop, add, confirm, list or settings)")
        let store = try ctx.openStore()
        // `list` and `settings` without a value read ("as of" --now); the rest write on the real clock.
        let reads = sub == "list" || (sub == "settings" && args.positionals.count < 3)
        let now = reads ? ctx.now(in: store.zone) : try ctx.writeNow(store, "patrol \(sub)")
        let zone = store.zone
        func time(_ name: String, default def: Date? = nil) throws -> Date {
            guard let text = args.option(name) else {
                if let def { return def }
                throw UsageError(zh: "缺少 --\(name) 时间（ISO-8601，例如 2026-11-22T08:30:00+08:00）", en: "missing --\(name) TIME (ISO-8601, e.g. 2026-11-22T08:30:00+08:00)")
            }
            guard let t = ISOTime.parse(text, zone: zone) else {
                if let why = ISOTime.skippedLocalTime(text, zone: zone) { throw UsageError(why.after(zh: "--\(name) ", en: "--\(name) ")) }
                throw UsageError(zh: "--\(name) \(text)：不是 ISO-8601 时间（例如 2026-11-22T08:30:00+08:00，或本地时间 2026-11-22T08:30）", en: "--\(name) \(text): not an ISO-8601 time (e.g. 2026-11-22T08:30:00+08:00, or 2026-11-22T08:30 in local time)")
            }
            return t
        }
        switch sub {
        case "start", "stop":
            let worker = try args.required("worker"), grid = try args.required("grid")
            let at = try time("at", default: now)
            try args.rejectUnknown()
            let actor = try ctx.actor(store)
            if sub == "start" {
                let id = try store.startPatrol(worker: worker, grid: grid, at: at, by: actor, now: now)
                let atText = ISOTime.formatShort(at, zone: zone)
                print(ctx.language.pick("巡查 #\(id) 开始：\(worker) 在 \(grid)，\(atText)", "patrol #\(id) started: \(worker) in \(grid) at \(atText)"))
            } else {
                let s = try store.stopPatrol(worker: worker, grid: grid, at: at, by: actor, now: now)
                let settings = try store.complianceSettings()
                let suspect = s.isSuspect(limitSeconds: settings.suspectSeconds, now: now)
                let min = s.seconds(now: now) / 60
                print(ctx.language.pick("巡查 #\(s.id) 结束：\(worker) 在 \(grid)，\(min) 分钟", "patrol #\(s.id) stopped: \(worker) in \(grid), \(min) min")
                      + (suspect ? suspectNote(s.id, settings.suspectMinutes, ctx.language) : ""))
            }
        case "add":
            let worker = try args.required("worker"), grid = try args.required("grid")
            let start = try time("start"), end = try time("end")
            try args.rejectUnknown()
            let id = try store.addPatrol(worker: worker, grid: grid, start: start, end: end, by: try ctx.actor(store), now: now)
            let settings = try store.complianceSettings()
            let session = try store.patrolSession(id: id)!
            let suspect = session.status(limitSeconds: settings.suspectSeconds, now: now) == .suspect
            let span = "\(ISOTime.formatShort(start, zone: zone)) – \(ISOTime.formatShort(end, zone: zone))", min = session.seconds(now: now) / 60
            print(ctx.language.pick("巡查 #\(id) 已补录：\(worker) 在 \(grid)，\(span)，\(min) 分钟", "patrol #\(id) added: \(worker) in \(grid), \(span), \(min) min")
                  + (suspect ? suspectNote(id, settings.suspectMinutes, ctx.language) : ""))
        case "confirm":
            let text = try args.positional(1, "patrol ID (a number, as shown by `gridroom patrol list`)")
            guard let id = Int(text.hasPrefix("#") ? String(text.dropFirst()) : text) else {
                throw UsageError(zh: "patrol confirm \(text)：应为巡查记录编号（数字）", en: "patrol confirm \(text): expected a patrol id number")
            }
            try args.rejectUnknown()
            try store.confirmPatrol(id: id, by: try ctx.actor(store), now: now)
            print(ctx.language.pick("巡查 #\(id) 已确认：现全额计入", "patrol #\(id) confirmed: it now counts in full"))
        case "list":
            let grid = args.option("grid")
            let dayText = args.option("day")
            let format = try args.choice("format", ["table", "csv", "json", "md"], default: "table")!
            try args.rejectUnknown()
            let day = try dayText.map { t -> LocalDate in
                guard let d = LocalDate(iso: t) else { throw UsageError(zh: "--day \(t)：应为 YYYY-MM-DD", en: "--day \(t): expected YYYY-MM-DD") }
                return d
            } ?? zone.localDate(of: now)
            if let grid { _ = try store.basicGrids(code: grid) }
            let rows = try store.patrolList(day: day, grid: grid, now: now).map { s, st -> [String] in
                [String(s.id), s.grid, s.worker, ISOTime.format(s.start, zone: zone),
                 s.end.map { ISOTime.format($0, zone: zone) } ?? "", String(s.seconds(now: now) / 60),
                 st.rawValue, s.confirmedBy ?? ""]
            }
            Output.emit(format: format, header: ["id", "grid", "worker", "start", "end", "minutes", "status", "confirmed_by"],
                        rows: rows, rightAligned: [0, 5])
        case "settings":
            if args.positionals.count >= 3 {
                let key = args.positionals[1], value = args.positionals[2]
                try args.rejectUnknown()
                // The patrol day is a township setting (`gridroom settings`): one key, one store call, whichever command sets it.
                if TownshipSetting(rawValue: key) != nil {
                    try store.setTownshipSetting(key: key, value: value, by: try ctx.actor(store), now: now)
                } else {
                    try store.setComplianceSetting(key: key, value: value, by: try ctx.actor(store), now: now)
                }
                print("\(key) = \(value)")
            } else {
                try args.rejectUnknown()
                let values = try store.complianceSettings().values
                // With the patrol day (a township setting, also in `gridroom settings show`): what `patrol settings KEY VALUE` takes.
                let day = try store.townshipSettings().first { $0.setting == .patrolDay }
                Output.emit(format: "table", header: ["key", "value"],
                            rows: ComplianceSettings.Key.all.map { [$0, values[$0] ?? ""] } + (day.map { [[$0.setting.rawValue, $0.value]] } ?? []))
            }
        default:
            throw UsageError(zh: "patrol \(sub)：应为 start、stop、add、confirm、list 或 settings", en: "patrol \(sub): expected start, stop, add, confirm, list or settings")
        }
        return 0
    }

    /// The warning after a session longer than the limit.
    static func suspectNote(_ id: Int, _ minutes: Int, _ l: Language) -> String {
        l.pick(" — 存疑（超过 \(minutes) 分钟）：`gridroom patrol confirm \(id)` 确认前不计入",
               " — SUSPECT (longer than \(minutes) min): not counted until `gridroom patrol confirm \(id)`")
    }
}
