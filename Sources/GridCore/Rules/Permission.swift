/// Everything a person can do that writes, for the role check (权限).
public enum Action: String, Sendable, CaseIterable {
    /// Take a matter in (受理).
    case intake
    /// Dispatch to a department (派遣).
    case dispatch
    /// Sign for a dispatched matter on the department's behalf (签收).
    case sign
    /// Record a department's return as misrouted (回退).
    case returnMatter = "return"
    /// Record feedback (反馈).
    case feedback
    /// Verify: pass or rework (核查).
    case verify
    /// Escalate to the district (上报).
    case escalate
    /// Record the district centre's answer to an escalated matter (区指挥中心办结/退回).
    case districtAnswer = "district_answer"
    /// Record a reply or a follow-up call (回复、回访).
    case followUp = "follow_up"
    /// Close a matter as settled on the spot (就地化解).
    case settle
    /// Put a dispute under control or release it (稳控).
    case control
    /// Mark a matter major (重大事项), for the township's leaders.
    case markMajor = "mark_major"
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
        case .intake, .dispatch, .sign, .followUp, .settle, .control, .returnMatter, .feedback, .verify, .districtAnswer, .invalidate, .merge, .comment,
             .requestExtension, .patrol, .duty, .importMatters:
            return .operator_
        case .escalate, .markMajor:
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
    /// A leader may urge (督办) and nothing else that writes.
    public func may(_ action: Action) -> Bool { self == .leader ? action == .urge : self >= action.minimumRole }
}

extension Actor {
    /// Whether this actor may do `action`; unknown and inactive users may not write at all.
    public func may(_ action: Action) -> Bool { role?.may(action) ?? false }

}
