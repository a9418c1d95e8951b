import Foundation
import GridCore
import GridStore

/// The new-matter form (`n`): pickers that filter as you type, Chinese text, validation, the duplicate warning;
/// urgency (the category's default until changed), reported-at (now until changed), the caller and the hotline
/// work-order number. An unsaved form is kept as a private draft (`ConsoleApp.keepDraft`); restoring says so,
/// discarding deletes it.
final class NewMatterScreen: BoundScreen {
    enum Field: Int, CaseIterable {
        case grid, category, department, source, title, location, description, urgency, reportedAt, callerName, callerPhone, orderNo, reporter
    }
    var grid: Picker, category: Picker, department: Picker, source: Picker, urgency: Picker
    var texts: [Field: TextInput] = [.title: TextInput(maxLength: 200), .location: TextInput(maxLength: 200),
                                      .description: TextInput(maxLength: 2000), .reporter: TextInput(maxLength: 100),
                                      .reportedAt: TextInput(maxLength: 25), .callerName: TextInput(maxLength: 50),
                                      .callerPhone: TextInput(maxLength: 30), .orderNo: TextInput(maxLength: 50)]
    var categoryUrgency: [String: String] = [:]
    private var urgencyChosenByHand = false
    /// Whether the draft file was read into the form (the status line says so).
    var restored = false
    var focus: Field = .grid
    var error: String?
    var warnedDuplicates: [String] = []
    var categoryDepartments: [String: String] = [:]

    /// Every channel from `MatterSource.allCases`, the hotline first (the form's default, the most frequent one).
    static let sources: [MatterSource] = [.hotline] + MatterSource.allCases.filter { $0 != .hotline }

    init(app: ConsoleApp) {
        let store = app.store
        grid = Picker(((try? store.pickerGrids()) ?? []).map { .init(code: $0.code, label: $0.name) })
        let cats = (try? store.pickerCategories()) ?? []
        category = Picker(cats.map { .init(code: $0.code, label: $0.name) })
        for c in cats { categoryDepartments[c.code] = c.department; categoryUrgency[c.code] = c.urgency }
        let t = app.strings
        urgency = Picker([Urgency.normal, .urgent].map { .init(code: $0.rawValue, label: t.name($0)) })
        texts[.reportedAt]?.set(NewMatterScreen.timeText(app.now, zone: store.zone))
        department = Picker(((try? store.pickerDepartments()) ?? []).map { .init(code: $0.code, label: $0.name) })
        source = Picker(NewMatterScreen.sources.map { .init(code: $0.rawValue, label: app.strings.name($0)) })
        source.chosen = source.options.first
        source.input.set(MatterSource.hotline.rawValue)
        if let path = app.draftPath, let text = try? String(contentsOfFile: path, encoding: .utf8) { restore(text); restored = true }
    }

    /// `YYYY-MM-DD HH:MM` in the township's zone: how the form shows and reads the reported-at time.
    static func timeText(_ d: Date, zone: TownshipZone) -> String {
        let day = zone.localDate(of: d), s = zone.secondsIntoDay(of: d)
        return day.description + String(format: " %02d:%02d", s / 3600, s / 60 % 60)
    }

    func title(_ t: Strings) -> String { t["form.title"] }
    var editing: Bool { true }
    var dirty: Bool { Field.allCases.contains { !(text(of: $0).isEmpty) && ![.source, .urgency, .reportedAt].contains($0) } }

    func label(_ f: Field, _ t: Strings) -> String {
        switch f {
        case .grid: t["form.grid"]; case .category: t["form.category"]; case .department: t["form.department"]
        case .source: t["form.source"]; case .title: t["form.titleField"]; case .location: t["form.location"]
        case .description: t["form.description"]; case .reporter: t["form.reporter"]
        case .urgency: t["form.urgency"]; case .reportedAt: t["form.reportedAt"]; case .callerName: t["form.callerName"]
        case .callerPhone: t["form.callerPhone"]; case .orderNo: t["form.orderNo"]
        }
    }

    func picker(_ f: Field) -> Picker? {
        switch f { case .grid: grid; case .category: category; case .department: department; case .source: source; case .urgency: urgency; default: nil }
    }

    func setPicker(_ f: Field, _ p: Picker) {
        switch f {
        case .grid: grid = p; case .category: category = p; case .department: department = p; case .source: source = p; case .urgency: urgency = p
        default: break
        }
    }

    func text(of f: Field) -> String { picker(f)?.input.text ?? texts[f]?.text ?? "" }

    func reload(_ app: ConsoleApp) throws { zone = app.store.zone }

    func draw(_ s: Surface, _ a: Rect, _ app: ConsoleApp) {
        let t = app.strings
        Chrome.heading(s, row: a.row, col: a.col + 1, width: a.width - 2, text: t["form.title"])
        let lw = 10, fw = min(60, a.width - lw - 4)
        var r = a.row + 2
        for f in Field.allCases {
            let focused = f == focus
            s.put(r, a.col + 1, DisplayWidth.pad(label(f, t), to: lw), role: focused ? .heading : .dim, attrs: focused ? [.bold] : [])
            if let p = picker(f) {
                p.input.draw(s, row: r, col: a.col + 2 + lw, width: 16, focused: focused)
                if let c = p.chosen { s.put(r, a.col + 20 + lw, c.label, role: .met, width: fw - 18) }
            } else {
                texts[f]!.draw(s, row: r, col: a.col + 2 + lw, width: fw, focused: focused)
            }
            r += 1
        }
        if let e = error { s.put(r + 1, a.col + 1, e, role: .overdue, attrs: [.bold], width: a.width - 2) }
        // The focused picker's matches, filtered as you type.
        if let p = picker(focus) {
            let list = p.matches
            let lc = a.col + lw + fw + 4
            let box = Rect(row: a.row + 2, col: min(lc, a.col + a.width - 30), height: min(list.count, a.height - 3), width: max(20, a.col + a.width - lc - 1))
            for (i, o) in list.prefix(box.height).enumerated() {
                let hl = i == p.highlighted
                s.put(box.row + i, box.col, DisplayWidth.pad("\(o.code) \(o.label)", to: box.width), role: hl ? .selected : .normal, attrs: hl ? [.reverse] : [], width: box.width)
            }
        }
    }

    /// Typing goes to the focused field; the form's own keys are its bindings (F1 and Ctrl-C stay the console's).
    func input(_ key: Key, _ app: ConsoleApp) -> Outcome? {
        if binding(for: key, app) != nil || key == .function(1) || key == .ctrl("c") { return nil }
        if var p = picker(focus) { _ = p.handle(key); setPicker(focus, p); afterPick(); return .handled }
        if var input = texts[focus] { _ = input.handle(key); texts[focus] = input }
        return .handled
    }

    func bindings(_ app: ConsoleApp) -> [Binding] {
        let t = app.strings
        return [
            Binding([.tab, .down], "Tab", t["hint.next"]) { [unowned self] _ in advance(1); return .handled },
            Binding([.backTab, .up], "↑", t["hint.previous"], hinted: false) { [unowned self] key in
                if var p = picker(focus), key == .up, p.highlighted > 0 { p.highlighted -= 1; setPicker(focus, p); return .handled }
                advance(-1); return .handled
            },
            Binding([.enter], "Enter", t["hint.choose"]) { [unowned self] _ in
                if var p = picker(focus) { _ = p.choose(); setPicker(focus, p); afterPick() }
                advance(1); return .handled
            },
            Binding([.ctrl("s")], "Ctrl-S", t["hint.save"]) { [unowned self] _ in save(app); return .handled },
            Binding([.escape], "Esc", t["hint.cancel"], help: t["help.formCancel"]) { [unowned self] _ in
                // Discarding is final: the draft goes too, so the next form starts empty.
                let discard = { [weak app] in
                    guard let app else { return }
                    if let path = app.draftPath { try? FileManager.default.removeItem(atPath: path) }
                    app.pop()
                }
                if dirty { app.ask(t["form.discard"], yes: discard) } else { discard() }
                return .handled
            },
        ]
    }

    private func advance(_ d: Int) {
        let all = Field.allCases
        focus = all[(focus.rawValue + d + all.count) % all.count]
    }

    /// A chosen category fills in its department when none was picked, and its urgency until one is chosen.
    private func afterPick() {
        if focus == .category, let c = category.chosen, urgency.input.text.isEmpty || !urgencyChosenByHand,
           let u = categoryUrgency[c.code], let opt = urgency.options.first(where: { $0.code == u }) {
            urgency.chosen = opt; urgency.input.set(opt.code)
        }
        if focus == .urgency { urgencyChosenByHand = true }
        if focus == .category, let c = category.chosen, department.chosen == nil, let dep = categoryDepartments[c.code],
           let opt = department.options.first(where: { $0.code == dep }) {
            department.chosen = opt; department.input.set(opt.code)
        }
    }

    /// Checks the form; the first problem in words, or nil.
    func validate(_ t: Strings) -> String? {
        for f in [Field.grid, .category, .department, .source] {
            let p = picker(f)!
            if p.input.text.isEmpty && f != .department { return t.f("form.required", label(f, t)) }
            if !p.input.text.isEmpty && p.chosen == nil {
                // Several matches is not "nothing matches": name them, so the operator can pick one.
                let m = p.matches
                if m.count > 1 { return t.f("form.ambiguous", label(f, t), p.input.text, m.prefix(5).map { "\($0.code) \($0.label)" }.joined(separator: "、")) }
                return t.f("form.notFound", label(f, t), p.input.text)
            }
        }
        if texts[.title]!.text.trimmingCharacters(in: .whitespaces).isEmpty { return t.f("form.required", label(.title, t)) }
        if !urgency.input.text.isEmpty && urgency.chosen == nil { return t.f("form.notFound", label(.urgency, t), urgency.input.text) }
        if reportedAt(zone: zone) == nil { return t.f("form.badTime", label(.reportedAt, t), texts[.reportedAt]!.text) }
        return nil
    }

    private var zone = TownshipZone.shanghai

    /// The typed reported-at time (empty: now), or nil when it is not a time.
    func reportedAt(zone: TownshipZone) -> Date?? {
        let text = texts[.reportedAt]!.text.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return .some(nil) }
        return ISOTime.parse(text, zone: zone).map { .some($0) }
    }

    var draft: MatterDraft {
        var d = MatterDraft()
        d.grid = grid.chosen?.code ?? ""; d.category = category.chosen?.code ?? ""; d.department = department.chosen?.code ?? ""
        d.source = source.chosen?.code ?? "hotline"
        d.title = texts[.title]!.text.trimmingCharacters(in: .whitespaces); d.location = texts[.location]!.text
        d.description = texts[.description]!.text; d.reporter = texts[.reporter]!.text
        d.urgency = urgency.chosen?.code ?? ""
        d.reportedAt = reportedAt(zone: zone) ?? nil
        d.callerName = texts[.callerName]!.text; d.callerPhone = texts[.callerPhone]!.text; d.orderNo = texts[.orderNo]!.text
        return d
    }

    func save(_ app: ConsoleApp) {
        let t = app.strings
        zone = app.store.zone
        if let e = validate(t) { error = e; return }
        let d = draft
        do {
            let dups = try app.actions.duplicates(d, app.now)
            if !dups.isEmpty && dups != warnedDuplicates {
                warnedDuplicates = dups; error = t.f("form.duplicate", dups.joined(separator: ", ")); return
            }
            let number = try app.writing { try app.actions.intake(d, !dups.isEmpty, app.actor, app.now) }
            if let path = app.draftPath { try? FileManager.default.removeItem(atPath: path) }
            app.pop()
            app.message = t.f("form.saved", number)
            app.dataChanged()
        } catch {
            self.error = t["error.prefix"] + ErrorWording.words(error, t, zone: app.store.zone)
        }
    }

    /// The form as `field=value` lines (kept as a draft if the terminal goes away).
    var draftText: String {
        Field.allCases.map { "\($0)=\(text(of: $0).replacingOccurrences(of: "\n", with: " "))" }.joined(separator: "\n")
    }

    /// Fills the form from draft text.
    func restore(_ text: String) {
        for line in text.split(separator: "\n") {
            guard let eq = line.firstIndex(of: "=") else { continue }
            let name = String(line[..<eq]), value = String(line[line.index(after: eq)...])
            guard let f = Field.allCases.first(where: { "\($0)" == name }) else { continue }
            if var p = picker(f) {
                p.input.set(value); p.chosen = p.options.first { $0.code == value }; setPicker(f, p)
            } else { texts[f]?.set(value) }
        }
    }

}
