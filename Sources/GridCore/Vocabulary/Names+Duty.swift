extension CarryReason: NamedCode {
    public var names: (zh: String, en: String) {
        switch self {
        case .urgent: ("紧急", "urgent")
        case .overdue: ("超期", "overdue")
        case .nearDue: ("临期", "near due")
        case .escalated: ("上报待复", "escalated, waiting")
        case .shelvedToday: ("今日挂账", "shelved today")
        }
    }
}
