/// The RFC 4180 reader fed in chunks (流式解析): the same records, lines and problems as parsing the whole
/// text at once, with no more than one record (and one field's first `CSVReader.maxFieldBytes`) held.
public struct CSVStreamParser: Sendable {
    private enum State: Sendable { case fieldStart, unquoted, quoted, quotedQuote, afterClose }
    private static let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D

    private var state = State.fieldStart
    private var fields: [String] = []
    private var field: [UInt8] = []
    /// The field's length in bytes; only the first `maxFieldBytes + 1` are kept (a runaway quote cannot fill memory).
    private var fieldLength = 0
    private var line = 1
    private var recordLine = 1
    private var openLine = 1
    private var problem: Phrase? = nil
    /// The last byte inside the quoted field was a CR (a CRLF there counts one line).
    private var quotedCR = false
    /// A CR ended the last record: an LF right after it belongs to it.
    private var skipLF = false

    /// Creates a parser at line 1.
    public init() {}

    private mutating func append(_ b: UInt8) {
        fieldLength += 1
        if fieldLength <= CSVReader.maxFieldBytes + 1 { field.append(b) }
    }

    private mutating func endField() {
        if fieldLength > CSVReader.maxFieldBytes, problem == nil {
            problem = Phrase(zh: "第 \(fields.count + 1) 个字段长 \(fieldLength) 字节（至多 \(CSVReader.maxFieldBytes)）；是否少了引号？",
                             en: "field \(fields.count + 1) is \(fieldLength) bytes long (at most \(CSVReader.maxFieldBytes)); is a quote missing?")
        }
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        fieldLength = 0
        state = .fieldStart
    }

    private mutating func endRecord(_ emit: (CSVRecord) throws -> Void) rethrows {
        endField()
        let record = CSVRecord(line: recordLine, fields: fields, problem: problem)
        fields.removeAll(keepingCapacity: true)
        problem = nil
        try emit(record)
    }

    private mutating func lineEnd(_ b: UInt8, _ emit: (CSVRecord) throws -> Void) rethrows {
        try endRecord(emit)
        if b == Self.cr { skipLF = true }
        line += 1
        recordLine = line
    }

    /// Parses the next chunk of UTF-8 bytes, handing each finished record to `emit` (the header first).
    public mutating func feed(_ bytes: [UInt8], _ emit: (CSVRecord) throws -> Void) rethrows {
        // Concrete bytes and an index loop: a generic sequence would be walked through its witness table
        // byte by byte from another module (it is not specialised across the module boundary).
        try bytes.withUnsafeBufferPointer { buf in try feed(buf, emit) }
    }

    /// The same on a buffer.
    public mutating func feed(_ buf: UnsafeBufferPointer<UInt8>, _ emit: (CSVRecord) throws -> Void) rethrows {
        for i in 0..<buf.count {
            let b = buf[i]
            if skipLF { skipLF = false; if b == Self.lf { continue } }
            switch state {
            case .fieldStart, .unquoted:
                if state == .fieldStart && b == Self.quote { state = .quoted; openLine = line; quotedCR = false; continue }
                if b == Self.comma { endField() }
                else if b == Self.lf || b == Self.cr { try lineEnd(b, emit) }
                else {
                    if b == Self.quote, problem == nil {
                        problem = Phrase(zh: "第 \(fields.count + 1) 个字段：未加引号的字段里有 \"（请给整个字段加引号，并把引号写两次）",
                                         en: "field \(fields.count + 1): a \" inside an unquoted field (quote the whole field and double the quote)")
                    }
                    append(b); state = .unquoted
                }
            case .quoted:
                if b == Self.quote { state = .quotedQuote; quotedCR = false; continue }
                // Lines inside a quoted field: LF, CRLF or a lone CR each count one.
                if b == Self.cr { line += 1; quotedCR = true } else { if b == Self.lf && !quotedCR { line += 1 }; quotedCR = false }
                append(b)
            case .quotedQuote:
                if b == Self.quote { append(Self.quote); state = .quoted; continue }
                state = .afterClose
                try afterClose(b, emit)
            case .afterClose:
                try afterClose(b, emit)
            }
        }
    }

    /// After a closing quote only a comma or a line end may follow; anything else is kept and reported.
    private mutating func afterClose(_ b: UInt8, _ emit: (CSVRecord) throws -> Void) rethrows {
        if b == Self.comma { endField() }
        else if b == Self.lf || b == Self.cr { try lineEnd(b, emit) }
        else {
            if problem == nil {
                problem = Phrase(zh: "第 \(fields.count + 1) 个字段：右引号后还有文字（引号内的引号请写成 \"\"）",
                                 en: "field \(fields.count + 1): text after a closing quote (write \"\" for a quote inside a quoted field)")
            }
            append(b); state = .unquoted
        }
    }

    /// Ends the text: the last record (one without a line end) goes to `emit`; a quoted field still open is an error.
    public mutating func finish(_ emit: (CSVRecord) throws -> Void) throws {
        if state == .quoted { throw CSVError.unterminatedQuote(line: openLine) }
        if state != .fieldStart || !fields.isEmpty || !field.isEmpty { try endRecord(emit) }
    }
}
