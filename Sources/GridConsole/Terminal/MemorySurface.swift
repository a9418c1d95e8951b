import GridCore

/// An in-memory surface for tests: records text, role and attributes per cell.
public final class MemorySurface: Surface {
    /// One cell: its text ("" for the right half of a wide character), role and attributes.
    public struct Cell: Equatable, Sendable {
        /// The character drawn here (a space when blank).
        public var text: String
        /// Its role.
        public var role: ColorRole
        /// Its attributes.
        public var attrs: TextAttr
        static let blank = Cell(text: " ", role: .normal, attrs: [])
    }

    /// Rows.
    public private(set) var rows: Int
    /// Columns.
    public private(set) var cols: Int
    /// The cells, row by row.
    public private(set) var cells: [[Cell]]
    /// How many times `alert()` was called.
    public private(set) var alerts = 0
    /// How many times `present()` was called.
    public private(set) var presents = 0

    /// A blank surface of the given size.
    public init(rows: Int, cols: Int) {
        self.rows = rows; self.cols = cols
        cells = Array(repeating: Array(repeating: .blank, count: cols), count: rows)
    }

    /// Changes the size (as a terminal resize would) and blanks it.
    public func resize(rows: Int, cols: Int) {
        self.rows = rows; self.cols = cols; clear()
    }

    /// Blanks every cell.
    public func clear() { cells = Array(repeating: Array(repeating: .blank, count: cols), count: rows) }

    /// Writes clipped text.
    @discardableResult
    public func put(_ row: Int, _ col: Int, _ text: String, role: ColorRole, attrs: TextAttr, width: Int?) -> Int {
        guard row >= 0, row < rows, col >= 0, col < cols else { return 0 }
        let limit = min(cols - col, width ?? Int.max)
        var c = col
        // The same escaping as the terminal's surface: what a test sees is what a person would see.
        let shown = TextSafety.escaped(text)
        /// Places one glyph of `w` columns; false when it does not fit.
        func place(_ glyph: String, _ w: Int) -> Bool {
            if w == 0 { return true }
            if c - col + w > limit { return false }
            cells[row][c] = Cell(text: glyph, role: role, attrs: attrs)
            if w == 2 { cells[row][c + 1] = Cell(text: "", role: role, attrs: attrs) }
            c += w
            return true
        }
        if DisplayWidth.hasJoinedGraphemes(shown) {
            // Grapheme by grapheme, as the curses surface draws them (a joined emoji as its first glyph).
            for ch in shown {
                var drawn = String.UnicodeScalarView()
                drawn.append(contentsOf: DisplayWidth.drawable(ch))
                if !place(String(drawn), DisplayWidth.of(ch)) { break }
            }
        } else {
            for s in shown.unicodeScalars where !place(String(s), DisplayWidth.of(s)) { break }
        }
        return c - col
    }

    /// Fills a rectangle with blanks.
    public func fill(row: Int, col: Int, width: Int, height: Int, role: ColorRole, attrs: TextAttr) {
        for r in max(0, row)..<min(rows, row + height) {
            for c in max(0, col)..<max(max(0, col), min(cols, col + width)) {
                cells[r][c] = Cell(text: " ", role: role, attrs: attrs)
            }
        }
    }

    /// Counts the frame.
    public func present() { presents += 1 }

    /// Counts the alert.
    public func alert() { alerts += 1 }

    /// The text of a row, right-trimmed.
    public func line(_ row: Int) -> String {
        var s = cells[row].map(\.text).joined()
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }

    /// Every row's text, joined by newlines, trailing blank lines dropped.
    public var text: String {
        var lines = (0..<rows).map(line)
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// The cell at a display column.
    public func cell(_ row: Int, _ col: Int) -> Cell { cells[row][col] }

    /// The row and column where `needle` first appears, if it does.
    public func find(_ needle: String) -> (row: Int, col: Int)? {
        for r in 0..<rows {
            let l = line(r)
            if let range = l.range(of: needle) {
                return (r, DisplayWidth.of(String(l[..<range.lowerBound])))
            }
        }
        return nil
    }
}
