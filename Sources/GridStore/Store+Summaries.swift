import GridCore

extension Store {
    /// Maintained figures that differ from a full recount (empty when they agree).
    /// Each maintained counter or summary table adds its recount here.
    public func summaryMismatches() throws -> [String] {
        var problems: [String] = []
        // Per-matter counters kept on the row must equal the history they summarise.
        let urges = try db.scalarInt("""
            SELECT count(*) FROM matters m
            WHERE m.urge_count <> (SELECT count(*) FROM events e WHERE e.matter_id = m.id AND e.kind = 'urge')
            """)
        if urges > 0 { problems.append("\(urges) matters whose urge count differs from their history") }
        let reworks = try db.scalarInt("""
            SELECT count(*) FROM matters m
            WHERE m.rework_count <> (SELECT count(*) FROM events e WHERE e.matter_id = m.id AND e.kind IN ('rework','reopen'))
            """)
        if reworks > 0 { problems.append("\(reworks) matters whose rework count differs from their history") }
        // The per-grid, per-day patrol summary and its month rows must equal a recount of the sessions.
        problems += try patrolDaysMismatches()
        // The per-worker, per-month report summary must equal a recount of the matters.
        problems += try workerMonthsMismatches()
        // The open-matter counts kept by triggers must equal a recount of the open matters.
        problems += try openMattersMismatches()
        return problems
    }
}
