// The names of the registry, people and assessment vocabulary, Chinese and English, written once.

extension Role: NamedCode {
    public var names: (zh: String, en: String) {
        switch self {
        case .operator_: ("值班员", "operator")
        case .dutyOfficer: ("值班长", "duty officer")
        case .supervisor: ("督查", "supervisor")
        case .admin: ("管理员", "admin")
        case .leader: ("镇街领导", "leader")
        }
    }
}

extension GridLevel: NamedCode {
    public var names: (zh: String, en: String) {
        switch self {
        case .township: ("镇街网格", "township")
        case .area: ("片区网格", "area")
        case .community: ("社区网格", "community")
        case .basic: ("基础网格", "basic grid")
        }
    }
}

extension Platform: NamedCode {
    public var names: (zh: String, en: String) {
        switch self {
        case .publicOrder: ("综治工作", "public order")
        case .market: ("市场监管", "market supervision")
        case .enforcement: ("综合执法", "law enforcement")
        case .services: ("便民服务", "resident services")
        case .district: ("区指挥中心", "district centre")
        }
    }
}

extension WorkerKind: NamedCode {
    public var names: (zh: String, en: String) { self == .full ? ("专职", "full-time") : ("兼职", "part-time") }
}

extension Grade: NamedCode {
    public var names: (zh: String, en: String) {
        switch self {
        case .excellent: ("优秀", "excellent")
        case .pass: ("合格", "pass")
        case .basicPass: ("基本合格", "basic pass")
        case .fail: ("不合格", "fail")
        }
    }
}

extension PatrolStatus: NamedCode {
    public var names: (zh: String, en: String) {
        switch self {
        case .counted: ("计入", "counted")
        case .ongoing: ("进行中", "under way")
        case .suspect: ("存疑待确认", "suspect")
        case .confirmed: ("已确认", "confirmed")
        case .runaway: ("超时未结束", "runaway")
        }
    }
}

extension Action: NamedCode {
    public var names: (zh: String, en: String) {
        switch self {
        case .intake: ("受理", "take matters in")
        case .dispatch: ("派遣", "dispatch")
        case .sign: ("签收", "sign for a matter")
        case .followUp: ("回复与回访", "record replies and follow-up calls")
        case .settle: ("就地化解", "settle on the spot")
        case .markMajor: ("标记重大事项", "mark a matter major")
        case .control: ("稳控", "keep disputes under control")
        case .returnMatter: ("回退", "record a return")
        case .feedback: ("反馈", "record feedback")
        case .verify: ("核查", "verify")
        case .escalate: ("上报", "escalate")
        case .districtAnswer: ("登记区指挥中心答复", "record the district's answer")
        case .invalidate: ("作废", "invalidate")
        case .merge: ("合并", "merge")
        case .comment: ("备注", "comment")
        case .urge: ("督办", "urge")
        case .shelve: ("挂账", "shelve")
        case .reopen: ("重新打开", "reopen")
        case .requestExtension: ("申请延期", "request an extension")
        case .decideExtension: ("审批延期", "decide an extension")
        case .changeLimits: ("修改时限与规则", "change limits and rules")
        case .patrol: ("巡查登记", "record patrols")
        case .confirmPatrol: ("确认存疑巡查", "confirm a suspect patrol")
        case .duty: ("值班交接", "run duty shifts")
        case .planRoster: ("排班", "plan the duty roster")
        case .manageStaff: ("管理人员", "manage staff")
        case .manageRegistry: ("管理基础数据", "manage the registry")
        case .importMatters: ("批量导入案件", "import matters")
        }
    }
}

/// What kind of thing a code names (编码类别), for "no such …" refusals.
public enum CodeKind: String, Sendable, CaseIterable {
    /// 网格.
    case grid
    /// 网格员.
    case worker
    /// 部门.
    case department
    /// 事项类别.
    case category
    /// 案件 (by case number).
    case matter
    /// 指挥室人员 (by login).
    case staff
    /// 巡查记录 (by id).
    case patrol
    /// 设置项.
    case setting
    /// 来源渠道.
    case source
    /// 办理操作.
    case move
    /// 时区.
    case timeZone = "time_zone"
}

extension CodeKind: NamedCode {
    public var names: (zh: String, en: String) {
        switch self {
        case .grid: ("网格", "grid")
        case .worker: ("网格员", "grid worker")
        case .department: ("部门", "department")
        case .category: ("类别", "category")
        case .matter: ("案件", "matter")
        case .staff: ("人员", "staff member")
        case .patrol: ("巡查记录", "patrol")
        case .setting: ("设置项", "setting")
        case .source: ("来源", "source")
        case .move: ("办理操作", "move")
        case .timeZone: ("时区", "time zone")
        }
    }
}
