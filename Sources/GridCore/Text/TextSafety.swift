/// What a text field may hold besides printable text (字段文本规则): whether tabs and line breaks belong in it.
///
/// Text from outside (the command line, the console's fields, importers) is hostile: a stored ESC sequence
/// would drive the terminal of whoever reads it, backspaces would rewrite what they see, bidirectional
/// overrides would reorder it. Every write entry point checks its text with `TextSafety.check` against the
/// field's policy; every output escapes what slipped in before (`TextSafety.escaped`).
public struct TextFieldPolicy: Sendable, Hashable {
    /// The field's name as the person typed it or the importer's column (`title`, `--note`, `description`).
    public let name: String
    /// Whether line breaks (LF, CR, CRLF) are allowed: only in multi-line fields (description, notes).
    public let allowsNewlines: Bool
    /// Whether horizontal tabs are allowed.
    public let allowsTab: Bool

    /// Creates a policy.
    public init(_ name: String, allowsNewlines: Bool = false, allowsTab: Bool = false) {
        self.name = name; self.allowsNewlines = allowsNewlines; self.allowsTab = allowsTab
    }

    /// A one-line field (titles, names, locations, codes): no tab, no line break.
    public static func singleLine(_ name: String) -> TextFieldPolicy { TextFieldPolicy(name) }

    /// A multi-line field (descriptions, notes): line breaks and tabs allowed.
    public static func multiLine(_ name: String) -> TextFieldPolicy { TextFieldPolicy(name, allowsNewlines: true, allowsTab: true) }
}

/// Text refused at input (不安全字符): the field, the offending character and where it stands.
public struct UnsafeTextError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The field's name (`title`, `--note`, a CSV column).
    public let field: String
    /// The refused character.
    public let scalar: Unicode.Scalar
    /// Its position in the text, 1-based, counted in characters as a person sees them.
    public let position: Int

    /// Creates the error.
    public init(field: String, scalar: Unicode.Scalar, position: Int) {
        self.field = field; self.scalar = scalar; self.position = position
    }

    /// `U+001B`.
    public var codePoint: String { TextSafety.codePoint(scalar) }

    public var description: String { words(.en) }

    /// The refusal in `language`, the field by its heading (标题 for `title`).
    public func words(_ language: Language) -> String {
        guard language == .zh else {
            return "\(field): contains \(codePoint) (\(TextSafety.kindName(scalar))) at character \(position); "
                + "control characters and direction overrides are not accepted"
        }
        let name = field.hasPrefix("--") ? field : Heading.name(field, .zh)
        return "\(name)：第 \(position) 个字符是 \(codePoint)（\(TextSafety.kindName(scalar, .zh))）；不接受控制字符和文字方向控制符"
    }
}

/// The one rule for control characters in text (控制字符规则), used at every input and every output.
///
/// Refused: C0 controls U+0000–U+001F (tab only where the field allows it; LF and CR only in multi-line
/// fields), DEL U+007F, C1 controls U+0080–U+009F, the bidirectional embeddings, overrides and isolates
/// U+202A–U+202E and U+2066–U+2069, and the line/paragraph separators U+2028/U+2029 outside multi-line
/// fields. Accepted: everything else, including ZWJ emoji sequences (U+200D joins, U+FE0F selects).
public enum TextSafety {
    /// Whether `s` is refused in a field with `policy`.
    @inline(__always)
    public static func isRefused(_ s: Unicode.Scalar, _ policy: TextFieldPolicy) -> Bool {
        let v = s.value
        if v >= 0x20 && v < 0x7F { return false }       // printable ASCII: the usual case
        switch v {
        case 0x09: return !policy.allowsTab
        case 0x0A, 0x0D: return !policy.allowsNewlines
        case 0x2028, 0x2029: return !policy.allowsNewlines
        default: return isDangerous(s)
        }
    }

    /// Whether `s` is never acceptable and never emitted: C0 (but tab, LF, CR), DEL, C1, bidi controls.
    @inline(__always)
    public static func isDangerous(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        switch v {
        case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// The first refused character of `text`, or nil when `text` is acceptable in a field with `policy`.
    public static func firstProblem(_ text: String, _ policy: TextFieldPolicy) -> UnsafeTextError? {
        // Printable ASCII only: nothing to look at (the usual case, without walking characters).
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return nil }
        // Scalars first (cheap); characters are walked only to say where the refused one stands.
        guard text.unicodeScalars.contains(where: { isRefused($0, policy) }) else { return nil }
        var position = 0
        for ch in text {
            position += 1
            for s in ch.unicodeScalars where isRefused(s, policy) {
                // CRLF is one Character; a multi-line field takes it, a one-line field names its CR.
                return UnsafeTextError(field: policy.name, scalar: s, position: position)
            }
        }
        return nil
    }

    /// Throws `UnsafeTextError` naming the field and the first refused character.
    public static func check(_ text: String, _ policy: TextFieldPolicy) throws(UnsafeTextError) {
        if let e = firstProblem(text, policy) { throw e }
    }

    /// `text` for a terminal or a table cell: every refused character shown, never emitted. C0 controls and
    /// DEL in caret notation (`^[` for ESC, `^H` for backspace, `^?` for DEL), C1 and bidi controls as
    /// `<U+202E>`. With `keepNewlines` (a multi-line text printed as lines) LF stays and CRLF becomes LF;
    /// else line breaks show as `^J`/`^M` and tabs as `^I`.
    public static func escaped(_ text: String, keepNewlines: Bool = false) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        let policy = keepNewlines ? TextFieldPolicy("", allowsNewlines: true) : TextFieldPolicy("")
        guard text.unicodeScalars.contains(where: { isRefused($0, policy) || (keepNewlines && $0 == "\r") }) else { return text }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for s in text.unicodeScalars {
            defer { previousCR = s == "\r" }
            if keepNewlines {
                if s == "\n" { if !previousCR { out.append(s) }; continue }
                if s == "\r" { out.append("\n"); continue }  // CR or CRLF: one line break
            }
            if !isRefused(s, policy) { out.append(s); continue }
            out.append(contentsOf: visible(s).unicodeScalars)
        }
        return String(out)
    }

    /// `text` with the characters that are never acceptable (`isDangerous`) shown, tabs and line breaks kept:
    /// for machine formats (CSV) where those two belong to the data.
    public static func escapedControls(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        guard text.unicodeScalars.contains(where: isDangerous) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if isDangerous(s) { out.append(contentsOf: visible(s).unicodeScalars) } else { out.append(s) }
        }
        return String(out)
    }

    /// How one refused character is shown: `^[`, `^H`, `^?`, `<U+0085>`.
    public static func visible(_ s: Unicode.Scalar) -> String {
        let v = s.value
        if v < 0x20 { return "^" + String(Unicode.Scalar(UInt8(v + 0x40))) }
        if v == 0x7F { return "^?" }
        return "<" + codePoint(s) + ">"
    }

    /// `U+001B`, at least four hex digits.
    public static func codePoint(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// A short name of the kind of character, for messages.
    static func kindName(_ s: Unicode.Scalar, _ language: Language = .en) -> String {
        if language == .zh {
            switch s.value {
            case 0x09: return "制表符"
            case 0x0A, 0x0D, 0x2028, 0x2029: return "换行"
            case 0x1B: return "ESC"
            case 0x08: return "退格"
            case 0x00: return "NUL"
            case 0x7F: return "DEL"
            case 0x202A...0x202E, 0x2066...0x2069: return "文字方向控制符"
            default: return "控制字符"
            }
        }
        switch s.value {
        case 0x09: return "tab"
        case 0x0A, 0x0D, 0x2028, 0x2029: return "line break"
        case 0x1B: return "escape"
        case 0x08: return "backspace"
        case 0x00: return "NUL"
        case 0x7F: return "delete"
        case 0x202A...0x202E, 0x2066...0x2069: return "bidirectional override"
        default: return "control character"
        }
    }
}
