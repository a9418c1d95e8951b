/// Terminal display width of text: CJK and full-width characters take two columns,
/// combining marks none. Pure Swift so the rule is the same in tables, reports and the console.
public enum DisplayWidth {
    /// Columns a single scalar occupies (0, 1 or 2).
    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v == 0 { return 0 }
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if isZeroWidth(v) { return 0 }
        return isWide(v) ? 2 : 1
    }

    /// Columns a string occupies.
    public static func of(_ text: String) -> Int {
        var n = 0
        for s in text.unicodeScalars { n += of(s) }
        return n
    }

    /// The longest prefix of `text` that fits in `columns`, never splitting a wide character.
    public static func clip(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        var used = 0
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let w = of(s)
            if used + w > columns { break }
            used += w
            out.append(s)
        }
        return String(out)
    }

    /// Clips with a trailing `…` when the text does not fit.
    public static func truncate(_ text: String, to columns: Int) -> String {
        if of(text) <= columns { return text }
        guard columns > 1 else { return clip(text, to: columns) }
        return clip(text, to: columns - 1) + "…"
    }

    /// Pads (or truncates) to exactly `columns`, left-aligned; `right` aligns right.
    public static func pad(_ text: String, to columns: Int, right: Bool = false) -> String {
        let t = truncate(text, to: columns)
        let gap = String(repeating: " ", count: max(0, columns - of(t)))
        return right ? gap + t : t + gap
    }

    static func isZeroWidth(_ v: UInt32) -> Bool {
        (0x0300...0x036F).contains(v) || (0x1AB0...0x1AFF).contains(v) || (0x1DC0...0x1DFF).contains(v)
            || (0x20D0...0x20FF).contains(v) || (0xFE20...0xFE2F).contains(v) || v == 0x200B || v == 0x200C
            || v == 0x200D || v == 0x2060 || (0xFE00...0xFE0F).contains(v)
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
