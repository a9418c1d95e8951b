import Foundation

/// A handover note (交班记录) as typed: several lines of free text.
public enum NoteText {
    /// Longest note accepted, in characters (a night's handover, not a document).
    public static let maxLength = 4000

    /// The note with CRLF and lone CR turned into LF and trailing spaces of the whole note dropped, or the
    /// reason it is refused: control characters other than line breaks and tabs (a pasted escape sequence) by
    /// the one rule of `TextSafety`, naming the field `handover_note` (交班记录); more than `maxLength` characters.
    public static func clean(_ text: String) throws -> String {
        try TextSafety.check(text, .multiLine("handover_note"))
        let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let trimmed = String(unified.reversed().drop(while: { $0 == " " || $0 == "\n" }).reversed())
        if trimmed.count > maxLength {
            throw ValidationError("handover_note: \(trimmed.count) characters long (at most \(maxLength))",
                                  chinese: "交班记录：共 \(trimmed.count) 字（最多 \(maxLength) 字）")
        }
        return trimmed
    }
}
