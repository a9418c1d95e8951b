import Foundation
import GridCore
import GridStore

/// 超期督办: overdue and near-due matters, most overdue first, counted by department, then closed matters whose
/// answer to the reporter is late (答复超期); urge (at a chosen level), escalate (with a reason), decide a pending
/// extension and answer a late reply here, through the same dialog as the matter page.
final class OverdueScreen: BoundScreen {
    var rows: [MatterRow] = []
    var depts: [DepartmentDue] = []
    let table = TableView()
    var now = Date()
    /// The move being asked for, and the matter it is for.
    var pending: (dialog: MoveDialog, detail: MatterDetail)?
    var editing: Bool { pending != nil }
    var dirty: Bool { pending?.dialog.dirty ?? false }
    func title(_ t: Strings) -> String { t["tab.overdue"] }

    func reload(_ app: ConsoleApp) throws {
        now = app.now
        // Then the matters closed but not answered in time (答复超期), as `cases --overdue` lists them.
        rows = try app.store.dueMatters(now: now, limit: 500) + app.store.replyOverdueMatters(now: now, limit: 200)
        depts = try app.store.dueByDepartment(now: now)
        table.count = rows.count
    }

    func draw(_ s: Surface, _ a: Rect, _ app: ConsoleApp) {
        let t = app.strings
        let lw = a.width < 100 ? 24 : 30
        Chrome.heading(s, row: a.row, col: a.col + 1, width: lw - 1, text: t["od.byDept"])
        s.put(a.row + 1, a.col + 1, DisplayWidth.pad(t["col.department"], to: lw - 13) + DisplayWidth.pad(t["ov.overdue"], to: 6, right: true) + DisplayWidth.pad(t["ov.nearDue"], to: 6, right: true),
              role: .heading, attrs: [.bold, .underline], width: lw - 1)
        for (i, d) in depts.prefix(a.height - 2).enumerated() {
            let r = a.row + 2 + i
            let nw = lw - 13
            s.put(r, a.col + 1, DisplayWidth.pad(d.department.isEmpty ? t["ov.undispatched"] : d.department, to: nw), width: nw)
            s.put(r, a.col + 1 + nw, DisplayWidth.pad("\(d.overdue)", to: 6, right: true), role: d.overdue > 0 ? .overdue : .normal, attrs: d.overdue > 0 ? [.bold] : [])
            s.put(r, a.col + 7 + nw, DisplayWidth.pad("\(d.nearDue)", to: 6, right: true), role: d.nearDue > 0 ? .nearDue : .normal)
        }
        let rc = a.col + lw + 1
        defer {
            // The dialog of a move being asked for, over the table's last row.
            pending?.dialog.draw(s, row: a.bottom - 1, col: a.col, width: a.width, t)
        }
        Chrome.heading(s, row: a.row, col: rc, width: a.width - lw - 2, text: t["od.list"])
        if rows.isEmpty { s.put(a.row + 2, rc, t["od.none"], role: .met); return }
        // Narrow screens drop the department and grid first; number, due, urgency and title stay longest.
        let cols = [Column(t["col.number"], 14, priority: 10), Column(t["col.due"], 10, right: true, priority: 9),
                    Column(t["col.department"], 12, priority: 3), Column(t["col.grid"], 8, priority: 2),
                    Column(t["col.urgency"], 4, priority: 8), Column(t["hint.urge"], 4, right: true, priority: 5),
                    Column(t["od.extension"], 4, priority: 6), Column(t["col.title"], 0, priority: 7)]
        table.draw(s, Rect(row: a.row + 1, col: rc, height: a.height - 1, width: a.width - lw - 2), columns: cols) { i in
            let m = self.rows[i]
            let st = DueStatus.of(dueAt: m.dueAt, nearDueAt: m.nearDueAt, now: self.now)
            // A matter not signed for in time shows 未签收 where the time left would be (the same colour as overdue).
            let due = m.unsigned ? CellText(t.name(EventKind.signOverdue), ConsoleApp.role(.overdue), [.bold])
                : m.replyOverdue ? CellText(t["od.replyOverdue"], ConsoleApp.role(.overdue), [.bold])
                : CellText(app.dueText(m.dueAt, now: self.now), ConsoleApp.role(st), st == .overdue ? [.bold] : [])
            return [CellText(m.number), due,
                    CellText(m.department.isEmpty ? t["ov.undispatched"] : m.department), CellText(m.grid),
                    CellText(t.name(m.urgency), m.urgency == .urgent ? .overdue : .normal), CellText("\(m.urgeCount)"),
                    CellText(m.extensionPending ? t["od.extensionPending"] : "", .nearDue, [.bold]), CellText((m.major ? "★ " : "") + m.title, m.major ? .overdue : .normal)]
        }
    }

    /// Enter and Esc reach an open field through its bindings; every other key goes straight to it.
    func input(_ key: Key, _ app: ConsoleApp) -> Outcome? {
        editing && key != .enter && key != .escape ? feed(key, app) : nil
    }

    /// A key for the open field or dialog.
    func feed(_ key: Key, _ app: ConsoleApp) -> Outcome {
        guard var p = pending else { return .ignored }
        switch p.dialog.handle(key, app.strings) {
        case .editing: pending = p; return .handled
        case .cancelled: pending = nil; return .handled
        case .done(let input): pending = nil; return ConsoleMoves.perform(p.dialog.move, p.detail, input, app)
        }
    }

    /// Starts the allowed move `id` on the selected matter through the dialog.
    func start(_ id: String, _ app: ConsoleApp) -> Outcome {
        guard rows.indices.contains(table.selection) else { return .handled }
        let m = rows[table.selection]
        do {
            guard let d = try app.store.matterDetail(number: m.number) else { return .message(app.strings.f("matter.notFound", m.number)) }
            let allowed = app.readOnly ? [] : app.actions.allowedMoves(d, app.actor, app.strings)
            guard let move = allowed.first(where: { $0.id == id }) else { return .message(app.strings["matter.noMoves"]) }
            let departments = move.asks.contains(.department) ? try app.store.pickerDepartments() : []
            pending = (ConsoleMoves.dialog(move, d, departments: departments), d)
            return .handled
        } catch {
            return .message(app.strings["error.prefix"] + ErrorWording.words(error, app.strings, zone: app.store.zone))
        }
    }

    func bindings(_ app: ConsoleApp) -> [Binding] {
        let t = app.strings
        if editing { return Binding.field(t, enter: t["hint.confirm"]) { [unowned self] key in feed(key, app) } }
        var list = [
            Binding([.enter], "Enter", t["hint.open"]) { [unowned self] _ in
                guard rows.indices.contains(table.selection) else { return .handled }
                let n = rows[table.selection].number
                return app.matterPage(number: n).map { .push($0) } ?? .message(t.f("matter.notFound", n))
            },
        ]
        // A closed matter whose reply is late is answered (a), not urged or escalated.
        if rows.indices.contains(table.selection), rows[table.selection].replyOverdue {
            list.append(Binding([.char("a")], "a", t.name(Move.reply), help: t["help.replyOverdue"]) { [unowned self] _ in start("reply", app) })
        } else {
            list += [Binding([.char("u")], "u", t["hint.urge"], help: t["help.urge"]) { [unowned self] _ in start("urge", app) },
                     Binding([.char("e")], "e", t["hint.escalate"], help: t["help.escalate"]) { [unowned self] _ in start("escalate", app) }]
        }
        if rows.indices.contains(table.selection), rows[table.selection].extensionPending {
            list += [Binding([.char("x")], "x", t.name(Move.extendApprove)) { [unowned self] _ in start("extend_approve", app) },
                     Binding([.char("r")], "r", t.name(Move.extendRefuse)) { [unowned self] _ in start("extend_refuse", app) }]
        }
        list.append(Binding(TableView.navigationKeys, "↑↓", t["hint.move.keys"], help: t["help.moveKeys"], hinted: false) { [unowned self] key in
            table.handle(key) ? .handled : .ignored
        })
        return list
    }
}
