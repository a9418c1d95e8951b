import Foundation
import GridCore

extension Store {
    /// The actor for an OS login: their staff record if any.
    public func actor(login: String) throws -> Actor {
        let staff = try db.first("SELECT \(Store.staffColumns) FROM staff WHERE login = ?", [.text(login)], staffRecord)
        return Actor(login: login, staff: staff)
    }

    /// The columns `staffRecord` reads, in order.
    static let staffColumns = "login, name, role, active, deactivated_at, deactivated_by"

    /// One staff row; an unknown role is an error, not a guess (the CHECK constraint allows only the four).
    func staffRecord(_ r: Row) throws -> Staff {
        let at: Date? = r.isNull(4) ? nil : r.date(4)
        return Staff(login: r.text(0), name: r.text(1), role: try r.code(2, table: "staff", column: "role"), active: r.bool(3),
                     deactivatedOn: at.map { zone.localDate(of: $0) }, deactivatedBy: r.isNull(5) ? nil : r.text(5))
    }

    /// Checks a right; a refusal is recorded in the audit trail and thrown. A switched-off user is told when and by whom.
    public func authorize(_ actor: Actor, _ action: Action, target: String, now: Date) throws {
        guard !actor.may(action) else { return }
        let refusal: StoreError
        if let staff = actor.staff, !staff.active {
            refusal = .deactivated(login: staff.login, on: staff.deactivatedOn, by: staff.deactivatedBy)
        } else {
            refusal = .refusedRole(login: actor.login, action: action, role: actor.role, needed: action.minimumRole)
        }
        try? audit(actor: actor.login, action: action.rawValue, target: target, allowed: false, detail: refusal.words(.en), now: now)
        throw refusal
    }

    /// Appends to the audit trail (its own short transaction, or the caller's).
    /// On a live file an allowed write dated away from the real clock is refused here (`checkWriteClock`).
    public func audit(actor: String, action: String, target: String, allowed: Bool, detail: String = "", now: Date) throws {
        guard !db.isReadOnly else { return }
        if allowed { try checkWriteClock(now) }
        try write {
            try db.run("INSERT INTO audit(at, actor, action, target, allowed, detail) VALUES (?, ?, ?, ?, ?, ?)",
                       [.of(now), .text(actor), .text(action), .text(target), .of(allowed), .text(detail)])
        }
    }

    /// Every staff member, by login.
    public func staffList() throws -> [Staff] {
        try db.query("SELECT \(Store.staffColumns) FROM staff ORDER BY login", [], staffRecord)
    }

    /// Adds a staff member (admin only).
    public func addStaff(_ staff: Staff, by actor: Actor, now: Date) throws {
        try authorize(actor, .manageStaff, target: staff.login, now: now)
        let login = staff.login.trimmingCharacters(in: .whitespaces)
        guard !login.isEmpty, login.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
            throw StoreError.badField(name: "login", problem: .notLogin(staff.login))
        }
        try TextSafety.check(staff.name, .singleLine("name"))
        guard !staff.name.trimmingCharacters(in: .whitespaces).isEmpty else { throw StoreError.badField(name: "name", problem: .empty) }
        try write {
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
        try write {
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

    /// Switches a staff member off (停用) or back on (admin only), audited. The last active admin cannot be
    /// switched off, so the file always has someone who can manage staff. Switching on clears who and when.
    public func setActive(login: String, active: Bool, by actor: Actor, now: Date) throws {
        try authorize(actor, .manageStaff, target: login, now: now)
        try write {
            guard let s = try db.first("SELECT \(Store.staffColumns) FROM staff WHERE login = ?", [.text(login)], staffRecord) else {
                throw StoreError.unknownCode(.staff, login)
            }
            guard s.active != active else {
                throw StoreError.staffAlready(login: login, active: active)
            }
            if !active && s.role == .admin {
                let admins = try db.scalarInt("SELECT count(*) FROM staff WHERE role = 'admin' AND active = 1")
                if admins <= 1 { throw StoreError.lastAdmin(login: login) }
            }
            if active {
                try db.run("UPDATE staff SET active = 1, deactivated_at = NULL, deactivated_by = NULL WHERE login = ?", [.text(login)])
            } else {
                try db.run("UPDATE staff SET active = 0, deactivated_at = ?, deactivated_by = ? WHERE login = ?",
                           [.of(now), .text(actor.login), .text(login)])
            }
            try audit(actor: actor.login, action: active ? "staff_activate" : "staff_deactivate", target: login, allowed: true,
                      detail: s.role.rawValue, now: now)
        }
    }
}

extension Store {
    /// The actor named by `GRIDROOM_DEMO_AS` (演练身份): on a rehearsal (演练) file only, an active staff member.
    /// A trainer rehearses as operator, duty officer or supervisor; every write is audited as that login.
    public func demoActor(login: String) throws -> Actor {
        guard isRehearsal else { throw StoreError.demoIdentity(login: login, problem: .liveFile(path: db.path)) }
        let actor = try actor(login: login)
        guard let staff = actor.staff else {
            let known = try staffList().filter(\.active).map(\.login).sorted()
            throw StoreError.demoIdentity(login: login, problem: .unknown(known: known))
        }
        guard staff.active else { throw StoreError.demoIdentity(login: login, problem: .deactivated) }
        return actor
    }
}
