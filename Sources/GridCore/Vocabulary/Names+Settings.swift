extension TownshipSetting {
    /// 紧急案件提醒间隔 / 巡查时段.
    public var names: (zh: String, en: String) {
        switch self {
        case .urgentReminderMinutes: ("紧急案件未派遣提醒间隔（分钟）", "urgent undispatched reminder interval (minutes)")
        case .patrolDay: ("巡查时段", "patrol day hours")
        case .bell: ("控制台提示音", "console alert bell")
        }
    }
}
