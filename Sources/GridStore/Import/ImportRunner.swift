import CSQLite
import Foundation
import GridCore

/// How an import kind writes its validated values; the runner does everything else.
public struct ImportWriter<Value: Sendable> {
    /// Splits the values into groups that must share one transaction, in write order
    /// (e.g. an A/B pair of workers; parents before children). Default: each value on its own.
    public var groups: ([Value]) -> [[Value]]
    /// The row's identity for kinds whose validator does not check duplicate keys itself (matters, patrols:
    /// their import key). Two rows of one file with the same identity are both rejected, naming each other's
    /// line, instead of the second being silently counted as "unchanged". Nil: no such check.
    public var key: ((Value) -> String?)?
    /// Writes one value inside the runner's open transaction; returns whether the database changed
    /// (false when an identical row was already there: re-imports are idempotent).
    public var write: (Store, Value) throws -> Bool
    /// Writes one chunk of values inside the runner's open transaction; returns how many changed the database.
    /// Default: `write` on each value. Batch writers set it to share work across the chunk (prepared
    /// statements, one summary update per chunk).
    public var writeChunk: (Store, [Value]) throws -> Int
    /// A streamed import hands `groups` this many values at a time (nil: 2 × the chunk size). Writers whose
    /// `groups` reorders for locality (patrols) and whose values are small ask for more.
    public var streamWindow: Int? = nil
    /// When set, the order values are written in, in place of `groups`: each window is sorted by it where it
    /// lies and cut into chunks, each value its own group (no array per value, so a big window stays small in
    /// memory). For writers that order for locality (patrols); it must be a strict total order on the values
    /// that reach it (rows repeated in a file are rejected before, so no two are equal).
    public var order: ((Value, Value) -> Bool)? = nil

    /// Creates a writer.
    public init(groups: @escaping ([Value]) -> [[Value]] = { $0.map { [$0] } }, key: ((Value) -> String?)? = nil,
                write: @escaping (Store, Value) throws -> Bool) {
        self.groups = groups; self.key = key; self.write = write
        self.writeChunk = { store, values in
            var n = 0
            for value in values where try write(store, value) { n += 1 }
            return n
        }
    }

    /// A writer that takes a whole chunk at once (`write` then writes a chunk of one value).
    public static func chunked(groups: @escaping ([Value]) -> [[Value]] = { $0.map { [$0] } }, key: ((Value) -> String?)? = nil,
                               _ writeChunk: @escaping (Store, [Value]) throws -> Int) -> ImportWriter {
        var w = ImportWriter(groups: groups, key: key, write: { store, value in try writeChunk(store, [value]) > 0 })
        w.writeChunk = writeChunk
        return w
    }
}

/// Options of one import run.
public struct ImportOptions: Sendable {
    /// Write the good rows and put the bad ones in a rejects file, instead of rejecting the whole file.
    public var skipInvalid: Bool
    /// About how many rows each write transaction holds.
    public var chunkSize: Int
    /// The language of the rejects file's `reason` column.
    public var language: Language

    /// Creates options.
    public init(skipInvalid: Bool = false, chunkSize: Int = 1000, language: Language = .en) {
        self.skipInvalid = skipInvalid; self.chunkSize = max(1, chunkSize); self.language = language
    }
}

/// What an import did.
public struct ImportReport: Sendable, Equatable {
    /// The kind (`grids`, `workers`, …).
    public var kind: String
    /// The file as named on the command line.
    public var file: String
    /// The encoding detected.
    public var encoding: SourceEncoding
    /// SHA-256 of the file's bytes.
    public var contentHash: String
    /// Data rows in the file (blank lines not counted).
    public var rowsTotal: Int
    /// Rows that changed the database (inserted or updated).
    public var rowsWritten: Int
    /// Valid rows identical to what the database already held.
    public var rowsUnchanged: Int
    /// Rows rejected (only with `--skip-invalid`; otherwise the import throws).
    public var rowsRejected: Int
    /// The rejects file written, if any.
    public var rejectsFile: String?
    /// The import log entry's id.
    public var logID: Int
}

/// Why an import wrote nothing.
public enum ImportError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file cannot be read as CSV at all: `file:line: message`, in both languages.
    case unreadable(Phrase)
    /// Some rows are bad and `--skip-invalid` was not given: every problem, by line.
    case rejected(file: String, errors: [RowError])

    /// The problems as `file:line: column: message` in English (tests, logs).
    public var problems: [String] {
        guard case let .rejected(file, errors) = self else { return [] }
        return errors.map { $0.located(in: file) }
    }

    /// What the user reads, in `language`: every problem on its line, then the verdict.
    public func words(_ language: Language) -> String {
        switch self {
        case let .unreadable(p): return p.words(language)
        case let .rejected(file, errors):
            let rows = Set(errors.map(\.line)).count
            return errors.map { $0.located(in: file, language) }.joined(separator: "\n") + "\n" + language.pick(
                "\(file)：已拒绝，未写入任何数据（\(rows) 行有误）；请改正或用 --skip-invalid",
                "\(file): rejected, nothing written (\(rows) bad row\(rows == 1 ? "" : "s")); fix them or use --skip-invalid")
        }
    }

    public var description: String { words(.en) }
}

extension Store {
    /// Imports a CSV file: reads and decodes it, validates EVERY row before writing anything, then either
    /// rejects the whole file (nothing written) or, with `skipInvalid`, writes the good rows and puts the bad
    /// ones with a `reason` column in `FILE.rejects.csv`. Writes go in chunks of `chunkSize` rows, each one
    /// short transaction; the import log entry is created incomplete before the first chunk and marked
    /// complete after the last, so an interrupted import shows as incomplete and re-running it completes it.
    ///
    /// `makeValidator` is called after the role check, to build the validator over the current database.
    ///
    /// This overload is for the kinds whose rows are checked against each other (the registry, the
    /// calendar: small files): it holds the file's records, not its bytes. Matters and patrols stream
    /// (`StreamingRowValidator`, ImportRunner+Stream.swift).
    public func runImport<V: RowValidator>(path: String, action: Action, options: ImportOptions, actor: Actor, now: Date,
                                           makeValidator: (Store) throws -> V, writer: ImportWriter<V.Value>) throws -> ImportReport {
        gr_keep_heap()  // before the file is read: its buffers and rows are the big allocations
        let file = try ImportFile(path: path)
        try authorize(actor, action, target: path, now: now)
        let validator = try makeValidator(self)
        let source = try file.scan()
        var records: [CSVRecord] = []
        let found = try file.forEachRecord(source, header: validator.header, optional: validator.optionalColumns) { records.append($0) }
        var batch = validator.validate(records)
        records = []
        if let key = writer.key { batch = batch.rejectingDuplicates(key: key) }
        // An older file that stops before the optional columns gets its rejects in its own columns; one with them in
        // another order had its rows put in the expected order by the header gate, and so do its rejects.
        let inOrder = found.count <= validator.header.count && Array(validator.header.prefix(found.count)).map { $0.lowercased() }
            == found.map { (Heading.code(forName: $0, among: validator.header) ?? $0).lowercased() }
        let rejectsHeader = inOrder ? Array(validator.header.prefix(max(found.count, validator.header.count - validator.optionalColumns.count)))
            : validator.header
        return try finishImport(batch, kind: validator.kind, header: rejectsHeader, fileName: path, source: source,
                                options: options, actor: actor, now: now, writer: writer, rejectsPath: Store.rejectsPath(for: path))
    }

    /// `grids.csv` → `grids.rejects.csv` (other names get `.rejects.csv` appended).
    public static func rejectsPath(for path: String) -> String {
        path.lowercased().hasSuffix(".csv") ? String(path.dropLast(4)) + ".rejects.csv" : path + ".rejects.csv"
    }

    /// The whole-file reject or the rejects file, then the import log and the chunked writes of a validated batch.
    func finishImport<Value>(_ batch: ImportBatch<Value>, kind: String, header: [String], fileName: String, source: ImportSource,
                             options: ImportOptions, actor: Actor, now: Date, writer: ImportWriter<Value>,
                             rejectsPath: String?) throws -> ImportReport {
        if !batch.rejected.isEmpty && !options.skipInvalid {
            throw ImportError.rejected(file: fileName, errors: batch.errors)
        }
        var rejectsFile: String? = nil
        if !batch.rejected.isEmpty, let rejectsPath {
            try writeRejects(batch.rejected, header: header, to: rejectsPath, language: options.language)
            rejectsFile = rejectsPath
        }
        let total = batch.accepted.count + batch.rejected.count
        let logID = try openImportLog(kind: kind, fileName: fileName, hash: source.hash, total: total, rejected: batch.rejected.count,
                                      actor: actor, now: now)
        var written = 0
        // The writers run the same few statements per row: one prepared statement per SQL text.
        try bulkWriting { try db.withStatementCache {
            var values = batch.accepted.map(\.value)
            try Store.forEachChunk(of: &values, writer: writer, size: options.chunkSize) {
                written += try writeImportChunk($0, writer: writer, logID: logID)
            }
        } }
        try closeImportLog(logID, kind: kind, fileName: fileName, hash: source.hash, written: written,
                           unchanged: batch.accepted.count - written, rejected: batch.rejected.count, actor: actor, now: now)
        return ImportReport(kind: kind, file: fileName, encoding: source.encoding, contentHash: source.hash, rowsTotal: total,
                            rowsWritten: written, rowsUnchanged: batch.accepted.count - written, rowsRejected: batch.rejected.count,
                            rejectsFile: rejectsFile, logID: logID)
    }

    /// The import log entry, incomplete until `closeImportLog`.
    func openImportLog(kind: String, fileName: String, hash: String, total: Int, rejected: Int, actor: Actor, now: Date) throws -> Int {
        try write {
            try db.run("""
                INSERT INTO import_log(kind, file_name, content_hash, rows_total, rows_written, rows_rejected, actor, started_at, complete)
                VALUES (?, ?, ?, ?, 0, ?, ?, ?, 0)
                """, [.text(kind), .text(fileName), .text(hash), .of(total), .of(rejected), .text(actor.login), .of(now)])
            return db.lastInsertID
        }
    }

    /// One chunk in one short transaction, counted in the log entry.
    func writeImportChunk<Value>(_ chunk: [Value], writer: ImportWriter<Value>, logID: Int) throws -> Int {
        try write {
            let n = try writer.writeChunk(self, chunk)
            try db.run("UPDATE import_log SET rows_written = rows_written + ? WHERE id = ?", [.of(n), .of(logID)])
            return n
        }
    }

    /// Marks the log entry complete and audits the import.
    func closeImportLog(_ logID: Int, kind: String, fileName: String, hash: String, written: Int, unchanged: Int, rejected: Int,
                        actor: Actor, now: Date) throws {
        try write {
            try db.run("UPDATE import_log SET complete = 1, finished_at = ? WHERE id = ?", [.of(now), .of(logID)])
            try audit(actor: actor.login, action: "import_\(kind)", target: fileName, allowed: true,
                      detail: "\(written) written, \(unchanged) unchanged, \(rejected) rejected; sha256 \(hash.prefix(12))",
                      now: now)
        }
    }

    /// Calls `body` with each write chunk of `values` in write order: sorted in place by `writer.order` and cut
    /// every `size` values, or else `writer.groups` packed into chunks of about `size` (`chunks`).
    static func forEachChunk<V>(of values: inout [V], writer: ImportWriter<V>, size: Int, _ body: ([V]) throws -> Void) throws {
        guard let order = writer.order else {
            for chunk in chunks(writer.groups(values), size: size) { try body(chunk) }
            return
        }
        values.sort(by: order)
        var i = values.startIndex
        while i < values.endIndex {
            let j = min(values.endIndex, i + size)
            try body(Array(values[i..<j]))
            i = j
        }
    }

    /// Packs groups into chunks of about `size` values, never splitting a group.
    static func chunks<V>(_ groups: [[V]], size: Int) -> [[V]] {
        var out: [[V]] = []
        var current: [V] = []
        for g in groups {
            if !current.isEmpty && current.count + g.count > size { out.append(current); current = [] }
            current.append(contentsOf: g)
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// Writes the rejected rows, as read, plus a `reason` column, as UTF-8 with BOM (opens right in Excel),
    /// formulas neutralised like every export (the importers take the guard off again).
    func writeRejects(_ rows: [RejectedRow], header: [String], to path: String, language: Language) throws {
        var text = CSVWriter.bom + CSVWriter.line(header + [language.pick("原因", "reason")])
        for r in rows {
            var fields = r.record.fields
            if fields.count < header.count { fields += Array(repeating: "", count: header.count - fields.count) }
            // A record of an older file, filled out by the header gate: only the empty filling is dropped.
            while fields.count > header.count, fields.last == "" { fields.removeLast() }
            text += CSVWriter.line(fields + [language.pick("第 \(r.record.line) 行：", "line \(r.record.line): ") + r.reason(language)])
        }
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw ImportError.unreadable(Phrase(zh: "\(path)：无法写入拒收文件（\(error.localizedDescription)）；未导入任何数据",
                                                en: "\(path): cannot write the rejects file (\(error.localizedDescription)); nothing imported"))
        }
    }
}
