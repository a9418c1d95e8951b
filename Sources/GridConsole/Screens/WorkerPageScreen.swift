import Foundation
import GridCore
import GridStore

/// One grid worker's month (网格员月详情): their patrol sessions (start, end, minutes counted, status) and the matters
/// they reported (number, title, state, reported time), each a scrolling list. Tab moves the keys between the two
/// lists; Enter on a report opens its matter page.
final class WorkerPageScreen: BoundScreen {
    let code: String
    let month: LocalMonth
    var view: WorkerMonthView?
    let sessions = TableView()
    let reports = TableView()
    /// Which list has the keys: false the sessions, true the reports.
    var onReports = false
    var running = true

    init(code: String, month: LocalMonth) { self.code = code; self.month = month }
    func title(_ t: Strings) -> String { view.map { "\($0.worker.code) \($0.worker.name)" } ?? code }

    func reload(_ app: ConsoleApp) throws {
        view = try app.store.workerMonth(code: code, month: month, now: app.now)
        running = month >= app.store.zone.localDate(of: app.now).localMonth
        sessions.count = view?.sessions.count ?? 0
        reports.count = view?.reports.count ?? 0
        // With no sessions, the reports have the keys.
        if sessions.count == 0 && reports.count > 0 { onReports = true }
        focus()
    }

    /// Marks the selection only in the list that has the keys.
    func focus() { sessions.marksSelection = !onReports; reports.marksSelection = onReports }

    func draw(_ s: Surface, _ a: Rect, _ app: ConsoleApp) {
        let t = app.strings
        guard let v = view else { s.put(a.row + 1, a.col + 1, t.f("worker.notFound", code), role: .overdue); return }
        let w = v.worker
        let monthName = ReportPeriod.month(month).name(t.language) + (running ? t["pt.provisional"] : "")
        // The month goes first after the name: a narrow screen cuts the phone and grid, with an ellipsis, not the month.
        let head = [w.code + " " + w.name, monthName, t.name(w.kind), w.phone, v.grid + " " + v.gridName].joined(separator: " · ")
        s.put(a.row, a.col + 1, DisplayWidth.truncate(head, to: a.width - 2), attrs: [.bold])
        let counted = v.sessions.reduce(0) { $0 + $1.countedMinutes }
        var summary = [t.f("wk.sessions", v.sessions.count, counted), t.f("wk.reports", v.reports.count, w.reports, app.settings.monthlyReports)]
        if !running, let g = w.grade { summary.append(t["pt.gradeFinal"] + " " + t.name(g)) }
        s.put(a.row + 1, a.col + 1, DisplayWidth.truncate(summary.joined(separator: " · "), to: a.width - 2), role: .dim)
        let zone = app.store.zone
        // The two lists share the page: each takes what it needs, the sessions at most half.
        let room = a.height - 4
        let top = max(2, min(v.sessions.count + 1, room / 2, room - max(2, min(v.reports.count + 1, room / 2))))
        Chrome.heading(s, row: a.row + 2, col: a.col + 1, width: a.width - 2, text: (onReports ? "" : "▶ ") + t["wk.sessionsHeading"])
        if v.sessions.isEmpty { s.put(a.row + 3, a.col + 1, t["wk.noSessions"], role: .dim) } else {
            sessions.draw(s, Rect(row: a.row + 3, col: a.col + 1, height: top, width: a.width - 2),
                          columns: [Column(t["gd.start"], 12, priority: 9), Column(t["gd.end"], 12, priority: 8),
                                    Column(t["wk.counted"], 12, right: true, priority: 7), Column(t["wk.status"], 12, priority: 6),
                                    Column(t["col.grid"], 0, priority: 2)]) { i in
                let p = v.sessions[i]
                return [CellText(ConsoleApp.shortTime(p.start, zone: zone)),
                        CellText(p.end.map { ConsoleApp.shortTime($0, zone: zone) } ?? t["gd.ongoing"], p.end == nil ? .onPace : .normal),
                        CellText(t.f("gd.minutes", p.countedMinutes), p.status.counts ? .normal : .dim),
                        CellText(t.name(p.status), p.status.counts ? .normal : .overdue), CellText(p.grid == v.grid ? "" : p.grid, .dim)]
            }
        }
        let r = a.row + 3 + top + 1
        guard r + 1 < a.bottom else { return }
        Chrome.heading(s, row: r, col: a.col + 1, width: a.width - 2, text: (onReports ? "▶ " : "") + t["wk.reportsHeading"])
        if v.reports.isEmpty { s.put(r + 1, a.col + 1, t["wk.noReports"], role: .dim); return }
        reports.draw(s, Rect(row: r + 1, col: a.col + 1, height: a.bottom - r - 1, width: a.width - 2),
                     columns: [Column(t["col.number"], 14, priority: 9), Column(t["col.state"], 8, priority: 7),
                               Column(t["wk.reportedAt"], 12, priority: 6), Column(t["col.title"], 0, priority: 8)]) { i in
            let m = v.reports[i]
            return [CellText(m.number), CellText(t.name(m.state), WorkerReportCount.excludedStates.contains(m.state) ? .dim : .normal),
                    CellText(ConsoleApp.shortTime(m.reportedAt, zone: zone)), CellText(m.title)]
        }
    }

    func bindings(_ app: ConsoleApp) -> [Binding] {
        let t = app.strings
        return [
            Binding([.enter], "Enter", t["hint.openMatter"], help: t["help.openMatter"]) { [unowned self] _ in
                guard let v = view else { return .handled }
                guard onReports else { return .message(t["wk.tabFirst"]) }
                guard v.reports.indices.contains(reports.selection) else { return .handled }
                return .push(MatterPageScreen(number: v.reports[reports.selection].number))
            },
            Binding([.tab], "Tab", t["hint.pane"], help: t["help.workerPane"]) { [unowned self] _ in
                onReports.toggle(); focus(); return .handled
            },
            Binding(TableView.navigationKeys, "↑↓", t["hint.move.keys"], help: t["help.moveKeys"], hinted: false) { [unowned self] key in
                (onReports ? reports : sessions).handle(key) ? .handled : .ignored
            },
        ]
    }
}
