/// A console user's role.
public enum Role: String, Sendable, CaseIterable, Codable, Comparable {
    /// 指挥室值班员: intake, dispatch, feedback, verify, invalidate, merge, comment.
    case operator_ = "operator"
    /// 夜间值班长: an operator who may also escalate.
    case dutyOfficer = "duty_officer"
    /// 分管领导/督查: all of that plus urge, shelve, reopen, extensions and time limits.
    case supervisor
    /// 管理员: everything, plus staff and registry.
    case admin

    /// Rank for comparisons: operator < duty officer < supervisor < admin.
    public var rank: Int { switch self { case .operator_: 0; case .dutyOfficer: 1; case .supervisor: 2; case .admin: 3 } }


    public static func < (a: Role, b: Role) -> Bool { a.rank < b.rank }
}

/// A member of the command-room staff, known by their operating-system login.
public struct Staff: Hashable, Sendable, Codable {
    /// OS login name.
    public var login: String
    /// Display name.
    public var name: String
    /// Role.
    public var role: Role
    /// Whether the account is active (false: 停用, switched off by an admin; refused every write).
    public var active: Bool
    /// The township-local day the account was switched off, when it is and the day is known.
    public var deactivatedOn: LocalDate?
    /// The admin who switched it off, when known.
    public var deactivatedBy: String?

    /// Creates a staff record.
    public init(login: String, name: String, role: Role, active: Bool = true, deactivatedOn: LocalDate? = nil, deactivatedBy: String? = nil) {
        self.login = login; self.name = name; self.role = role; self.active = active
        self.deactivatedOn = deactivatedOn; self.deactivatedBy = deactivatedBy
    }
}

/// Who is acting: an OS login, and the staff record if they are known.
public struct Actor: Hashable, Sendable {
    /// OS login name.
    public let login: String
    /// The staff record; nil for an unknown user (who may not write).
    public let staff: Staff?

    /// Creates an actor.
    public init(login: String, staff: Staff?) { self.login = login; self.staff = staff }

    /// The role, if known and active.
    public var role: Role? { staff.flatMap { $0.active ? $0.role : nil } }
}
