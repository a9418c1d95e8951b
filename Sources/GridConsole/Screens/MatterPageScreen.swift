import Foundation
import GridCore
import GridStore

/// The matter page: every field and the full history wrapped to the pane and scrolled (nothing is cut), the
/// stage clocks, and the moves allowed now. `v` reads the matter's text full-screen.
final class MatterPageScreen: BoundScreen {
    let number: String
    var detail: MatterDetail?
    var moves: [MoveChoice] = []
    let moveList = TableView()
    var pane = 0 // 0 reading (fields and history), 1 moves
    /// The reading pane's position.
    var scroller = Scroller()
    var dialog: MoveDialog?
    var departments: [(code: String, name: String)] = []
    var now = Date()

    init(number: String) { self.number = number }

    func title(_ t: Strings) -> String { number }
    var editing: Bool { dialog != nil }
    var dirty: Bool { dialog?.dirty ?? false }

    func reload(_ app: ConsoleApp) throws {
        now = app.now
        detail = try app.store.matterDetail(number: number)
        moves = detail.map { app.readOnly ? [] : app.actions.allowedMoves($0, app.actor, app.strings) } ?? []
        moveList.count = moves.count
        departments = moves.contains { $0.asks.contains(.department) } ? try app.store.pickerDepartments() : []
    }

    static let fieldKeys: [String: (String, String)] = [
        "number": ("编号", "Number"), "reported_at": ("受理时间", "Reported"), "source": ("来源", "Source"), "reporter": ("上报人", "Reporter"),
        "grid": ("网格", "Grid"), "category": ("类别", "Category"), "urgency": ("紧急程度", "Urgency"), "title": ("标题", "Title"),
        "description": ("描述", "Description"), "location": ("地点", "Location"), "state": ("状态", "State"), "shelved": ("挂账", "Shelved"),
        "department": ("部门", "Department"), "first_contact": ("首问责任人", "First contact"), "stage": ("当前环节", "Stage"),
        "rework_count": ("返工次数", "Reworks"), "urge_count": ("督办次数", "Urges"), "extension_count": ("延期次数", "Extensions"),
        "ended_at": ("结束时间", "Ended"), "version": ("版本", "Version"), "updated_by": ("最后操作", "Updated by"),
        "merged_into": ("并入", "Merged into"), "duplicate_of": ("疑似重复", "Possible duplicate of"),
        "caller_name": ("来电人", "Caller"), "caller_phone": ("来电号码", "Caller phone"), "order_no": ("工单号", "Work order"),
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
            ("caller_name", m.callerName), ("caller_phone", m.callerPhone), ("order_no", m.orderNo),
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

    /// One line of the reading pane.
    struct Line { var text: String; var role: ColorRole = .normal; var attrs: TextAttr = [] }

    /// The reading pane's lines at `width`: fields (label, value wrapped under itself), then the history (time,
    /// move, actor; the note wrapped under it). Empty optional fields are left out.
    func document(_ d: MatterDetail, width: Int, _ app: ConsoleApp) -> [Line] {
        let t = app.strings, zh = t.language == .zh
        var out: [Line] = [Line(text: t["matter.fields"], role: .heading, attrs: [.bold])]
        let labelWidth = zh ? 11 : 14   // 首问责任人 / "First contact" fit whole
        if let x = d.pendingExtension {
            let text = t.f("matter.extensionText", x.days, x.reason, x.requestedBy, PeopleTime.short(x.requestedAt, now: now, zone: app.store.zone))
            for (i, l) in TextWrap.lines(text, width: max(8, width - labelWidth)).enumerated() {
                out.append(Line(text: (i == 0 ? DisplayWidth.pad(t["matter.extension"], to: labelWidth - 1) + " " : String(repeating: " ", count: labelWidth)) + l,
                                role: .nearDue, attrs: [.bold]))
            }
        }
        for (k, v) in MatterPageScreen.fields(d, t, now: now, zone: app.store.zone)
        where !(v.isEmpty && ["caller_name", "caller_phone", "order_no", "reporter", "ended_at", "stage"].contains(k)) {
            let label = MatterPageScreen.fieldKeys[k].map { zh ? $0.0 : $0.1 } ?? k
            let wrapped = TextWrap.lines(v, width: max(8, width - labelWidth))
            for (i, l) in wrapped.enumerated() {
                out.append(Line(text: (i == 0 ? DisplayWidth.pad(label, to: labelWidth - 1) + " " : String(repeating: " ", count: labelWidth)) + l))
            }
        }
        out.append(Line(text: ""))
        out.append(Line(text: t["matter.history"], role: .heading, attrs: [.bold]))
        for e in d.events {
            out.append(Line(text: PeopleTime.short(e.at, now: now, zone: app.store.zone) + "  " + EventWords.kind(e, t.language) + "  " + e.actor, role: .dim))
            let note = EventWords.note(e, mergedInto: d.matter.mergedInto, t.language)
            if !note.isEmpty { out += TextWrap.lines(note, width: max(8, width - 2)).map { Line(text: "  " + $0) } }
        }
        return out
    }

    /// The stage clocks, each wrapped to the right pane.
    func stageLines(_ d: MatterDetail, width: Int, _ app: ConsoleApp) -> [Line] {
        let z = app.store.zone
        return d.stages.suffix(6).flatMap { st -> [Line] in
            let name = app.strings.name(st.stage)
            let done = st.finishedAt.map { "→ " + PeopleTime.short($0, now: now, zone: z) } ?? "…"
            let text = "\(DisplayWidth.pad(name, to: 6)) \(PeopleTime.short(st.startedAt, now: now, zone: z)) ≤ \(PeopleTime.short(st.dueAt, now: now, zone: z)) \(done)"
            let role: ColorRole = st.overdue || (st.finishedAt == nil && Deadline.isOverdue(now: now, due: st.dueAt)) ? .overdue : .normal
            return TextWrap.lines(text, width: width).enumerated().map { Line(text: ($0.offset == 0 ? "" : "       ") + $0.element, role: role) }
        }
    }

    func draw(_ s: Surface, _ a: Rect, _ app: ConsoleApp) {
        let t = app.strings
        guard let d = detail else { s.put(a.row + 1, a.col + 1, t.f("matter.notFound", number), role: .overdue); return }
        let status = DueStatus.of(dueAt: d.row.dueAt, nearDueAt: d.row.nearDueAt, now: now)
        var c = a.col + 1
        c += s.put(a.row, c, d.row.number + "  ", attrs: [.bold])
        c += s.put(a.row, c, t.name(d.row.state) + "  ", role: .heading, attrs: [.bold])
        c += s.put(a.row, c, app.dueText(d.row.dueAt, now: now) + "  ", role: ConsoleApp.role(status), attrs: status == .overdue ? [.bold] : [])
        s.put(a.row, c, DisplayWidth.truncate(d.row.title, to: max(1, a.col + a.width - c - 1)))
        // Left: the reading pane (fields, history). Right: stage clocks, moves.
        let lw = max(40, a.width * 3 / 5)
        let rc = a.col + lw + 1, rw = a.width - lw - 2
        let doc = document(d, width: lw - 2, app)
        let long = scroller.layout(lines: doc.count, height: a.height - 2)
        for (i, line) in doc[scroller.visible].enumerated() {
            s.put(a.row + 1 + i, a.col + 1, line.text, role: line.role, attrs: line.attrs, width: lw - 1)
        }
        if long {
            let v = scroller.visible
            let mark = t.f("matter.scrollMark", v.lowerBound + 1, v.upperBound, doc.count) + (pane == 0 ? " ◆" : "")
            s.put(a.bottom - 1, a.col + 1, mark, role: .dim, width: lw - 1)
        }
        Chrome.heading(s, row: a.row + 1, col: rc, width: rw, text: t["matter.stages"])
        var sr = a.row + 2
        for line in stageLines(d, width: rw, app) where sr < a.bottom - 4 { s.put(sr, rc, line.text, role: line.role, width: rw); sr += 1 }
        sr += 1
        Chrome.heading(s, row: sr, col: rc, width: rw, text: t["matter.moves"] + (pane == 1 ? " ◆" : ""))
        sr += 1
        if moves.isEmpty {
            s.put(sr, rc, DisplayWidth.truncate(t["matter.noMoves"], to: rw), role: .dim)
        } else {
            let box = Rect(row: sr, col: rc, height: min(moves.count + 1, a.bottom - sr - 1), width: rw)
            if pane != 1 { moveList.select(-1) }
            moveList.draw(s, box, columns: [Column("", 0)]) { i in [CellText(self.moves[i].label)] }
        }
        dialog?.draw(s, row: a.bottom - 1, col: a.col, width: a.width, t)
    }

    /// The matter's text for the full-screen reader: every field and note, labelled.
    func fullText(_ app: ConsoleApp) -> [(String, String)] {
        guard let d = detail else { return [] }
        let t = app.strings, zh = t.language == .zh, z = app.store.zone
        var out = MatterPageScreen.fields(d, t, now: now, zone: z).filter { !$0.1.isEmpty }
            .map { (MatterPageScreen.fieldKeys[$0.0].map { zh ? $0.0 : $0.1 } ?? $0.0, $0.1) }
        for e in d.events {
            let note = EventWords.note(e, mergedInto: d.matter.mergedInto, t.language)
            if !note.isEmpty { out.append((PeopleTime.short(e.at, now: now, zone: z) + " " + EventWords.kind(e, t.language) + " " + e.actor, note)) }
        }
        return out
    }

    /// Enter and Esc reach an open field through its bindings; every other key goes straight to it.
    func input(_ key: Key, _ app: ConsoleApp) -> Outcome? {
        editing && key != .enter && key != .escape ? feed(key, app) : nil
    }

    /// A key for the open field or dialog.
    func feed(_ key: Key, _ app: ConsoleApp) -> Outcome {
        guard var prompt = dialog else { return .ignored }
        switch prompt.handle(key, app.strings) {
        case .editing: dialog = prompt; return .handled
        case .cancelled: dialog = nil; return .handled
        case .done(let input): dialog = nil; return perform(prompt.move, input, app)
        }
    }

    func bindings(_ app: ConsoleApp) -> [Binding] {
        let t = app.strings
        if editing { return Binding.field(t, enter: t["hint.confirm"]) { [unowned self] key in feed(key, app) } }
        var list = [
            Binding([.char("m")], "m", t["hint.move"], help: t["help.matter"]) { [unowned self] _ in
                guard !moves.isEmpty else { return .message(t["matter.noMoves"]) }
                pane = 1; moveList.select(0); return .handled
            },
            Binding([.tab], "Tab", t["hint.pane"]) { [unowned self] _ in
                pane = moves.isEmpty ? 0 : 1 - pane; if pane == 1 { moveList.select(0) }; return .handled
            },
            Binding([.char("v")], "v", t["hint.view"]) { [unowned self] _ in
                .push(TextPageScreen(title: number, sections: fullText(app)))
            },
        ]
        if pane == 1 {
            list.append(Binding([.enter], "Enter", t["hint.open"], hinted: false) { [unowned self] _ in
                guard moves.indices.contains(moveList.selection) else { return .handled }
                guard let d = detail else { return .handled }
                // Every move is asked through the dialog: at least its note (optional for most, a reason for some).
                dialog = ConsoleMoves.dialog(moves[moveList.selection], d, departments: departments)
                return .handled
            })
            list.append(Binding(TableView.navigationKeys, "↑↓", t["hint.move.keys"], help: t["help.moveKeys"], hinted: false) { [unowned self] key in
                moveList.handle(key) ? .handled : .ignored
            })
        } else {
            list.append(Binding(Scroller.keys, "PgUp/PgDn", t["hint.scroll"]) { [unowned self] key in
                scroller.handle(key); return .handled
            })
        }
        return list
    }

    func perform(_ m: MoveChoice, _ input: MoveInput, _ app: ConsoleApp) -> Outcome {
        guard let d = detail else { return .handled }
        let outcome = ConsoleMoves.perform(m, d, input, app)
        if case .wrote = outcome { pane = 0 }
        return outcome
    }
}
