/// What is wrong with one row of an import file: where (line, column) and what.
public struct RowError: Equatable, Sendable, CustomStringConvertible, Comparable {
    /// The 1-based physical line where the record starts.
    public let line: Int
    /// The column's header name, or nil when the whole row is at fault (e.g. wrong field count).
    public let column: String?
    /// What is wrong, in words a user can act on, in both languages.
    public let phrase: Phrase

    /// Creates a row error.
    public init(line: Int, column: String?, _ phrase: Phrase) {
        self.line = line; self.column = column; self.phrase = phrase
    }

    /// What is wrong, in English.
    public var message: String { phrase.en }

    /// `line: column: message` in English.
    public var description: String { words(.en) }

    /// `line: column: message` in `language`; in Chinese the column's Chinese heading follows its code
    /// (`reported_at（受理时间）`), as a file with Chinese headings names it.
    public func words(_ language: Language) -> String {
        guard let column else { return "\(line): \(phrase.words(language))" }
        if language == .zh {
            let name = Heading.name(column, .zh)
            return "\(line): \(column)\(name == column ? "" : "（\(name)）")：\(phrase.zh)"
        }
        return "\(line): \(column): \(phrase.en)"
    }

    /// `file:line: column: message`, the form printed to the user.
    public func located(in file: String, _ language: Language = .en) -> String { "\(file):\(words(language))" }

    public static func < (a: RowError, b: RowError) -> Bool { a.line != b.line ? a.line < b.line : (a.column ?? "") < (b.column ?? "") }
}

/// One row accepted by a validator: its record and the typed value.
public struct ImportRow<Value: Sendable>: Sendable {
    /// The record as read.
    public let record: CSVRecord
    /// The typed value to write.
    public let value: Value
}

/// A rejected record and every reason.
public struct RejectedRow: Sendable {
    /// The record as read.
    public let record: CSVRecord
    /// Why it was rejected (at least one).
    public let errors: [RowError]

    /// Creates a rejected row.
    public init(record: CSVRecord, errors: [RowError]) { self.record = record; self.errors = errors }

    /// The reasons joined for a rejects file's `reason` column, in `language`.
    public func reason(_ language: Language = .en) -> String {
        errors.map { ($0.column.map { language.pick("\($0)：", "\($0): ") } ?? "") + $0.phrase.words(language) }
            .joined(separator: language.pick("；", "; "))
    }
}

/// The result of validating a whole file: good rows and bad rows, in file order.
public struct ImportBatch<Value: Sendable>: Sendable {
    /// Rows that passed every check.
    public var accepted: [ImportRow<Value>]
    /// Rows with at least one error.
    public var rejected: [RejectedRow]

    /// Creates a batch.
    public init(accepted: [ImportRow<Value>], rejected: [RejectedRow]) {
        self.accepted = accepted; self.rejected = rejected
    }

    /// Every error of every rejected row, by line.
    public var errors: [RowError] { rejected.flatMap(\.errors).sorted() }
}

/// Validates an import file's records into typed values.
///
/// Registry importers (grids, workers, departments, categories) and the matters and patrols importers
/// each provide one; the storage module's import runner does the rest (reading, encodings, hashing,
/// whole-file reject or `--skip-invalid`, chunked writes, the import log).
public protocol RowValidator: Sendable {
    /// The typed value of one row.
    associatedtype Value: Sendable
    /// The kind, as in `gridroom import KIND` and the import log (e.g. `grids`).
    var kind: String { get }
    /// The exact CSV header.
    var header: [String] { get }
    /// Columns of `header` a file may leave off (columns added later; read as empty).
    var optionalColumns: [String] { get }
    /// Validates every record; must look at all of them (no early exit) so every bad row is reported.
    func validate(_ records: [CSVRecord]) -> ImportBatch<Value>
}

extension RowValidator {
    /// None by default.
    public var optionalColumns: [String] { [] }
}

/// A validator whose verdict on a row depends on that row and the database alone (逐行校验), so the import
/// runner can stream the file: it validates records in batches and finds rows repeated within the file
/// itself, by the writer's key, across the whole file. Matters and patrols (the big files) are such.
public protocol StreamingRowValidator: RowValidator {
    /// Validates records without the checks across the file (duplicates), which the runner does.
    func validateEach(_ records: [CSVRecord]) -> ImportBatch<Value>
    /// The message for a row whose key is also on `otherLines` (e.g. "4, 7").
    func duplicateMessage(otherLines: String, count: Int) -> Phrase
}

extension StreamingRowValidator {
    /// "duplicate row: the same as line 4" (or "lines 4, 7").
    public func duplicateMessage(otherLines: String, count: Int) -> Phrase {
        Phrase(zh: "重复行：与第 \(otherLines) 行相同", en: "duplicate row: the same as line\(count > 1 ? "s" : "") \(otherLines)")
    }
}
