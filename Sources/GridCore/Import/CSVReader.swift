import Foundation

/// One CSV record with the physical line it starts on (1-based; line 1 is the header).
public struct CSVRecord: Equatable, Sendable {
    /// The line where the record starts (a quoted field spanning lines does not move it).
    public let line: Int
    /// The fields, unquoted.
    public let fields: [String]
    /// A quoting problem in this record only (e.g. a stray `"` inside an unquoted field), if any.
    public let problem: Phrase?

    /// Creates a record.
    public init(line: Int, fields: [String], problem: Phrase? = nil) {
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
            let keep: (CSVRecord) throws -> Void = { r in if let k = try gate.admit(r) { records.append(k) } }
            try parser.feed(utf8, keep)
            utf8 = []
            try parser.finish(keep)
            try gate.finish()
        } catch let e as CSVError { throw e } catch { fatalError("unreachable: \(error)") }
        return CSVTable(encoding: encoding, header: gate.found + expected.suffix(gate.missing), records: records)
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
    /// Columns of `expected` a file may leave off, each on its own, in any order after the others
    /// (`RowValidator.optionalColumns`: columns added by later versions, so older files still import).
    public let optional: [String]
    /// The header as found (trimmed), once seen.
    public private(set) var found: [String] = []
    private var seen = false
    /// For each expected column, where it stands in the file (nil: the file lacks it).
    private var order: [Int?] = []
    /// The file's columns from which on every column is optional (a row may stop there).
    private var shortest = 0
    /// How many expected columns the file's header lacks (0 until the header is seen).
    public private(set) var missing = 0

    /// Creates a gate.
    public init(expected: [String], optional: [String] = []) { self.expected = expected; self.optional = optional }

    /// True for a data row; false for a blank record or the header; throws on a wrong header.
    public mutating func pass(_ record: CSVRecord) throws(CSVError) -> Bool { try admit(record) != nil }

    /// The data row as validators read it — in the expected column order, with empty fields for the optional
    /// columns the file lacks — or nil for a blank record or the header. A row of another width than the file's
    /// header is passed on unchanged, and its validator refuses it by its field count.
    public mutating func admit(_ record: CSVRecord) throws(CSVError) -> CSVRecord? {
        if record.isBlank { return nil }
        guard seen else {
            found = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            let codes = found.map { (Heading.code(forName: $0, among: expected) ?? $0).lowercased() }
            let want = expected.map { $0.lowercased() }, opt = Set(optional.map { $0.lowercased() })
            let required = want.filter { !opt.contains($0) }
            // The required columns first, in order; then any of the optional ones, each at most once.
            let rest = Array(codes.dropFirst(min(required.count, codes.count)))
            guard codes.count >= required.count, Array(codes.prefix(required.count)) == required,
                  rest.allSatisfy({ opt.contains($0) }), Set(rest).count == rest.count else {
                throw CSVError.wrongHeader(expected: expected, found: found)
            }
            order = want.map { codes.firstIndex(of: $0) }
            shortest = required.count
            missing = expected.count - codes.count
            seen = true
            return nil
        }
        // A row must have the file's own width; it is then put in the expected order, the columns the file
        // lacks (added later) read as empty.
        // Another width: passed on as it is, and refused by its field count (`RowFields`).
        guard record.fields.count == found.count else { return record }
        if missing == 0 && order.enumerated().allSatisfy({ $0.offset == $0.element }) { return record }
        return CSVRecord(line: record.line, fields: order.map { $0.map { record.fields[$0] } ?? "" }, problem: record.problem)
    }

    /// Throws `CSVError.empty` when no header came.
    public func finish() throws(CSVError) { if !seen { throw CSVError.empty } }
}
