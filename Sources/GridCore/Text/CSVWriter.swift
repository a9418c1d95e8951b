import Foundation

/// Writes RFC 4180 CSV (导出表格): fields with commas, quotes, any line break or leading/trailing spaces are
/// quoted, and text that a spreadsheet would run as a formula is neutralised.
///
/// Formula injection: a text field beginning with `=`, `+`, `-`, `@`, tab or CR is written with a leading `'`
/// (what spreadsheets take as "this is text"), and so is one that already begins with `'` followed by such a
/// text, so that `CSVWriter.unneutralised` (which every importer applies) gives back exactly what was written.
/// Number columns are never prefixed: the caller says which columns hold numbers (a `-3` stays `-3`).
public enum CSVWriter {
    /// The byte-order mark that makes Excel read a CSV as UTF-8 (a Chinese Windows otherwise reads GBK).
    public static let bom = "\u{FEFF}"

    /// Whether a text value would be read by a spreadsheet as a formula (or hides one behind `'`).
    public static func needsNeutralising(_ s: Substring) -> Bool {
        guard let c = s.unicodeScalars.first else { return false }
        switch c {
        case "=", "+", "-", "@", "\t", "\r": return true
        case "'": return needsNeutralising(s.dropFirst())
        default: return false
        }
    }

    /// A text value as exported: `'` in front when a spreadsheet would run it.
    public static func neutralised(_ s: String) -> String { needsNeutralising(s[...]) ? "'" + s : s }

    /// An imported value with the export's `'` taken off again (the inverse of `neutralised`).
    public static func unneutralised(_ s: String) -> String {
        guard s.utf8.first == 0x27, needsNeutralising(s.dropFirst()) else { return s }
        return String(s.dropFirst())
    }

    /// One field, quoted if needed. `number`: a numeric column's value, never neutralised.
    public static func field(_ raw: String, number: Bool = false) -> String {
        let s = TextSafety.escapedControls(number ? raw : neutralised(raw))
        let needsQuotes = s.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
            || s.first?.isWhitespace == true || s.last?.isWhitespace == true
        if needsQuotes { return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        return s
    }

    /// One record, LF-terminated; the columns in `numbers` hold numbers.
    public static func line(_ fields: [String], numbers: Set<Int> = []) -> String {
        var out = ""
        for (i, f) in fields.enumerated() {
            if i > 0 { out += "," }
            out += field(f, number: numbers.contains(i))
        }
        return out + "\n"
    }

    /// A whole document (no byte-order mark; add `bom` in front for people).
    public static func document(header: [String], rows: [[String]], numbers: Set<Int> = []) -> String {
        line(header) + rows.map { line($0, numbers: numbers) }.joined()
    }
}
