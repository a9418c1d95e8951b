import Foundation
import GridCore
import GridStore

/// 网格图: the basic grids at their map positions, coloured by their worst state.
final class GridMapScreen: BoundScreen {
    var grids: [GridComplianceRow] = []
    var selected = 0
    var minutesIntoDay = 0
    var settings = ComplianceSettings.standard

    func title(_ t: Strings) -> String { t["tab.map"] }

    func reload(_ app: ConsoleApp) throws {
        let now = app.now
        // Today's pace runs over the patrol day, not the clock's 24 hours.
        minutesIntoDay = app.patrolDay.paceMinutes(atMinuteOfDay: app.store.zone.secondsIntoDay(of: now) / 60)
        settings = app.settings
        grids = try app.store.gridMapCells(now: now)
        selected = min(selected, max(0, grids.count - 1))
    }

    /// The worst state of a grid: overdue matter, under the patrol mark, or fine.
    func role(_ g: GridComplianceRow) -> ColorRole {
        if g.overdueMatters > 0 { return .overdue }
        return ComplianceMarks.patrolPace(minutes: g.minutesToday, minutesIntoDay: minutesIntoDay, settings: settings) == .behind ? .nearDue : .met
    }

    static let cellWidth = 11, cellHeight = 3

    func draw(_ s: Surface, _ a: Rect, _ app: ConsoleApp) {
        let t = app.strings
        s.put(a.row, a.col + 1, t["map.legend"], role: .dim, width: a.width - 2)
        guard !grids.isEmpty else { s.put(a.row + 2, a.col + 1, t["map.none"], role: .dim); return }
        let minRow = grids.compactMap(\.mapRow).min()!, minCol = grids.compactMap(\.mapCol).min()!
        for (i, g) in grids.enumerated() {
            let r = a.row + 2 + (g.mapRow! - minRow) * GridMapScreen.cellHeight
            let c = a.col + 1 + (g.mapCol! - minCol) * GridMapScreen.cellWidth
            guard r + 1 < a.bottom - 3, c + GridMapScreen.cellWidth <= a.col + a.width else { continue }
            let role = role(g)
            // The selected cell is drawn plain and underlined, the others filled (reverse video).
            let attrs: TextAttr = i == selected ? [.bold, .underline] : [.reverse]
            s.fill(row: r, col: c, width: GridMapScreen.cellWidth - 1, height: GridMapScreen.cellHeight - 1, role: role, attrs: attrs)
            s.put(r, c, DisplayWidth.pad((i == selected ? "▶" : "") + g.code, to: GridMapScreen.cellWidth - 1), role: role, attrs: attrs.union(.bold))
            s.put(r + 1, c, DisplayWidth.pad(DisplayWidth.clip(g.name, to: GridMapScreen.cellWidth - 1), to: GridMapScreen.cellWidth - 1), role: role, attrs: attrs)
        }
        let g = grids[selected]
        let info = "\(g.code) \(g.name) · \(t["pt.minutes"]) \(g.minutesToday / 60):\(String(format: "%02d", g.minutesToday % 60)) · \(t["pt.workers"]) \(g.workers) · \(t["ov.overdue"]) \(g.overdueMatters)"
        Chrome.heading(s, row: a.bottom - 2, col: a.col + 1, width: a.width - 2, text: "")
        s.put(a.bottom - 1, a.col + 1, info, role: role(g), attrs: [.bold], width: a.width - 2)
    }

    /// Moves the selection to the nearest grid in a direction.
    func move(dr: Int, dc: Int) {
        guard grids.indices.contains(selected) else { return }
        let cur = grids[selected]
        var best: (Int, Int)? = nil
        for (i, g) in grids.enumerated() where i != selected {
            let r = g.mapRow! - cur.mapRow!, c = g.mapCol! - cur.mapCol!
            let along = dr != 0 ? r * dr : c * dc
            let across = dr != 0 ? abs(c) : abs(r)
            guard along > 0 else { continue }
            let score = along * 10 + across * 11
            if best == nil || score < best!.1 { best = (i, score) }
        }
        if let b = best { selected = b.0 }
    }

    func bindings(_ app: ConsoleApp) -> [Binding] {
        let t = app.strings
        return [
            Binding([.up, .char("k"), .down, .char("j"), .left, .char("h"), .right, .char("l")], "←↑↓→", t["hint.move.keys"],
                    help: t["help.map"]) { [unowned self] key in
                switch key {
                case .up, .char("k"): move(dr: -1, dc: 0)
                case .down, .char("j"): move(dr: 1, dc: 0)
                case .left, .char("h"): move(dr: 0, dc: -1)
                default: move(dr: 0, dc: 1)
                }
                return .handled
            },
            Binding([.enter], "Enter", t["hint.open"]) { [unowned self] _ in
                grids.indices.contains(selected) ? .push(GridPageScreen(code: grids[selected].code)) : .handled
            },
        ]
    }
}
