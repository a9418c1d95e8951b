import GridCore

/// A table column: heading, width in display columns (0 = take what is left), right alignment.
public struct Column: Sendable {
    /// Heading.
    public var title: String
    /// Width in display columns; 0 shares the remaining width.
    public var width: Int
    /// Right-aligned (numbers).
    public var right: Bool
    /// Which columns stay when the table is too narrow: the lowest priority is dropped first.
    public var priority: Int
    /// For a flexible column, the width it needs before lower-priority columns are dropped to make room.
    public var minimum: Int
    /// Creates a column.
    public init(_ title: String, _ width: Int, right: Bool = false, priority: Int = 5, minimum: Int = 10) {
        self.title = title; self.width = width; self.right = right; self.priority = priority; self.minimum = minimum
    }
}

/// One cell's text and style.
public struct CellText: Sendable {
    /// The text.
    public var text: String
    /// Its role.
    public var role: ColorRole
    /// Its attributes.
    public var attrs: TextAttr
    /// Creates a cell.
    public init(_ text: String, _ role: ColorRole = .normal, _ attrs: TextAttr = []) { self.text = text; self.role = role; self.attrs = attrs }
}

/// A scrolling list with a selection, windowed over a data source (htop's Panel):
/// it only ever asks for the rows it shows, so the source may be a table of a million matters.
public final class TableView {
    /// Rows in the source.
    public var count = 0 { didSet { clamp() } }
    /// The selected row.
    public private(set) var selection = 0
    /// The first row shown.
    public private(set) var top = 0
    /// Rows shown at the last draw (the page size).
    public private(set) var pageHeight = 10
    /// Which column is sorted (drawn with ▼ / ▲), if any.
    public var sortColumn: Int?
    /// Descending sort marker.
    public var descending = false
    /// Whether the selected row is drawn highlighted (off for a list beside the one that has the keys).
    public var marksSelection = true

    /// Creates an empty table.
    public init() {}

    /// The range of rows the next draw of `height` rows shows (what the source must load).
    public func visibleRange(height: Int) -> Range<Int> {
        pageHeight = max(1, height)
        if selection < top { top = selection }
        if selection >= top + pageHeight { top = selection - pageHeight + 1 }
        top = max(0, min(top, max(0, count - pageHeight)))
        return top..<min(count, top + pageHeight)
    }

    /// The keys `handle` moves the selection for (declared in screens' bindings).
    public static let navigationKeys: [Key] = [.up, .char("k"), .down, .char("j"), .pageUp, .ctrl("b"), .pageDown, .ctrl("f"), .char(" "),
                                               .home, .char("g"), .end, .char("G")]

    /// Moves the selection for a navigation key; false when the key is not a navigation key.
    public func handle(_ key: Key) -> Bool {
        switch key {
        case .up, .char("k"): selection -= 1
        case .down, .char("j"): selection += 1
        case .pageUp, .ctrl("b"): selection -= pageHeight
        case .pageDown, .ctrl("f"), .char(" "): selection += pageHeight
        case .home, .char("g"): selection = 0
        case .end, .char("G"): selection = count - 1
        default: return false
        }
        clamp()
        return true
    }

    /// Selects a row.
    public func select(_ i: Int) { selection = i; clamp() }

    private func clamp() { selection = max(0, min(selection, count - 1)) }

    /// Lays out column widths for `width`: fixed ones as given, flexible ones share the rest.
    public static func widths(_ columns: [Column], width: Int) -> [Int] {
        let fixed = columns.reduce(0) { $0 + ($1.width > 0 ? $1.width : 0) } + max(0, columns.count - 1)
        let flex = columns.filter { $0.width == 0 }.count
        let share = flex > 0 ? max(4, (width - fixed) / flex) : 0
        return columns.map { $0.width > 0 ? $0.width : share }
    }

    /// The columns that fit `width`, lowest priority dropped first, so that flexible columns keep their
    /// `minimum`; indices into `columns`, in order.
    public static func kept(_ columns: [Column], width: Int) -> [Int] {
        var keep = Array(columns.indices)
        func need(_ ks: [Int]) -> Int {
            ks.reduce(0) { $0 + (columns[$1].width > 0 ? columns[$1].width : columns[$1].minimum) } + max(0, ks.count - 1)
        }
        while need(keep) > width, keep.count > 1,
              let drop = keep.min(by: { columns[$0].priority < columns[$1].priority }) {
            keep.removeAll { $0 == drop }
        }
        return keep
    }

    /// Draws the heading and the visible rows in `rect`; `row(i)` gives row `i`'s cells (nil = still loading).
    /// Columns that do not fit are left out by priority (`kept`), their cells with them.
    public func draw(_ s: Surface, _ rect: Rect, columns all: [Column], row allRow: (Int) -> [CellText]?) {
        guard rect.height > 1 else { return }
        let keep = TableView.kept(all, width: rect.width)
        let columns = keep.map { all[$0] }
        let sortColumn = self.sortColumn.flatMap { keep.firstIndex(of: $0) }
        func row(_ i: Int) -> [CellText]? { allRow(i).map { cells in keep.compactMap { cells.indices.contains($0) ? cells[$0] : nil } } }
        let widths = TableView.widths(columns, width: rect.width)
        var c = rect.col
        for (i, col) in columns.enumerated() {
            var title = col.title
            if sortColumn == i { title += descending ? "▲" : "▼" }
            s.put(rect.row, c, DisplayWidth.pad(title, to: widths[i], right: col.right), role: .heading, attrs: [.bold, .underline], width: min(widths[i], rect.col + rect.width - c))
            c += widths[i] + 1
            if c >= rect.col + rect.width { break }
        }
        let range = visibleRange(height: rect.height - 1)
        for (n, i) in range.enumerated() {
            let r = rect.row + 1 + n
            let selected = i == selection && marksSelection
            if selected { s.fill(row: r, col: rect.col, width: rect.width, height: 1, role: .selected, attrs: [.reverse]) }
            guard let cells = row(i) else { s.put(r, rect.col, "…", role: .dim); continue }
            var c = rect.col
            for (k, cell) in cells.enumerated() where k < widths.count {
                let w = min(widths[k], rect.col + rect.width - c)
                if w <= 0 { break }
                let text = DisplayWidth.pad(cell.text, to: widths[k], right: columns[k].right)
                s.put(r, c, text, role: selected ? .selected : cell.role, attrs: selected ? cell.attrs.union(.reverse) : cell.attrs, width: w)
                c += widths[k] + 1
            }
        }
        // The position counter sits in the last column's heading only if it fits beside the heading text.
        if count > range.count, rect.width > 10, let last = columns.indices.last {
            let pos = "\(selection + 1)/\(count)"
            let lastStart = rect.col + widths.prefix(last).reduce(0, +) + last
            let headingEnd = lastStart + DisplayWidth.of(columns[last].title) + 2
            let at = rect.col + rect.width - DisplayWidth.of(pos)
            if at >= headingEnd { s.put(rect.row, at, pos, role: .dim) }
        }
    }
}

/// Loads a table's rows a page at a time and keeps only the pages near the view.
public final class PageCache<RowValue> {
    private var pages: [Int: [RowValue]] = [:]
    private let pageSize: Int
    private let load: (_ offset: Int, _ limit: Int) throws -> [RowValue]

    /// A cache of `pageSize`-row pages filled by `load`.
    public init(pageSize: Int = 100, load: @escaping (_ offset: Int, _ limit: Int) throws -> [RowValue]) {
        self.pageSize = pageSize; self.load = load
    }

    /// Forgets every page (the data changed).
    public func invalidate() { pages.removeAll() }

    /// Ensures the rows of `range` are loaded; drops pages far from it.
    public func prepare(_ range: Range<Int>) throws {
        guard !range.isEmpty else { return }
        let first = range.lowerBound / pageSize, last = (range.upperBound - 1) / pageSize
        for p in pages.keys where p < first - 1 || p > last + 1 { pages[p] = nil }
        for p in first...last where pages[p] == nil { pages[p] = try load(p * pageSize, pageSize) }
    }

    /// Row `i`, if loaded.
    public subscript(_ i: Int) -> RowValue? {
        guard i >= 0, let page = pages[i / pageSize], i % pageSize < page.count else { return nil }
        return page[i % pageSize]
    }

    /// Rows held in memory now.
    public var heldRows: Int { pages.values.reduce(0) { $0 + $1.count } }
}
