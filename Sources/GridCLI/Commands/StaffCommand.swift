import Foundation
import GridCore
import GridStore

/// `gridroom staff add|list|set-role|deactivate|activate`: console users, their roles and whether they may act.
enum StaffCommand: Command {
    static let name = "staff"
    static let switches: Set<String> = []
    static let summary = "list and manage console users (admin): add, list, set-role, deactivate, activate"
    static let usage = """
    usage: gridroom staff list [--format table|csv|json]
           gridroom staff add LOGIN --name NAME --role operator|duty_officer|supervisor|admin
           gridroom staff set-role LOGIN --role ROLE
           gridroom staff deactivate LOGIN
           gridroom staff activate LOGIN

    Staff are known by their operating-system login name; nobody can act as another.
    `deactivate` switches a user off (停用): every write they try is refused with "deactivated on
    DATE by LOGIN"; their history stays. `activate` switches them back on. Both are admin-only and
    audited; the last active admin cannot be switched off.
    """

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        let sub = try args.positional(1 - 1 + 0, "subcommand (add, list, set-role, deactivate or activate)")
        let store = try ctx.openStore()
        let now = sub == "list" ? ctx.now(in: store.zone) : try ctx.writeNow(store, "staff \(sub)")
        let actor = try ctx.actor(store)
        let roles = Role.allCases.map(\.rawValue)
        switch sub {
        case "list":
            let format = try args.choice("format", ["table", "csv", "json"], default: "table")!
            try args.rejectUnknown()
            let rows = try store.staffList().map {
                [$0.login, $0.name, $0.role.rawValue, $0.active ? "1" : "0", $0.deactivatedOn?.description ?? "", $0.deactivatedBy ?? ""]
            }
            Output.emit(format: format, header: ["login", "name", "role", "active", "deactivated_on", "deactivated_by"], rows: rows)
        case "add":
            let login = try args.positional(1, "LOGIN")
            let name = try args.required("name")
            let role = Role(rawValue: try args.choice("role", roles) ?? "operator")!
            try args.rejectUnknown()
            try store.addStaff(Staff(login: login, name: name, role: role), by: actor, now: now)
            print(ctx.language.pick("已添加 \(login)（\(role.displayName(.zh))）", "added \(login) (\(role.rawValue))"))
        case "set-role":
            let login = try args.positional(1, "LOGIN")
            guard let r = try args.choice("role", roles) else { throw UsageError(zh: "缺少 --role", en: "missing --role") }
            try args.rejectUnknown()
            try store.setRole(login: login, role: Role(rawValue: r)!, by: actor, now: now)
            print(ctx.language.pick("\(login) 现为\(Role(rawValue: r)!.displayName(.zh))", "\(login) is now \(r)"))
        case "deactivate", "activate":
            let login = try args.positional(1, "LOGIN")
            try args.rejectUnknown()
            try store.setActive(login: login, active: sub == "activate", by: actor, now: now)
            print(sub == "activate" ? ctx.language.pick("\(login) 已恢复使用", "\(login) is active again")
                  : ctx.language.pick("\(login) 已停用；此后其写入一律拒绝", "\(login) is deactivated; their writes are refused from now on"))
        default:
            throw UsageError(zh: "staff \(sub)：应为 add、list、set-role、deactivate 或 activate", en: "staff \(sub): expected add, list, set-role, deactivate or activate")
        }
        return 0
    }
}
