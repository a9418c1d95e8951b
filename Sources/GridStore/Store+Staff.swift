import Foundation
import GridCore

extension Store {
    /// The actor for an OS login: their staff record if any.
    public func actor(login: String) throws -> Actor {
        let staff = try db.first("SELECT login, name, role, active FROM staff WHERE login = ?", [.text(login)]) {
            Staff(login: $0.text(0), name: $0.text(1), role: try $0.code(2, table: "staff", column: "role"), active: $0.bool(3))
        }
        return Actor(login: login, staff: staff)
    }

    /// Checks a right; a refusal is recorded in the audit trail and thrown.
    public func authorize(_ actor: Actor, _ action: Action, target: String, now: Date) throws {
        guard !actor.may(action) else { return }
        let refusal = StoreError.refusedRole(login: actor.login, action: action, role: actor.role, needed: action.minimumRole)
        try? audit(actor: actor.login, action: action.rawValue, target: target, allowed: false, detail: refusal.words(.en), now: now)
        throw refusal
    }

    /// Appends to the audit trail (its own short transaction, or the caller's).
    public func audit(actor: String, action: String, target: String, allowed: Bool, detail: String = "", now: Date) throws {
        guard !db.isReadOnly else { return }
        try db.write {
            try db.run("INSERT INTO audit(at, actor, action, target, allowed, detail) VALUES (?, ?, ?, ?, ?, ?)",
                       [.of(now), .text(actor), .text(action), .text(target), .of(allowed), .text(detail)])
        }
    }

    /// Every staff member, by login.
    public func staffList() throws -> [Staff] {
        try db.query("SELECT login, name, role, active FROM staff ORDER BY login") {
            Staff(login: $0.text(0), name: $0.text(1), role: try $0.code(2, table: "staff", column: "role"), active: $0.bool(3))
        }
    }

    /// Adds a staff member (admin only).
    public func addStaff(_ staff: Staff, by actor: Actor, now: Date) throws {
        try authorize(actor, .manageStaff, target: staff.login, now: now)
        let login = staff.login.trimmingCharacters(in: .whitespaces)
        guard !login.isEmpty, login.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
            throw StoreError.badField(name: "login", problem: .notLogin(staff.login))
        }
        guard !staff.name.trimmingCharacters(in: .whitespaces).isEmpty else { throw StoreError.badField(name: "name", problem: .empty) }
        try db.write {
            if try db.scalarInt("SELECT count(*) FROM staff WHERE login = ?", [.text(login)]) > 0 {
                throw StoreError.staffExists(login: login)
            }
            try db.run("INSERT INTO staff(login, name, role, active, created_at) VALUES (?, ?, ?, 1, ?)",
                       [.text(login), .text(staff.name), .text(staff.role.rawValue), .of(now)])
            try audit(actor: actor.login, action: "staff_add", target: login, allowed: true, detail: staff.role.rawValue, now: now)
        }
    }

    /// Changes a staff member's role (admin only). The last admin cannot be demoted.
    public func setRole(login: String, role: Role, by actor: Actor, now: Date) throws {
        try authorize(actor, .manageStaff, target: login, now: now)
        try db.write {
            guard let old = try db.first("SELECT role FROM staff WHERE login = ?", [.text(login)], { $0.text(0) }) else {
                throw StoreError.unknownCode(.staff, login)
            }
            let admins = try db.scalarInt("SELECT count(*) FROM staff WHERE role = 'admin' AND active = 1")
            if old == Role.admin.rawValue && role != .admin && admins <= 1 {
                throw StoreError.lastAdmin(login: login)
            }
            try db.run("UPDATE staff SET role = ? WHERE login = ?", [.text(role.rawValue), .text(login)])
            try audit(actor: actor.login, action: "staff_set_role", target: login, allowed: true, detail: "\(old) → \(role.rawValue)", now: now)
        }
    }
}
