/// First-report credit (首报激励): for these major classes the first reporter of a merged group is credited.
public enum FirstReport {
    /// 安保维稳, 违法建设, 安全生产, 环境保护.
    public static let majors: Set<String> = ["安保维稳", "违法建设", "安全生产", "环境保护"]

    /// Whether a category's major class earns first-report credit.
    public static func applies(toMajor major: String) -> Bool { majors.contains(major) }

    /// The first report of a group: the earliest `reportedAt`, ties broken by the lower id.
    public static func first<ID: Comparable>(of group: [(id: ID, reportedAt: Int)]) -> ID? {
        group.min { ($0.reportedAt, $0.id) < ($1.reportedAt, $1.id) }?.id
    }
}
