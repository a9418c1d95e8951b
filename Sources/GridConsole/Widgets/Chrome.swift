import GridCore

/// The top tab bar, bottom status line, key-hint line and alert banner.
public enum Chrome {
    /// Draws `tabs` on `row`, numbered from 1, the `active` one highlighted; `right` text at the right edge.
    public static func tabBar(_ s: Surface, row: Int, tabs: [String], active: Int, right: String) {
        s.fill(row: row, col: 0, width: s.cols, height: 1, role: .tabBar, attrs: [])
        var c = 0
        for (i, t) in tabs.enumerated() {
            let label = " \(i + 1) \(t) "
            let w = s.put(row, c, label, role: i == active ? .tabActive : .tabBar, attrs: i == active ? [.bold] : [], width: s.cols - c)
            c += w
            if c >= s.cols { break }
        }
        let rw = DisplayWidth.of(right)
        if c + rw + 1 < s.cols { s.put(row, s.cols - rw - 1, right, role: .tabBar) }
    }

    /// The status line: `left` text, and the date and last refresh time at the right. A `message` too long to sit
    /// beside them takes the whole line (an error's list of what is accepted must be readable); otherwise the left
    /// text gives way. What still does not fit ends in an ellipsis.
    public static func statusLine(_ s: Surface, row: Int, left: String, right: String, message: Bool = false, role: ColorRole = .status) {
        s.fill(row: row, col: 0, width: s.cols, height: 1, role: role, attrs: [])
        let rw = message && DisplayWidth.of(left) + DisplayWidth.of(right) + 3 > s.cols ? 0 : DisplayWidth.of(right)
        s.put(row, 1, DisplayWidth.truncate(left, to: max(0, s.cols - rw - 3)), role: role)
        if rw > 0 { s.put(row, max(0, s.cols - rw - 1), right, role: role) }
    }

    /// The key-hint line: `key label` pairs, keys highlighted, cut at the right edge.
    public static func hintLine(_ s: Surface, row: Int, hints: [(key: String, label: String)]) {
        s.fill(row: row, col: 0, width: s.cols, height: 1, role: .status, attrs: [])
        var c = 1
        for h in hints {
            let need = DisplayWidth.of(h.key) + 1 + DisplayWidth.of(h.label) + 2
            if c + need > s.cols { break }
            c += s.put(row, c, h.key, role: .key, attrs: [.bold])
            c += 1
            c += s.put(row, c, h.label, role: .status)
            c += 2
        }
    }

    /// A highlighted one-line banner across the screen.
    public static func banner(_ s: Surface, row: Int, text: String) {
        s.fill(row: row, col: 0, width: s.cols, height: 1, role: .banner, attrs: [.bold])
        s.put(row, 1, DisplayWidth.truncate("▲ " + text, to: s.cols - 2), role: .banner, attrs: [.bold], width: s.cols - 2)
    }

    /// A section heading with a rule after it.
    public static func heading(_ s: Surface, row: Int, col: Int, width: Int, text: String) {
        let w = s.put(row, col, text, role: .heading, attrs: [.bold], width: width)
        if width - w - 1 > 0 { s.put(row, col + w + 1, String(repeating: "─", count: width - w - 1), role: .dim) }
    }

    /// A box with a title, returning the inside.
    @discardableResult
    public static func box(_ s: Surface, _ r: Rect, title: String, role: ColorRole = .normal) -> Rect {
        guard r.width >= 2, r.height >= 2 else { return r }
        s.fill(row: r.row, col: r.col, width: r.width, height: r.height, role: role, attrs: [])
        let line = String(repeating: "─", count: r.width - 2)
        s.put(r.row, r.col, "┌" + line + "┐", role: role)
        for i in 1..<(r.height - 1) {
            s.put(r.row + i, r.col, "│", role: role)
            s.put(r.row + i, r.col + r.width - 1, "│", role: role)
        }
        s.put(r.bottom - 1, r.col, "└" + line + "┘", role: role)
        if !title.isEmpty { s.put(r.row, r.col + 2, " \(title) ", role: role, attrs: [.bold], width: r.width - 4) }
        return Rect(row: r.row + 1, col: r.col + 2, height: r.height - 2, width: r.width - 4)
    }
}

/// A horizontal bar: `value` of `max` drawn in `width` columns, with an optional mark column.
public enum HBar {
    /// Draws the bar; returns the filled columns.
    @discardableResult
    public static func draw(_ s: Surface, row: Int, col: Int, width: Int, value: Int, max maxValue: Int,
                            role: ColorRole, mark: Int? = nil) -> Int {
        guard width > 0 else { return 0 }
        let full = maxValue <= 0 ? 0 : min(width, (value * width + maxValue - 1) / maxValue)
        let filled = value > 0 ? max(1, full) : 0
        s.put(row, col, String(repeating: "█", count: filled), role: role, width: width)
        if filled < width { s.put(row, col + filled, String(repeating: "·", count: width - filled), role: .dim, width: width - filled) }
        if let mark, maxValue > 0 {
            let mc = min(width - 1, mark * width / maxValue)
            if mc >= filled { s.put(row, col + mc, "│", role: .dim) }
        }
        return filled
    }
}
