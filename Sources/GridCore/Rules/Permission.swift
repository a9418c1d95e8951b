/// Everything a person can do that writes, for the role check (权限).
public enum Action: String, Sendable, CaseIterable {
    /// Take a matter in (受理).
    case intake
    /// Dispatch to a department (派遣).
    case dispatch
    /// Record a department's return as misrouted (回退).
    case returnMatter = "return"
    /// Record feedback (反馈).
    case feedback
    /// Verify: pass or rework (核查).
    case verify
    /// Escalate to the district (上报).
    case escalate
    /// Invalidate (作废).
    case invalidate
    /// Merge as a duplicate (合并).
    case merge
    /// Comment (备注).
    case comment
    /// Urge (督办).
    case urge
    /// Shelve on the problem register (挂账).
    case shelve
    /// Reopen a closed matter (重新打开).
    case reopen
    /// Ask for an extension on a department's behalf (申请延期).
    case requestExtension = "extend"
    /// Approve or refuse an extension (审批延期).
    case decideExtension = "approve"
    /// Change time limits and rule settings.
    case changeLimits = "limits"
    /// Record patrol sessions (巡查登记).
    case patrol
    /// Confirm a suspect patrol session.
    case confirmPatrol = "confirm_patrol"
    /// Start or end a duty shift, write a handover note, acknowledge a hand-over.
    case duty
    /// Plan the duty roster (排班): `duty plan`, `import roster`.
    case planRoster = "roster"
    /// Manage staff accounts.
    case manageStaff = "staff"
    /// Import or change the registry (grids, workers, departments, categories, calendar).
    case manageRegistry = "registry"
    /// Import matters in bulk.
    case importMatters = "import_cases"

    /// The least role allowed to do it.
    public var minimumRole: Role {
        switch self {
        case .intake, .dispatch, .returnMatter, .feedback, .verify, .invalidate, .merge, .comment,
             .requestExtension, .patrol, .duty, .importMatters:
            return .operator_
        case .escalate:
            return .dutyOfficer
        case .urge, .shelve, .reopen, .decideExtension, .changeLimits, .confirmPatrol, .planRoster:
            return .supervisor
        case .manageStaff, .manageRegistry:
            return .admin
        }
    }
}

extension Role {
    /// Whether this role may do `action`. Roles are ordered: each has all rights of those below it.
    public func may(_ action: Action) -> Bool { self >= action.minimumRole }
}

extension Actor {
    /// Whether this actor may do `action`; unknown and inactive users may not write at all.
    public func may(_ action: Action) -> Bool { role?.may(action) ?? false }

}
