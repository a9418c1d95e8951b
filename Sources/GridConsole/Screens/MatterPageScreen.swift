import Foundation
import GridCore
import GridStore

/// The matter page: every field, the stage clocks, the full history, and the moves allowed now.
final class MatterPageScreen: Screen {
    let number: String
    var detail: MatterDetail?
    var moves: [MoveChoice] = []
    let history = TableView()
    let moveList = TableView()
    var pane = 0 // 0 history, 1 moves
    var note: TextInput?
    var pendingMove: MoveChoice?
    var now = Date()

    init(number: String) { self.number = number }

    func title(_ t: Strings) -> String { number }
    var editing: Bool { note != nil }
    var dirty: Bool { !(note?.text.isEmpty ?? true) }

    func reload(_ app: ConsoleApp) throws {
        now = app.now
        detail = try app.store.matterDetail(number: number)
        history.count = detail?.events.count ?? 0
        moves = detail.map { app.readOnly ? [] : app.actions.allowedMoves($0, app.actor, app.strings) } ?? []
        moveList.count = moves.count
    }

    static let fieldKeys: [String: (String, String)] = [
        "number": ("编号", "Number"), "reported_at": ("受理时间", "Reported"), "source": ("来源", "Source"), "reporter": ("上报人", "Reporter"),
        "grid": ("网格", "Grid"), "category": ("类别", "Category"), "urgency": ("紧急程度", "Urgency"), "title": ("标题", "Title"),
        "description": ("描述", "Description"), "location": ("地点", "Location"), "state": ("状态", "State"), "shelved": ("挂账", "Shelved"),
        "department": ("部门", "Department"), "first_contact": ("首问责任人", "First contact"), "stage": ("当前环节", "Stage"),
        "rework_count": ("返工次数", "Reworks"), "urge_count": ("督办次数", "Urges"), "extension_count": ("延期次数", "Extensions"),
        "ended_at": ("结束时间", "Ended"), "version": ("版本", "Version"), "updated_by": ("最后操作", "Updated by"),
        "merged_into": ("并入", "Merged into"), "duplicate_of": ("疑似重复", "Possible duplicate of"),
    ]

    /// The fields as people read them: names beside codes, local short times, flags in words.
    static func fields(_ d: MatterDetail, _ t: Strings, now: Date, zone: TownshipZone) -> [(String, String)] {
        let m = d.matter
        func both(_ code: String, _ name: String) -> String { name.isEmpty || name == code ? code : "\(code) \(name)" }
        var out: [(String, String)] = [
            ("number", m.number), ("reported_at", PeopleTime.dated(m.reportedAt, now: now, zone: zone)),
            ("source", t.name(m.source)), ("reporter", both(m.reporter, d.names.reporter)),
            ("grid", both(m.grid, d.names.grid)), ("category", both(m.category, d.names.category)),
            ("urgency", t.name(m.urgency)), ("title", m.title), ("description", m.description), ("location", m.location),
            ("state", t.name(m.state)), ("shelved", m.shelved ? t["yes"] : t["no"]),
            ("department", d.names.department.isEmpty ? (m.department ?? "") : d.names.department),
            ("first_contact", both(m.firstContact, d.names.firstContact)), ("stage", m.stage.map(t.name) ?? ""),
            ("rework_count", "\(m.reworkCount)"), ("urge_count", "\(m.urgeCount)"), ("extension_count", "\(m.extensionCount)"),
        ]
        if let into = m.mergedInto { out.append(("merged_into", into)) }
        if let dup = m.duplicateOf { out.append(("duplicate_of", dup)) }
        out += [("ended_at", m.endedAt.map { PeopleTime.dated($0, now: now, zone: zone) } ?? ""),
                ("version", "\(m.version)"), ("updated_by", m.updatedBy)]
        return out
    }

    func draw(_ s: Surface, _ a: Rect, _ app: ConsoleApp) {
        let t = app.strings
        let zh = t.language == .zh
        guard let d = detail else { s.put(a.row + 1, a.col + 1, t.f("matter.notFound", number), role: .overdue); return }
        let status = DueStatus.of(dueAt: d.row.dueAt, nearDueAt: d.row.nearDueAt, now: now)
        var c = a.col + 1
        c += s.put(a.row, c, d.row.number + "  ", attrs: [.bold])
        c += s.put(a.row, c, t.name(d.row.state) + "  ", role: .heading, attrs: [.bold])
        c += s.put(a.row, c, app.dueText(d.row.dueAt, now: now) + "  ", role: ConsoleApp.role(status), attrs: status == .overdue ? [.bold] : [])
        s.put(a.row, c, d.row.title, width: a.col + a.width - c - 1)
        // Left: fields. Right: stage clocks, moves.
        let lw = min(56, a.width / 2)
        Chrome.heading(s, row: a.row + 1, col: a.col + 1, width: lw - 1, text: t["matter.fields"])
        var r = a.row + 2
        for (k, v) in MatterPageScreen.fields(d, t, now: now, zone: app.store.zone) where r < a.row + 2 + min(21, a.height / 2 + 3) {
            let label = MatterPageScreen.fieldKeys[k].map { zh ? $0.0 : $0.1 } ?? k
            s.put(r, a.col + 1, DisplayWidth.pad(label, to: 10), role: .dim)
            s.put(r, a.col + 12, v, width: lw - 12)
            r += 1
        }
        let rc = a.col + lw + 1, rw = a.width - lw - 2
        Chrome.heading(s, row: a.row + 1, col: rc, width: rw, text: t["matter.stages"])
        var sr = a.row + 2
        for st in d.stages.suffix(6) {
            let name = t.name(st.stage)
            let zone = app.store.zone
            let done = st.finishedAt.map { "→ " + PeopleTime.short($0, now: now, zone: zone) } ?? "…"
            let line = "\(DisplayWidth.pad(name, to: 6)) \(PeopleTime.short(st.startedAt, now: now, zone: zone)) ≤ \(PeopleTime.short(st.dueAt, now: now, zone: zone)) \(done)"
            let role: ColorRole = st.overdue || (st.finishedAt == nil && Deadline.isOverdue(now: now, due: st.dueAt)) ? .overdue : .normal
            s.put(sr, rc, line, role: role, width: rw); sr += 1
        }
        sr += 1
        Chrome.heading(s, row: sr, col: rc, width: rw, text: t["matter.moves"] + (pane == 1 ? " ◆" : ""))
        sr += 1
        if moves.isEmpty {
            s.put(sr, rc, t["matter.noMoves"], role: .dim, width: rw)
        } else {
            let box = Rect(row: sr, col: rc, height: min(moves.count + 1, a.bottom - sr - 1), width: rw)
            if pane != 1 { moveList.select(-1) }
            moveList.draw(s, box, columns: [Column(t["hint.move"], 0)]) { i in [CellText(self.moves[i].label)] }
        }
        if let note, let m = pendingMove {
            let rr = a.bottom - 1
            s.fill(row: rr, col: a.col, width: a.width, height: 1, role: .normal, attrs: [])
            let w = s.put(rr, a.col + 1, m.label + "：", attrs: [.bold])
            note.draw(s, row: rr, col: a.col + 1 + w, width: a.width - w - 2, focused: true)
        }
        // History under the fields.
        let hr = max(r, sr) + 1
        guard hr < a.bottom - 2 else { return }
        Chrome.heading(s, row: hr, col: a.col + 1, width: lw - 1, text: t["matter.history"] + (pane == 0 ? " ◆" : ""))
        let hist = Rect(row: hr + 1, col: a.col + 1, height: a.bottom - hr - 2, width: a.width - 2)
        history.draw(s, hist, columns: [Column(t["hist.when"], 11), Column(t["hist.move"], 8), Column(t["hist.by"], 10), Column(t["hist.note"], 0)]) { i in
            let e = d.events[i]
            return [CellText(PeopleTime.short(e.at, now: self.now, zone: app.store.zone), .dim),
                    CellText(EventWords.kind(e, t.language), .heading, [.bold]),
                    CellText(e.actor, .dim), CellText(EventWords.note(e, mergedInto: d.matter.mergedInto, t.language))]
        }
    }

    func handle(_ key: Key, _ app: ConsoleApp) -> Bool {
        if var input = note, let m = pendingMove {
            switch key {
            case .escape: note = nil; pendingMove = nil
            case .enter: note = nil; pendingMove = nil; perform(m, text: input.text, app)
            default: _ = input.handle(key); note = input
            }
            return true
        }
        switch key {
        case .tab: pane = moves.isEmpty ? 0 : 1 - pane; if pane == 1 { moveList.select(0) }; return true
        case .char("m"):
            guard !moves.isEmpty else { app.message = app.strings["matter.noMoves"]; return true }
            pane = 1; moveList.select(0); return true
        case .enter where pane == 1 && moves.indices.contains(moveList.selection):
            let m = moves[moveList.selection]
            if m.needsNote { pendingMove = m; note = TextInput() } else { perform(m, text: "", app) }
            return true
        default:
            return (pane == 0 ? history : moveList).handle(key)
        }
    }

    func perform(_ m: MoveChoice, text: String, _ app: ConsoleApp) {
        guard let d = detail else { return }
        do {
            app.message = try app.writing { try app.actions.perform(m, d, text, app.actor, app.now) }
            app.dataChanged()
            pane = 0
            app.reloadCurrent()
        } catch {
            app.message = app.strings["error.prefix"] + ErrorWording.words(error, app.strings, zone: app.store.zone)
        }
    }

    func hints(_ app: ConsoleApp) -> [(key: String, label: String)] {
        [("m", app.strings["hint.move"]), ("Tab", app.strings["hint.pane"])]
    }

    func help(_ app: ConsoleApp) -> [String] { [app.strings["help.matter"], app.strings["help.list"]] }
}
