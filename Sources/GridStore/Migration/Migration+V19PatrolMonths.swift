extension Migration {
    /// Per basic grid and local month, the month's rows of `patrol_days` in one row (巡查月汇总), so that the month
    /// board reads one row a grid (3,000 at district size) instead of one a grid and day. Kept in step with
    /// `patrol_days` in the same write transactions (`Store.refreshPatrolDays`, `Store.rebuildPatrolDays`); it
    /// shares its stale mark. `days` is the month's days with any counted patrol, in day order, each as the day
    /// of the month in two digits and the seconds in five (`counted_seconds` ≤ 90 000): "0307200" is 7 200 s on
    /// the 3rd. This step fills it from `patrol_days` in one grouped pass (each piece names its day, so the
    /// order `group_concat` happens to take does not matter to readers). It can run again over itself (a file set
    /// back by hand): the rows are written afresh from `patrol_days`.
    /// With it, `patrols_start`: today's sessions of every grid as one run (the patrol screen, the map and the
    /// overview), where `patrols_grid_start` needs a seek per grid (3,000 at district size).
    static let v19PatrolMonths = Migration(version: 19, name: "patrol months and day starts", sql: """
    CREATE TABLE IF NOT EXISTS patrol_months (
        month  TEXT NOT NULL,        -- township local month, YYYY-MM
        grid   TEXT NOT NULL,
        days   TEXT NOT NULL CHECK (length(days) > 0 AND length(days) % 7 = 0),
        PRIMARY KEY (month, grid)    -- the board reads one month for every grid: a contiguous run
    ) WITHOUT ROWID;
    INSERT OR REPLACE INTO patrol_months(month, grid, days)
        SELECT substr(day, 1, 7), grid, group_concat(substr(day, 9, 2) || printf('%05d', counted_seconds), '')
        FROM (SELECT grid, day, counted_seconds FROM patrol_days ORDER BY grid, day)
        GROUP BY substr(day, 1, 7), grid;
    CREATE INDEX IF NOT EXISTS patrols_start ON patrols(start_at, grid, end_at, worker, confirmed_at);
    """)
}
