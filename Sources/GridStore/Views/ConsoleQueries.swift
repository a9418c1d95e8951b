/// The dashboard queries of the console, named, so that tests can check their plans
/// (`EXPLAIN QUERY PLAN`: no full scan of matters, events or patrols).
public enum ConsoleQueries {
    /// Matters reported in [from, to) (new today).
    public static let newInRange = "SELECT count(*) FROM matters WHERE reported_at >= ? AND reported_at < ?"
    /// Open matters counted by state (the trigger-kept summary `open_matters`, a few hundred rows).
    public static let openByState = "SELECT state, sum(n) FROM open_matters GROUP BY state HAVING sum(n) > 0 ORDER BY 2 DESC, 1"
    /// Open matters whose current stage deadline has passed.
    public static let overdueCount = "SELECT count(*) FROM matters INDEXED BY matters_open_list WHERE ended_at IS NULL AND stage_due_at < ?"
    /// Open matters past their warning point but not their deadline.
    public static let nearDueCount = "SELECT count(*) FROM matters INDEXED BY matters_open_list WHERE ended_at IS NULL AND stage_due_at >= ? AND near_due_at <= ?"
    /// Open urgent matters (`open_matters`).
    public static let urgentOpenCount = "SELECT coalesce(sum(n), 0) FROM open_matters WHERE urgency = 'urgent'"
    /// Open matters shelved on the problem register (`open_matters`).
    public static let shelvedCount = "SELECT coalesce(sum(n), 0) FROM open_matters WHERE shelved = 1"
    /// Open matters counted by the platform of their department ("" before dispatch), from `open_matters`.
    public static let openByPlatform = "SELECT coalesce(d.platform, ''), sum(open_matters.n) FROM open_matters LEFT JOIN departments d ON d.code = open_matters.department GROUP BY 1 HAVING sum(open_matters.n) > 0 ORDER BY 2 DESC, 1"
    /// The latest events with their matter, newest first, reading only the last ids.
    public static let feed = "SELECT e.at, e.kind, m.number, m.title, e.actor FROM events e JOIN matters m ON m.id = e.matter_id WHERE e.id > (SELECT coalesce(max(id), 0) FROM events) - 10 * ? ORDER BY e.id DESC LIMIT ?"
    /// Reports by grid workers in [from, to) (the covering partial index `matters_worker_reported`).
    // Reports count by `WorkerReportCount`: grid-worker matters neither invalidated nor merged away.
    public static let reportsInRange = "SELECT count(*) FROM matters INDEXED BY matters_worker_reported WHERE \(CountedReports.source()) AND reported_at >= ? AND reported_at < ? AND \(CountedReports.state())"
    /// Open overdue matters counted by grid (the covering `matters_open_list`).
    public static let overdueByGrid = "SELECT grid, count(*) FROM matters INDEXED BY matters_open_list WHERE ended_at IS NULL AND stage_due_at < ? GROUP BY grid"
    /// Reports by grid workers in [from, to), counted by grid.
    public static let reportsByGrid = "SELECT grid, count(*) FROM matters WHERE \(CountedReports.source()) AND reported_at >= ? AND reported_at < ? AND \(CountedReports.state()) GROUP BY grid"
    /// What an alert names: number, urgency, category name, grid, title (`m`, with categories as `c`).
    static let alertFields = "m.number, m.urgency, coalesce(c.name, m.category), m.grid, m.title"
    /// Open urgent matters added after an id (new-urgent alerts).
    public static let newUrgent = "SELECT \(alertFields) FROM matters m LEFT JOIN categories c ON c.code = m.category WHERE m.id > ? AND m.urgency = 'urgent' AND m.ended_at IS NULL ORDER BY m.id LIMIT ?"
    /// Open matters whose deadline fell in [from, to) (newly-overdue alerts).
    public static let newlyOverdue = "SELECT \(alertFields) FROM matters m LEFT JOIN categories c ON c.code = m.category WHERE m.ended_at IS NULL AND m.stage_due_at >= ? AND m.stage_due_at < ? ORDER BY m.stage_due_at LIMIT ?"
    /// Matters added after an id that were already overdue at `now` (taken in late: also 新超期).
    public static let overdueAtIntake = "SELECT \(alertFields) FROM matters m LEFT JOIN categories c ON c.code = m.category WHERE m.id > ? AND m.ended_at IS NULL AND m.stage_due_at < ? ORDER BY m.id LIMIT ?"
    /// Urgent matters still new (undispatched) past their dispatch deadline (the repeated reminder).
    public static let urgentUndispatched = "SELECT \(alertFields) FROM matters m INDEXED BY matters_open_list LEFT JOIN categories c ON c.code = m.category WHERE m.ended_at IS NULL AND m.stage_due_at < ? AND m.state = 'new' AND m.urgency = 'urgent' ORDER BY m.stage_due_at LIMIT ?"
    /// The next near-due or due instant after a time among open matters.
    public static let nextDeadline = "SELECT min(t) FROM (SELECT min(stage_due_at) AS t FROM matters INDEXED BY matters_open_list WHERE ended_at IS NULL AND stage_due_at > ? UNION ALL SELECT min(near_due_at) FROM matters INDEXED BY matters_open_near WHERE ended_at IS NULL AND near_due_at > ?)"
    /// Open matters overdue or near due, soonest deadline first (picked from the covering `matters_open_list`).
    public static let dueList = Store.consoleMatterPage("SELECT m.id FROM matters m INDEXED BY matters_open_list WHERE m.ended_at IS NULL AND m.stage_due_at IS NOT NULL AND (m.stage_due_at < ? OR m.near_due_at <= ?) ORDER BY m.stage_due_at LIMIT ?")
    /// Overdue and near-due counts by department.
    public static let dueByDepartment = "SELECT coalesce(d.name, ''), sum(m.stage_due_at < ?), sum(m.stage_due_at >= ?) FROM matters m INDEXED BY matters_open_list LEFT JOIN departments d ON d.code = m.department WHERE m.ended_at IS NULL AND m.stage_due_at IS NOT NULL AND (m.stage_due_at < ? OR m.near_due_at <= ?) GROUP BY 1 ORDER BY 2 DESC, 3 DESC, 1"

    /// `m.id, m.number, m.title, m.state, m.urgency, m.stage_due_at` — the matter columns of every duty list.
    public static let shiftMatterColumns = "m.id, m.number, m.title, m.state, m.urgency, m.stage_due_at"
    /// Matters closed (verification passed) in [from, to].
    public static let closedInRange = "SELECT count(DISTINCT matter_id) FROM events WHERE at >= ? AND at <= ? AND kind = 'verify_pass'"
    /// The hand-over candidates (args: now, now + 12 h, local midnight): open matters from the open-matter indexes
    /// that may be urgent, overdue or near due, escalated, or shelved today; `CarryOver` decides.
    public static let carryOver = """
        SELECT \(shiftMatterColumns), ?, m.state = 'escalated',
               CASE WHEN m.shelved = 1 THEN (SELECT max(e.at) FROM events e WHERE e.matter_id = m.id AND e.kind = 'shelve') END
        FROM matters m WHERE m.ended_at IS NULL AND m.id IN (
            SELECT id FROM matters INDEXED BY matters_open_list WHERE ended_at IS NULL AND stage_due_at < ?
            UNION SELECT id FROM matters INDEXED BY matters_open_kind WHERE ended_at IS NULL AND urgency = 'urgent'
            UNION SELECT id FROM matters WHERE ended_at IS NULL AND state = 'escalated'
            UNION SELECT matter_id FROM events WHERE kind = 'shelve' AND at >= ?)
        """
    /// One kind of event in a shift, latest per matter, newest first (args: from, to, kind, limit).
    public static let shiftEvents = """
        SELECT \(shiftMatterColumns), x.at FROM (SELECT matter_id, max(at) AS at FROM events
            WHERE at >= ? AND at <= ? AND kind = ? GROUP BY matter_id) x JOIN matters m ON m.id = x.matter_id
        ORDER BY x.at DESC, m.id DESC LIMIT ?
        """
    /// Matters whose deadline fell in a shift: recorded breaches and open matters not yet recorded (args: from, to, from, to, limit).
    public static let shiftTurnedOverdue = """
        SELECT \(shiftMatterColumns), x.at FROM (
            SELECT matter_id, max(at) AS at FROM (
                SELECT matter_id, at FROM events WHERE at >= ? AND at < ? AND kind = 'overdue'
                UNION ALL SELECT id, stage_due_at FROM matters INDEXED BY matters_open_list
                    WHERE ended_at IS NULL AND stage_due_at >= ? AND stage_due_at < ?)
            GROUP BY matter_id) x JOIN matters m ON m.id = x.matter_id
        ORDER BY x.at DESC, m.id DESC LIMIT ?
        """

    /// The queries that must be answered from a covering index alone (name, index).
    public static let covered: [(name: String, index: String)] = [
        ("reportsInRange", "matters_worker_reported"),
        ("overdueCount", "matters_open_list"), ("nearDueCount", "matters_open_list"),
        ("overdueByGrid", "matters_open_list"), ("dueList", "matters_open_list"), ("dueByDepartment", "matters_open_list")]

    /// The queries answered from the open-matter summary alone (never reading `matters`).
    public static let summarised = ["openByState", "urgentOpenCount", "shelvedCount", "openByPlatform"]

    /// Every named query with sample arguments, for the plan check.
    public static var all: [(name: String, sql: String, args: Int)] {
        [("newInRange", newInRange, 2), ("openByState", openByState, 0), ("overdueCount", overdueCount, 1), ("nearDueCount", nearDueCount, 2), ("urgentOpenCount", urgentOpenCount, 0), ("shelvedCount", shelvedCount, 0), ("openByPlatform", openByPlatform, 0), ("feed", feed, 2), ("reportsInRange", reportsInRange, 2), ("overdueByGrid", overdueByGrid, 1), ("reportsByGrid", reportsByGrid, 2), ("newUrgent", newUrgent, 2), ("newlyOverdue", newlyOverdue, 3), ("overdueAtIntake", overdueAtIntake, 3), ("urgentUndispatched", urgentUndispatched, 2), ("nextDeadline", nextDeadline, 2), ("dueList", dueList, 3), ("dueByDepartment", dueByDepartment, 4), ("closedInRange", closedInRange, 2), ("carryOver", carryOver, 3), ("shiftEvents", shiftEvents, 4), ("shiftTurnedOverdue", shiftTurnedOverdue, 5)]
    }
}
