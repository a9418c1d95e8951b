/// A plain-text table for the command line, aligned by display width.
public struct TextTable: Sendable {
    /// Column headings.
    public var headers: [String]
    /// Rows of cells.
    public var rows: [[String]]
    /// Columns aligned right (numbers).
    public var rightAligned: Set<Int>

    /// Creates a table.
    public init(headers: [String], rows: [[String]] = [], rightAligned: Set<Int> = []) {
        self.headers = headers; self.rows = rows; self.rightAligned = rightAligned
    }

    /// The table as lines of text, two spaces between columns. Control characters in a cell are shown
    /// escaped (`TextSafety.escaped`), never sent to the terminal.
    public func render() -> String {
        let rows = self.rows.map { $0.map { TextSafety.escaped($0) } }
        let headers = self.headers.map { TextSafety.escaped($0) }
        var widths = headers.map(DisplayWidth.of)
        for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], DisplayWidth.of(c)) } }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for i in 0..<headers.count {
                let c = i < cells.count ? cells[i] : ""
                parts.append(DisplayWidth.pad(c, to: widths[i], right: rightAligned.contains(i)))
            }
            var s = parts.joined(separator: "  ")
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
        var out = [line(headers), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        out += rows.map(line)
        return out.joined(separator: "\n") + "\n"
    }
}
