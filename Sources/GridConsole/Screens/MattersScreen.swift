import Foundation
import GridCore
import GridStore

/// 案件: the open matters, windowed, sortable by column and filterable with `/`.
final class MattersScreen: Screen {
    let table = TableView()
    var filterInput: TextInput?
    var filter = ConsoleMatterFilter()
    var filterText = ""
    var sort: MatterSort = .due
    var descending = false
    var now = Date()
    private var cache: PageCache<MatterRow>!
    private weak var app: ConsoleApp?

    func title(_ t: Strings) -> String { t["tab.matters"] }
    var editing: Bool { filterInput != nil }

    static let sortOrder: [MatterSort] = [.number, .urgency, .category, .grid, .department, .state, .due]

    func reload(_ app: ConsoleApp) throws {
        self.app = app
        now = app.now
        let store = app.store, f = filter, s = sort, d = descending
        cache = PageCache(pageSize: 100) { offset, limit in try store.openMatters(filter: f, sort: s, descending: d, offset: offset, limit: limit) }
        table.count = try store.openMatterCount(filter: filter)
        table.sortColumn = MattersScreen.sortOrder.firstIndex(of: sort)
        table.descending = descending
    }

    /// The selected matter's number, if loaded.
    var selectedNumber: String? {
        try? cache?.prepare(table.selection..<(table.selection + 1))
        return cache?[table.selection]?.number
    }

    /// The columns; narrower category and department columns below 110 columns so the title keeps some room.
    func columns(_ t: Strings, width: Int = 120) -> [Column] {
        let narrow = width < 110
        return [Column(t["col.number"], 14), Column(t["col.urgency"], 4), Column(t["col.category"], narrow ? 10 : 14), Column(t["col.grid"], 8),
                Column(t["col.department"], narrow ? 8 : 12), Column(t["col.state"], narrow ? 6 : 8), Column(t["col.due"], narrow ? 10 : 12, right: true),
                Column(t["col.title"], 0)]
    }

    func draw(_ s: Surface, _ a: Rect, _ app: ConsoleApp) {
        let t = app.strings
        var line = t.f("matters.count", table.count) + "   " + t["matters.sortedBy"] + columns(t)[MattersScreen.sortOrder.firstIndex(of: sort)!].title
        if !filterText.isEmpty { line += "   " + t["matters.filter"] + filterText }
        if let input = filterInput {
            s.put(a.row, a.col + 1, "/", attrs: [.bold])
            input.draw(s, row: a.row, col: a.col + 2, width: a.width - 3, focused: true)
        } else {
            s.put(a.row, a.col + 1, line, role: .dim, width: a.width - 2)
        }
        let body = Rect(row: a.row + 1, col: a.col + 1, height: a.height - 1, width: a.width - 2)
        let range = table.visibleRange(height: body.height - 1)
        try? cache?.prepare(range)
        table.draw(s, body, columns: columns(t, width: body.width)) { i in
            guard let m = self.cache?[i] else { return nil }
            return MattersScreen.cells(m, app: app, now: self.now)
        }
    }

    static func cells(_ m: MatterRow, app: ConsoleApp, now: Date) -> [CellText] {
        let t = app.strings
        let status = DueStatus.of(dueAt: m.dueAt, nearDueAt: m.nearDueAt, now: now)
        let role = ConsoleApp.role(status)
        return [CellText(m.number), CellText(t.name(m.urgency), m.urgency == .urgent ? .overdue : .normal, m.urgency == .urgent ? [.bold] : []),
                CellText(m.category), CellText(m.grid), CellText(m.department), CellText(t.name(m.state)),
                CellText(app.dueText(m.dueAt, now: now), role, status == .overdue ? [.bold] : []), CellText((m.major ? "★ " : "") + m.title, m.major ? .overdue : .normal)]
    }

    func handle(_ key: Key, _ app: ConsoleApp) -> Bool {
        if var input = filterInput {
            switch key {
            case .escape: filterInput = nil
            case .enter:
                filterInput = nil; filterText = input.text; filter = ConsoleMatterFilter(parsing: input.text)
                table.select(0); app.reloadCurrent()
            default:
                _ = input.handle(key); filterInput = input
            }
            return true
        }
        if table.handle(key) { return true }
        switch key {
        case .char("/"): filterInput = TextInput(filterText)
        case .char("s"), .char(">"):
            let i = MattersScreen.sortOrder.firstIndex(of: sort)!
            sort = MattersScreen.sortOrder[(i + 1) % MattersScreen.sortOrder.count]; app.reloadCurrent()
        case .char("<"):
            let i = MattersScreen.sortOrder.firstIndex(of: sort)!
            sort = MattersScreen.sortOrder[(i + MattersScreen.sortOrder.count - 1) % MattersScreen.sortOrder.count]; app.reloadCurrent()
        case .char("S"): descending.toggle(); app.reloadCurrent()
        case .enter:
            if let n = selectedNumber { app.openMatter(number: n) }
        case .escape where !filterText.isEmpty:
            filterText = ""; filter = ConsoleMatterFilter(); app.reloadCurrent()
        default: return false
        }
        return true
    }

    func hints(_ app: ConsoleApp) -> [(key: String, label: String)] {
        let t = app.strings
        return [("Enter", t["hint.open"]), ("/", t["hint.filter"]), ("s/S", t["hint.sort"])]
    }

    func help(_ app: ConsoleApp) -> [String] {
        let t = app.strings
        return [t["help.list"], t["help.sort"],
                t.language == .zh ? "/ 筛选：任意文字，或 state: grid: dept: cat: 条件；Esc 清除" : "/ filter: any text, or state: grid: dept: cat: terms; Esc clears"]
    }
}
