import Foundation
import GridCore
import GridStore

/// 案件: the open matters, windowed, sortable by column; `/` searches every matter, open and ended
/// (`MatterQuery`: words anywhere in a matter's text, `state:` `grid:` `dept:` `cat:` `from:` `to:` by code or name).
final class MattersScreen: BoundScreen {
    let table = TableView()
    var filterInput: TextInput?
    /// The query in force and the text it was parsed from.
    var query = MatterQuery()
    var filterText = ""
    var sort: MatterSort = .due
    var descending = false
    var now = Date()
    /// The registry names terms may use, read with each reload (a few hundred rows).
    var vocabulary = MatterQueryVocabulary()
    private var cache: PageCache<MatterRow>!

    /// The most a search counts before it says "N+".
    static let countCap = 1000

    func title(_ t: Strings) -> String { t["tab.matters"] }
    var editing: Bool { filterInput != nil }

    static let sortOrder: [MatterSort] = [.number, .urgency, .category, .grid, .department, .state, .due]

    /// Whether the list is a search (words, or ended matters in scope): newest first, every matter.
    var searching: Bool { !query.words.isEmpty || !query.openOnly }

    func reload(_ app: ConsoleApp) throws {
        now = app.now
        let store = app.store, q = query, s = sort, d = descending
        vocabulary = try store.queryVocabulary()  // states go by their codes and the name table's names
        if searching {
            cache = PageCache(pageSize: 100) { offset, limit in try store.searchMatters(q, offset: offset, limit: limit) }
            table.count = try store.searchCount(q, cap: MattersScreen.countCap)
            table.sortColumn = nil
        } else {
            cache = PageCache(pageSize: 100) { offset, limit in try store.openMatters(filter: q, sort: s, descending: d, offset: offset, limit: limit) }
            table.count = try store.openMatterCount(filter: q)
            table.sortColumn = MattersScreen.sortOrder.firstIndex(of: sort)
        }
        table.descending = descending
        try loadVisible()
    }

    /// Loads the rows the table shows now (at its last drawn height): in `reload` and after a move of the
    /// selection, never while drawing.
    func loadVisible() throws {
        // Wherever the next draw puts the window (the selection may have moved past it), it lies in this range.
        let h = max(table.pageHeight, 50)
        let lo = max(0, min(table.top, table.selection - h)), hi = min(table.count, max(table.top, table.selection) + h + 1)
        if lo < hi { try cache?.prepare(lo..<hi) }
    }

    /// The selected matter's number, if loaded.
    var selectedNumber: String? {
        try? cache?.prepare(table.selection..<(table.selection + 1))
        return cache?[table.selection]?.number
    }

    /// The columns; narrower category and department columns below 110 columns so the title keeps some room.
    func columns(_ t: Strings, width: Int = 120) -> [Column] {
        let narrow = width < 110
        // Priorities: number, urgency, due and title stay longest when the table is narrow.
        return [Column(t["col.number"], 14, priority: 10), Column(t["col.urgency"], 4, priority: 9),
                Column(t["col.category"], narrow ? 10 : 14, priority: 4), Column(t["col.grid"], 8, priority: 3),
                Column(t["col.department"], narrow ? 8 : 12, priority: 2), Column(t["col.state"], narrow ? 6 : 8, priority: 6),
                Column(t["col.due"], narrow ? 10 : 12, right: true, priority: 8), Column(t["col.title"], 0, priority: 7, minimum: 20)]
    }

    /// The line above the table: count, scope, order, filter.
    func summary(_ t: Strings) -> String {
        let counted = searching && table.count >= MattersScreen.countCap
        var line = t.f(counted ? "matters.countMore" : "matters.count", table.count) + "   "
        line += t[query.openOnly ? "matters.scopeOpen" : "matters.scopeAll"] + "   "
        line += t["matters.sortedBy"] + (searching ? t["matters.newestFirst"] : columns(t)[MattersScreen.sortOrder.firstIndex(of: sort)!].title)
        if !filterText.isEmpty { line += "   " + t["matters.filter"] + filterText }
        if MatterSearch.isBounded(query) { line += "   " + t.f("matters.bounded", MatterSearch.singleCharacterScan) }
        return line
    }

    func draw(_ s: Surface, _ a: Rect, _ app: ConsoleApp) {
        let t = app.strings
        if let input = filterInput {
            s.put(a.row, a.col + 1, "/", attrs: [.bold])
            input.draw(s, row: a.row, col: a.col + 2, width: a.width - 3, focused: true)
        } else {
            s.put(a.row, a.col + 1, summary(t), role: .dim, width: a.width - 2)
        }
        let body = Rect(row: a.row + 1, col: a.col + 1, height: a.height - 1, width: a.width - 2)
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
                CellText(app.dueText(m.dueAt, now: now), role, status == .overdue ? [.bold] : []), CellText(m.title)]
    }

    /// Applies a typed search; a refused one keeps the field open with the reason in the status line.
    func apply(_ text: String, _ app: ConsoleApp) -> Outcome {
        do {
            query = try MatterQuery.parse(text, vocabulary: vocabulary)
        } catch {
            filterInput = TextInput(text)
            return .message(error.message(chinese: app.strings.language == .zh))
        }
        filterText = text; table.select(0)
        return .reload
    }

    /// Enter and Esc reach an open field through its bindings; every other key goes straight to it.
    func input(_ key: Key, _ app: ConsoleApp) -> Outcome? {
        editing && key != .enter && key != .escape ? feed(key, app) : nil
    }

    /// A key for the open field or dialog.
    func feed(_ key: Key, _ app: ConsoleApp) -> Outcome {
        guard var input = filterInput else { return .ignored }
        switch key {
        case .escape: filterInput = nil; return .handled
        case .enter: filterInput = nil; return apply(input.text, app)
        default: _ = input.handle(key); filterInput = input; return .handled
        }
    }

    func bindings(_ app: ConsoleApp) -> [Binding] {
        let t = app.strings
        if editing { return Binding.field(t, enter: t["hint.confirm"]) { [unowned self] key in feed(key, app) } }
        var list = [
            Binding([.enter], "Enter", t["hint.open"]) { [unowned self] _ in
                guard let n = selectedNumber else { return .handled }
                return app.matterPage(number: n).map { .push($0) } ?? .message(t.f("matter.notFound", n))
            },
            Binding([.char("/")], "/", t["hint.search"], help: t["help.search"]) { [unowned self] _ in
                filterInput = TextInput(filterText); return .handled
            },
            Binding([.char("a")], "a", t["hint.scope"], help: t["help.scope"]) { [unowned self] _ in
                query.states = query.openOnly ? nil : MatterQuery.openStates
                table.select(0); return .reload
            },
        ]
        if !searching {
            list += [
                Binding([.char("s"), .char(">")], "s/>", t["hint.sort"]) { [unowned self] _ in
                    let i = MattersScreen.sortOrder.firstIndex(of: sort)!
                    sort = MattersScreen.sortOrder[(i + 1) % MattersScreen.sortOrder.count]; return .reload
                },
                Binding([.char("<")], "<", t["hint.sortBack"], hinted: false) { [unowned self] _ in
                    let i = MattersScreen.sortOrder.firstIndex(of: sort)!
                    sort = MattersScreen.sortOrder[(i + MattersScreen.sortOrder.count - 1) % MattersScreen.sortOrder.count]; return .reload
                },
                Binding([.char("S")], "S", t["hint.reverse"], hinted: false) { [unowned self] _ in descending.toggle(); return .reload },
            ]
        }
        if !filterText.isEmpty || !query.openOnly {
            list.append(Binding([.escape], "Esc", t["hint.clear"]) { [unowned self] _ in
                filterText = ""; query = MatterQuery(); return .reload
            })
        }
        list.append(Binding(TableView.navigationKeys, "↑↓", t["hint.move.keys"], help: t["help.moveKeys"], hinted: false) { [unowned self] key in
            guard table.handle(key) else { return .ignored }
            do { try loadVisible() } catch { return .message(t["error.prefix"] + ErrorWording.words(error, t, zone: app.store.zone)) }
            return .handled
        })
        return list
    }
}
