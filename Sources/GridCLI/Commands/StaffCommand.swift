import Foundation
import GridCore
import GridStore

/// `gridroom staff add|list|set-role`: console users and their roles.
enum StaffCommand: Command {
    static let name = "staff"
    static let summary = "list and manage console users (admin): add, list, set-role"
    static let usage = """
    usage: gridroom staff list [--format table|csv|json]
           gridroom staff add LOGIN --name NAME --role operator|duty_officer|supervisor|admin
           gridroom staff set-role LOGIN --role ROLE

    Staff are known by their operating-system login name; nobody can act as another.
    """

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        let sub = try args.positional(1 - 1 + 0, "subcommand (add, list or set-role)")
        let store = try ctx.openStore()
        let now = ctx.now(in: store.zone)
        let actor = try store.actor(login: ctx.login)
        let roles = Role.allCases.map(\.rawValue)
        switch sub {
        case "list":
            let format = try args.choice("format", ["table", "csv", "json"], default: "table")!
            try args.rejectUnknown()
            let rows = try store.staffList().map { [$0.login, $0.name, $0.role.rawValue, $0.active ? "1" : "0"] }
            Output.emit(format: format, header: ["login", "name", "role", "active"], rows: rows)
        case "add":
            let login = try args.positional(1, "LOGIN")
            let name = try args.required("name")
            let role = Role(rawValue: try args.choice("role", roles) ?? "operator")!
            try args.rejectUnknown()
            try store.addStaff(Staff(login: login, name: name, role: role), by: actor, now: now)
            print(ctx.language.pick("已添加 \(login)（\(role.displayName(.zh))）", "added \(login) (\(role.rawValue))"))
        case "set-role":
            let login = try args.positional(1, "LOGIN")
            guard let r = try args.choice("role", roles) else { throw UsageError("missing --role") }
            try args.rejectUnknown()
            try store.setRole(login: login, role: Role(rawValue: r)!, by: actor, now: now)
            print(ctx.language.pick("\(login) 现为\(Role(rawValue: r)!.displayName(.zh))", "\(login) is now \(r)"))
        default:
            throw UsageError("staff \(sub): expected add, list or set-role")
        }
        return 0
    }
}
