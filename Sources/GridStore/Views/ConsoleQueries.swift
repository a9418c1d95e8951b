/// The dashboard queries of the console, named, so that tests can check their plans
/// (`EXPLAIN QUERY PLAN`: no full scan of matters, events or patrols).
public enum ConsoleQueries {
    /// `newInRange`.
    public static let newInRange = "SELECT count(*) FROM matters WHERE reported_at >= ? AND reported_at < ?"
    /// `openByState`.
    public static let openByState = "SELECT state, count(*) FROM matters WHERE ended_at IS NULL GROUP BY state ORDER BY 2 DESC, 1"
    /// `overdueCount`.
    public static let overdueCount = "SELECT count(*) FROM matters WHERE ended_at IS NULL AND stage_due_at < ?"
    /// `nearDueCount`.
    public static let nearDueCount = "SELECT count(*) FROM matters WHERE ended_at IS NULL AND stage_due_at >= ? AND near_due_at <= ?"
    /// `urgentOpenCount`.
    public static let urgentOpenCount = "SELECT count(*) FROM matters WHERE ended_at IS NULL AND urgency = 'urgent'"
    /// `shelvedCount`.
    public static let shelvedCount = "SELECT count(*) FROM matters WHERE ended_at IS NULL AND shelved = 1"
    /// `openByPlatform`.
    public static let openByPlatform = "SELECT coalesce(d.platform, ''), count(*) FROM matters m LEFT JOIN departments d ON d.code = m.department WHERE m.ended_at IS NULL GROUP BY 1 ORDER BY 2 DESC, 1"
    /// `feed`.
    public static let feed = "SELECT e.at, e.kind, m.number, m.title, e.actor FROM events e JOIN matters m ON m.id = e.matter_id WHERE e.id > (SELECT coalesce(max(id), 0) FROM events) - 10 * ? ORDER BY e.id DESC LIMIT ?"
    /// `reportsInRange`.
    public static let reportsInRange = "SELECT count(*) FROM matters WHERE source = 'grid_worker' AND reported_at >= ? AND reported_at < ?"
    /// `overdueByGrid`.
    public static let overdueByGrid = "SELECT grid, count(*) FROM matters INDEXED BY matters_open_due WHERE ended_at IS NULL AND stage_due_at < ? GROUP BY grid"
    /// `reportsByGrid`.
    public static let reportsByGrid = "SELECT grid, count(*) FROM matters WHERE source = 'grid_worker' AND reported_at >= ? AND reported_at < ? GROUP BY grid"
    /// `newUrgent`.
    public static let newUrgent = "SELECT number FROM matters WHERE id > ? AND urgency = 'urgent' AND ended_at IS NULL ORDER BY id LIMIT ?"
    /// `newlyOverdue`.
    public static let newlyOverdue = "SELECT number FROM matters WHERE ended_at IS NULL AND stage_due_at >= ? AND stage_due_at < ? ORDER BY stage_due_at LIMIT ?"
    /// `dueList`.
    public static let dueList = "SELECT \(Store.consoleMatterColumns) WHERE m.ended_at IS NULL AND m.stage_due_at IS NOT NULL AND (m.stage_due_at < ? OR m.near_due_at <= ?) ORDER BY m.stage_due_at LIMIT ?"
    /// `dueByDepartment`.
    public static let dueByDepartment = "SELECT coalesce(d.name, ''), sum(m.stage_due_at < ?), sum(m.stage_due_at >= ?) FROM matters m LEFT JOIN departments d ON d.code = m.department WHERE m.ended_at IS NULL AND m.stage_due_at IS NOT NULL AND (m.stage_due_at < ? OR m.near_due_at <= ?) GROUP BY 1 ORDER BY 2 DESC, 3 DESC, 1"
    /// `closedInRange`.
    public static let closedInRange = "SELECT count(DISTINCT matter_id) FROM events WHERE at >= ? AND at <= ? AND kind = 'verify_pass'"
    /// `becameOverdue`.
    public static let becameOverdue = "SELECT count(*) FROM matters WHERE ended_at IS NULL AND stage_due_at >= ? AND stage_due_at < ?"
    /// `urgentInRange`.
    public static let urgentInRange = "SELECT count(*) FROM matters WHERE urgency = 'urgent' AND reported_at >= ? AND reported_at <= ?"

    /// Every named query with sample arguments, for the plan check.
    public static var all: [(name: String, sql: String, args: Int)] {
        [("newInRange", newInRange, 2), ("openByState", openByState, 0), ("overdueCount", overdueCount, 1), ("nearDueCount", nearDueCount, 2), ("urgentOpenCount", urgentOpenCount, 0), ("shelvedCount", shelvedCount, 0), ("openByPlatform", openByPlatform, 0), ("feed", feed, 2), ("reportsInRange", reportsInRange, 2), ("overdueByGrid", overdueByGrid, 1), ("reportsByGrid", reportsByGrid, 2), ("newUrgent", newUrgent, 2), ("newlyOverdue", newlyOverdue, 3), ("dueList", dueList, 3), ("dueByDepartment", dueByDepartment, 4), ("closedInRange", closedInRange, 2), ("becameOverdue", becameOverdue, 2), ("urgentInRange", urgentInRange, 2)]
    }
}
