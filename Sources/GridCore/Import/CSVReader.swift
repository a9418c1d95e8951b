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
    /// Chinese heading (`Heading`: an office's `编码,名称,平台` reads as `code,name,platform`).
    public static func read(_ bytes: [UInt8], header expected: [String], optional: [String] = []) throws(CSVError) -> CSVTable {
        let (text, encoding) = try SourceText.decode(bytes)
        var all = try parse(text)
        while let first = all.first, first.isBlank { all.removeFirst() }
        guard let head = all.first else { throw CSVError.empty }
        let found = head.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let codes = found.map { Heading.code(forName: $0, among: expected) ?? $0 }
        // An older file may leave off the trailing `optional` columns.
        let short = expected.count - optional.count
        let isShort = !optional.isEmpty && Array(expected.suffix(optional.count)) == optional
            && codes.map({ $0.lowercased() }) == expected.prefix(short).map({ $0.lowercased() })
        guard isShort || codes.map({ $0.lowercased() }) == expected.map({ $0.lowercased() }) else {
            throw CSVError.wrongHeader(expected: expected, found: found)
        }
        // Its records keep their fields: the validator pads them (`RowValidator.padded`).
        return CSVTable(encoding: encoding, header: found, records: all.dropFirst().filter { !$0.isBlank })
    }

    /// Parses text into records (the header is the first). Blank records are kept here.
    public static func parse(_ text: String) throws(CSVError) -> [CSVRecord] {
        let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        let bytes = Array(text.utf8)
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var problem: String? = nil
        var i = 0
        let n = bytes.count
        var atFieldStart = true

        func endField() {
            if field.count > maxFieldBytes, problem == nil {
                problem = "field \(fields.count + 1) is \(field.count) bytes long (at most \(maxFieldBytes)); is a quote missing?"
            }
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            atFieldStart = true
        }
        func endRecord() {
            endField()
            records.append(CSVRecord(line: recordLine, fields: fields, problem: problem))
            fields.removeAll(keepingCapacity: true)
            problem = nil
        }

        while i < n {
            let b = bytes[i]
            if atFieldStart && b == quote {
                // Quoted field: up to the closing quote; "" is a literal quote.
                let openLine = line
                i += 1
                var closed = false
                while i < n {
                    let c = bytes[i]
                    if c == quote {
                        if i + 1 < n && bytes[i + 1] == quote { field.append(quote); i += 2; continue }
                        closed = true; i += 1; break
                    }
                    if c == lf { line += 1 }
                    else if c == cr && !(i + 1 < n && bytes[i + 1] == lf) { line += 1 }
                    field.append(c); i += 1
                }
                guard closed else { throw CSVError.unterminatedQuote(line: openLine) }
                atFieldStart = false
                // After the closing quote only a comma or a line end may follow.
                if i < n, bytes[i] != comma, bytes[i] != lf, bytes[i] != cr {
                    if problem == nil { problem = "field \(fields.count + 1): text after a closing quote (write \"\" for a quote inside a quoted field)" }
                    while i < n, bytes[i] != comma, bytes[i] != lf, bytes[i] != cr { field.append(bytes[i]); i += 1 }
                }
                continue
            }
            switch b {
            case comma:
                endField(); i += 1
            case lf, cr:
                endRecord()
                i += (b == cr && i + 1 < n && bytes[i + 1] == lf) ? 2 : 1
                line += 1
                recordLine = line
            default:
                if b == quote, problem == nil {
                    problem = "field \(fields.count + 1): a \" inside an unquoted field (quote the whole field and double the quote)"
                }
                field.append(b); atFieldStart = false; i += 1
            }
        }
        if !fields.isEmpty || !field.isEmpty || !atFieldStart { endRecord() }
        return records
    }
}
