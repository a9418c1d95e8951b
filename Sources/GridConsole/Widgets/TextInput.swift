import GridCore

/// A one-line text input: any characters including Chinese, the cursor counted in characters and
/// drawn at its display column; the view scrolls so the cursor stays visible.
public struct TextInput: Sendable {
    /// The characters.
    public private(set) var chars: [Character] = []
    /// The cursor, as an index into `chars`.
    public private(set) var cursor = 0
    /// Longest allowed text in characters.
    public var maxLength: Int

    /// An input holding `text`.
    public init(_ text: String = "", maxLength: Int = 500) {
        self.maxLength = maxLength
        chars = Array(text.prefix(maxLength)); cursor = chars.count
    }

    /// The text.
    public var text: String { String(chars) }

    /// Replaces the text.
    public mutating func set(_ text: String) { chars = Array(text.prefix(maxLength)); cursor = chars.count }

    /// Applies an editing key; false when the key is not for the input.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c) where !c.isNewline:
            guard chars.count < maxLength else { return true }
            // A pasted control character or direction override is dropped here; the store refuses it too.
            guard !c.unicodeScalars.contains(where: { TextSafety.isRefused($0, .singleLine("")) }) else { return true }
            chars.insert(c, at: cursor); cursor += 1
        case .backspace, .ctrl("h"):
            if cursor > 0 { chars.remove(at: cursor - 1); cursor -= 1 }
        case .delete, .ctrl("d"):
            if cursor < chars.count { chars.remove(at: cursor) }
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(chars.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = chars.count
        case .ctrl("u"): chars.removeSubrange(0..<cursor); cursor = 0
        case .ctrl("k"): chars.removeSubrange(cursor..<chars.count)
        default: return false
        }
        return true
    }

    /// Display columns before the cursor.
    public var cursorColumn: Int { DisplayWidth.of(String(chars[..<cursor])) }

    /// Draws in `width` columns at (`row`, `col`) with the cursor cell reversed when `focused`.
    public func draw(_ s: Surface, row: Int, col: Int, width: Int, focused: Bool) {
        guard width > 1 else { return }
        // Scroll: start from the first character such that the cursor fits.
        var start = 0
        while DisplayWidth.of(String(chars[start..<cursor])) > width - 1 { start += 1 }
        let visible = String(chars[start...])
        s.fill(row: row, col: col, width: width, height: 1, role: .normal, attrs: focused ? [.underline] : [])
        s.put(row, col, visible, role: .normal, attrs: focused ? [.underline] : [], width: width)
        if focused {
            let cc = col + DisplayWidth.of(String(chars[start..<cursor]))
            let under = cursor < chars.count ? String(chars[cursor]) : " "
            s.put(row, cc, under, role: .selected, attrs: [.reverse], width: col + width - cc)
        }
    }
}

/// A choice among coded options that filters as you type (e.g. grids, categories, departments).
public struct Picker: Sendable {
    /// One option: its code and what is shown.
    public struct Option: Sendable, Equatable {
        /// Code.
        public var code: String
        /// Label.
        public var label: String
        /// Creates an option.
        public init(code: String, label: String) { self.code = code; self.label = label }
    }
    /// All options.
    public var options: [Option]
    /// What has been typed.
    public var input = TextInput()
    /// The highlighted match.
    public var highlighted = 0
    /// The chosen option's code, once chosen.
    public var chosen: Option?

    /// A picker over `options`.
    public init(_ options: [Option]) { self.options = options }

    /// Options matching the typed text in code or label (case-insensitive), in their order.
    public var matches: [Option] {
        let q = input.text.lowercased()
        guard !q.isEmpty else { return options }
        return options.filter { $0.code.lowercased().contains(q) || $0.label.lowercased().contains(q) }
    }

    /// Handles a key: typing filters, ↑↓ move among matches (Ctrl-P/N), Enter chooses.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .ctrl("p"): highlighted = max(0, highlighted - 1); return true
        case .ctrl("n"): highlighted = min(max(0, matches.count - 1), highlighted + 1); return true
        default:
            if input.handle(key) {
                highlighted = 0
                chosen = matches.count == 1 ? matches[0] : matches.first { $0.code.lowercased() == input.text.lowercased() }
                return true
            }
            return false
        }
    }

    /// Chooses the highlighted match; false when nothing matches.
    public mutating func choose() -> Bool {
        let m = matches
        guard !m.isEmpty else { return false }
        chosen = m[min(highlighted, m.count - 1)]
        input.set(chosen!.code)
        return true
    }

    /// The shown text of the choice (code and label).
    public var chosenText: String { chosen.map { "\($0.code) \($0.label)" } ?? "" }
}

/// A yes/no question in a box over the screen.
public struct Confirm: Sendable {
    /// The question.
    public var question: String
    /// What `y` does, by tag.
    public var tag: String
    /// Creates a question.
    public init(_ question: String, tag: String) { self.question = question; self.tag = tag }

    /// Draws it centred.
    public func draw(_ s: Surface, hint: String) {
        let w = min(s.cols - 4, max(DisplayWidth.of(question), DisplayWidth.of(hint)) + 6)
        let r = Rect(row: s.rows / 2 - 2, col: (s.cols - w) / 2, height: 4, width: w)
        let inside = Chrome.box(s, r, title: "")
        s.put(inside.row, inside.col, question, attrs: [.bold], width: inside.width)
        s.put(inside.row + 1, inside.col, hint, role: .dim, width: inside.width)
    }
}

/// The `?` overlay: every key of the current screen, one per line.
public enum HelpOverlay {
    /// Draws `lines` in a centred box titled `title`.
    public static func draw(_ s: Surface, title: String, lines: [String]) {
        let w = min(s.cols - 4, max(DisplayWidth.of(title) + 6, (lines.map { DisplayWidth.of($0) }.max() ?? 0) + 4))
        // Long lines wrap inside the box, indented under their text, rather than being cut.
        let lines = lines.flatMap { l -> [String] in
            let wrapped = TextWrap.lines(l, width: w - 4)
            return [wrapped[0]] + wrapped.dropFirst().map { "  " + $0 }
        }
        let h = min(s.rows - 2, lines.count + 2)
        let r = Rect(row: max(1, (s.rows - h) / 2), col: max(0, (s.cols - w) / 2), height: h, width: w)
        let inside = Chrome.box(s, r, title: title)
        for (i, l) in lines.prefix(inside.height).enumerated() { s.put(inside.row + i, inside.col, l, width: inside.width) }
    }
}
