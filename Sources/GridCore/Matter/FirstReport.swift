/// First-report credit (首报激励): when duplicates are merged, the first reporter of the group is credited if
/// the category is flagged `first_report` in the category table (`Category.firstReport`).
public enum FirstReport {
    /// The major classes that earned credit before categories carried the flag (安保维稳, 违法建设, 安全生产,
    /// 环境保护): the migration and an older 8-column `categories.csv` set `first_report` for them, so old files
    /// keep their behaviour. Never consulted at merge time.
    public static let legacyMajors: Set<String> = ["安保维稳", "违法建设", "安全生产", "环境保护"]

    /// The first report of a group: the earliest `reportedAt`, ties broken by the lower id.
    public static func first<ID: Comparable>(of group: [(id: ID, reportedAt: Int)]) -> ID? {
        group.min { ($0.reportedAt, $0.id) < ($1.reportedAt, $1.id) }?.id
    }

    /// A yes/no flag as a file writes it: `1`/`0`, `yes`/`no`, `true`/`false`, `是`/`否`; nil otherwise.
    public static func flag(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "1", "yes", "true", "y", "是": true
        case "0", "no", "false", "n", "否": false
        default: nil
        }
    }
}
