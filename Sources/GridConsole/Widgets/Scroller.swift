/// The position of a scrolled text pane: the first line shown, kept within the text by each draw.
struct Scroller {
    /// The first line shown.
    var top = 0
    /// Lines the pane showed at the last draw, and lines of text.
    var pageHeight = 10, lineCount = 0

    /// The keys that scroll (↑↓ j k a line, PgUp/PgDn and space a page, Home/End the ends).
    static let keys: [Key] = [.pageDown, .pageUp, .down, .up, .char("j"), .char("k"), .char(" "), .home, .end]

    /// Records the sizes of this draw and clamps the position; whether the text is longer than the pane.
    mutating func layout(lines: Int, height: Int) -> Bool {
        lineCount = lines; pageHeight = max(1, height); clamp()
        return lineCount > pageHeight
    }

    /// Scrolls for one of `keys`.
    mutating func handle(_ key: Key) {
        switch key {
        case .pageDown, .char(" "): top += max(1, pageHeight - 1)
        case .pageUp: top -= max(1, pageHeight - 1)
        case .down, .char("j"): top += 1
        case .up, .char("k"): top -= 1
        case .home: top = 0
        default: top = lineCount
        }
        clamp()
    }

    /// The visible lines as a range of the text's.
    var visible: Range<Int> { top..<min(lineCount, top + pageHeight) }

    private mutating func clamp() { top = max(0, min(top, lineCount - pageHeight)) }
}
