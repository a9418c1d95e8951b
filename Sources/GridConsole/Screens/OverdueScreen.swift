import Foundation
import GridCore
import GridStore

/// 超期督办: overdue and near-due matters, most overdue first, counted by department; urge and escalate here.
final class OverdueScreen: Screen {
    var rows: [MatterRow] = []
    var depts: [DepartmentDue] = []
    let table = TableView()
    var now = Date()
    /// A move waiting for its note (urges need one).
    var pending: (move: MoveChoice, detail: MatterDetail, note: TextInput)?
    var editing: Bool { pending != nil }
    var dirty: Bool { !(pending?.note.text.isEmpty ?? true) }

    func title(_ t: Strings) -> String { t["tab.overdue"] }

    func reload(_ app: ConsoleApp) throws {
        now = app.now
        rows = try app.store.dueMatters(now: now, limit: 500)
        depts = try app.store.dueByDepartment(now: now)
        table.count = rows.count
    }

    func draw(_ s: Surface, _ a: Rect, _ app: ConsoleApp) {
        let t = app.strings
        let lw = 30
        Chrome.heading(s, row: a.row, col: a.col + 1, width: lw - 1, text: t["od.byDept"])
        s.put(a.row + 1, a.col + 1, DisplayWidth.pad(t["col.department"], to: 14) + DisplayWidth.pad(t["ov.overdue"], to: 6, right: true) + DisplayWidth.pad(t["ov.nearDue"], to: 6, right: true),
              role: .heading, attrs: [.bold, .underline], width: lw - 1)
        for (i, d) in depts.prefix(a.height - 2).enumerated() {
            let r = a.row + 2 + i
            s.put(r, a.col + 1, DisplayWidth.pad(d.department.isEmpty ? t["ov.undispatched"] : d.department, to: 14), width: 14)
            s.put(r, a.col + 15, DisplayWidth.pad("\(d.overdue)", to: 6, right: true), role: d.overdue > 0 ? .overdue : .normal, attrs: d.overdue > 0 ? [.bold] : [])
            s.put(r, a.col + 21, DisplayWidth.pad("\(d.nearDue)", to: 6, right: true), role: d.nearDue > 0 ? .nearDue : .normal)
        }
        let rc = a.col + lw + 1
        defer {
            // The note line for a pending urge, over the table's last row.
            if let p = pending {
                s.fill(row: a.bottom - 1, col: a.col, width: a.width, height: 1, role: .normal, attrs: [])
                let w = s.put(a.bottom - 1, a.col + 1, "\(p.move.label) \(p.detail.row.number)：", attrs: [.bold])
                p.note.draw(s, row: a.bottom - 1, col: a.col + 1 + w, width: a.width - w - 2, focused: true)
            }
        }
        Chrome.heading(s, row: a.row, col: rc, width: a.width - lw - 2, text: t["od.list"])
        if rows.isEmpty { s.put(a.row + 2, rc, t["od.none"], role: .met); return }
        let cols = [Column(t["col.number"], 14), Column(t["col.due"], 12, right: true), Column(t["col.department"], 12),
                    Column(t["col.grid"], 8), Column(t["col.urgency"], 4), Column(t["hint.urge"], 4, right: true), Column(t["col.title"], 0)]
        table.draw(s, Rect(row: a.row + 1, col: rc, height: a.height - 1, width: a.width - lw - 2), columns: cols) { i in
            let m = self.rows[i]
            let st = DueStatus.of(dueAt: m.dueAt, nearDueAt: m.nearDueAt, now: self.now)
            return [CellText(m.number), CellText(app.dueText(m.dueAt, now: self.now), ConsoleApp.role(st), st == .overdue ? [.bold] : []),
                    CellText(m.department.isEmpty ? t["ov.undispatched"] : m.department), CellText(m.grid),
                    CellText(t.name(m.urgency), m.urgency == .urgent ? .overdue : .normal), CellText("\(m.urgeCount)"), CellText(m.title)]
        }
    }

    func handle(_ key: Key, _ app: ConsoleApp) -> Bool {
        if var p = pending {
            switch key {
            case .escape: pending = nil
            case .enter: pending = nil; run(p.move, p.detail, note: p.note.text, app)
            default: _ = p.note.handle(key); pending = p
            }
            return true
        }
        if table.handle(key) { return true }
        guard rows.indices.contains(table.selection) else { return false }
        let m = rows[table.selection]
        switch key {
        case .enter: app.openMatter(number: m.number)
        case .char("u"): quickMove("urge", m, app)
        case .char("e"): quickMove("escalate", m, app)
        default: return false
        }
        return true
    }

    /// Performs the first allowed move whose id starts with `prefix`, after a yes.
    func quickMove(_ prefix: String, _ m: MatterRow, _ app: ConsoleApp) {
        guard let d = try? app.store.matterDetail(number: m.number) else { return }
        let allowed = app.readOnly ? [] : app.actions.allowedMoves(d, app.actor, app.strings)
        guard let move = allowed.first(where: { $0.id.hasPrefix(prefix) }) else { app.message = app.strings["matter.noMoves"]; return }
        if move.needsNote { pending = (move, d, TextInput()); return }
        app.ask("\(move.label) \(m.number)?") { self.run(move, d, note: "", app) }
    }

    func run(_ move: MoveChoice, _ d: MatterDetail, note: String, _ app: ConsoleApp) {
        do { app.message = try app.writing { try app.actions.perform(move, d, note, app.actor, app.now) }; app.dataChanged(); app.reloadCurrent() }
        catch { app.message = app.strings["error.prefix"] + ErrorWording.words(error, app.strings, zone: app.store.zone) }
    }

    func hints(_ app: ConsoleApp) -> [(key: String, label: String)] {
        let t = app.strings
        return [("Enter", t["hint.open"]), ("u", t["hint.urge"]), ("e", t["hint.escalate"])]
    }
    func help(_ app: ConsoleApp) -> [String] { [app.strings["help.list"], app.strings["help.overdue"]] }
}
