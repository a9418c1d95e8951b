import Foundation
import GridCore
import GridStore

/// 巡查考核: one row per basic grid for a month — by default the running one (today's patrol against 2 h, the month
/// so far, reports against the pace, graded on pace and marked 暂定); `[` and `]` step to earlier months, which show
/// their final grades (合格/不合格…), `t` comes back to this month. `/` filters the grids by code or name and `s` sorts
/// them; both hold across months.
final class PatrolScreen: BoundScreen {
    /// Every basic grid of the month, as read; `rows` is what the filter and sort leave.
    var view: PatrolMonthView?
    var rows: [PatrolMonthRow] = []
    /// The different grade cells among `rows` (a handful), for the grade column's width.
    var gradeCells: Set<GradeCell> = []
    var filterText = ""
    var filterInput: TextInput?
    /// The month chosen, or nil to follow the month `now` is in.
    var month: LocalMonth?
    /// The sort: 0 code, 1 today's patrol (least first; the current month only), 2 average, 3 reports against the mark,
    /// 4 grade (worst first).
    var sortKey = 0
    var editing: Bool { filterInput != nil }
    let table = TableView()
    var now = Date()
    var day = 1, minutesIntoDay = 0
    var settings = ComplianceSettings.standard

    func title(_ t: Strings) -> String { t["tab.patrol"] }

    /// The month shown.
    var shown: LocalMonth { view?.month ?? month ?? LocalMonth(year: 2000, month: 1)! }
    /// Whether the month shown is the one `now` is in (today's column and the pace apply).
    var current: Bool { view?.current ?? true }

    func reload(_ app: ConsoleApp) throws {
        now = app.now
        let today = app.store.zone.localDate(of: now)
        day = today.day
        // Today's pace runs over the patrol day, not the clock's 24 hours.
        minutesIntoDay = app.patrolDay.paceMinutes(atMinuteOfDay: app.store.zone.secondsIntoDay(of: now) / 60)
        settings = app.settings
        if let m = month, m >= today.localMonth { month = nil }
        view = try app.store.patrolMonth(month ?? today.localMonth, now: now)
        arrange()
    }

    /// The sorts offered for the month shown (today's patrol only for the current month).
    var sorts: [Int] { current ? [0, 1, 2, 3, 4] : [0, 2, 3, 4] }

    /// Applies the filter and the sort to the grids read.
    func arrange() {
        let q = filterText.lowercased()
        let all = view?.rows ?? []
        var list = q.isEmpty ? all : all.filter { $0.code.lowercased().contains(q) || $0.name.lowercased().contains(q) }
        // Today's sort has nothing to sort a past month by: it shows by code there, and again by today's patrol back here.
        let key = sorts.contains(sortKey) ? sortKey : 0
        func ratio(_ g: PatrolMonthRow) -> Double { Double(g.reports) / Double(max(1, settings.monthlyReports * g.workers)) }
        func worst(_ g: PatrolMonthRow) -> Int { current ? min(paces(g).patrol, paces(g).reports).rawValue : g.grade?.rank ?? -1 }
        switch key {
        case 1: list.sort { ($0.minutesToday ?? 0, $0.code) < ($1.minutesToday ?? 0, $1.code) }
        case 2: list.sort { ($0.averageMinutes, $0.code) < ($1.averageMinutes, $1.code) }
        case 3: list.sort { (ratio($0), $0.code) < (ratio($1), $1.code) }
        case 4: list.sort { (worst($0), $0.code) < (worst($1), $1.code) }
        default: list.sort { $0.code < $1.code }
        }
        rows = list
        gradeCells = Set(list.map(gradeCell))
        table.count = rows.count
        table.sortColumn = [0, 2, 3, 6, 7][key]
    }

    func paces(_ g: PatrolMonthRow) -> (patrol: ComplianceMarks.Pace, reports: ComplianceMarks.Pace) {
        (ComplianceMarks.patrolPace(minutes: g.minutesToday ?? 0, minutesIntoDay: minutesIntoDay, settings: settings),
         ComplianceMarks.reportPace(reports: g.reports, workers: g.workers, day: day, daysInMonth: shown.dayCount, settings: settings))
    }

    /// The screen's heading: the month and whether its grades are final or pace grades (暂定).
    func heading(_ t: Strings) -> String {
        let name = ReportPeriod.month(shown).name(t.language)
        guard let v = view else { return name }
        if !v.running { return t.f("pt.monthEnded", name) }
        return t.f("pt.monthRunning", name, v.completedDays, v.daysInMonth)
    }

    /// The columns for the month shown; each is at least as wide as its heading in the language in use, and the sorted
    /// one as its heading and the sort mark (▼).
    func columns(_ t: Strings, narrow: Bool) -> [Column] {
        let sorted = table.sortColumn
        func col(_ i: Int, _ title: String, _ width: Int, right: Bool = false, priority: Int, minimum: Int = 10) -> Column {
            let need = DisplayWidth.of(title) + (sorted == i ? 1 : 0)
            return Column(title, width == 0 ? 0 : max(width, need), right: right, priority: priority, minimum: max(minimum, need))
        }
        // The grade column must hold its longest text (落后 says which duty): otherwise lower columns go first. Measured
        // over the few different cells the rows hold (`gradeCells`, gathered when the rows change), not row by row.
        let gradeWidth = gradeCells.map { DisplayWidth.of(gradeText($0, t).text) }.max() ?? 4
        let first = current ? col(2, t["pt.minutes"], narrow ? 15 : 24, priority: 9) : col(2, t["pt.total"], 10, right: true, priority: 3)
        // Names are up to 20 columns wide (东湖工业园区第一网格): the room left beside today's bar goes to them.
        return [col(0, t["col.grid"], 8, priority: 10), Column("", current ? (narrow ? 16 : 18) : 20, priority: 2), first,
                col(3, t["pt.avg"], 10, right: true, priority: 6), col(4, t["pt.days"], 7, right: true, priority: 5),
                col(5, t["pt.workers"], 6, right: true, priority: 4), col(6, t[current ? "pt.reports" : "pt.reportsMonth"], 8, right: true, priority: 8),
                col(7, t[current ? "pt.grade" : "pt.gradeFinal"], 0, priority: 7, minimum: gradeWidth)]
    }

    /// What a row's grade cell says, before it is put in words: the grade of a month that has ended (nil before any
    /// day is judged), or the patrol and report paces of the running one.
    enum GradeCell: Hashable {
        case grade(Grade?)
        case pace(ComplianceMarks.Pace, ComplianceMarks.Pace)
    }

    /// Row `g`'s grade cell.
    func gradeCell(_ g: PatrolMonthRow) -> GradeCell {
        guard current else { return .grade(g.grade) }
        let (p, r) = paces(g)
        return .pace(p, r)
    }

    /// The grade cell in words: the pace (which duty is behind) for the current month, the grade for another.
    func gradeText(_ cell: GradeCell, _ t: Strings) -> CellText {
        guard case let .pace(p, r) = cell else {
            guard case let .grade(grade?) = cell else { return CellText("—", .dim) }
            return CellText(t.name(grade), ConsoleApp.role(grade), [.bold])
        }
        let grade = min(p, r)
        let text = grade != .behind ? t["pace." + String(describing: grade)]
            : p == .behind && r == .behind ? t["pace.behind.both"] : p == .behind ? t["pace.behind.patrol"] : t["pace.behind.reports"]
        return CellText(text, ConsoleApp.role(grade), [.bold])
    }

    func draw(_ s: Surface, _ a: Rect, _ app: ConsoleApp) {
        let t = app.strings
        s.put(a.row, a.col + 1, DisplayWidth.truncate(heading(t), to: a.width - 2), role: view?.running == false ? .heading : .normal, attrs: [.bold])
        // Narrow screens drop the grid's name and the bar room first; reports and the grade stay.
        let narrow = a.width < 110
        let cols = columns(t, narrow: narrow)
        let body = Rect(row: a.row + 1, col: a.col + 1, height: a.height - 1, width: a.width - 2)
        let target = settings.monthlyReports
        table.draw(s, body, columns: cols) { i in
            let g = self.rows[i]
            let reports = CellText("\(g.reports)/\(target * g.workers)", self.current ? ConsoleApp.role(self.paces(g).reports) : .normal)
            let first: CellText
            if self.current {
                let m = g.minutesToday ?? 0
                first = CellText("\(m / 60):" + String(format: "%02d", m % 60) + (g.ongoing > 0 ? " ▶" : ""), ConsoleApp.role(self.paces(g).patrol))
            } else {
                first = CellText("\(g.patrolMinutes / 60):" + String(format: "%02d", g.patrolMinutes % 60))
            }
            return [CellText(g.code), CellText(g.name), first, CellText(t.f("gd.minutes", g.averageMinutes)),
                    CellText("\(g.daysMet)/\(g.days)"), CellText("\(g.workers)", g.workers == 0 ? .overdue : .normal),
                    reports, self.gradeText(self.gradeCell(g), t)]
        }
        if let input = filterInput {
            s.fill(row: a.bottom - 1, col: a.col, width: a.width, height: 1, role: .normal, attrs: [])
            let w = s.put(a.bottom - 1, a.col + 1, t["hint.filter"] + " /", attrs: [.bold])
            input.draw(s, row: a.bottom - 1, col: a.col + 2 + w, width: a.width - w - 3, focused: true)
        }
        // Bars over the Today column, drawn after the table so they sit beside the figure.
        let keep = TableView.kept(cols, width: body.width)
        guard current, !narrow, keep.count == cols.count else { return }
        let widths = TableView.widths(cols, width: body.width)
        let barCol = body.col + widths[0] + widths[1] + 2 + 7
        let range = table.visibleRange(height: body.height - 1)
        for (n, i) in range.enumerated() where i != table.selection {
            let g = rows[i]
            HBar.draw(s, row: body.row + 1 + n, col: barCol, width: widths[2] - 8, value: min(g.minutesToday ?? 0, 240), max: 240,
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

    /// Steps the month shown: back any number of months, forward no further than this month.
    func step(_ key: Key, _ app: ConsoleApp) -> Outcome {
        let this = app.store.zone.localDate(of: app.now).localMonth
        let from = month ?? this
        if key == .char("]") {
            guard from < this else { return .message(app.strings["pt.noLater"]) }
            month = from.next == this ? nil : from.next
        } else if key == .char("[") {
            month = from.previous
        } else {
            guard month != nil else { return .message(app.strings["pt.noLater"]) }
            month = nil
        }
        table.select(0)
        return .reload
    }

    func bindings(_ app: ConsoleApp) -> [Binding] {
        let t = app.strings
        if editing { return Binding.field(t, enter: t["hint.confirm"]) { [unowned self] key in feed(key, app) } }
        return [
            Binding([.enter], "Enter", t["hint.open"], help: t["help.ptOpen"]) { [unowned self] _ in
                rows.indices.contains(table.selection) ? .push(GridPageScreen(code: rows[table.selection].code, month: month)) : .handled
            },
            Binding([.char("/")], "/", t["hint.filter"], help: t["help.ptFilter"]) { [unowned self] _ in
                filterInput = TextInput(filterText); return .handled
            },
            Binding([.char("s")], "s", t["hint.sort"], help: t["help.ptSort"]) { [unowned self] _ in
                let i = sorts.firstIndex(of: sortKey) ?? 0
                sortKey = sorts[(i + 1) % sorts.count]; arrange(); return .handled
            },
            Binding([.char("["), .char("]")], "[/]", t["hint.month"], help: t["help.month"]) { [unowned self] key in step(key, app) },
            Binding([.char("t")], "t", t["hint.thisMonth"], help: t["help.thisMonth"], hinted: false) { [unowned self] key in step(key, app) },
            Binding(TableView.navigationKeys, "↑↓", t["hint.move.keys"], help: t["help.moveKeys"], hinted: false) { [unowned self] key in
                table.handle(key) ? .handled : .ignored
            },
        ]
    }
}

extension ConsoleApp {
    /// The colour for a month's grade: 优秀/合格 green, 基本合格 yellow, 不合格 red.
    static func role(_ grade: Grade) -> ColorRole {
        switch grade { case .excellent, .pass: .met; case .basicPass: .nearDue; case .fail: .overdue }
    }
}
