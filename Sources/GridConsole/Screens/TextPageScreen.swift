import GridCore

/// A full-screen reader (`v` on the matter page): labelled sections wrapped to the whole width, scrolled with
/// ↑↓ PgUp/PgDn, with a scroll mark; Esc returns.
final class TextPageScreen: BoundScreen {
    let heading: String
    let sections: [(String, String)]
    var scroller = Scroller()

    init(title: String, sections: [(String, String)]) { self.heading = title; self.sections = sections }

    func title(_ t: Strings) -> String { heading }
    func reload(_ app: ConsoleApp) throws {}

    /// The lines at `width`: each label on its own line, its text wrapped under it, a blank line between.
    func lines(width: Int) -> [(String, Bool)] {
        sections.flatMap { label, text in
            [(label, true)] + TextWrap.lines(text, width: max(8, width - 2)).map { ("  " + $0, false) } + [("", false)]
        }
    }

    func draw(_ s: Surface, _ a: Rect, _ app: ConsoleApp) {
        let all = lines(width: a.width - 2)
        let long = scroller.layout(lines: all.count, height: a.height - 2)
        s.put(a.row, a.col + 1, app.strings.f("matter.viewTitle", heading), role: .heading, attrs: [.bold], width: a.width - 2)
        for (i, l) in all[scroller.visible].enumerated() {
            s.put(a.row + 1 + i, a.col + 1, l.0, role: l.1 ? .heading : .normal, attrs: l.1 ? [.bold] : [], width: a.width - 2)
        }
        if long {
            let v = scroller.visible
            s.put(a.bottom - 1, a.col + 1, app.strings.f("matter.scrollMark", v.lowerBound + 1, v.upperBound, all.count), role: .dim)
        }
    }

    func bindings(_ app: ConsoleApp) -> [Binding] {
        [Binding(Scroller.keys, "PgUp/PgDn", app.strings["hint.scroll"]) { [unowned self] key in
            scroller.handle(key); return .handled
        }]
    }
}
