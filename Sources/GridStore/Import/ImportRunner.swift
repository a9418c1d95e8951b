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

    /// Creates options.
    public init(skipInvalid: Bool = false, chunkSize: Int = 1000) {
        self.skipInvalid = skipInvalid; self.chunkSize = max(1, chunkSize)
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
    /// The file cannot be read as CSV at all: `file:line: message`.
    case unreadable(String)
    /// Some rows are bad and `--skip-invalid` was not given: every problem as `file:line: column: message`.
    case rejected(file: String, problems: [String])

    public var description: String {
        switch self {
        case let .unreadable(m): return m
        case let .rejected(file, problems):
            let rows = Set(problems.map { $0.split(separator: ":").prefix(2).joined(separator: ":") }).count
            return problems.joined(separator: "\n")
                + "\n\(file): rejected, nothing written (\(rows) bad row\(rows == 1 ? "" : "s")); fix them or use --skip-invalid"
        }
    }
}

extension Store {
    /// Imports a CSV file: reads and decodes it, validates EVERY row before writing anything, then either
    /// rejects the whole file (nothing written) or, with `skipInvalid`, writes the good rows and puts the bad
    /// ones with a `reason` column in `FILE.rejects.csv`. Writes go in chunks of `chunkSize` rows, each one
    /// short transaction; the import log entry is created incomplete before the first chunk and marked
    /// complete after the last, so an interrupted import shows as incomplete and re-running it completes it.
    ///
    /// `makeValidator` is called after the role check, to build the validator over the current database.
    public func runImport<V: RowValidator>(path: String, action: Action, options: ImportOptions, actor: Actor, now: Date,
                                           makeValidator: (Store) throws -> V, writer: ImportWriter<V.Value>) throws -> ImportReport {
        gr_keep_heap()  // before the file is read: its buffers and rows are the big allocations
        guard let data = FileManager.default.contents(atPath: path) else {
            let why = FileManager.default.fileExists(atPath: path) ? "cannot be read (permissions?)" : "no such file"
            throw ImportError.unreadable("\(path): \(why)")
        }
        return try runImport(bytes: [UInt8](data), fileName: path, action: action, options: options, actor: actor, now: now,
                             makeValidator: makeValidator, writer: writer, rejectsPath: Store.rejectsPath(for: path))
    }

    /// `grids.csv` → `grids.rejects.csv` (other names get `.rejects.csv` appended).
    public static func rejectsPath(for path: String) -> String {
        path.lowercased().hasSuffix(".csv") ? String(path.dropLast(4)) + ".rejects.csv" : path + ".rejects.csv"
    }

    /// The same on bytes already read; `rejectsPath` nil means no rejects file is written.
    public func runImport<V: RowValidator>(bytes: [UInt8], fileName: String, action: Action, options: ImportOptions,
                                           actor: Actor, now: Date, makeValidator: (Store) throws -> V,
                                           writer: ImportWriter<V.Value>, rejectsPath: String?) throws -> ImportReport {
        try authorize(actor, action, target: fileName, now: now)
        let validator = try makeValidator(self)
        let hash = SHA256.hex(bytes)
        let table: CSVTable
        do { table = try CSVReader.read(bytes, header: validator.header, optional: validator.optionalColumns) } catch {
            throw ImportError.unreadable("\(fileName):\(error.line): \(error.message)")
        }
        var batch = validator.validate(table.records)
        if let key = writer.key { batch = batch.rejectingDuplicates(key: key) }
        if !batch.rejected.isEmpty && !options.skipInvalid {
            throw ImportError.rejected(file: fileName, problems: batch.errors.map { $0.located(in: fileName) })
        }
        var rejectsFile: String? = nil
        if !batch.rejected.isEmpty, let rejectsPath {
            // An older file without the optional columns gets its rejects in its own columns.
            try writeRejects(batch.rejected, header: Array(validator.header.prefix(max(table.header.count, validator.header.count - validator.optionalColumns.count))),
                             to: rejectsPath)
            rejectsFile = rejectsPath
        }
        let total = table.records.count
        let logID: Int = try db.write {
            try db.run("""
                INSERT INTO import_log(kind, file_name, content_hash, rows_total, rows_written, rows_rejected, actor, started_at, complete)
                VALUES (?, ?, ?, ?, 0, ?, ?, ?, 0)
                """, [.text(validator.kind), .text(fileName), .text(hash), .of(total), .of(batch.rejected.count), .text(actor.login), .of(now)])
            return db.lastInsertID
        }
        var written = 0
        try bulkWriting {
            for chunk in Store.chunks(writer.groups(batch.accepted.map(\.value)), size: options.chunkSize) {
                try db.write {
                    let n = try writer.writeChunk(self, chunk)
                    try db.run("UPDATE import_log SET rows_written = rows_written + ? WHERE id = ?", [.of(n), .of(logID)])
                    written += n
                }
            }
        }
        try db.write {
            try db.run("UPDATE import_log SET complete = 1, finished_at = ? WHERE id = ?", [.of(now), .of(logID)])
            try audit(actor: actor.login, action: "import_\(validator.kind)", target: fileName, allowed: true,
                      detail: "\(written) written, \(batch.accepted.count - written) unchanged, \(batch.rejected.count) rejected; sha256 \(hash.prefix(12))",
                      now: now)
        }
        return ImportReport(kind: validator.kind, file: fileName, encoding: table.encoding, contentHash: hash, rowsTotal: total,
                            rowsWritten: written, rowsUnchanged: batch.accepted.count - written, rowsRejected: batch.rejected.count,
                            rejectsFile: rejectsFile, logID: logID)
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

    /// Writes the rejected rows, as read, plus a `reason` column, as UTF-8 with BOM (opens right in Excel).
    func writeRejects(_ rows: [RejectedRow], header: [String], to path: String) throws {
        var text = "\u{FEFF}" + CSVWriter.line(header + ["reason"])
        for r in rows {
            var fields = r.record.fields
            if fields.count < header.count { fields += Array(repeating: "", count: header.count - fields.count) }
            // A padded short record (`RowValidator.padded`): only the empty padding is dropped.
            while fields.count > header.count, fields.last == "" { fields.removeLast() }
            text += CSVWriter.line(fields + ["line \(r.record.line): " + r.reason])
        }
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw ImportError.unreadable("\(path): cannot write the rejects file (\(error.localizedDescription)); nothing imported")
        }
    }
}
