import Foundation
import GridCore
import GridStore

/// 总览: counters, open matters by state and platform, today's patrol, the month's reporting pace, a live feed.
final class OverviewScreen: BoundScreen {
    var figures = OverviewFigures()
    func title(_ t: Strings) -> String { t["tab.overview"] }

    func reload(_ app: ConsoleApp) throws {
        figures = try app.store.overview(now: app.now, feedSize: 30)
    }

    func draw(_ s: Surface, _ a: Rect, _ app: ConsoleApp) {
        let t = app.strings, f = figures
        var c = a.col + 1
        let counters: [(String, Int, ColorRole)] = [
            (t["ov.newToday"], f.newToday, .normal), (t["ov.open"], f.open, .normal),
            (t["ov.nearDue"], f.nearDue, f.nearDue > 0 ? .nearDue : .normal), (t["ov.overdue"], f.overdue, f.overdue > 0 ? .overdue : .normal),
            (t["ov.urgent"], f.urgentOpen, f.urgentOpen > 0 ? .overdue : .normal), (t["ov.escalated"], f.escalated, .normal),
            (t["ov.shelved"], f.shelved, .normal),
        ]
        for (label, n, role) in counters {
            c += s.put(a.row + 1, c, label + " ", role: .dim, width: a.col + a.width - c)
            c += s.put(a.row + 1, c, "\(n)", role: role, attrs: [.bold], width: a.col + a.width - c)
            c += 3
        }
        let half = (a.width - 3) / 2
        let left = Rect(row: a.row + 3, col: a.col + 1, height: 9, width: half)
        let right = Rect(row: a.row + 3, col: a.col + 2 + half, height: 9, width: half)
        drawBars(s, left, title: t["ov.byState"], items: f.byState.map { (t.name($0.key), $0.count) })
        drawBars(s, right, title: t["ov.byPlatform"], items: f.byPlatform.map {
            ($0.key.map(t.name) ?? t["ov.undispatched"], $0.count)
        })
        var r = a.row + 13
        Chrome.heading(s, row: r, col: a.col + 1, width: half, text: t["ov.patrol"])
        Chrome.heading(s, row: r, col: a.col + 2 + half, width: half, text: t["ov.reports"])
        r += 1
        var pc = a.col + 1
        for (label, n, role) in [(t["ov.gridsMet"], f.gridsMet, ColorRole.met), (t["ov.gridsUnder"], f.gridsUnder, .nearDue), (t["ov.gridsNobody"], f.gridsNobody, .overdue)] {
            pc += s.put(r, pc, label + " ", role: .dim)
            pc += s.put(r, pc, "\(n)", role: n > 0 ? role : .normal, attrs: [.bold])
            pc += 3
        }
        let target = f.monthlyReports * f.workers
        let pace = target * f.day / max(1, f.daysInMonth)
        let grade = ComplianceMarks.reportPace(reports: f.reportsThisMonth, workers: f.workers, day: f.day, daysInMonth: f.daysInMonth, settings: app.settings)
        var rc = a.col + 2 + half
        rc += s.put(r, rc, "\(f.reportsThisMonth) / \(target)", role: ConsoleApp.role(grade), attrs: [.bold])
        rc += s.put(r, rc, "  \(t["ov.pace"]) \(pace)  ", role: .dim)
        HBar.draw(s, row: r + 1, col: a.col + 2 + half, width: max(0, half - 2), value: f.reportsThisMonth, max: max(1, target), role: ConsoleApp.role(grade), mark: pace)
        let total = f.gridsMet + f.gridsUnder + f.gridsNobody
        HBar.draw(s, row: r + 1, col: a.col + 1, width: max(0, half - 2), value: f.gridsMet, max: max(1, total), role: .met)
        r += 3
        Chrome.heading(s, row: r, col: a.col + 1, width: a.width - 2, text: t["ov.feed"])
        r += 1
        for item in f.feed where r < a.bottom {
            var fc = a.col + 1
            fc += s.put(r, fc, ConsoleApp.shortTime(item.at, zone: app.store.zone) + "  ", role: .dim)
            fc += s.put(r, fc, DisplayWidth.pad(item.number, to: 14), role: .normal)
            fc += s.put(r, fc, DisplayWidth.pad(t.name(item.kind), to: 8) + " ", role: .heading, attrs: [.bold])
            fc += s.put(r, fc, DisplayWidth.pad(item.actor, to: 10) + " ", role: .dim)
            s.put(r, fc, item.title, width: a.col + a.width - fc - 1)
            r += 1
        }
    }

    private func drawBars(_ s: Surface, _ r: Rect, title: String, items: [(String, Int)]) {
        Chrome.heading(s, row: r.row, col: r.col, width: r.width, text: title)
        let maxN = items.map(\.1).max() ?? 0
        for (i, item) in items.prefix(r.height - 1).enumerated() {
            let row = r.row + 1 + i
            s.put(row, r.col, DisplayWidth.pad(item.0, to: 12), width: 12)
            s.put(row, r.col + 13, DisplayWidth.pad("\(item.1)", to: 6, right: true), attrs: [.bold])
            HBar.draw(s, row: row, col: r.col + 20, width: max(0, r.width - 21), value: item.1, max: maxN, role: .onPace)
        }
    }

    /// The overview has no keys of its own (the tab keys 1-6 are the console's, in its hints).
    func bindings(_ app: ConsoleApp) -> [Binding] { [] }
}

