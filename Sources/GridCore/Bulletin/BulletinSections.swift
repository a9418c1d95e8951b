import Foundation

/// The bulletin's six sections, each a `<section>` of HTML built from the `Bulletin`'s values.
enum BulletinSections {
    typealias T = BulletinText

    static func e(_ s: String) -> String { HTMLText.escape(s) }

    // MARK: 1. Headline figures

    static func headline(_ b: Bulletin, _ t: T) -> String {
        let c = b.current, p = b.previous
        var rows: [(String, String, String, String)] = []
        func count(_ key: String, _ a: Int, _ z: Int) { rows.append((t[key], String(a), String(z), countChange(a, z, t))) }
        func rate(_ key: String, _ a: Rate, _ z: Rate) { rows.append((t[key], a.description, z.description, rateChange(a, z, t))) }
        count("h.takenIn", c.takenIn, p.takenIn)
        count("h.due", c.evaluation.due, p.evaluation.due)
        rate("h.closure", Evaluation.closure(c.evaluation), Evaluation.closure(p.evaluation))
        rate("h.onTime", Evaluation.onTime(c.evaluation), Evaluation.onTime(p.evaluation))
        rate("h.rework", Evaluation.rework(c.evaluation), Evaluation.rework(p.evaluation))
        let urges = { (e: EvaluationCounts) in e.urgesOrdinary + e.urgesYellow + e.urgesRed }
        count("h.urges", urges(c.evaluation), urges(p.evaluation))
        // The loops closed (issue 16), by the same rules as `report evaluation`.
        rate("h.reply", Evaluation.reply(c.evaluation), Evaluation.reply(p.evaluation))
        rate("h.replyOnTime", Evaluation.replyOnTime(c.evaluation), Evaluation.replyOnTime(p.evaluation))
        rate("h.revisit", Evaluation.revisit(c.evaluation), Evaluation.revisit(p.evaluation))
        rate("h.satisfaction", Evaluation.satisfaction(c.evaluation), Evaluation.satisfaction(p.evaluation))
        rate("h.onTheSpot", Evaluation.onTheSpot(c.disputes), Evaluation.onTheSpot(p.disputes))
        rate("h.control", Evaluation.control(c.disputes), Evaluation.control(p.disputes))
        rows.append((t["h.escalated"], String(b.escalatedOpen), "—", "—"))
        rows.append((t["h.overdue"], String(b.overdueNow), "—", "—"))
        let grids = b.compliance.grids, workers = b.compliance.workers
        rows.append((t["h.gridsMet"], "\(grids.filter { $0.patrol.ok }.count) / \(grids.count)", "—", "—"))
        rows.append((t["h.workersMet"], "\(workers.filter { $0.reports.ok }.count) / \(workers.count)", "—", "—"))
        var out = "<section class=\"first\"><h2>\(e(t["s1"]))</h2>\n<table><thead><tr><th>\(e(t["h.indicator"]))</th>"
        out += "<th class=\"n\">\(e(t["h.current"]))<br>\(e(b.period.name(t.language)))</th>"
        out += "<th class=\"n\">\(e(t["h.previous"]))<br>\(e(b.period.previous.name(t.language)))</th><th class=\"n\">\(e(t["h.change"]))</th></tr></thead><tbody>\n"
        for r in rows {
            out += "<tr><td>\(e(r.0))</td><td class=\"n\">\(e(r.1))</td><td class=\"n\">\(e(r.2))</td><td class=\"n\">\(e(r.3))</td></tr>\n"
        }
        return out + "</tbody></table>\n</section>\n"
    }

    /// `+5（+12.50%）`, `持平`.
    static func countChange(_ a: Int, _ z: Int, _ t: T) -> String {
        if a == z { return t["nochange"] }
        let d = a - z
        let sign = d > 0 ? "+" : "−"
        let pct = z > 0 ? "（\(sign)\(Rate(abs(d), z))）" : ""
        return sign + String(abs(d)) + (t.language == .zh ? pct : pct.replacingOccurrences(of: "（", with: " (").replacingOccurrences(of: "）", with: ")"))
    }

    /// `+1.25 个百分点` from the two rates as printed (hundredths of a percent).
    static func rateChange(_ a: Rate, _ z: Rate, _ t: T) -> String {
        guard let x = a.hundredths, let y = z.hundredths else { return "—" }
        if x == y { return t["nochange"] }
        let d = x - y
        return t.f("pp", (d > 0 ? "+" : "−") + "\(abs(d) / 100).\(zeroPad(abs(d) % 100, 2))")
    }

    // MARK: 2. Matters handled

    static func matters(_ b: Bulletin, _ t: T) -> String {
        var out = "<section><h2>\(e(t["s2"]))</h2>\n"
        var rows: [SVGChart.StackedRow] = []
        var lastPlatform: Platform?? = .none
        for d in b.departments {
            if lastPlatform != .some(d.platform) {
                rows.append(SVGChart.StackedRow(label: d.platform.map { $0.displayName(t.language) } ?? t["c.none"],
                                                segments: [], note: "", heading: true))
                lastPlatform = .some(d.platform)
            }
            let c = d.counts
            rows.append(SVGChart.StackedRow(label: d.code.isEmpty ? t["c.none"] : d.name,
                                            segments: [(c.closedOnTime, SVGChart.green), (c.closed - c.closedOnTime, SVGChart.amber), (c.due - c.closed, SVGChart.grey)],
                                            note: t.f("c.dept.note", c.due, c.closedOnTime, Evaluation.closure(c).description)))
        }
        out += "<figure>" + SVGChart.stackedBars(rows, title: t["c.dept"])
        out += "<figcaption><b>\(e(t["c.dept"]))</b> \(e(t["c.dept.caption"]))</figcaption></figure>\n"
        out += departmentTable(b, t)
        let trend = b.trend.filter { $0.first <= b.zone.localDate(of: b.takenAt) }
        let steps = trend.map { p -> String in
            if case .month = b.period { return "\(p.first.month)/\(p.first.day)–\(p.last.day)" }
            return t.language == .zh ? "\(p.first.month)月" : "\(p.first.year)-\(zeroPad(p.first.month, 2))"
        }
        out += "<figure>" + SVGChart.lines(steps: steps, series: [(t["c.takenIn"], SVGChart.blue, trend.map(\.takenIn)),
                                                                     (t["c.closed"], SVGChart.green, trend.map(\.closed))], title: t["c.trend"])
        let caption = { if case .month = b.period { return t["c.trend.caption.month"] } else { return t["c.trend.caption.months"] } }()
        out += "<figcaption><b>\(e(t["c.trend"]))</b> \(e(caption))</figcaption></figure>\n"
        out += "<table><thead><tr><th></th>" + steps.map { "<th class=\"n\">\(e($0))</th>" }.joined() + "</tr></thead><tbody>"
        out += "<tr><td>\(e(t["c.takenIn"]))</td>" + trend.map { "<td class=\"n\">\($0.takenIn)</td>" }.joined() + "</tr>"
        out += "<tr><td>\(e(t["c.closed"]))</td>" + trend.map { "<td class=\"n\">\($0.closed)</td>" }.joined() + "</tr>"
        return out + "</tbody></table>\n</section>\n"
    }

    /// The figures behind figure 1, as `report evaluation --by department` prints them.
    static func departmentTable(_ b: Bulletin, _ t: T) -> String {
        let heads = ["t.department", "t.due", "t.closed", "t.onTimeCount", "t.closure", "t.onTime", "t.extended", "t.reworkRate", "t.urges"]
        var out = "<table><thead><tr>" + heads.enumerated().map { "<th\($0.offset > 0 ? " class=\"n\"" : "")>\(e(t[$0.element]))</th>" }.joined() + "</tr></thead><tbody>"
        func row(_ name: String, _ c: EvaluationCounts, bold: Bool = false) {
            let cells = [String(c.due), String(c.closed), String(c.closedOnTime), Evaluation.closure(c).description, Evaluation.onTime(c).description,
                         String(c.extended), Evaluation.rework(c).description, String(c.urgesOrdinary + c.urgesYellow + c.urgesRed)]
            let open = bold ? "<b>" : "", close = bold ? "</b>" : ""
            out += "<tr><td>\(open)\(e(name))\(close)</td>" + cells.map { "<td class=\"n\">\(open)\($0)\(close)</td>" }.joined() + "</tr>"
        }
        for d in b.departments {
            row(d.code.isEmpty ? t["c.none"] : (d.platform.map { $0.displayName(t.language) + " · " } ?? "") + d.name, d.counts)
        }
        row(t["t.total"], b.current.evaluation, bold: true)
        return out + "</tbody></table>\n"
    }

    // MARK: 3. Patrol and reporting

    static func compliance(_ b: Bulletin, _ t: T) -> String {
        let pc = b.compliance
        let daily = pc.settings.dailyPatrolMinutes
        var out = "<section><h2>\(e(t["s3"]))</h2>\n<div class=\"pair\">"
        // Grids by average daily minutes: bins of 30 minutes up to 1.25 × the mark.
        let edges = [daily / 2, daily * 3 / 4, daily, daily * 5 / 4]
        let averages = pc.grids.map { g in g.patrol.days > 0 ? g.patrol.patrolMinutes / g.patrol.days : 0 }
        var gridBins: [(String, Int, Bool)] = []
        var lower = 0
        for edge in edges {
            gridBins.append(("\(lower)–\(edge - 1)", averages.filter { $0 >= lower && $0 < edge }.count, lower >= daily)); lower = edge
        }
        gridBins.append(("≥\(lower)", averages.filter { $0 >= lower }.count, true))
        // The met flag of the middle bins follows the rule (average ≥ mark), not the bin.
        out += "<figure>" + SVGChart.histogram(bins: gridBins, markLabel: t.f("c.patrol.mark", daily), title: t["c.patrol"])
        out += "<figcaption><b>\(e(t["c.patrol"]))</b><br><span class=\"figures\">\(e(t.f("c.figures", gridBins.map { "\($0.0)：\($0.1)" }.joined(separator: "，"))))</span></figcaption></figure>"
        let target = pc.reportTarget
        let redges = [target / 2, target * 4 / 5, target, target * 3 / 2]
        var workerBins: [(String, Int, Bool)] = []
        lower = 0
        for edge in redges where edge > lower {
            workerBins.append(("\(lower)–\(edge - 1)", pc.workers.filter { $0.reports.reports >= lower && $0.reports.reports < edge }.count, lower >= target))
            lower = edge
        }
        workerBins.append(("≥\(lower)", pc.workers.filter { $0.reports.reports >= lower }.count, true))
        out += "<figure>" + SVGChart.histogram(bins: workerBins, markLabel: t.f("c.reports.mark", target), title: t["c.reports"])
        out += "<figcaption><b>\(e(t["c.reports"]))</b><br><span class=\"figures\">\(e(t.f("c.figures", workerBins.map { "\($0.0)：\($0.1)" }.joined(separator: "，"))))</span></figcaption></figure>"
        out += "</div>\n"
        out += maps(b, t)
        return out + "</section>\n"
    }

    static func maps(_ b: Bulletin, _ t: T) -> String {
        let placed = b.compliance.grids.filter { $0.grid.row != nil && $0.grid.col != nil }
        let unplaced = b.compliance.grids.filter { $0.grid.row == nil || $0.grid.col == nil }.map(\.grid.code)
        let overdueGrids = Set(b.openLate.filter { $0.daysOver(now: b.takenAt) != nil }.map(\.grid))
        func cells(_ colour: (GridCompliance) -> String) -> [(code: String, row: Int, col: Int, colour: String)] {
            placed.map { ($0.grid.code, $0.grid.row!, $0.grid.col!, colour($0)) }
        }
        let orange = "#ef6c00"
        let patrol = cells { $0.patrol.ok ? SVGChart.green : orange }
        let reports = cells { $0.reports.noWorker ? SVGChart.red : ($0.reports.ok ? SVGChart.green : orange) }
        let overdue = cells { overdueGrids.contains($0.grid.code) ? SVGChart.red : SVGChart.green }
        let none = t["none"]
        func list(_ codes: [String]) -> String { codes.isEmpty ? none : codes.joined(separator: "、") }
        var out = "<h3>\(e(t["c.map"]))</h3><div class=\"maps\">"
        out += "<figure>" + SVGChart.smallMap(cells: patrol, title: t["c.map.patrol"])
            + "<figcaption class=\"figures\">\(e(t.f("c.map.unmet", list(b.compliance.grids.filter { !$0.patrol.ok }.map(\.grid.code)))))</figcaption></figure>"
        out += "<figure>" + SVGChart.smallMap(cells: reports, title: t["c.map.reports"])
            + "<figcaption class=\"figures\">\(e(t.f("c.map.unmet", list(b.compliance.grids.filter { !$0.reports.ok }.map(\.grid.code)))))</figcaption></figure>"
        out += "<figure>" + SVGChart.smallMap(cells: overdue, title: t["c.map.overdue"])
            + "<figcaption class=\"figures\">\(e(t.f("c.map.overdueList", list(overdueGrids.sorted()))))</figcaption></figure>"
        out += "</div><p class=\"figures\">\(e(t["c.map.caption"]))"
        if !unplaced.isEmpty { out += " " + e(t.f("c.map.unplaced", unplaced.joined(separator: "、"))) }
        return out + "</p>\n"
    }

    // MARK: 4. Red and black lists

    static func lists(_ b: Bulletin, _ t: T) -> String {
        let pc = b.compliance
        let rb = pc.redBlack(size: b.listSize)
        let daily = pc.settings.dailyPatrolMinutes, target = pc.reportTarget
        var out = "<section><h2>\(e(t["s4"]))</h2>\n<p class=\"muted\">\(e(t["l.rule"]))</p>\n"
        func gradeText(_ g: Grade?) -> String {
            guard let g else { return "—" }
            return g.displayName(t.language) + (pc.provisional ? t["l.gradeProvisional"] : "")
        }
        func table(_ key: String, _ rows: [(String, String, String, String)]) {
            out += "<div class=\"keep\"><h3>\(e(t[key]))</h3><table><thead><tr><th class=\"n\">\(e(t["l.rank"]))</th><th>\(e(t["l.code"]))</th><th>\(e(t["l.name"]))</th>"
            out += "<th>\(e(t["l.grade"]))</th><th>\(e(t["l.reason"]))</th></tr></thead><tbody>"
            if rows.isEmpty { out += "<tr><td colspan=\"5\">\(e(t["none"]))</td></tr>" }
            for (i, r) in rows.enumerated() {
                out += "<tr><td class=\"n\">\(i + 1)</td><td class=\"c\">\(e(r.0))</td><td>\(e(r.1))</td><td class=\"c\">\(e(r.2))</td><td>\(e(r.3))</td></tr>"
            }
            out += "</tbody></table></div>\n"
        }
        let lang = t.language
        func grids(_ gs: [GridCompliance]) -> [(String, String, String, String)] {
            gs.map { ($0.grid.code, $0.grid.name, gradeText($0.grade), RedBlackReason.grid($0, dailyTarget: daily, reportTarget: target, language: lang)) }
        }
        func workers(_ ws: [WorkerCompliance]) -> [(String, String, String, String)] {
            ws.map { ($0.reports.worker, $0.reports.name, gradeText($0.grade), RedBlackReason.worker($0, dailyTarget: daily, reportTarget: target, language: lang)) }
        }
        table("l.redGrids", grids(rb.redGrids)); table("l.blackGrids", grids(rb.blackGrids))
        table("l.redWorkers", workers(rb.redWorkers)); table("l.blackWorkers", workers(rb.blackWorkers))
        // Should-have-reported per grid (应报未报), each with its matters' numbers for the supervisor to judge.
        out += "<div class=\"keep\"><h3>\(e(t["l.missed"]))</h3><p class=\"muted\">\(e(t["l.missedRule"]))</p><table><thead><tr>"
        out += "<th>\(e(t["l.code"]))</th><th>\(e(t["l.name"]))</th><th class=\"n\">\(e(t["l.missedCount"]))</th><th>\(e(t["l.missedNumbers"]))</th></tr></thead><tbody>"
        if b.missedByGrid.isEmpty { out += "<tr><td colspan=\"4\">\(e(t["none"]))</td></tr>" }
        for g in b.missedByGrid {
            out += "<tr><td class=\"c\">\(e(g.grid))</td><td>\(e(g.name))</td><td class=\"n\">\(g.numbers.count)</td><td>\(e(g.numbers.joined(separator: "、")))</td></tr>"
        }
        out += "</tbody></table></div>\n"
        return out + "</section>\n"
    }

    // MARK: 5. Overdue and escalated

    /// At most this many lines are printed; the rest are counted.
    static let openLateLimit = 60

    static func openLate(_ b: Bulletin, _ t: T) -> String {
        let overdue = b.openLate.filter { $0.daysOver(now: b.takenAt) != nil }.count
        let escalated = b.openLate.filter { $0.state == .escalated }.count
        var out = "<section><h2>\(e(t["s5"]))</h2>\n<p>\(e(t.f("o.count", b.openLate.count, overdue, escalated)))</p>\n"
        guard !b.openLate.isEmpty else { return out + "</section>\n" }
        out += "<table><thead><tr><th>\(e(t["o.number"]))</th><th>\(e(t["o.title"]))</th><th>\(e(t["o.grid"]))</th>"
        out += "<th>\(e(t["o.department"]))</th><th>\(e(t["o.state"]))</th><th class=\"n\">\(e(t["o.due"]))</th><th class=\"n\">\(e(t["o.over"]))</th></tr></thead><tbody>\n"
        for m in b.openLate.prefix(openLateLimit) {
            let state = m.state.displayName(t.language) + (m.urgent ? " · " + t["o.urgent"] : "")
            let due = m.dueAt.map { ISOTime.formatShort($0, zone: b.zone) } ?? "—"
            let over = m.daysOver(now: b.takenAt).map(String.init) ?? "—"
            out += "<tr><td>\(e(m.number))</td><td>\(e(m.title))</td><td>\(e(m.grid + " " + m.gridName))</td>"
            out += "<td>\(e(m.department.isEmpty ? "—" : m.departmentName))</td><td>\(e(state))</td><td class=\"n\">\(e(due))</td><td class=\"n\">\(e(over))</td></tr>\n"
        }
        out += "</tbody></table>\n"
        if b.openLate.count > openLateLimit { out += "<p class=\"muted\">\(e(t.f("o.more", b.openLate.count - openLateLimit)))</p>\n" }
        return out + "</section>\n"
    }

    // MARK: 6. Method

    static func method(_ b: Bulletin, _ t: T) -> String {
        let pc = b.compliance, s = pc.settings
        var items = [
            t.f("m.period", b.period.firstDay, b.period.lastDay, b.zone.identifier),
            t.f("takenAt", ISOTime.formatShort(b.takenAt, zone: b.zone), b.zone.identifier),
            t["m.takenIn"], t["m.due"], t["m.closure"], t["m.onTime"], t["m.rework"], t["m.rates"],
            t.f("m.patrol", s.dailyPatrolMinutes),
            t.f("m.reports", pc.reportTarget, s.monthlyReports, b.period.months.count),
            t.f("m.grade", s.gradeRule.description),
            t["m.calendar"],
        ]
        items += b.calendarWarnings.map { t.f("m.calendarWarn", $0) }
        if b.provisional { items.append(t["provisional"]) }
        items += [t["m.loops"], t["m.source"]]
        return "<section><h2>\(e(t["s6"]))</h2>\n<ol class=\"method\">" + items.map { "<li>\(e($0))</li>" }.joined(separator: "\n") + "</ol>\n</section>\n"
    }
}
