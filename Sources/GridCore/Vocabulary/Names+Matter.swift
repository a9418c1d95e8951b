// The names of the matter vocabulary (事项用语), Chinese and English, written once.
// Chinese names are the ones the command room says aloud; the console's words were kept where the older
// tables disagreed (待派遣 rather than 受理 for a matter waiting to be dispatched).

extension MatterState: NamedCode {
    public var names: (zh: String, en: String) {
        switch self {
        case .new: ("待派遣", "new")
        case .dispatched: ("处置中", "dispatched")
        case .fedBack: ("待核查", "fed back")
        case .escalated: ("已上报", "escalated")
        case .closed: ("已办结", "closed")
        case .invalid: ("已作废", "invalid")
        case .merged: ("已合并", "merged")
        }
    }
}

extension MatterSource: NamedCode {
    public var names: (zh: String, en: String) {
        switch self {
        case .gridWorker: ("网格员上报", "grid worker")
        case .hotline: ("12345热线", "12345 hotline")
        case .wechat: ("微信群", "WeChat group")
        case .public: ("群众随手拍", "public snapshot")
        case .walkIn: ("群众来访", "walk-in")
        case .video: ("雪亮工程", "video watch")
        case .inspection: ("专项督查", "inspection")
        case .villageVisit: ("驻村联村", "village visit")
        }
    }
}

extension Urgency: NamedCode {
    public var names: (zh: String, en: String) { self == .urgent ? ("紧急", "urgent") : ("一般", "normal") }
}

extension Stage: NamedCode {
    public var names: (zh: String, en: String) {
        switch self {
        case .dispatch: ("派遣", "dispatch")
        case .handling: ("处置", "handling")
        case .verification: ("核查", "verification")
        case .district: ("区指挥中心办理", "district")
        }
    }
}

extension ReplyChannel: NamedCode {
    public var names: (zh: String, en: String) {
        switch self {
        case .hotline: ("回复12345热线", "hotline")
        case .phone: ("电话", "phone")
        case .sms: ("短信", "text message")
        case .visit: ("上门", "visit")
        case .wechat: ("微信", "WeChat")
        }
    }
}

extension Satisfaction: NamedCode {
    public var names: (zh: String, en: String) {
        switch self {
        case .satisfied: ("满意", "satisfied")
        case .basic: ("基本满意", "fairly satisfied")
        case .unsatisfied: ("不满意", "unsatisfied")
        }
    }
}

extension UrgeLevel: NamedCode {
    public var names: (zh: String, en: String) {
        switch self {
        case .ordinary: ("普通督办", "ordinary")
        case .yellow: ("黄牌督办", "yellow card")
        case .red: ("红牌督办", "red card")
        }
    }
}

extension EventKind: NamedCode {
    /// Short names (at most four characters in Chinese): the feed and the history give them an 8-column cell.
    public var names: (zh: String, en: String) {
        switch self {
        case .intake: ("受理", "intake")
        case .dispatch: ("派遣", "dispatch")
        case .returnMatter: ("回退", "return")
        case .feedback: ("反馈", "feedback")
        case .verifyPass: ("核查通过", "verified")
        case .rework: ("返工", "rework")
        case .escalate: ("上报", "escalated")
        case .invalidate: ("作废", "invalidated")
        case .merge: ("合并", "merged")
        case .shelve: ("挂账", "shelved")
        case .unshelve: ("取消挂账", "unshelved")
        case .reopen: ("重新打开", "reopened")
        case .urge: ("督办", "urged")
        case .extendRequest: ("申请延期", "extension asked")
        case .extendApprove: ("批准延期", "extension approved")
        case .extendRefuse: ("驳回延期", "extension refused")
        case .comment: ("备注", "comment")
        case .overdue: ("超期", "overdue")
        case .sign: ("签收", "signed for")
        case .reply: ("回复", "replied")
        case .settle: ("就地化解", "settled on the spot")
        case .markMajor: ("重大事项", "marked major")
        case .control: ("稳控", "under control")
        case .release: ("解除稳控", "released")
        case .revisit: ("回访", "revisited")
        case .signOverdue: ("未签收", "not signed for")
        case .districtReply: ("区已办结", "district replied")
        case .districtReturn: ("区退回", "district returned")
        }
    }
}

extension Move: Named {
    public var names: (zh: String, en: String) {
        switch self {
        case .dispatch: ("派遣", "dispatch")
        case .sign: ("签收", "sign for")
        case .reply: ("回复", "reply")
        case .settle: ("就地化解", "settle on the spot")
        case .markMajor: ("标记重大事项", "mark major")
        case .control: ("稳控", "keep under control")
        case .release: ("解除稳控", "release control")
        case .revisit: ("回访", "revisit")
        case .returnMatter: ("回退", "return")
        case .feedback: ("反馈", "feedback")
        case .verifyPass: ("核查通过", "verify: pass")
        case .verifyRework: ("核查不通过（返工）", "verify: rework")
        case .escalate: ("上报区指挥中心", "escalate")
        case .invalidate: ("作废", "invalidate")
        case .merge: ("合并", "merge")
        case .shelve: ("挂账", "shelve")
        case .unshelve: ("取消挂账", "unshelve")
        case .reopen: ("重新打开", "reopen")
        case .urge(let l): l.names
        case .extendRequest: ("申请延期", "request extension")
        case .extendApprove: ("批准延期", "approve extension")
        case .extendRefuse: ("不批准延期", "refuse extension")
        case .comment: ("备注", "comment")
        case .districtReply: ("区指挥中心办结", "district reply")
        case .districtReturn: ("区指挥中心退回", "district return")
        }
    }
}

/// The units people read durations in (时长单位): the console's "剩2时" and the reports' minutes.
public enum DurationUnit: String, Sendable, CaseIterable {
    /// 天.
    case day
    /// 小时.
    case hour
    /// 分钟.
    case minute
    /// 个工作日: extensions are counted in working days.
    case workingDay = "working_day"
}

extension DurationUnit: NamedCode {
    /// Short forms, as written after a number: `2天`, `3h`.
    public var names: (zh: String, en: String) {
        switch self {
        case .day: ("天", "d")
        case .hour: ("时", "h")
        case .minute: ("分", "m")
        case .workingDay: ("个工作日", " working days")
        }
    }
}

extension LimitUnit: NamedCode {
    public var names: (zh: String, en: String) {
        switch self {
        case .minutes: ("分钟", "min")
        case .hours: ("小时", "h")
        case .workingHours: ("工作小时", "working h")
        case .workingDays: ("工作日", "working days")
        }
    }
}
