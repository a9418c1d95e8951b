import Foundation

/// One CSV record with the physical line it starts on (1-based; line 1 is the header).
public struct CSVRecord: Equatable, Sendable {
    /// The line where the record starts (a quoted field spanning lines does not move it).
    public let line: Int
    /// The fields, unquoted.
    public let fields: [String]
    /// A quoting problem in this record only (e.g. a stray `"` inside an unquoted field), if any.
    public let problem: String?

    /// Creates a record.
    public init(line: Int, fields: [String], problem: String? = nil) {
        self.line = line; self.fields = fields; self.problem = problem
    }

    /// Whether every field is empty (a blank line, or `,,,` from a spreadsheet): such records are skipped.
    public var isBlank: Bool {
        fields.allSatisfy { f in
            guard let a = f.utf8.first else { return true }
            if a > 0x20 && a < 0x7F { return false }  // starts with printable ASCII: not blank
            return f.trimmingCharacters(in: .whitespaces).isEmpty
        }
    }
}

/// A decoded CSV file: its encoding, header and records.
public struct CSVTable: Sendable {
    /// The encoding the bytes were found in.
    public let encoding: SourceEncoding
    /// The header fields as written.
    public let header: [String]
    /// The records after the header, blank ones left out.
    public let records: [CSVRecord]
}

/// An RFC 4180 reader: quoted fields with embedded commas, doubled quotes and line breaks; CRLF or LF.
public enum CSVReader {
    /// Longest field accepted, in UTF-8 bytes; longer ones are a row problem (a runaway quote or a pasted document).
    public static let maxFieldBytes = 10_000

    /// Decodes `bytes` (UTF-8 with/without BOM, or GB18030/GBK), parses them and checks the header.
    /// The header matches ignoring case and surrounding spaces, each column by its English code or its
    /// Chinese heading (`Heading`: an office's `编码,名称,平台` reads as `code,name,platform`). The same pieces as a streamed import
    /// (`SourceSniffer`, `SourceDecoder`, `CSVStreamParser`, `CSVHeaderGate`) on one chunk.
    public static func read(_ bytes: [UInt8], header expected: [String], optional: [String] = []) throws(CSVError) -> CSVTable {
        var sniffer = SourceSniffer()
        sniffer.feed(bytes[...])
        let encoding = try sniffer.finish()
        let decoder = SourceDecoder(encoding, badLine: sniffer.firstNonUTF8Line)
        var utf8 = try decoder.decode(bytes[...])
        try decoder.finish()
        var gate = CSVHeaderGate(expected: expected, optional: optional)
        var records: [CSVRecord] = []
        do {
            var parser = CSVStreamParser()
            let keep: (CSVRecord) throws -> Void = { r in if try gate.pass(r) { records.append(r) } }
            try parser.feed(utf8, keep)
            utf8 = []
            try parser.finish(keep)
            try gate.finish()
        } catch let e as CSVError { throw e } catch { fatalError("unreachable: \(error)") }
        return CSVTable(encoding: encoding, header: gate.found, records: records)
    }

    /// Parses text into records (the header is the first). Blank records are kept here.
    public static func parse(_ text: String) throws(CSVError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        var parser = CSVStreamParser()
        parser.feed(Array(text.utf8)) { records.append($0) }
        do { try parser.finish { records.append($0) } } catch let e as CSVError { throw e } catch { fatalError("unreachable: \(error)") }
        return records
    }
}

/// The header check of a streamed file (表头校验): blank records before the header are skipped, the first
/// other record must be the header (ignoring case and surrounding spaces; a column by its English code or its
/// Chinese heading), blank records after it are
/// dropped; `pass` says whether a record is a data row.
public struct CSVHeaderGate: Sendable {
    /// The header expected.
    public let expected: [String]
    /// Trailing columns of `expected` an older file may leave off (`RowValidator.optionalColumns`).
    public let optional: [String]
    /// The header as found (trimmed), once seen.
    public private(set) var found: [String] = []
    private var seen = false

    /// Creates a gate.
    public init(expected: [String], optional: [String] = []) { self.expected = expected; self.optional = optional }

    /// True for a data row; false for a blank record or the header; throws on a wrong header.
    public mutating func pass(_ record: CSVRecord) throws(CSVError) -> Bool {
        if record.isBlank { return false }
        guard seen else {
            found = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            let codes = found.map { Heading.code(forName: $0, among: expected) ?? $0 }
            // An older file may stop before the optional columns; its records are padded by the validator.
            let short = !optional.isEmpty && Array(expected.suffix(optional.count)) == optional
                && codes.map({ $0.lowercased() }) == expected.prefix(expected.count - optional.count).map({ $0.lowercased() })
            guard short || codes.map({ $0.lowercased() }) == expected.map({ $0.lowercased() }) else {
                throw CSVError.wrongHeader(expected: expected, found: found)
            }
            seen = true
            return false
        }
        return true
    }

    /// Throws `CSVError.empty` when no header came.
    public func finish() throws(CSVError) { if !seen { throw CSVError.empty } }
}
