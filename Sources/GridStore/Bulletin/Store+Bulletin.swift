import Foundation
import GridCore

extension Store {
    /// Gathers a bulletin (通报) for `period` as at `now`, in one read snapshot, from the same store calls the
    /// reports use: `evaluation(from:through:by:)` (report evaluation), `complianceBoard` per month (report
    /// compliance) combined by `PeriodCompliance`, and its `RedBlackList` (report redblack).
    public func bulletin(period: ReportPeriod, now: Date, listSize: Int = 5) throws -> Bulletin {
        try db.read {
            let township = try db.first("SELECT name FROM grids WHERE level = 'township' ORDER BY code LIMIT 1") { $0.text(0) } ?? ""
            let departments = try self.departments()
            let byCode = Dictionary(departments.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
            let groups = try evaluation(from: period.firstDay, through: period.lastDay, by: .department)
            let lines = groups.map { g -> Bulletin.DepartmentLine in
                let d = byCode[g.key]
                return Bulletin.DepartmentLine(code: g.key, name: d?.name ?? g.key, platform: d?.platform, counts: g.counts)
            }.sorted { a, b in
                // By platform in the order of the four platforms, never-dispatched last, then by name.
                let pa = a.platform.map { Platform.allCases.firstIndex(of: $0)! } ?? Int.max
                let pb = b.platform.map { Platform.allCases.firstIndex(of: $0)! } ?? Int.max
                return (pa, a.name) < (pb, b.name)
            }
            func figures(_ p: ReportPeriod) throws -> Bulletin.MatterFigures {
                let counts = try evaluation(from: p.firstDay, through: p.lastDay, by: .department).reduce(EvaluationCounts()) { $0 + $1.counts }
                return Bulletin.MatterFigures(takenIn: try takenIn(p.firstDay, p.lastDay), evaluation: counts,
                                              disputes: try disputes(from: p.firstDay, through: p.lastDay))
            }
            let trend = try period.trendSteps.map { step in
                Bulletin.TrendPoint(first: step.first, last: step.last, takenIn: try takenIn(step.first, step.last),
                                    closed: try db.scalarInt(ConsoleQueries.closedInRange,
                                                             [.of(zone.startOfDay(step.first)), .of(zone.endOfDay(step.last).addingTimeInterval(-0.001))]))
            }
            let compliance = try periodCompliance(period, now: now)
            let escalated = try db.scalarInt("SELECT coalesce(sum(n), 0) FROM open_matters WHERE state = 'escalated'")
            let overdue = try db.scalarInt(ConsoleQueries.overdueCount, [.of(now)])
            let years = Set([period.firstDay.year, period.lastDay.year]).sorted()
            // 应报未报 per grid, by the same rule and call as `report missed`.
            var missed: [String: (name: String, numbers: [String])] = [:]
            for m in try missedReports(from: period.firstDay, through: period.lastDay) {
                missed[m.candidate.grid, default: (m.gridName, [])].numbers.append(m.candidate.number)
            }
            var bulletin = Bulletin(township: township, period: period, takenAt: now, zone: zone,
                            current: try figures(period), previous: try figures(period.previous),
                            escalatedOpen: escalated, overdueNow: overdue, departments: lines, trend: trend,
                            compliance: compliance, openLate: try openLateMatters(now: now),
                            calendarWarnings: try years.filter { try !hasArrangement(year: $0) }, listSize: listSize)
            bulletin.missedByGrid = missed.map { (grid: $0.key, name: $0.value.name, numbers: $0.value.numbers) }
                .sorted { ($1.numbers.count, $0.grid) < ($0.numbers.count, $1.grid) }
            return bulletin
        }
    }

    /// Whether the year's holiday arrangement with its make-up working days (调休) is known: built in, or a
    /// make-up working day loaded into `calendar_days`.
    func hasArrangement(year: Int) throws -> Bool {
        if ChinaHolidays.all.contains(where: { $0.key.year == year && $0.value.workday }) { return true }
        return try db.scalarInt("SELECT count(*) FROM calendar_days WHERE workday = 1 AND date LIKE ?", [.text("\(year)-%")]) > 0
    }

    /// Matters reported in the local days `first ... last`.
    func takenIn(_ first: LocalDate, _ last: LocalDate) throws -> Int {
        try db.scalarInt(ConsoleQueries.newInRange, [.of(zone.startOfDay(first)), .of(zone.endOfDay(last))])
    }

    /// Open matters overdue now (their running stage past due) or escalated to the district, most overdue first.
    func openLateMatters(now: Date) throws -> [Bulletin.OpenMatter] {
        try db.query("""
            SELECT m.number, m.title, m.grid, coalesce(g.name, ''), coalesce(m.department, ''), coalesce(d.name, ''), m.state,
                   m.urgency = 'urgent', m.stage_due_at
            FROM matters m LEFT JOIN grids g ON g.code = m.grid LEFT JOIN departments d ON d.code = m.department
            WHERE m.ended_at IS NULL AND (m.stage_due_at < ? OR m.state = 'escalated')
            ORDER BY m.stage_due_at IS NULL, m.stage_due_at, m.number
            """, [.of(now)]) { r in
            Bulletin.OpenMatter(number: r.text(0), title: r.text(1), grid: r.text(2), gridName: r.text(3), department: r.text(4),
                                departmentName: r.text(5), state: try r.code(6, table: "matters", column: "state"), urgent: r.bool(7),
                                dueAt: r.optionalDate(8))
        }
    }
}
