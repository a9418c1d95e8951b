import Foundation
import GridCore
import GridStore

/// One grid's page for a month (网格详情): its figures, its workers with their month (reports, grade or pace) in a
/// list — Enter opens a worker's page with their sessions and reports — and, for the current month, today's sessions
/// (ongoing shown as such, a session near or past the suspect limit marked); Tab gives the keys to that list to scroll it.
final class GridPageScreen: BoundScreen {
    let code: String
    /// The month, or nil for the one `now` is in.
    let month: LocalMonth?
    var view: GridMonthView?
    /// The month shown (set on reload).
    var shown = LocalMonth(year: 2000, month: 1)!
    var running = true
    let workers = TableView()
    let sessions = TableView()
    /// Whether today's sessions have the keys (Tab), rather than the workers.
    var onSessions = false
    var now = Date()

    init(code: String, month: LocalMonth? = nil) { self.code = code; self.month = month }
    func title(_ t: Strings) -> String { view.map { "\($0.grid.code) \($0.grid.name)" } ?? code }

    func reload(_ app: ConsoleApp) throws {
        now = app.now
        shown = month ?? app.store.zone.localDate(of: now).localMonth
        view = try app.store.gridMonth(code: code, month: shown, now: now)
        // The month is running while days of it are left to judge (grades then are pace grades).
        running = shown >= app.store.zone.localDate(of: now).localMonth
        workers.count = view?.workers.count ?? 0
        sessions.count = view?.today.count ?? 0
        if view?.today.isEmpty ?? true { onSessions = false }
        focus()
    }

    /// Marks the selection only in the list that has the keys.
    func focus() { workers.marksSelection = !onSessions; sessions.marksSelection = onSessions }

    /// A worker's month in a cell: the pace of their reports while the month runs, their grade once it has ended.
    func standing(_ w: WorkerMonthLine, _ app: ConsoleApp) -> CellText {
        let t = app.strings
        if running {
            let today = app.store.zone.localDate(of: now)
            let pace = ComplianceMarks.reportPace(reports: w.reports, workers: 1, day: today.day, daysInMonth: shown.dayCount, settings: app.settings)
            return CellText(t["pace." + String(describing: pace)], ConsoleApp.role(pace))
        }
        guard let g = w.grade else { return CellText("—", .dim) }
        return CellText(t.name(g), ConsoleApp.role(g), [.bold])
    }

    func draw(_ s: Surface, _ a: Rect, _ app: ConsoleApp) {
        let t = app.strings
        guard let v = view else { s.put(a.row + 1, a.col + 1, t.f("grid.notFound", code), role: .overdue); return }
        let g = v.grid
        let monthName = ReportPeriod.month(shown).name(t.language) + (running ? t["pt.provisional"] : "")
        s.put(a.row, a.col + 1, DisplayWidth.truncate("\(g.code)  \(g.name) · \(monthName)", to: a.width - 2), attrs: [.bold])
        var summary = [t.f("gd.avg", g.averageMinutes), t.f("gd.daysMet", g.daysMet, g.days),
                       t.f("gd.reports", g.reports, app.settings.monthlyReports * g.workers)]
        if let today = g.minutesToday { summary.insert(t.f("gd.today", "\(today / 60):" + String(format: "%02d", today % 60)), at: 0) }
        if !running, let grade = g.grade { summary.append(t["pt.gradeFinal"] + " " + t.name(grade)) }
        s.put(a.row + 1, a.col + 1, DisplayWidth.truncate(summary.joined(separator: " · "), to: a.width - 2), role: .dim)
        Chrome.heading(s, row: a.row + 2, col: a.col + 1, width: a.width - 2, text: (v.today.isEmpty || onSessions ? "" : "▶ ") + t["gd.workers"])
        // The workers' list takes what it needs, at most half the page while today's sessions are shown below it.
        let below = v.today.isEmpty && !running ? 0 : max(4, (a.height - 4) / 2)
        let listHeight = max(2, min(v.workers.count + 1, a.height - 3 - below))
        let target = app.settings.monthlyReports
        workers.draw(s, Rect(row: a.row + 3, col: a.col + 1, height: listHeight, width: a.width - 2),
                     columns: [Column(t["gd.code"], 10, priority: 9), Column(t["gd.name"], 10, priority: 8), Column(t["gd.kind"], 10, priority: 3),
                               Column(t["gd.phone"], 13, priority: 2), Column(t[running ? "pt.reports" : "pt.reportsMonth"], 10, right: true, priority: 7),
                               Column(t[running ? "pt.grade" : "pt.gradeFinal"], 0, priority: 6)]) { i in
            let w = v.workers[i]
            return [CellText(w.code), CellText(w.name), CellText(t.name(w.kind), .dim), CellText(w.phone, .dim),
                    CellText("\(w.reports)/\(target)"), self.standing(w, app)]
        }
        if v.workers.isEmpty { s.put(a.row + 4, a.col + 1, t["gd.noWorkers"], role: .overdue) }
        guard running else { return }
        let r = a.row + 3 + listHeight + 1
        guard r + 1 < a.bottom else { return }
        Chrome.heading(s, row: r, col: a.col + 1, width: a.width - 2, text: (onSessions ? "▶ " : "") + t["gd.sessions"])
        let shownSessions = v.today
        if shownSessions.isEmpty { s.put(r + 1, a.col + 1, t["gd.noSessions"], role: .overdue); return }
        let zone = app.store.zone
        sessions.draw(s, Rect(row: r + 1, col: a.col + 1, height: a.bottom - r - 1, width: a.width - 2),
                      columns: [Column(t["pt.workers"], 20), Column(t["gd.start"], 12), Column(t["gd.end"], 12), Column(t["gd.length"], 0)]) { i in
            let p = shownSessions[i]
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
        let t = app.strings
        var list = [
            Binding([.enter], "Enter", t["hint.worker"], help: t["help.worker"]) { [unowned self] _ in
                guard let v = view, v.workers.indices.contains(workers.selection) else { return .handled }
                if onSessions { onSessions = false; focus() }
                return .push(WorkerPageScreen(code: v.workers[workers.selection].code, month: shown))
            },
            Binding(TableView.navigationKeys, "↑↓", t["hint.move.keys"], help: t["help.moveKeys"], hinted: false) { [unowned self] key in
                (onSessions ? sessions : workers).handle(key) ? .handled : .ignored
            },
        ]
        // Only with today's sessions listed is there a second list to give the keys to.
        if !(view?.today.isEmpty ?? true) {
            list.insert(Binding([.tab], "Tab", t["hint.pane"], help: t["help.gridPane"]) { [unowned self] _ in
                onSessions.toggle(); focus(); return .handled
            }, at: 1)
        }
        return list
    }
}
