import Foundation
import GridCore
import GridStore

/// `gridroom settings show|set`: the township settings that have no command of their own (乡镇设置) — the
/// console's urgent reminder interval and bell, and the patrol day hours (`TownshipSetting`, where keys and ranges live).
enum SettingsCommand: Command {
    static let name = "settings"
    static let switches: Set<String> = []
    static let summary = "show or set the console and patrol-day settings: settings show | settings set KEY VALUE (supervisor)"
    static let usage = """
    usage: gridroom settings show [--format table|json]
           gridroom settings set KEY VALUE

    Keys:
      \(TownshipSetting.urgentReminderMinutes.rawValue)   \(TownshipSetting.urgentReminderMinutes.expected(.en)); default \(TownshipSetting.urgentReminderMinutes.defaultText)
          how often an urgent matter still undispatched past its dispatch limit rings again on the console
      \(TownshipSetting.patrolDay.rawValue)              \(TownshipSetting.patrolDay.expected(.en)); default \(TownshipSetting.patrolDay.defaultText)
          the hours today's patrol pace is judged against (no grid is behind before they have passed)
      \(TownshipSetting.bell.rawValue)                       \(TownshipSetting.bell.expected(.en)); default \(TownshipSetting.bell.defaultText)
          whether every console rings its bell for alerts (--no-bell or GRIDROOM_BELL=off silence one)

    Setting needs the supervisor or admin role; every change is audited (old → new). Other settings
    have their own commands: \(TownshipSetting.otherCommands.map { "gridroom " + $0 }.joined(separator: ", ")).
    """

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        let sub = args.positionals.first ?? "show"
        switch sub {
        case "show":
            let format = try args.choice("format", ["table", "json"], default: "table")!
            try args.rejectUnknown()
            guard args.positionals.count <= 1 else { throw UsageError(zh: "settings show 不带其他参数；修改请用 settings set 设置项 值", en: "settings show takes no other words; to change one: settings set KEY VALUE") }
            let store = try ctx.openStore()
            show(try store.townshipSettings(), format: format, ctx.language)
        case "set":
            try args.rejectUnknown()
            guard args.positionals.count == 3 else {
                throw UsageError(zh: "settings set：请给出 设置项 值，例如 settings set \(TownshipSetting.patrolDay.rawValue) 07:30-19:30",
                                 en: "settings set: give KEY VALUE, e.g. settings set \(TownshipSetting.patrolDay.rawValue) 07:30-19:30")
            }
            let store = try ctx.openStore()
            let key = args.positionals[1]
            let stored = try store.setTownshipSetting(key: key, value: args.positionals[2], by: try ctx.actor(store),
                                                      now: try ctx.writeNow(store, "settings set"))
            let s = try TownshipSetting.named(key)
            print(ctx.language.pick("已设置 \(s.displayName(.zh))（\(key)）= \(stored)", "set \(s.displayName(.en)) (\(key)) = \(stored)"))
        default:
            throw UsageError(zh: "settings \(sub)：应为 show 或 set", en: "settings \(sub): expected show or set")
        }
        return 0
    }

    /// The settings as a table for people (names in `language`, 默认 where nothing is stored) or typed JSON.
    static func show(_ values: [TownshipSettingValue], format: String, _ l: Language) {
        if format == "json" {
            func typed(_ s: TownshipSetting, _ text: String) -> Any { s.isInteger ? (Int(text) as Any? ?? NSNull()) : text }
            print(Output.json(values.map { v -> [String: Any] in
                ["key": v.setting.rawValue, "name": v.setting.displayName(l), "value": typed(v.setting, v.value),
                 "default": typed(v.setting, v.setting.defaultText), "stored": v.stored]
            }))
            return
        }
        let headers = l == .zh ? ["设置项", "名称", "值", "默认值", "来源"] : ["Key", "Name", "Value", "Default", "Source"]
        let rows = values.map { v in
            [v.setting.rawValue, v.setting.displayName(l), v.value, v.setting.defaultText, v.stored ? l.pick("已设置", "set") : l.pick("默认", "default")]
        }
        print(TextTable(headers: headers, rows: rows.map { $0.map { TextSafety.escaped($0) } }).render(), terminator: "")
    }
}
