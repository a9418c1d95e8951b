import Foundation
import GridCore
import GridStore

/// `gridroom duty …`: the night duty (值班) from the command line — every subcommand is the same store call the
/// console's Duty screen makes.
enum DutyCommand: Command {
    static let name = "duty"
    static let switches: Set<String> = ["take-over"]
    static let summary = "night duty: show, start, end, note, ack, history; the roster: roster, plan"
    static let usage = """
    usage: gridroom duty show [--format text|json]     the shift under way, the previous shift's hand-over
                                                       (full note, carried-over list, acknowledgement), the lists
           gridroom duty start [--take-over]           start your shift; --take-over ends the open one (note kept)
           gridroom duty end [--note TEXT]             end the shift (the note, if given, replaces the saved one)
           gridroom duty note [--file F | TEXT]        save the shift's handover note (several lines from a file)
           gridroom duty ack                           acknowledge the previous shift's hand-over (接班确认)
           gridroom duty history [--from DATE] [--to DATE] [--format text|json]
           gridroom duty roster [--from DATE] [--to DATE] [--format table|csv|json]   (default: this week)
           gridroom duty plan DATE SHIFT LOGIN [--deputy LOGIN]                      (supervisor)
           gridroom duty settings [KEY VALUE]          duty.periods (day=08:00-20:00,night=20:00-08:00,…),
                                                       duty.ring_until_ack (on|off)

    The roster also imports from CSV: `gridroom import roster FILE.csv` (date,shift,login,deputy or
    日期,班次,登录名,副班). SHIFT is day, night (白班, 夜班) or a period named in duty.periods.
    A shift started by someone not on the roster is allowed and marked. See Docs/console.md.
    """

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        let sub = try args.positional(0, "subcommand (show, start, end, note, ack, history, roster, plan, settings)")
        let store = try ctx.openStore()
        let now = ctx.now(in: store.zone)
        let zh = ctx.language == .zh
        func t(_ d: Date) -> String { ISOTime.format(d, zone: store.zone) }
        switch sub {
        case "show":
            let format = try args.choice("format", ["text", "json"], default: "text")!
            try args.rejectUnknown()
            try DutyShow.show(store, now: now, json: format == "json", ctx.language)
        case "start":
            let takeOver = args.flag("take-over")
            try args.rejectUnknown()
            let actor = try ctx.actor(store)
            let open = try store.currentShift()
            let s = try store.startShift(by: actor, now: now, takeOver: takeOver ? open?.id : nil)
            if let open, takeOver { print(zh ? "已接管班次 \(open.id)（\(open.login)）：该班次已结束，交班记录保留" : "took over shift \(open.id) of \(open.login) (ended, its note kept)") }
            let mark = s.onRoster ? "" : zh ? "（未排班" + (s.plannedLogin.isEmpty ? "" : "；排班：\(s.plannedLogin)") + "）"
                : " — not on the roster" + (s.plannedLogin.isEmpty ? " (nothing planned)" : " (planned: \(s.plannedLogin))")
            print((zh ? "\(s.login) 已接班（班次 \(s.id)，\(t(s.startedAt))）" : "shift \(s.id) started by \(s.login) at \(t(s.startedAt))") + mark)
        case "end":
            let note = args.option("note")
            try args.rejectUnknown()
            let s = try store.endShift(note: note, by: try ctx.actor(store), now: now)
            let n = try store.handoverItems(shiftID: s.id).count
            print(zh ? "班次 \(s.id) 已交班（\(t(s.endedAt!))）；交班记录 \(s.note.filter { $0 != "\n" }.count) 字，移交 \(n) 件"
                  : "shift \(s.id) ended at \(t(s.endedAt!)); note of \(s.note.filter { $0 != "\n" }.count) characters, \(n) matters carried over")
        case "note":
            let text: String
            if let file = args.option("file") {
                guard let data = FileManager.default.contents(atPath: file) else { throw UsageError(zh: "--file \(file)：无法读取", en: "--file \(file): cannot be read") }
                text = String(decoding: data, as: UTF8.self)
            } else {
                guard args.positionals.count == 2 else { throw UsageError(zh: "duty note：请把交班记录作为一个参数给出，或用 --file 文件", en: "duty note: give the note as one argument, or --file F") }
                text = args.positionals[1]
            }
            try args.rejectUnknown()
            try store.saveHandoverNote(text, by: try ctx.actor(store), now: now)
            let n = try store.currentShift()?.note.filter { $0 != "\n" }.count ?? 0
            print(zh ? "交班记录已保存（\(n) 字）" : "note saved (\(n) characters)")
        case "ack":
            try args.rejectUnknown()
            let s = try store.acknowledgeHandover(by: try ctx.actor(store), now: now)
            print(zh ? "已接班确认：班次 \(s.id)（\(s.login)）的交接，由 \(s.acknowledgedBy ?? "") 于 \(t(s.acknowledgedAt!)) 确认"
                  : "hand-over of shift \(s.id) (\(s.login)) acknowledged by \(s.acknowledgedBy ?? "") at \(t(s.acknowledgedAt!))")
        case "history":
            let from = try date(&args, "from"), to = try date(&args, "to")
            let format = try args.choice("format", ["text", "json"], default: "text")!
            try args.rejectUnknown()
            let shifts = try store.shiftHistory(from: from.map { store.zone.startOfDay($0) }, to: to.map { store.zone.endOfDay($0) })
            if format == "json" {
                print(Output.json(try shifts.map { try DutyShow.json($0, store, carried: true) }))
            } else {
                if shifts.isEmpty { print(zh ? "没有班次" : "no shifts") }
                for s in shifts { try DutyShow.printShift(s, store, carried: true, heading: zh ? "班次 \(s.id)" : "shift \(s.id)", ctx.language) }
            }
        case "roster":
            let today = store.zone.localDate(of: now)
            let from = try date(&args, "from") ?? today
            let to = try date(&args, "to") ?? from.adding(days: 6)
            let format = try args.choice("format", ["table", "csv", "json"], default: "table")!
            try args.rejectUnknown()
            let slots = try store.roster(from: from, to: to)
            let rows = slots.map { s in
                [s.entry.day.description, format == "table" ? s.period.displayName(ctx.language) : s.entry.period, s.period.span, s.entry.login, s.officerName, s.entry.deputy ?? "", s.deputyName ?? ""]
            }
            Output.emit(format: format, header: ["date", "shift", "time", "login", "name", "deputy", "deputy_name"], rows: rows)
        case "plan":
            guard args.positionals.count == 4 else { throw UsageError(zh: "duty plan：请给出 日期 班次 登录名，例如 2026-11-23 night duty1", en: "duty plan: give DATE SHIFT LOGIN, e.g. 2026-11-23 night duty1") }
            guard let day = LocalDate(iso: args.positionals[1]) else { throw UsageError(zh: "duty plan：\(args.positionals[1]) 不是日期 YYYY-MM-DD", en: "duty plan: \(args.positionals[1]) is not a date YYYY-MM-DD") }
            let deputy = args.option("deputy")
            try args.rejectUnknown()
            let entry = RosterEntry(day: day, period: args.positionals[2], login: args.positionals[3], deputy: deputy)
            try store.planDuty(entry, by: try ctx.actor(store), now: now)
            print(zh ? "已排班 \(day) \(entry.period)：\(entry.login)" + (deputy.map { "，副班 \($0)" } ?? "")
                  : "planned \(day) \(entry.period): \(entry.login)" + (deputy.map { ", deputy \($0)" } ?? ""))
        case "settings":
            try args.rejectUnknown()
            if args.positionals.count >= 2 {
                guard args.positionals.count == 3 else { throw UsageError(zh: "duty settings：请给出 键 值，例如 duty.ring_until_ack off", en: "duty settings: give KEY VALUE, e.g. duty.ring_until_ack off") }
                try store.setDutySetting(args.positionals[1], args.positionals[2], by: try ctx.actor(store), now: now)
            }
            let s = try store.dutySettings()
            Output.emit(format: "table", header: ["setting", "value"],
                        rows: [[DutyPeriods.settingKey, s.periods.settingText], ["duty.ring_until_ack", s.ringUntilAcknowledged ? "on" : "off"]])
        default:
            throw UsageError(zh: "duty \(sub)：未知的子命令；见 `gridroom duty --help`", en: "duty \(sub): unknown; see `gridroom duty --help`")
        }
        return 0
    }

    /// A `YYYY-MM-DD` option.
    static func date(_ args: inout Arguments, _ name: String) throws -> LocalDate? {
        guard let v = args.option(name) else { return nil }
        guard let d = LocalDate(iso: v) else { throw UsageError(zh: "--\(name) \(v)：应为日期 YYYY-MM-DD", en: "--\(name) \(v): expected a date YYYY-MM-DD") }
        return d
    }
}
