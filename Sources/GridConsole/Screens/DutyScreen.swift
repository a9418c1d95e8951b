import Foundation
import GridCore
import GridStore

/// 值班: the current shift, what happened since it began, the previous handover note and this shift's note.
final class DutyScreen: Screen {
    var current: Shift?
    var previous: Shift?
    var summary = ShiftSummary()
    var note: TextInput?
    var savedNote = ""

    func title(_ t: Strings) -> String { t["tab.duty"] }
    var editing: Bool { note != nil }
    var dirty: Bool { note.map { $0.text != savedNote } ?? false }

    func reload(_ app: ConsoleApp) throws {
        current = try app.store.currentShift()
        previous = try app.store.previousShift()
        savedNote = current?.note ?? ""
        summary = try current.map { try app.store.shiftSummary(since: $0.startedAt, now: app.now) } ?? ShiftSummary()
    }

    func draw(_ s: Surface, _ a: Rect, _ app: ConsoleApp) {
        let t = app.strings, zone = app.store.zone
        var r = a.row + 1
        Chrome.heading(s, row: r, col: a.col + 1, width: a.width - 2, text: t["duty.current"]); r += 1
        if let c = current {
            var col = a.col + 1
            col += s.put(r, col, "\(c.name) (\(c.login))  ", attrs: [.bold])
            s.put(r, col, t.f("duty.since", ConsoleApp.shortTime(c.startedAt, zone: zone)), role: .dim)
            r += 2
            Chrome.heading(s, row: r, col: a.col + 1, width: a.width - 2, text: t["duty.happened"]); r += 1
            var cc = a.col + 1
            for (label, n, role) in [(t["duty.new"], summary.new, ColorRole.normal), (t["duty.closed"], summary.closed, .met),
                                     (t["duty.becameOverdue"], summary.becameOverdue, .overdue), (t["duty.urgent"], summary.urgent, .overdue)] {
                cc += s.put(r, cc, label + " ", role: .dim)
                cc += s.put(r, cc, "\(n)", role: n > 0 ? role : .normal, attrs: [.bold])
                cc += 4
            }
            r += 1
        } else {
            s.put(r, a.col + 1, t["duty.none"], role: .nearDue, attrs: [.bold]); r += 1
        }
        r += 1
        Chrome.heading(s, row: r, col: a.col + 1, width: a.width - 2, text: t["duty.previous"]); r += 1
        if let p = previous {
            s.put(r, a.col + 1, "\(p.name) · \(ConsoleApp.shortTime(p.startedAt, zone: zone)) – \(p.endedAt.map { ConsoleApp.shortTime($0, zone: zone) } ?? "")", role: .dim); r += 1
            for line in (p.note.isEmpty ? t["duty.noPrevious"] : p.note).split(separator: "\n", omittingEmptySubsequences: false).prefix(6) {
                s.put(r, a.col + 3, String(line), width: a.width - 4); r += 1
            }
        } else {
            s.put(r, a.col + 3, t["duty.noPrevious"], role: .dim); r += 1
        }
        r += 1
        guard current != nil else { return }
        Chrome.heading(s, row: r, col: a.col + 1, width: a.width - 2, text: t["duty.note"] + (dirty ? " *" : "")); r += 1
        if let note {
            note.draw(s, row: r, col: a.col + 1, width: a.width - 2, focused: true)
        } else {
            s.put(r, a.col + 1, savedNote.isEmpty ? "—" : savedNote, width: a.width - 2)
        }
    }

    func handle(_ key: Key, _ app: ConsoleApp) -> Bool {
        if var input = note {
            switch key {
            case .escape:
                if input.text != savedNote { app.ask(app.strings["form.discard"]) { self.note = nil } } else { note = nil }
            case .ctrl("s"), .enter: save(input.text, app)
            default: _ = input.handle(key); note = input
            }
            return true
        }
        switch key {
        case .char("s"):
            guard !app.readOnly else { app.message = app.strings["status.readonlyNotice"]; return true }
            do { try app.writing { try app.store.startShift(by: app.actor, now: app.now) }; app.message = app.strings["duty.started"]; app.dataChanged(); app.reloadCurrent() }
            catch { app.message = app.strings["error.prefix"] + ErrorWording.words(error, app.strings, zone: app.store.zone) }
        case .char("e"):
            guard current != nil, !app.readOnly else { return true }
            let text = savedNote
            app.ask(app.strings["duty.confirmEnd"]) {
                do { try app.writing { try app.store.endShift(note: text, by: app.actor, now: app.now) }; app.message = app.strings["duty.ended"]; app.dataChanged(); app.reloadCurrent() }
                catch { app.message = app.strings["error.prefix"] + ErrorWording.words(error, app.strings, zone: app.store.zone) }
            }
        case .enter:
            guard current != nil, !app.readOnly else { return true }
            note = TextInput(savedNote)
        default: return false
        }
        return true
    }

    func save(_ text: String, _ app: ConsoleApp) {
        do {
            try app.writing { try app.store.saveHandoverNote(text, by: app.actor, now: app.now) }
            note = nil; savedNote = text; app.message = app.strings["duty.saved"]; app.dataChanged(); app.reloadCurrent()
        } catch { app.message = app.strings["error.prefix"] + ErrorWording.words(error, app.strings, zone: app.store.zone) }
    }

    func hints(_ app: ConsoleApp) -> [(key: String, label: String)] {
        let t = app.strings
        if note != nil { return [("Ctrl-S", t["hint.save"]), ("Esc", t["hint.cancel"])] }
        return [("s", t["hint.start"]), ("e", t["hint.end"]), ("Enter", t["hint.note"])]
    }
    func help(_ app: ConsoleApp) -> [String] { [app.strings["help.duty"]] }
}
