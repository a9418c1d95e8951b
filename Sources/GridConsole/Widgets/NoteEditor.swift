import GridCore

/// A multi-line text editor (多行编辑框) for handover notes: Enter starts a new line, lines wrap to the width
/// (a wide Chinese character is never split), and the view scrolls so the cursor stays visible.
///
/// Saving (Ctrl-S) and leaving (Esc) are the screen's keys: `handle` returns false for them.
public struct NoteEditor: Sendable {
    /// The logical lines (split at line breaks), as characters.
    public private(set) var lines: [[Character]]
    /// The cursor's line.
    public private(set) var line = 0
    /// The cursor's character index within its line.
    public private(set) var column = 0
    /// Longest text accepted, in characters (line breaks count one each).
    public var maxLength: Int
    /// The first visual row shown (after wrapping), kept by `draw`.
    public private(set) var top = 0
    /// The width of the last draw, which up/down and page keys move by.
    private var width = 60
    /// Rows of the last draw (the page size).
    private var height = 5
    /// The display column up/down try to keep.
    private var goalColumn: Int?

    /// An editor holding `text`, the cursor at its end.
    public init(_ text: String = "", maxLength: Int = NoteText.maxLength) {
        self.maxLength = maxLength
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        if lines.isEmpty { lines = [[]] }
        line = lines.count - 1; column = lines[line].count
    }

    /// The text, lines joined by `\n`.
    public var text: String { lines.map { String($0) }.joined(separator: "\n") }

    private var length: Int { lines.reduce(lines.count - 1) { $0 + $1.count } }

    /// One visual row: a piece of a logical line that fits the width.
    public struct Row: Equatable, Sendable {
        /// The logical line.
        public var line: Int
        /// First character index.
        public var start: Int
        /// One past the last character index.
        public var end: Int
    }

    /// Splits `chars` into pieces at most `width` display columns wide (an empty line is one empty piece).
    static func pieces(_ chars: [Character], width: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0, w = 0
        for (i, c) in chars.enumerated() {
            let cw = DisplayWidth.of(String(c))
            if w + cw > width && i > start { out.append(start..<i); start = i; w = 0 }
            w += cw
        }
        out.append(start..<chars.count)
        return out
    }

    /// Every visual row at `width` columns.
    public func rows(width: Int) -> [Row] {
        lines.enumerated().flatMap { (n, l) in NoteEditor.pieces(l, width: max(2, width)).map { Row(line: n, start: $0.lowerBound, end: $0.upperBound) } }
    }

    /// `text` wrapped to `width` columns, for showing a note read-only.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let e = NoteEditor(text)
        return e.rows(width: width).map { String(e.lines[$0.line][$0.start..<$0.end]) }
    }

    /// The visual row the cursor is on: the piece holding it, or the line's last piece at its end.
    func cursorRow(in rows: [Row]) -> Int {
        let candidates = rows.indices.filter { rows[$0].line == line }
        return candidates.first { rows[$0].start <= column && column < rows[$0].end } ?? candidates.last ?? 0
    }

    /// Applies an editing key; false when the key is not the editor's (Ctrl-S, Esc, Tab, …).
    public mutating func handle(_ key: Key) -> Bool {
        var keepGoal = false
        switch key {
        case .char(let c) where c.isNewline:
            insertBreak()
        case .enter, .ctrl("j"):
            insertBreak()
        case .char(let c):
            guard length < maxLength else { return true }
            lines[line].insert(c, at: column); column += 1
        case .backspace, .ctrl("h"):
            if column > 0 { lines[line].remove(at: column - 1); column -= 1 }
            else if line > 0 {
                let rest = lines.remove(at: line); line -= 1
                column = lines[line].count; lines[line] += rest
            }
        case .delete, .ctrl("d"):
            if column < lines[line].count { lines[line].remove(at: column) }
            else if line + 1 < lines.count { lines[line] += lines.remove(at: line + 1) }
        case .left, .ctrl("b"):
            if column > 0 { column -= 1 } else if line > 0 { line -= 1; column = lines[line].count }
        case .right, .ctrl("f"):
            if column < lines[line].count { column += 1 } else if line + 1 < lines.count { line += 1; column = 0 }
        case .home, .ctrl("a"):
            column = 0
        case .end, .ctrl("e"):
            column = lines[line].count
        case .up, .ctrl("p"): moveRows(-1); keepGoal = true
        case .down, .ctrl("n"): moveRows(1); keepGoal = true
        case .pageUp: moveRows(-max(1, height - 1)); keepGoal = true
        case .pageDown: moveRows(max(1, height - 1)); keepGoal = true
        default: return false
        }
        if !keepGoal { goalColumn = nil }
        return true
    }

    private mutating func insertBreak() {
        guard length < maxLength else { return }
        let rest = Array(lines[line][column...])
        lines[line].removeSubrange(column...)
        lines.insert(rest, at: line + 1)
        line += 1; column = 0
    }

    /// Moves the cursor `n` visual rows, keeping its display column where the row is long enough.
    private mutating func moveRows(_ n: Int) {
        let rs = rows(width: width)
        let cur = cursorRow(in: rs)
        let r = rs[cur]
        let goal = goalColumn ?? DisplayWidth.of(String(lines[line][r.start..<column]))
        goalColumn = goal
        let target = rs[max(0, min(rs.count - 1, cur + n))]
        var c = target.start, w = 0
        while c < target.end {
            let cw = DisplayWidth.of(String(lines[target.line][c]))
            if w + cw > goal { break }
            w += cw; c += 1
        }
        // At a wrapped row's end the cursor would belong to the next row: stay on this one.
        if c == target.end && target.end < lines[target.line].count && c > target.start { c -= 1 }
        line = target.line; column = c
    }

    /// Draws in `rect`, scrolling to the cursor; the cursor cell is reversed when `focused`.
    public mutating func draw(_ s: Surface, _ rect: Rect, focused: Bool) {
        guard rect.width > 2, rect.height > 0 else { return }
        width = rect.width - 1; height = rect.height
        let rs = rows(width: width)
        let cur = cursorRow(in: rs)
        if cur < top { top = cur }
        if cur >= top + height { top = cur - height + 1 }
        top = max(0, min(top, max(0, rs.count - height)))
        s.fill(row: rect.row, col: rect.col, width: rect.width, height: rect.height, role: .normal, attrs: [])
        for (i, r) in rs[top..<min(rs.count, top + height)].enumerated() {
            s.put(rect.row + i, rect.col, String(lines[r.line][r.start..<r.end]), width: width)
        }
        if rs.count > height {
            let more = "\(top + 1)-\(min(rs.count, top + height))/\(rs.count)"
            s.put(rect.row + rect.height - 1, rect.col + rect.width - DisplayWidth.of(more), more, role: .dim)
        }
        guard focused else { return }
        let r = rs[cur]
        let cc = rect.col + DisplayWidth.of(String(lines[line][r.start..<column]))
        let under = column < lines[line].count ? String(lines[line][column]) : " "
        s.put(rect.row + cur - top, cc, under, role: .selected, attrs: [.reverse], width: rect.col + rect.width - cc)
    }
}
