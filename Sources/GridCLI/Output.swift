import Foundation
import GridCore

/// Printing results as table, CSV, JSON or Markdown.
enum Output {
    /// Prints rows in a format; JSON is an array of objects keyed by header.
    static func emit(format: String, header: [String], rows: [[String]], rightAligned: Set<Int> = []) {
        switch format {
        case "csv":
            print(CSVWriter.document(header: header, rows: rows), terminator: "")
        case "json":
            let objects = rows.map { r in Dictionary(uniqueKeysWithValues: zip(header, r)) }
            print(json(objects))
        case "md":
            print("| " + header.joined(separator: " | ") + " |")
            print("|" + header.map { _ in " --- |" }.joined())
            for r in rows { print("| " + r.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |") }
        default:
            print(TextTable(headers: header, rows: rows, rightAligned: rightAligned).render(), terminator: "")
        }
    }

    /// Pretty, key-sorted JSON text of a JSON-compatible value.
    static func json(_ value: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }
}
