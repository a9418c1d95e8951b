import CSQLite
import Foundation
import GridCore

extension Store {
    /// Records validated at a time while streaming.
    static let streamBatch = 2_000

    /// Imports a big file (matters, patrols) streaming (流式导入): the same promises as the whole-file runner
    /// — every row checked before anything is written, the whole file refused on a bad row unless
    /// `skipInvalid`, rows repeated in the file rejected naming each other's lines, chunked writes, the
    /// import log — with resident memory bounded whatever the file's size (`gridroom bench` measures it):
    ///
    /// 1. scan: the encoding and the SHA-256, a chunk at a time;
    /// 2. check: every record validated in batches; kept are the rejected rows and, per accepted row,
    ///    a 64-bit fingerprint of its key (FNV-1a);
    /// 3. only when two fingerprints meet: the file read again for those rows' real keys (so a fingerprint
    ///    collision never rejects a row);
    /// 4. write: the file read again, its accepted rows written in windows of `writer.streamWindow` values
    ///    (the writer's `order`, or its `groups`, orders each window) in chunks of `chunkSize`. If the file changed (size or
    ///    modification time) since the scan, the import stops with its log entry incomplete.
    public func runImport<V: StreamingRowValidator>(path: String, action: Action, options: ImportOptions, actor: Actor, now: Date,
                                                    makeValidator: (Store) throws -> V, writer: ImportWriter<V.Value>) throws -> ImportReport {
        gr_keep_heap()
        let file = try ImportFile(path: path)
        try authorize(actor, action, target: path, now: now)
        let validator = try makeValidator(self)
        let source = try file.scan()
        let header = validator.header

        // 2. Check.
        var total = 0
        var rejected: [RejectedRow] = []
        var seen = Set<UInt64>()
        var suspects: Set<UInt64> = []
        func check(_ records: [CSVRecord]) {
            let batch = validator.validateEach(records)
            rejected += batch.rejected
            guard let key = writer.key else { return }
            for r in batch.accepted {
                guard let k = key(r.value) else { continue }
                let f = Store.fingerprint(k)
                if !seen.insert(f).inserted { suspects.insert(f) }
            }
        }
        var pending: [CSVRecord] = []
        pending.reserveCapacity(Store.streamBatch)
        try file.forEachRecord(source, header: header) { r in
            total += 1
            pending.append(r)
            if pending.count == Store.streamBatch { check(pending); pending.removeAll(keepingCapacity: true) }
        }
        check(pending); pending = []
        seen = []

        // 3. Rows repeated in the file, by their real keys.
        if !suspects.isEmpty, let key = writer.key {
            var byKey: [String: [CSVRecord]] = [:]
            var batch: [CSVRecord] = []
            func collect() {
                for r in validator.validateEach(batch).accepted {
                    if let k = key(r.value), suspects.contains(Store.fingerprint(k)) { byKey[k, default: []].append(r.record) }
                }
                batch.removeAll(keepingCapacity: true)
            }
            try file.forEachRecord(source, header: header) { r in
                batch.append(r)
                if batch.count == Store.streamBatch { collect() }
            }
            collect()
            for records in byKey.values where records.count > 1 {
                let lines = records.map(\.line)
                for r in records {
                    let others = lines.filter { $0 != r.line }.map(String.init).joined(separator: ", ")
                    rejected.append(RejectedRow(record: r, errors: [RowError(line: r.line, column: nil,
                        validator.duplicateMessage(otherLines: others, count: lines.count - 1))]))
                }
            }
        }
        rejected.sort { $0.record.line < $1.record.line }

        if !rejected.isEmpty && !options.skipInvalid {
            throw ImportError.rejected(file: path, errors: rejected.flatMap(\.errors).sorted())
        }
        var rejectsFile: String? = nil
        if !rejected.isEmpty {
            let p = Store.rejectsPath(for: path)
            try writeRejects(rejected, header: header, to: p, language: options.language)
            rejectsFile = p
        }
        let rejectedLines = Set(rejected.map(\.record.line))
        let rejectedCount = rejected.count
        rejected = []

        // 4. Write. The log entry is opened just before the first chunk (not while the first window fills), so
        // an import shows as incomplete only once it can have written something.
        var logID: Int? = nil
        func log() throws -> Int {
            if let logID { return logID }
            let id = try openImportLog(kind: validator.kind, fileName: path, hash: source.hash, total: total, rejected: rejectedCount,
                                       actor: actor, now: now)
            logID = id
            return id
        }
        var written = 0
        let window = max(options.chunkSize, writer.streamWindow ?? 2 * options.chunkSize)
        try bulkWriting { try db.withStatementCache {
            var values: [V.Value] = []
            var batch: [CSVRecord] = []
            func flush() throws {
                try Store.forEachChunk(of: &values, writer: writer, size: options.chunkSize) {
                    written += try writeImportChunk($0, writer: writer, logID: try log())
                }
                values.removeAll(keepingCapacity: true)
            }
            func take() throws {
                for r in validator.validateEach(batch).accepted where !rejectedLines.contains(r.record.line) {
                    values.append(r.value)
                    if values.count >= window { try flush() }
                }
                batch.removeAll(keepingCapacity: true)
            }
            try file.forEachRecord(source, header: header) { r in
                batch.append(r)
                if batch.count == Store.streamBatch { try take() }
            }
            try take()
            try flush()
            guard try file.stamp() == source.stamp else {
                let id = try log()
                throw ImportError.unreadable(Phrase(zh: "\(path)：导入过程中文件被改动；第 \(id) 次导入未完成——请重新导入",
                                                    en: "\(path): the file changed while it was being imported; import #\(id) is left incomplete — import it again"))
            }
        } }
        let accepted = total - rejectedCount
        let id = try log()
        try closeImportLog(id, kind: validator.kind, fileName: path, hash: source.hash, written: written,
                           unchanged: accepted - written, rejected: rejectedCount, actor: actor, now: now)
        return ImportReport(kind: validator.kind, file: path, encoding: source.encoding, contentHash: source.hash, rowsTotal: total,
                            rowsWritten: written, rowsUnchanged: accepted - written, rowsRejected: rejectedCount,
                            rejectsFile: rejectsFile, logID: id)
    }

    /// FNV-1a, 64 bits, of a key's UTF-8: a compact stand-in for the key while streaming (real keys decide).
    static func fingerprint(_ key: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}
