import Foundation
import GridCore
import GridStore

/// 值班: the shift under way (marked when its officer is not on the roster), tonight's and tomorrow's roster, the
/// previous shift's hand-over (full note, acknowledgement), this shift's note, and the lists since the shift began.
final class DutyScreen: BoundScreen {
    var current: Shift?
    var previous: Shift?
    var carried: [ShiftMatter] = []
    var activity = ShiftActivity()
    var roster: [RosterSlot] = []
    var savedNote = ""
    /// The note editor, while writing.
    var editor: NoteEditor?
    /// The list shown under the counts: `carried` (the previous shift's hand-over) or one of the shift's lists.
    var list = "carried"
    let table = TableView()

    func title(_ t: Strings) -> String { t["tab.duty"] }
    var editing: Bool { editor != nil }
    var dirty: Bool { editor.map { $0.text != savedNote } ?? false }

    /// The lists offered, in order: the hand-over received, then the shift's own (only while a shift is open).
    var lists: [String] { ["carried"] + (current == nil ? [] : ShiftListKind.allCases.map(\.rawValue)) }

    func rows(_ name: String) -> [ShiftMatter] {
        name == "carried" ? carried : ShiftListKind(rawValue: name).map { activity[$0] } ?? []
    }

    func reload(_ app: ConsoleApp) throws {
        let store = app.store, now = app.now
        current = try store.currentShift()
        previous = try store.previousShift()
        carried = try previous.map { try store.handoverItems(shiftID: $0.id) } ?? []
        activity = try current.map { try store.shiftActivity($0, now: now) } ?? ShiftActivity()
        let today = store.zone.localDate(of: now)
        roster = try store.roster(from: today.adding(days: -1), to: today.adding(days: 1)).filter { $0.end > now }
        if editor == nil { savedNote = current?.note ?? "" }
        if !lists.contains(list) { list = "carried" }
        table.count = rows(list).count
    }

    func draw(_ s: Surface, _ a: Rect, _ app: ConsoleApp) {
        let t = app.strings, zone = app.store.zone
        let left = a.col + 1, width = a.width - 2
        var r = a.row
        Chrome.heading(s, row: r, col: left, width: width, text: t["duty.current"]); r += 1
        if let c = current {
            var col = left
            col += s.put(r, col, "\(c.name) (\(c.login))  ", attrs: [.bold])
            col += s.put(r, col, t.f("duty.since", ConsoleApp.shortTime(c.startedAt, zone: zone)) + "  ", role: .dim)
            if !c.onRoster { col += s.put(r, col, t["duty.offRoster"] + " ", role: .nearDue, attrs: [.bold]) }
            s.put(r, col, c.plannedLogin.isEmpty ? t["duty.nothingPlanned"] : t.f("duty.planned", c.plannedLogin), role: .dim, width: a.col + a.width - col)
        } else {
            s.put(r, left, t["duty.none"], role: .nearDue, attrs: [.bold])
        }
        r += 1
        // Roster: what is left of today and tomorrow.
        Chrome.heading(s, row: r, col: left, width: width, text: t["duty.roster"]); r += 1
        let today = zone.localDate(of: app.now)
        if roster.isEmpty { s.put(r, left + 2, t["duty.noRoster"], role: .dim); r += 1 }
        for slot in roster.prefix(3) {
            let day = slot.entry.day == today ? t["duty.today"] : slot.entry.day == today.adding(days: 1) ? t["duty.tomorrow"] : ""
            let period = slot.period.displayName(t.language)
            var text = "\(day) \(String(format: "%02d-%02d", slot.entry.day.month, slot.entry.day.day)) \(period) \(slot.period.span)  \(slot.officerName) (\(slot.entry.login))"
            if let d = slot.entry.deputy { text += " · \(t["duty.deputy"]) \(slot.deputyName ?? d) (\(d))" }
            let isNow = slot.start <= app.now && app.now < slot.end
            s.put(r, left, isNow ? "▶" : " ", role: .met)
            s.put(r, left + 2, text, role: isNow ? .normal : .dim, attrs: isNow ? [.bold] : [], width: width - 2); r += 1
        }
        // The previous shift's hand-over: its full note (as far as room allows; v shows all).
        let bottom = a.row + a.height
        var head = t["duty.previous"]
        if let p = previous {
            head += " · \(p.name) (\(p.login)) \(ConsoleApp.shortTime(p.startedAt, zone: zone)) – \(p.endedAt.map { ConsoleApp.shortTime($0, zone: zone) } ?? "")"
        }
        Chrome.heading(s, row: r, col: left, width: width, text: head); r += 1
        if let p = previous {
            if let at = p.acknowledgedAt {
                s.put(r, left + 2, t.f("duty.acked", p.acknowledgedBy ?? "", ConsoleApp.shortTime(at, zone: zone)), role: .met)
            } else {
                s.put(r, left + 2, current?.login == app.actor.login ? t["duty.notAcked"] : t["duty.notAckedNoShift"], role: .nearDue, attrs: [.bold])
            }
            r += 1
            let lines = NoteEditor.wrap(p.note.isEmpty ? t["duty.noPrevious"] : p.note, width: width - 2)
            // Keep room for this shift's note (2 rows) and the list (4 rows) below.
            let room = max(2, bottom - r - (current == nil ? 5 : 7))
            let shown = lines.count > room ? room - 1 : lines.count
            for l in lines.prefix(shown) { s.put(r, left + 2, l, width: width - 2); r += 1 }
            if shown < lines.count { s.put(r, left + 2, t.f("duty.more", lines.count - shown), role: .dim); r += 1 }
        } else {
            s.put(r, left + 2, t["duty.noPrevious"], role: .dim); r += 1
        }
        if let c = current {
            Chrome.heading(s, row: r, col: left, width: width, text: t["duty.note"] + (dirty ? " *" : "")); r += 1
            if editor != nil {
                s.put(bottom - 1, left, t["duty.editing"], role: .dim, width: width)
                editor!.draw(s, Rect(row: r, col: left, height: max(1, bottom - r - 1), width: width), focused: true)
                return
            }
            let mine = NoteEditor.wrap(c.note, width: width - 2)
            if c.note.isEmpty { s.put(r, left + 2, t["duty.noteEmpty"], role: .dim); r += 1 }
            else { for l in mine.prefix(2) { s.put(r, left + 2, l, width: width - 2); r += 1 } }
            if mine.count > 2 { s.put(r - 1, a.col + a.width - 6, "+\(mine.count - 2)", role: .dim) }
        }
        // The counts, one per list (the selected one highlighted), then the selected list.
        var col = left
        for name in lists {
            let n = rows(name).count
            let label = " \(t["duty.list." + name]) \(n) "
            let selected = name == list
            col += s.put(r, col, label, role: selected ? .selected : (n > 0 && (name == "turned_overdue" || name == "rang") ? .overdue : .normal),
                         attrs: selected ? [.reverse, .bold] : [], width: max(0, a.col + a.width - col))
            col += 1
        }
        r += 1
        let items = rows(list)
        guard bottom - r >= 2 else { return }
        if items.isEmpty { s.put(r, left + 2, t["duty.listEmpty"], role: .dim); return }
        let narrow = a.width < 100
        let columns = [Column(t["duty.col.time"], 11), Column(t["duty.col.number"], 13), Column(t["duty.col.title"], 0),
                       Column(t["duty.col.state"], narrow ? 6 : (t.language == .zh ? 8 : 10)), Column(t["duty.col.why"], narrow ? 16 : (t.language == .zh ? 24 : 32))]
        table.draw(s, Rect(row: r, col: left, height: bottom - r, width: width), columns: columns) { i in
            guard i < items.count else { return nil }
            let m = items[i]
            let why: CellText
            if list == "carried" {
                let reasons = m.reasons.map { $0.displayName(t.language) }.joined(separator: t.language == .zh ? "、" : ", ")
                why = CellText(reasons + " " + (m.dueAt.map { app.dueText($0, now: app.now) } ?? ""), m.reasons.contains(.overdue) || m.reasons.contains(.urgent) ? .overdue : .nearDue)
            } else if list == "rang" {
                why = m.acknowledgedAt.map { CellText(t.f("duty.acknowledgedAlert", ConsoleApp.shortTime($0, zone: zone)), .dim) }
                    ?? CellText(t["duty.pendingAlert"], .overdue, [.bold])
            } else {
                why = CellText(m.dueAt.map { app.dueText($0, now: app.now) } ?? "", m.dueAt.map { $0 < app.now } == true ? .overdue : .normal)
            }
            return [CellText(ConsoleApp.shortTime(m.at, zone: zone), .dim), CellText(m.number),
                    CellText(m.title, m.urgency == .urgent ? .overdue : .normal), CellText(m.state.displayName(t.language)), why]
        }
    }

    /// While the note editor is open every key but its bindings (Ctrl-S, Enter, Esc) and F1 types into it.
    func input(_ key: Key, _ app: ConsoleApp) -> Outcome? {
        guard var e = editor, binding(for: key, app) == nil, key != .function(1), key != .ctrl("c") else { return nil }
        _ = e.handle(key); editor = e
        return .handled
    }

    func bindings(_ app: ConsoleApp) -> [Binding] {
        let t = app.strings
        if var e = editor {
            return [
                Binding([.ctrl("s")], "Ctrl-S", t["hint.save"]) { [unowned self] _ in save(e.text, app) },
                Binding([.enter], "Enter", t["hint.newline"]) { [unowned self] key in _ = e.handle(key); editor = e; return .handled },
                Binding([.escape], "Esc", t["hint.cancel"], help: t["help.duty.discard"]) { [unowned self] _ in
                    if e.text != savedNote { app.ask(t["duty.discardNote"]) { self.editor = nil } } else { editor = nil }
                    return .handled
                },
            ]
        }
        var keys = [Binding([.char("s")], "s", t["hint.start"], help: t["help.duty.start"]) { [unowned self] _ in start(app) }]
        if let c = current {
            keys += [
                Binding([.char("e")], "e", t["hint.end"], help: t["help.duty.end"]) { [unowned self] _ in
                    guard !app.readOnly else { return .message(t["status.readonlyNotice"]) }
                    let question = t.f("duty.confirmEnd", c.note.filter { $0 != "\n" }.count, (try? app.store.carryOver(now: app.now).count) ?? 0)
                    app.ask(question) { [self] in
                        _ = app.apply(run(app, done: t["duty.ended"]) { try app.store.endShift(shiftID: c.id, by: app.actor, now: app.now) })
                    }
                    return .handled
                },
                Binding([.char("w")], "w", t["hint.note"], help: t["help.duty.note"]) { [unowned self] _ in
                    guard !app.readOnly else { return .message(t["status.readonlyNotice"]) }
                    // Only the officer on duty writes the note (the store refuses others): say so before any typing.
                    guard c.login == app.actor.login else { return .message(t.f("duty.notYours", "\(c.name) (\(c.login))")) }
                    editor = NoteEditor(savedNote)
                    return .handled
                },
            ]
            if let p = previous, p.acknowledgedAt == nil {
                keys.append(Binding([.char("a")], "a", t["hint.ack"], help: t["help.duty.ack"]) { [unowned self] _ in
                    guard !app.readOnly else { return .message(t["status.readonlyNotice"]) }
                    return run(app, done: t["duty.ackDone"]) { try app.store.acknowledgeHandover(shiftID: p.id, by: app.actor, now: app.now) }
                })
            }
        }
        keys += [
            Binding([.left, .right, .char("h"), .char("l")], "←→", t["hint.list"], help: t["help.duty.list"]) { [unowned self] key in
                let all = lists
                let i = all.firstIndex(of: list) ?? 0
                list = all[(i + (key == .left || key == .char("h") ? all.count - 1 : 1)) % all.count]
                table.count = rows(list).count
                table.select(0)
                return .handled
            },
            Binding([.enter], "Enter", t["hint.open"], help: t["help.duty.open"]) { [unowned self] _ in
                let items = rows(list)
                guard items.indices.contains(table.selection) else { return .handled }
                let n = items[table.selection].number
                return app.matterPage(number: n).map { .push($0) } ?? .message(t.f("matter.notFound", n))
            },
            Binding([.char("v")], "v", t["hint.fullNote"], help: t["help.duty.full"]) { [unowned self] _ in
                guard let p = previous else { return .message(t["duty.noPrevious"]) }
                return .push(NoteViewScreen(title: t["duty.fullNote"] + " · \(p.name)", text: p.note))
            },
            Binding(TableView.navigationKeys, "↑↓", t["hint.move.keys"], help: t["help.moveKeys"], hinted: false) { [unowned self] key in
                table.handle(key) ? .handled : .ignored
            },
        ]
        return keys
    }

    /// `s`: starts a shift; with one open (another officer's, or one's own) it asks first, then takes it over.
    func start(_ app: ConsoleApp) -> Outcome {
        let t = app.strings
        guard !app.readOnly else { return .message(t["status.readonlyNotice"]) }
        if let open = current {
            let question = open.login == app.actor.login ? t["duty.confirmRestart"]
                : t.f("duty.confirmTakeOver", "\(open.name) (\(open.login))", ConsoleApp.shortTime(open.startedAt, zone: app.store.zone))
            app.ask(question) { [self] in
                _ = app.apply(run(app, done: t["duty.started"]) { try app.store.startShift(by: app.actor, now: app.now, takeOver: open.id) })
            }
            return .handled
        }
        return run(app, done: t["duty.started"]) { try app.store.startShift(by: app.actor, now: app.now) }
    }

    /// Runs a store write: `done` (and a reload) when it went through, the error's words when not.
    func run(_ app: ConsoleApp, done: String, _ write: () throws -> Any) -> Outcome {
        do { _ = try app.writing { try write() }; return .wrote(done) }
        catch { return .message(app.strings["error.prefix"] + ErrorWording.words(error, app.strings, zone: app.store.zone)) }
    }

    func save(_ text: String, _ app: ConsoleApp) -> Outcome {
        let id = current?.id
        let outcome = run(app, done: app.strings["duty.saved"]) { try app.store.saveHandoverNote(text, shiftID: id, by: app.actor, now: app.now) }
        if case .wrote = outcome { editor = nil; savedNote = text }
        return outcome
    }
}

/// A page showing a note in full, wrapped to the width; ↑↓ and page keys scroll.
final class NoteViewScreen: BoundScreen {
    let heading: String
    let text: String
    var top = 0
    private var lastRows = 0, lastHeight = 1

    init(title: String, text: String) { heading = title; self.text = text }

    func title(_ t: Strings) -> String { heading }
    func reload(_ app: ConsoleApp) throws {}

    func draw(_ s: Surface, _ a: Rect, _ app: ConsoleApp) {
        Chrome.heading(s, row: a.row, col: a.col + 1, width: a.width - 2, text: heading)
        let lines = NoteEditor.wrap(text.isEmpty ? app.strings["duty.noPrevious"] : text, width: a.width - 4)
        lastRows = lines.count; lastHeight = max(1, a.height - 1)
        top = max(0, min(top, lines.count - lastHeight))
        for (i, l) in lines.dropFirst(top).prefix(lastHeight).enumerated() { s.put(a.row + 1 + i, a.col + 2, l, width: a.width - 4) }
    }

    func bindings(_ app: ConsoleApp) -> [Binding] {
        [Binding(Scroller.keys, "PgUp/PgDn", app.strings["hint.scroll"], help: app.strings["help.scroll"]) { [unowned self] key in
            switch key {
            case .up, .char("k"): top = max(0, top - 1)
            case .down, .char("j"): top += 1
            case .pageUp: top = max(0, top - lastHeight)
            case .home: top = 0
            case .end: top = max(0, lastRows - lastHeight)
            default: top += lastHeight
            }
            return .handled
        }]
    }
}
