import GridCore

/// Why the co-handlers typed cannot be used (the words for the prompt).
struct CoHandlerProblem: Error { let words: String; init(_ words: String) { self.words = words } }

/// The one prompt every move is asked through (办理对话), on the bottom rows of a screen: first what the move
/// asks (a department picker with the category's default pre-selected — Tab there adds co-handling departments —,
/// the urge level, working days, a merge target), then its note or reason. Enter goes to the next step, Esc cancels. The matter page and the overdue
/// list both use it, so a move asks the same things wherever it is started.
struct MoveDialog {
    /// What happened to a key.
    enum Result { case editing, cancelled, done(MoveInput) }

    /// The move being asked for.
    let move: MoveChoice
    /// The case number, shown beside the move.
    let number: String
    /// The steps still to ask, the current first; the note is the last.
    private(set) var steps: [MoveInput.Ask?]
    /// The department picker (dispatch).
    var departments: Picker
    /// The highlighted urge level.
    var level = UrgeLevel.ordinary
    /// The text of the current text step (days, merge target, note).
    var input = TextInput()
    /// What is collected so far.
    private(set) var collected = MoveInput()
    /// A problem with the last Enter, shown in the prompt.
    private(set) var problem: String?

    /// A dialog for `move` on matter `number`; `departments` are offered with `preselected` chosen.
    init(move: MoveChoice, number: String, departments: [Picker.Option] = [], preselected: String = "") {
        self.move = move; self.number = number
        steps = move.asks.map { Optional($0) } + [nil]
        self.departments = Picker(departments)
        if let d = departments.first(where: { $0.code == preselected }) { self.departments.chosen = d; self.departments.input.set(d.code) }
    }

    /// The step asked now (nil: the note).
    var step: MoveInput.Ask? { steps.first ?? nil }

    /// Whether there is typed text to lose.
    var dirty: Bool { !input.text.isEmpty || collected.note != "" }

    mutating func handle(_ key: Key, _ t: Strings) -> Result {
        if key == .escape { return .cancelled }
        switch step {
        case .department:
            if key == .enter || key == .tab {
                if departments.chosen == nil || departments.input.text != departments.chosen?.code { _ = departments.choose() }
                guard let d = departments.chosen else { problem = t.f("ask.noDepartment", departments.input.text); return .editing }
                collected.department = d.code
                // Tab: the lead is chosen, co-handling departments (协办) are asked next, as `--with` does.
                if key == .tab { steps[0] = .coHandlers; problem = nil; return .editing }
                return next()
            }
            if key == .up { departments.highlighted = max(0, departments.highlighted - 1); return .editing }
            if key == .down { departments.highlighted = min(max(0, departments.matches.count - 1), departments.highlighted + 1); return .editing }
            _ = departments.handle(key); problem = nil
            return .editing
        case .urgeLevel:
            let all = UrgeLevel.allCases
            switch key {
            case .left: level = all[max(0, all.firstIndex(of: level)! - 1)]
            case .right, .tab: level = all[min(all.count - 1, all.firstIndex(of: level)! + 1)]
            case .char(let c) where ("1"..."3").contains(c): level = all[Int(String(c))! - 1]
            case .enter: collected.level = level; return next()
            default: break
            }
            return .editing
        case .days:
            guard key == .enter else { _ = input.handle(key); problem = nil; return .editing }
            guard let d = Int(input.text.trimmingCharacters(in: .whitespaces)), TimeRules.extensionDays.contains(d) else {
                problem = t.f("ask.badDays", TimeRules.extensionDays.lowerBound, TimeRules.extensionDays.upperBound); return .editing
            }
            collected.days = d; input = TextInput(); return next()
        case .mergeTarget:
            guard key == .enter else { _ = input.handle(key); problem = nil; return .editing }
            let text = input.text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { problem = t.f("ask.required", t["ask.mergeTarget"]); return .editing }
            collected.into = text; input = TextInput(); return next()
        case .coHandlers:
            guard key == .enter else { _ = input.handle(key); problem = nil; return .editing }
            switch coHandlers(input.text, t) {
            case .failure(let why): problem = why.words; return .editing
            case .success(let codes): collected.coHandlers = codes; input = TextInput(); return next()
            }
        case nil:
            guard key == .enter else { _ = input.handle(key); problem = nil; return .editing }
            if move.needsNote && input.text.trimmingCharacters(in: .whitespaces).isEmpty {
                problem = t.f("ask.required", t["ask.reason"]); return .editing
            }
            collected.note = input.text
            return .done(collected)
        }
    }

    /// The departments typed for 协办 (codes or names, separated by commas, 、 or spaces; empty is none): each an
    /// exact code or name, or the one department whose code or name contains it; the lead is left out.
    func coHandlers(_ text: String, _ t: Strings) -> Swift.Result<[String], CoHandlerProblem> {
        let words = text.split { ",，、 ".contains($0) }.map(String.init)
        var codes: [String] = []
        for w in words {
            let q = w.lowercased()
            let exact = departments.options.filter { $0.code.lowercased() == q || $0.label == w }
            let found = exact.isEmpty ? departments.options.filter { $0.code.lowercased().contains(q) || $0.label.lowercased().contains(q) } : exact
            guard !found.isEmpty else { return .failure(CoHandlerProblem(t.f("ask.noCoHandler", w))) }
            guard found.count == 1 else {
                return .failure(CoHandlerProblem(t.f("ask.manyCoHandlers", w, found.prefix(4).map { "\($0.code) \($0.label)" }.joined(separator: t.language == .zh ? "、" : ", "))))
            }
            if found[0].code != collected.department, !codes.contains(found[0].code) { codes.append(found[0].code) }
        }
        return .success(codes)
    }

    private mutating func next() -> Result {
        steps.removeFirst(); problem = nil
        return .editing
    }

    /// Draws the prompt on `row` (and a picker's matches on the rows above it).
    func draw(_ s: Surface, row: Int, col: Int, width: Int, _ t: Strings) {
        s.fill(row: row, col: col, width: width, height: 1, role: .normal, attrs: [])
        var c = col + 1
        c += s.put(row, c, "\(move.label) \(number) · ", attrs: [.bold])
        let label: String
        switch step {
        case .department: label = t["ask.department"]
        case .urgeLevel: label = t["ask.level"]
        case .days: label = t["ask.days"]
        case .mergeTarget: label = t["ask.mergeTarget"]
        case .coHandlers: label = t["ask.coHandlers"]
        case nil: label = move.needsNote ? t["ask.reason"] : t["ask.note"]
        }
        c += s.put(row, c, label + "：", role: .heading, attrs: [.bold])
        let rest = col + width - c - 1
        switch step {
        case .department:
            departments.input.draw(s, row: row, col: c, width: min(16, rest), focused: true)
            if let d = departments.chosen {
                let w = s.put(row, c + 17, d.label, role: .met, width: max(0, rest - 17))
                s.put(row, c + 18 + w, t["ask.coHandlersKey"], role: .dim, width: max(0, rest - 18 - w))
            }
            for (i, o) in departments.matches.prefix(max(0, min(6, row - 2))).enumerated() {
                let hl = i == departments.highlighted
                s.put(row - 1 - i, c, DisplayWidth.pad("\(o.code) \(o.label)", to: min(30, rest)), role: hl ? .selected : .normal, attrs: hl ? [.reverse] : [])
            }
        case .urgeLevel:
            for (i, l) in UrgeLevel.allCases.enumerated() {
                let on = l == level
                c += s.put(row, c, " \(i + 1) \(t["urge." + l.rawValue]) ", role: on ? .selected : .normal, attrs: on ? [.reverse, .bold] : [])
                c += 1
            }
            s.put(row, c + 1, DisplayWidth.truncate(t["ask.levelKeys"], to: max(0, col + width - c - 2)), role: .dim)
        default:
            input.draw(s, row: row, col: c, width: max(2, rest), focused: true)
        }
        if let problem { s.put(row - 1, col + 1, problem, role: .overdue, attrs: [.bold], width: width - 2) }
    }
}
