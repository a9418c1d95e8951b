import Foundation

/// A handover note (交班记录) as typed: several lines of free text.
public enum NoteText {
    /// Longest note accepted, in characters (a night's handover, not a document).
    public static let maxLength = 4000

    /// The note with CRLF and lone CR turned into LF and trailing spaces of the whole note dropped, or the
    /// reason it is refused: control characters other than line breaks (a pasted escape sequence, a tab from
    /// a spreadsheet) are refused with the field's name (`note`, 交班记录), as at every input.
    public static func clean(_ text: String) throws(ValidationError) -> String {
        let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        if let bad = unified.unicodeScalars.first(where: { $0 != "\n" && $0 != "\u{200D}" && CharacterSet.controlCharacters.contains($0) }) {
            let code = String(format: "U+%04X", bad.value)
            throw ValidationError("note: contains the control character \(code); only letters, punctuation and line breaks may be typed",
                                  chinese: "交班记录：含有控制字符 \(code)；只能输入文字、标点和换行")
        }
        let trimmed = String(unified.reversed().drop(while: { $0 == " " || $0 == "\n" }).reversed())
        if trimmed.count > maxLength {
            throw ValidationError("note: \(trimmed.count) characters long (at most \(maxLength))",
                                  chinese: "交班记录：共 \(trimmed.count) 字（最多 \(maxLength) 字）")
        }
        return trimmed
    }
}
