/// Terminal display width of text, measured per grapheme (a `Character`) from the same source ncursesw
/// uses: glibc's `wcwidth` in C.UTF-8, as a generated table of ranges (`DisplayWidth+Table.swift`), so
/// that GridCore stays free of C. CJK, full-width forms and emoji (🚀 ✅) take two columns, combining
/// marks none. Tables, reports and the console pad and cut with it and never split a grapheme.
public enum DisplayWidth {
    /// Columns a single scalar occupies (0, 1 or 2): wcwidth's value; C0/C1 controls 0; a code point wcwidth
    /// does not know (unassigned, -1) 1.
    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        if v < 0x10000 { return Int(bmp[Int(v)]) }
        if contains(wideRanges, v) { return 2 }
        if contains(zeroRanges, v) { return 0 }
        return 1
    }

    /// The table unpacked for the Basic Multilingual Plane (64 KiB, built on first use): Chinese text is
    /// measured by one array read per character instead of two binary searches.
    private static let bmp: [UInt8] = {
        var t = [UInt8](repeating: 1, count: 0x10000)
        for (ranges, w) in [(zeroRanges, UInt8(0)), (wideRanges, UInt8(2))] {
            for i in stride(from: 0, to: ranges.count, by: 2) where ranges[i] < 0x10000 {
                for v in ranges[i]...min(ranges[i + 1], 0xFFFF) { t[Int(v)] = w }
            }
        }
        for v in 0..<0x20 { t[v] = 0 }
        for v in 0x7F..<0xA0 { t[v] = 0 }
        return t
    }()

    /// Columns a grapheme occupies: its scalars' widths added up, except that a scalar after a zero-width
    /// joiner (U+200D) and an emoji modifier (skin tone, U+1F3FB–1F3FF) belong to the glyph before them and
    /// add nothing. So 👨‍👩‍👧 is 2 (one glyph, as tmux draws it), 👋🏽 2, 🇨🇳 2 (two regional indicators of
    /// 1), é 1, 中 2.
    public static func of(_ c: Character) -> Int {
        var n = 0
        var joined = false
        for s in c.unicodeScalars {
            if !joined && !isModifier(s) { n += of(s) }
            joined = s.value == 0x200D
        }
        return n
    }

    /// Columns a string occupies.
    public static func of(_ text: String) -> Int {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        // Scalar by scalar (fast); grapheme by grapheme only when a joiner, modifier or flag makes it differ.
        var n = 0
        for s in text.unicodeScalars {
            if joinsGraphemes(s) { return text.reduce(0) { $0 + of($1) } }
            n += of(s)
        }
        return n
    }

    /// The scalars of `c` a cell-based terminal library can draw in `of(c)` columns. curses measures each
    /// scalar with wcwidth, so it would count a joined emoji (👨‍👩‍👧) as three glyphs while the terminal
    /// draws one: such a grapheme is drawn as its scalars up to the first joiner or modifier (👨).
    public static func drawable(_ c: Character) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        for s in c.unicodeScalars {
            if s.value == 0x200D || isModifier(s) { break }
            out.append(s)
        }
        return out
    }

    /// The longest prefix of `text` that fits in `columns`, never splitting a grapheme.
    public static func clip(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        var used = 0
        if !hasJoinedGraphemes(text) {
            // Without joiners, modifiers and flags a grapheme is a base and zero-width marks: cutting before
            // the first scalar that does not fit keeps every mark with its base.
            var end = text.unicodeScalars.startIndex
            for i in text.unicodeScalars.indices {
                let w = of(text.unicodeScalars[i])
                if used + w > columns { break }
                used += w
                end = text.unicodeScalars.index(after: i)
            }
            return String(text.unicodeScalars[..<end])
        }
        var end = text.startIndex
        for i in text.indices {
            let w = of(text[i])
            if used + w > columns { break }
            used += w
            end = text.index(after: i)
        }
        return String(text[..<end])
    }

    /// Clips with a trailing `…` when the text does not fit.
    public static func truncate(_ text: String, to columns: Int) -> String {
        if of(text) <= columns { return text }
        guard columns > 1 else { return clip(text, to: columns) }
        return clip(text, to: columns - 1) + "…"
    }

    /// Pads (or truncates) to exactly `columns`, left-aligned; `right` aligns right.
    public static func pad(_ text: String, to columns: Int, right: Bool = false) -> String {
        let w = of(text)
        let t = w <= columns ? text : truncate(text, to: columns)
        let gap = String(repeating: " ", count: max(0, columns - (w <= columns ? w : of(t))))
        return right ? gap + t : t + gap
    }

    /// Whether `text` holds a joiner, modifier or flag: only then must a surface measure and draw it
    /// grapheme by grapheme (`drawable`); otherwise scalar by scalar is the same and faster.
    public static func hasJoinedGraphemes(_ text: String) -> Bool { text.unicodeScalars.contains(where: joinsGraphemes) }

    /// A scalar that makes a grapheme's width differ from its scalars' sum, or a cut between scalars split
    /// one: the zero-width joiner, an emoji modifier, a regional indicator (two make a flag).
    static func joinsGraphemes(_ s: Unicode.Scalar) -> Bool {
        s.value == 0x200D || isModifier(s) || (0x1F1E6...0x1F1FF).contains(s.value)
    }

    /// An emoji modifier (Fitzpatrick skin tone): part of the emoji before it.
    static func isModifier(_ s: Unicode.Scalar) -> Bool { (0x1F3FB...0x1F3FF).contains(s.value) }

    /// Whether `v` falls in one of the inclusive `ranges` (first, last, first, last, … ascending): binary search.
    static func contains(_ ranges: [UInt32], _ v: UInt32) -> Bool {
        var lo = 0, hi = ranges.count / 2
        while lo < hi {
            let mid = (lo + hi) / 2
            if v < ranges[2 * mid] { hi = mid }
            else if v > ranges[2 * mid + 1] { lo = mid + 1 }
            else { return true }
        }
        return false
    }
}
