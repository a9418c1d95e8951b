import Foundation
import GridCore

/// Printing results as table, CSV, JSON or Markdown.
enum Output {
    /// Prints rows in a format; JSON is an array of objects keyed by header. `numbers` are the columns that
    /// hold numbers (never neutralised in CSV); by default the right-aligned ones. CSV starts with a BOM
    /// (Excel on a Chinese Windows then reads the Chinese right); every text the terminal shows is escaped.
    static func emit(format: String, header: [String], rows: [[String]], rightAligned: Set<Int> = [], numbers: Set<Int>? = nil) {
        switch format {
        case "csv":
            print(CSVWriter.bom + CSVWriter.document(header: header, rows: rows, numbers: numbers ?? rightAligned), terminator: "")
        case "json":
            let objects = rows.map { r in Dictionary(uniqueKeysWithValues: zip(header, r)) }
            print(json(objects))
        case "md":
            print("| " + header.joined(separator: " | ") + " |")
            print("|" + header.map { _ in " --- |" }.joined())
            for r in rows { print("| " + r.map { TextSafety.escaped($0).replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |") }
        default:
            print(TextTable(headers: header, rows: rows, rightAligned: rightAligned).render(), terminator: "")
        }
    }

    /// Warns on standard error, once per year, when a deadline's clock from `from` to `to` runs through a year
    /// whose holiday arrangement is not loaded (`CalendarWarning`): its make-up days are missing.
    static func warnCalendar(_ calendar: OfficeCalendar, from: Date, to: Date) {
        for w in calendar.warnings(from: from, to: to) { FileHandle.standardError.write(Data(("warning: " + w.description + "\n").utf8)) }
    }

    /// Pretty, key-sorted JSON text of a JSON-compatible value.
    static func json(_ value: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else { return "null" }
        let text = String(decoding: data, as: UTF8.self)
        // C0 controls are escaped by JSONSerialization; DEL, C1 and direction overrides are not: written as
        // \uXXXX they read back the same and never reach the terminal raw.
        guard text.unicodeScalars.contains(where: TextSafety.isDangerous) else { return text }
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            if TextSafety.isDangerous(u) { out.append(contentsOf: ("\\u" + TextSafety.codePoint(u).dropFirst(2).lowercased()).unicodeScalars) }
            else { out.append(u) }
        }
        return String(out)
    }
}
