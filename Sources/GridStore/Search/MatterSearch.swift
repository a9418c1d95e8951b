import GridCore

/// The full-text index of matters (`matter_fts`, migration `.v11Search`): how its text is made, in SQL for the
/// triggers and in Swift for a query, the two cut the same way so that a query's pairs are a run of the text's.
public enum MatterSearch {
    /// Characters of a matter's text (fields and notes together) that are indexed; the rest is not.
    public static let maxIndexedCharacters = 16_384

    /// How many of the newest matters a search of one-character words reads (a pair index cannot find a lone
    /// character; a bounded scan can, without reading a million rows). The screen says the search was bounded.
    public static let singleCharacterScan = 5_000

    /// The indexed text of the matter row `m` (an alias, NEW or OLD) as a SQL expression: number, title,
    /// description, location, caller name and phone, work-order number and the non-empty notes of its history
    /// (all, or those with an event id below `notesBelow`), one per line, cut into overlapping pairs of
    /// characters joined by spaces. Fields are joined by a line break, so no pair spans two fields.
    static func body(_ m: String, notesBelow: String?) -> String {
        // group_concat keeps the order rows reach it: notes by event id, pairs by position (a rowid range scan).
        """
        (SELECT coalesce(group_concat(substr(x.t, p.n, 2), ' '), '') FROM (SELECT \(text(m, notesBelow: notesBelow)) AS t) x \
        JOIN search_positions p ON p.n <= max(length(x.t) - 1, 1))
        """
    }

    /// The raw text of the matter row `m` before it is cut into pairs: the fields, then the notes (all, or those
    /// with an event id below `notesBelow`), one per line.
    static func text(_ m: String, notesBelow: String? = nil) -> String {
        let fields = ["number", "title", "description", "location", "caller_name", "caller_phone", "order_no"]
            .map { "\(m).\($0)" }.joined(separator: " || char(10) || ")
        let below = notesBelow.map { " AND id < \($0)" } ?? ""
        return "\(fields) || coalesce(char(10) || (SELECT group_concat(note, char(10)) FROM (SELECT note FROM events WHERE matter_id = \(m).id AND note <> ''\(below) ORDER BY id)), '')"
    }

    /// `body`'s pair text computed in Swift, character for character the same (Unicode scalars, as SQLite's
    /// `substr` and `length` count them; a text of one scalar or none is kept whole): the bulk rebuild cuts the
    /// text here, several times faster than the SQL join, and the triggers can later delete exactly what it wrote.
    public static func pairText(_ t: String) -> String {
        let s = Array(t.unicodeScalars)
        guard s.count >= 2 else { return t }
        var out = String.UnicodeScalarView()
        // The SQL cut stops at the last row of `search_positions`: so does this one.
        for i in 0..<min(s.count - 1, maxIndexedCharacters) {
            if i > 0 { out.append(" ") }
            out.append(s[i]); out.append(s[i + 1])
        }
        return String(out)
    }

    /// A word as the index holds it: overlapping pairs of characters (Unicode scalars, as SQLite's `substr`
    /// counts them), or nil for a one-character word (answered by the bounded scan).
    public static func pairs(_ word: String) -> [String]? {
        let s = Array(word.unicodeScalars)
        guard s.count >= 2 else { return nil }
        return (0..<(s.count - 1)).map { i in var p = String.UnicodeScalarView(); p.append(s[i]); p.append(s[i + 1]); return String(p) }
    }

    /// The FTS5 MATCH expression for the words of two characters or more: each word a phrase of its pairs,
    /// all words required. Nil when there are none (or none has a letter or digit to index).
    public static func matchExpression(_ words: [String]) -> String? {
        let phrases = words.compactMap { w -> String? in
            guard w.unicodeScalars.contains(where: { CharacterSetLite.isWordScalar($0) }), let ps = pairs(w) else { return nil }
            return "\"" + ps.joined(separator: " ").replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return phrases.isEmpty ? nil : phrases.joined(separator: " AND ")
    }

    /// The words answered by the bounded scan instead: one character, or nothing the index's tokenizer keeps.
    public static func scannedWords(_ words: [String]) -> [String] {
        words.filter { w in pairs(w) == nil || !w.unicodeScalars.contains(where: { CharacterSetLite.isWordScalar($0) }) }
    }

    /// Whether a search of `q` reads only the newest `singleCharacterScan` matters.
    public static func isBounded(_ q: MatterQuery) -> Bool {
        !scannedWords(q.words).isEmpty && matchExpression(q.words) == nil
    }
}

/// The characters `unicode61` keeps as part of a token (letters, digits; marks ride along): a word without
/// any gives the index nothing to match.
enum CharacterSetLite {
    static func isWordScalar(_ u: Unicode.Scalar) -> Bool {
        u.properties.isAlphabetic || u.properties.numericType != nil
    }
}
