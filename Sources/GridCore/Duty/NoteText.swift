import Foundation

/// A handover note (交班记录) as typed: several lines of free text.
public enum NoteText {
    /// Longest note accepted, in characters (a night's handover, not a document).
    public static let maxLength = 4000

    /// The note with CRLF and lone CR turned into LF and trailing spaces of the whole note dropped, or the
    /// reason it is refused: control characters other than line breaks (a pasted escape sequence, a tab from
    /// a spreadsheet) are refused with the field's name, as at every input.
    public static func clean(_ text: String, field: String) throws(DutyError) -> String {
        let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        if let bad = unified.unicodeScalars.first(where: { $0 != "\n" && $0 != "\u{200D}" && CharacterSet.controlCharacters.contains($0) }) {
            throw DutyError.badText(field: field, reason: String(format: "contains the control character U+%04X; only letters, punctuation and line breaks may be typed", bad.value))
        }
        let trimmed = String(unified.reversed().drop(while: { $0 == " " || $0 == "\n" }).reversed())
        if trimmed.count > maxLength {
            throw DutyError.badText(field: field, reason: "\(trimmed.count) characters long (at most \(maxLength))")
        }
        return trimmed
    }
}
