/// Checks shared by every importer: duplicate keys within a file and references that must resolve.
public enum ImportChecks {
    /// For rows with a key, an error on every row whose key also appears on another line (naming those lines).
    public static func duplicates(keys: [(line: Int, key: String?)], column: String,
                                  what: (zh: String, en: String) = ("编码", "code")) -> [Int: RowError] {
        var lines: [String: [Int]] = [:]
        for k in keys { if let key = k.key { lines[key, default: []].append(k.line) } }
        var out: [Int: RowError] = [:]
        for k in keys {
            guard let key = k.key, let ls = lines[key], ls.count > 1 else { continue }
            let others = ls.filter { $0 != k.line }.map(String.init).joined(separator: ", ")
            out[k.line] = RowError(line: k.line, column: column, Phrase(
                zh: "\(what.zh) \(key) 重复：第 \(others) 行也有", en: "duplicate \(what.en) \(key): also on line\(ls.count > 2 ? "s" : "") \(others)"))
        }
        return out
    }

    /// Turns per-row results into a batch, then rejects, until nothing changes, every row whose
    /// references (checked by `references`) lean on a row of the file that was itself rejected.
    ///
    /// `rawKeyColumn` names the key column, read as text for rows that failed before a value was built.
    /// `references(value, valid)` gets the accepted rows of the file by key and returns the row's reference
    /// errors; it is called again after each round of rejections.
    public static func settle<V: Sendable>(
        rows: [(fields: RowFields, value: V?)],
        key: (V) -> String,
        rawKeyColumn: String? = "code",
        references: (V, _ line: Int, _ validInFile: [String: V], _ rejectedInFile: [String: Int]) -> [RowError]
    ) -> ImportBatch<V> {
        var errors: [[RowError]] = rows.map(\.fields.errors)
        var changed = true
        while changed {
            changed = false
            var valid: [String: V] = [:]
            var rejected: [String: Int] = [:]
            for (i, r) in rows.enumerated() {
                if let v = r.value, errors[i].isEmpty { valid[key(v)] = v; continue }
                // A rejected row still names its key, so rows leaning on it learn why they cannot stand.
                let k = r.value.map(key) ?? rawKeyColumn.map { r.fields.text($0) }
                if let k, !k.isEmpty, rejected[k] == nil { rejected[k] = r.fields.line }
            }
            for (i, r) in rows.enumerated() where errors[i].isEmpty {
                guard let v = r.value else { continue }
                let e = references(v, r.fields.line, valid, rejected)
                if !e.isEmpty { errors[i] = e; changed = true }
            }
        }
        var batch = ImportBatch<V>(accepted: [], rejected: [])
        for (i, r) in rows.enumerated() {
            if errors[i].isEmpty, let v = r.value {
                batch.accepted.append(ImportRow(record: r.fields.record, value: v))
            } else {
                batch.rejected.append(RejectedRow(record: r.fields.record, errors: errors[i].isEmpty
                    ? [RowError(line: r.fields.line, column: nil, Phrase(zh: "无效行", en: "invalid row"))] : errors[i].sorted()))
            }
        }
        return batch
    }
}

extension ImportBatch {
    /// Moves every accepted row whose `key` another accepted row of the file shares to the rejected rows,
    /// each naming the other lines ("the same row as line N"). Rows with a nil key are left alone.
    public func rejectingDuplicates(key: (Value) -> String?) -> ImportBatch<Value> {
        // The usual case, no duplicate: one set of keys, no per-key arrays.
        var seen = Set<String>(minimumCapacity: accepted.count)
        var anyDuplicate = false
        for r in accepted { if let k = key(r.value), !seen.insert(k).inserted { anyDuplicate = true; break } }
        guard anyDuplicate else { return self }
        var lines: [String: [Int]] = [:]
        for r in accepted { if let k = key(r.value) { lines[k, default: []].append(r.record.line) } }
        guard lines.values.contains(where: { $0.count > 1 }) else { return self }
        var out = ImportBatch(accepted: [], rejected: rejected)
        for r in accepted {
            guard let k = key(r.value), let ls = lines[k], ls.count > 1 else { out.accepted.append(r); continue }
            let others = ls.filter { $0 != r.record.line }.map(String.init).joined(separator: ", ")
            out.rejected.append(RejectedRow(record: r.record, errors: [RowError(line: r.record.line, column: nil, Phrase(
                zh: "重复行：与第 \(others) 行相同", en: "duplicate row: the same as line\(ls.count > 2 ? "s" : "") \(others)"))]))
        }
        out.rejected.sort { $0.record.line < $1.record.line }
        return out
    }
}
