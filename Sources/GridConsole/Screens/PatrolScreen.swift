import Foundation
import GridCore
import GridStore

/// 巡查考核: one row per basic grid — today's patrol against 2 h, the month so far, reports against the pace.
/// `/` filters the grids by code or name, `s` sorts them (code, today's patrol, the month's average, reports, grade).
final class PatrolScreen: BoundScreen {
    /// Every basic grid, as read; `rows` is what the filter and sort leave.
    var all: [GridComplianceRow] = []
    var rows: [GridComplianceRow] = []
    var filterText = ""
    var filterInput: TextInput?
    /// The sort: 0 code, 1 today's patrol (least first), 2 average, 3 reports against the mark, 4 grade (worst first).
    var sortKey = 0
    static let sortColumns = [0, 2, 3, 6, 7]
    var editing: Bool { filterInput != nil }
    let table = TableView()
    var now = Date()
    var day = 1, daysInMonth = 30, minutesIntoDay = 0

    func title(_ t: Strings) -> String { t["tab.patrol"] }

    func reload(_ app: ConsoleApp) throws {
        now = app.now
        let today = app.store.zone.localDate(of: now)
        day = today.day; daysInMonth = today.localMonth.dayCount
        // Today's pace runs over the patrol day, not the clock's 24 hours.
        minutesIntoDay = app.patrolDay.paceMinutes(atMinuteOfDay: app.store.zone.secondsIntoDay(of: now) / 60)
        settings = app.settings
        all = try app.store.gridCompliance(now: now)
        arrange()
    }

    /// Applies the filter and the sort to the grids read.
    func arrange() {
        let q = filterText.lowercased()
        var list = q.isEmpty ? all : all.filter { $0.code.lowercased().contains(q) || $0.name.lowercased().contains(q) }
        func ratio(_ g: GridComplianceRow) -> Double { Double(g.reports) / Double(max(1, settings.monthlyReports * g.workers)) }
        switch sortKey {
        case 1: list.sort { ($0.minutesToday, $0.code) < ($1.minutesToday, $1.code) }
        case 2: list.sort { ($0.averageMinutes, $0.code) < ($1.averageMinutes, $1.code) }
        case 3: list.sort { (ratio($0), $0.code) < (ratio($1), $1.code) }
        case 4: list.sort { (min(paces($0).patrol, paces($0).reports).rawValue, $0.code) < (min(paces($1).patrol, paces($1).reports).rawValue, $1.code) }
        default: list.sort { $0.code < $1.code }
        }
        rows = list
        table.count = rows.count
        table.sortColumn = PatrolScreen.sortColumns[sortKey]
    }

    var settings = ComplianceSettings.standard

    func paces(_ g: GridComplianceRow) -> (patrol: ComplianceMarks.Pace, reports: ComplianceMarks.Pace) {
        (ComplianceMarks.patrolPace(minutes: g.minutesToday, minutesIntoDay: minutesIntoDay, settings: settings),
         ComplianceMarks.reportPace(reports: g.reports, workers: g.workers, day: day, daysInMonth: daysInMonth, settings: settings))
    }

    func draw(_ s: Surface, _ a: Rect, _ app: ConsoleApp) {
        let t = app.strings
        // Narrow screens drop the grid's name and the bar room first; reports and the grade stay.
        let narrow = a.width < 110
        let cols = [Column(t["col.grid"], 8, priority: 10), Column("", 16, priority: 2), Column(t["pt.minutes"], narrow ? 15 : 24, priority: 9),
                    Column(t["pt.avg"], 12, right: true, priority: 6), Column(t["pt.days"], 7, right: true, priority: 5),
                    Column(t["pt.workers"], 6, right: true, priority: 4), Column(t["pt.reports"], 10, right: true, priority: 8),
                    Column(t["pt.grade"], 0, priority: 7)]
        let body = Rect(row: a.row, col: a.col + 1, height: a.height, width: a.width - 2)
        table.draw(s, body, columns: cols) { i in
            let g = self.rows[i]
            let (p, r) = self.paces(g)
            let hm = "\(g.minutesToday / 60):" + String(format: "%02d", g.minutesToday % 60)
            let target = self.settings.monthlyReports * g.workers
            let grade = min(p, r)
            // 落后 says which duty is behind.
            let gradeText = grade != .behind ? t["pace." + String(describing: grade)]
                : p == .behind && r == .behind ? t["pace.behind.both"] : p == .behind ? t["pace.behind.patrol"] : t["pace.behind.reports"]
            let ongoing = g.ongoing > 0 ? " ▶" : ""
            return [CellText(g.code), CellText(g.name), CellText(hm + ongoing, ConsoleApp.role(p)), CellText(t.f("gd.minutes", g.averageMinutes), .normal),
                    CellText("\(g.daysMet)/\(g.daysSoFar)"), CellText("\(g.workers)", g.workers == 0 ? .overdue : .normal),
                    CellText("\(g.reports)/\(target)", ConsoleApp.role(r)), CellText(gradeText, ConsoleApp.role(grade), [.bold])]
        }
        // Bars over the Today column, drawn after the table so they sit beside the figure.
        if let input = filterInput {
            s.fill(row: a.bottom - 1, col: a.col, width: a.width, height: 1, role: .normal, attrs: [])
            let w = s.put(a.bottom - 1, a.col + 1, t["hint.filter"] + " /", attrs: [.bold])
            input.draw(s, row: a.bottom - 1, col: a.col + 2 + w, width: a.width - w - 3, focused: true)
        }
        let keep = TableView.kept(cols, width: body.width)
        guard !narrow, keep.count == cols.count else { return }
        let widths = TableView.widths(cols, width: body.width)
        let barCol = body.col + widths[0] + widths[1] + 2 + 7
        let range = table.visibleRange(height: body.height - 1)
        for (n, i) in range.enumerated() where i != table.selection {
            let g = rows[i]
            HBar.draw(s, row: body.row + 1 + n, col: barCol, width: widths[2] - 8, value: min(g.minutesToday, 240), max: 240,
                      role: ConsoleApp.role(paces(g).patrol), mark: settings.dailyPatrolMinutes)
        }
    }

    /// Enter and Esc reach an open field through its bindings; every other key goes straight to it.
    func input(_ key: Key, _ app: ConsoleApp) -> Outcome? {
        editing && key != .enter && key != .escape ? feed(key, app) : nil
    }

    /// A key for the open field or dialog.
    func feed(_ key: Key, _ app: ConsoleApp) -> Outcome {
        guard var input = filterInput else { return .ignored }
        switch key {
        case .escape: filterInput = nil
        case .enter:
            filterInput = nil; filterText = input.text; arrange(); table.select(0)
            return .message(app.strings.f("pt.filtered", filterText.isEmpty ? "—" : filterText, rows.count))
        default: _ = input.handle(key); filterInput = input
        }
        return .handled
    }

    func bindings(_ app: ConsoleApp) -> [Binding] {
        let t = app.strings
        if editing { return Binding.field(t, enter: t["hint.confirm"]) { [unowned self] key in feed(key, app) } }
        return [
            Binding([.enter], "Enter", t["hint.open"]) { [unowned self] _ in
                rows.indices.contains(table.selection) ? .push(GridPageScreen(code: rows[table.selection].code)) : .handled
            },
            Binding([.char("/")], "/", t["hint.filter"], help: t["help.ptFilter"]) { [unowned self] _ in
                filterInput = TextInput(filterText); return .handled
            },
            Binding([.char("s")], "s", t["hint.sort"], help: t["help.ptSort"]) { [unowned self] _ in
                sortKey = (sortKey + 1) % PatrolScreen.sortColumns.count; arrange(); return .handled
            },
            Binding(TableView.navigationKeys, "↑↓", t["hint.move.keys"], help: t["help.moveKeys"], hinted: false) { [unowned self] key in
                table.handle(key) ? .handled : .ignored
            },
        ]
    }
}

/// One grid's page: its workers with this month's reports, and today's patrol sessions (ongoing shown as such).
/// `w` drills down to one worker at a time (their line marked, only their sessions listed), then back to all.
final class GridPageScreen: BoundScreen {
    let code: String
    var detail: GridDetail?
    let table = TableView()
    var now = Date()
    /// The worker drilled down to (an index into the workers), or nil for all.
    var worker: Int?
    /// The sessions shown: all, or the chosen worker's.
    var sessions: [PatrolLine] {
        guard let d = detail else { return [] }
        guard let w = worker, d.workers.indices.contains(w) else { return d.sessions }
        return d.sessions.filter { $0.worker == d.workers[w].code }
    }

    init(code: String) { self.code = code }
    func title(_ t: Strings) -> String { detail.map { "\($0.code) \($0.name)" } ?? code }

    func reload(_ app: ConsoleApp) throws {
        now = app.now
        detail = try app.store.gridDetail(code: code, now: now)
        table.count = sessions.count
    }

    func draw(_ s: Surface, _ a: Rect, _ app: ConsoleApp) {
        let t = app.strings
        guard let d = detail else { s.put(a.row + 1, a.col + 1, t.f("grid.notFound", code), role: .overdue); return }
        s.put(a.row, a.col + 1, "\(d.code)  \(d.name)", attrs: [.bold], width: a.width - 2)
        Chrome.heading(s, row: a.row + 2, col: a.col + 1, width: a.width - 2, text: t["gd.workers"])
        var r = a.row + 3
        let zone = app.store.zone
        let today = zone.localDate(of: now)
        for (i, w) in d.workers.enumerated() where r < a.row + 12 {
            if i == worker { s.put(r, a.col, "▶", role: .heading, attrs: [.bold]) }
            let pace = ComplianceMarks.reportPace(reports: w.reports, workers: 1, day: today.day, daysInMonth: today.localMonth.dayCount, settings: app.settings)
            var c = a.col + 1
            c += s.put(r, c, DisplayWidth.pad(w.code, to: 10))
            c += s.put(r, c, DisplayWidth.pad(w.name, to: 10))
            c += s.put(r, c, DisplayWidth.pad(t.name(w.kind), to: 10), role: .dim)
            c += s.put(r, c, DisplayWidth.pad(w.phone, to: 14), role: .dim)
            s.put(r, c, "\(t["pt.reports"]) \(w.reports)/\(app.settings.monthlyReports)", role: ConsoleApp.role(pace))
            r += 1
        }
        r += 1
        Chrome.heading(s, row: r, col: a.col + 1, width: a.width - 2, text: t["gd.sessions"])
        let shown = sessions
        if shown.isEmpty { s.put(r + 1, a.col + 1, t["gd.noSessions"], role: .overdue); return }
        table.draw(s, Rect(row: r + 1, col: a.col + 1, height: a.bottom - r - 1, width: a.width - 2),
                   columns: [Column(t["pt.workers"], 20), Column(t["gd.start"], 12), Column(t["gd.end"], 12), Column(t["gd.length"], 0)]) { i in
            let p = shown[i]
            let end = p.end.map { ConsoleApp.shortTime($0, zone: zone) } ?? t["gd.ongoing"]
            let mins = Int((p.end ?? self.now).timeIntervalSince(p.start) / 60)
            // A session within an hour of the suspect limit is marked; one past it stops counting until confirmed.
            let limit = app.settings.suspectMinutes
            var length = t.f("gd.minutes", mins), role = ColorRole.normal
            if mins > limit { length += " " + t.f("gd.pastLimit", limit / 60); role = .overdue }
            else if p.end == nil && mins >= limit - 60 { length += " " + t.f("gd.nearLimit", limit / 60); role = .nearDue }
            return [CellText("\(p.worker) \(p.workerName)"), CellText(ConsoleApp.shortTime(p.start, zone: zone)),
                    CellText(end, p.end == nil ? .onPace : .normal, p.end == nil ? [.bold] : []), CellText(length, role, role == .normal ? [] : [.bold])]
        }
    }

    func bindings(_ app: ConsoleApp) -> [Binding] {
        [Binding([.char("w")], "w", app.strings["hint.worker"], help: app.strings["help.worker"]) { [unowned self] _ in
            let n = detail?.workers.count ?? 0
            guard n > 0 else { return .handled }
            worker = worker.map { $0 + 1 < n ? $0 + 1 : nil } ?? 0
            table.count = sessions.count; table.select(0)
            return .handled
        },
         Binding(TableView.navigationKeys, "↑↓", app.strings["hint.move.keys"], help: app.strings["help.moveKeys"], hinted: false) { [unowned self] key in
            table.handle(key) ? .handled : .ignored
        }]
    }
}
