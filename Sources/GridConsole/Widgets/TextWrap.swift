import GridCore

/// Cuts text into lines of a display width: Chinese breaks between any two characters, a run of Latin letters,
/// digits and the marks inside codes and times (`-` `:` `.` `/` `@` `_`) moves whole to the next line when it fits
/// there, line breaks in the text are kept. Nothing is lost:
/// every character of the text is on some line.
public enum TextWrap {
    /// Whether `ch` belongs to an unbreakable run (a Latin word, a number, a code like 20261122-0001 or a time 09:30).
    static func isWordCharacter(_ ch: Character) -> Bool {
        ch.isASCII && (ch.isLetter || ch.isNumber || "-:./@_+".contains(ch))
    }

    /// The lines of `text` in `width` columns (at least one line, possibly empty). Control characters are
    /// escaped first (`^H`, as the surface shows them), so their shown width is what is wrapped.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 1 else { return [text] }
        var out: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let paragraph = TextSafety.escaped(String(raw))
            var line = "", used = 0
            var word = "", wordWidth = 0 // a pending run of Latin letters/digits
            func flushWord() {
                guard !word.isEmpty else { return }
                if used + wordWidth > width && used > 0 && wordWidth <= width { out.append(line); line = ""; used = 0 }
                for ch in word {
                    let w = DisplayWidth.of(String(ch))
                    if used + w > width { out.append(line); line = ""; used = 0 }
                    line.append(ch); used += w
                }
                word = ""; wordWidth = 0
            }
            for ch in paragraph {
                let w = DisplayWidth.of(String(ch))
                if TextWrap.isWordCharacter(ch) { word.append(ch); wordWidth += w; continue }
                flushWord()
                if used + w > width { out.append(line); line = ""; used = 0 }
                if used == 0 && ch == " " && !line.isEmpty { continue }
                line.append(ch); used += w
            }
            flushWord()
            out.append(line)
        }
        return out
    }
}
