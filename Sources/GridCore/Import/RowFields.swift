import Foundation

/// One record read by column name, collecting every problem found in it (a row's 字段校验).
public struct RowFields {
    /// The record.
    public let record: CSVRecord
    private let header: [String]
    /// Problems found so far.
    public private(set) var errors: [RowError] = []

    /// Whether the row has the right shape, so its columns can be checked one by one.
    public let shapeOK: Bool

    /// Reads `record` against `header`; a wrong field count or a quoting problem is recorded at once, and so is
    /// every column holding a control character or direction override (`TextSafety`; line breaks and tabs only
    /// in the `multiLine` columns), naming the column and the character.
    public init(_ record: CSVRecord, header: [String], multiLine: Set<String> = []) {
        self.record = record
        self.header = header
        if let p = record.problem { errors.append(RowError(line: record.line, column: nil, p)) }
        if record.fields.count != header.count {
            errors.append(RowError(line: record.line, column: nil, Phrase(
                zh: "\(record.fields.count) 个字段，应为 \(header.count) 个（\(header.joined(separator: ","))）",
                en: "\(record.fields.count) fields, expected \(header.count) (\(header.joined(separator: ",")))")))
        }
        shapeOK = errors.isEmpty
        for (i, v) in record.fields.enumerated() where i < header.count {
            // Printable ASCII and most Chinese text: no byte below 0x20, none from 0x7F up except multi-byte
            // characters, which the scalar walk below looks at. One pass for the usual field.
            if v.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { continue }
            let column = header[i]
            // Surrounding spaces (a trailing CR or tab included) are trimmed off by `text`, so only the inside counts.
            let inside = v.trimmingCharacters(in: .whitespacesAndNewlines)
            let policy = multiLine.contains(column) ? TextFieldPolicy.multiLine(column) : .singleLine(column)
            if let e = TextSafety.firstProblem(inside, policy) {
                errors.append(RowError(line: record.line, column: column, Phrase(zh: e.words(.zh).dropPrefix(Heading.name(column, .zh) + "："),
                                                                                 en: e.words(.en).dropPrefix(column + ": "))))
            }
        }
    }

    /// The line the record starts on.
    public var line: Int { record.line }

    /// The column's text, trimmed of spaces ("" when missing), with an export's formula guard (`'=…`) taken off
    /// (`CSVWriter.unneutralised`), so export → edit → import gives back what was exported.
    public func text(_ column: String) -> String {
        guard let i = header.firstIndex(of: column), i < record.fields.count else { return "" }
        let v = CSVWriter.unneutralised(record.fields[i])
        // Printable ASCII at both ends: nothing to trim (the usual case, without Foundation).
        if let a = v.utf8.first, let z = v.utf8.last, a > 0x20, a < 0x7F, z > 0x20, z < 0x7F { return v }
        return v.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Records a problem in `column` (nil: the whole row).
    public mutating func fail(_ column: String?, _ phrase: Phrase) {
        errors.append(RowError(line: record.line, column: column, phrase))
    }

    /// Records a problem in `column` worded in Chinese and English.
    public mutating func fail(_ column: String?, zh: String, en: String) { fail(column, Phrase(zh: zh, en: en)) }

    /// A code: required, at most 32 characters of ASCII letters, digits, `-`, `_` or `.`.
    public mutating func code(_ column: String) -> String? {
        let v = text(column)
        if v.isEmpty { fail(column, zh: "为空；须填编码", en: "empty; a code is required"); return nil }
        if let why = RowFields.codeProblem(v) { fail(column, why); return nil }
        return v
    }

    /// A required local date `YYYY-MM-DD`.
    public mutating func date(_ column: String) -> LocalDate? {
        let v = text(column)
        guard let d = LocalDate(iso: v) else {
            fail(column, zh: v.isEmpty ? "为空；应为日期 YYYY-MM-DD" : "\"\(v)\"：应为日期 YYYY-MM-DD",
                 en: v.isEmpty ? "empty; expected a date YYYY-MM-DD" : "\"\(v)\": expected a date YYYY-MM-DD")
            return nil
        }
        return d
    }

    /// An optional code reference: nil when empty.
    public mutating func optionalCode(_ column: String) -> String?? {
        let v = text(column)
        if v.isEmpty { return .some(nil) }
        if let why = RowFields.codeProblem(v) { fail(column, why); return nil }
        return .some(v)
    }

    /// Why `v` is not an acceptable code, or nil.
    public static func codeProblem(_ v: String) -> Phrase? {
        // At most 32 bytes, all ASCII letters, digits, - _ or .: fine (the usual case, without Foundation).
        if v.utf8.count <= 32, v.utf8.allSatisfy({ b in
            (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || b == 0x2D || b == 0x5F || b == 0x2E
        }) { return nil }
        if v.count > 32 {
            return Phrase(zh: "编码 \"\(v.prefix(40))\" 长 \(v.count) 个字符（至多 32 个）", en: "code \"\(v.prefix(40))\" is \(v.count) characters long (at most 32)")
        }
        if !v.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)) }) {
            return Phrase(zh: "编码 \"\(v)\" 只能含 ASCII 字母、数字、- _ 和 .", en: "code \"\(v)\" may hold only ASCII letters, digits, - _ and .")
        }
        return nil
    }

    /// A required name of at most `limit` characters.
    public mutating func name(_ column: String, limit: Int = 100) -> String? {
        let v = text(column)
        if v.isEmpty { fail(column, zh: "为空；须填名称", en: "empty; a name is required"); return nil }
        if v.count > limit { fail(column, zh: "长 \(v.count) 个字符（至多 \(limit) 个）", en: "\(v.count) characters long (at most \(limit))"); return nil }
        return v
    }

    /// A value read by `parse`; `expected` lists the accepted spellings for the message (codes and names, the
    /// same in both languages).
    public mutating func choice<E>(_ column: String, expected: String, _ parse: (String) -> E?) -> E? {
        choice(column, expected: Phrase(same: expected), parse)
    }

    /// A value read by `parse`; `expected` says what is accepted, in both languages.
    public mutating func choice<E>(_ column: String, expected: Phrase, _ parse: (String) -> E?) -> E? {
        let v = text(column)
        guard let e = parse(v) else {
            fail(column, zh: v.isEmpty ? "为空；应为 \(expected.zh)" : "\"\(v)\"：应为 \(expected.zh)",
                 en: v.isEmpty ? "empty; expected \(expected.en)" : "\"\(v)\": expected \(expected.en)"); return nil
        }
        return e
    }

    /// An optional whole number in `range`: `.some(nil)` when empty, nil when invalid.
    public mutating func optionalInt(_ column: String, range: ClosedRange<Int>) -> Int?? {
        let v = text(column)
        if v.isEmpty { return .some(nil) }
        guard let n = Int(v), range.contains(n) else {
            fail(column, zh: "\"\(v)\"：应为 \(range.lowerBound) 到 \(range.upperBound) 之间的整数",
                 en: "\"\(v)\": expected a whole number from \(range.lowerBound) to \(range.upperBound)"); return nil
        }
        return .some(n)
    }

    /// A stage time limit such as `30min`, `2h`, `4wh`, `3wd`.
    public mutating func limit(_ column: String) -> TimeLimit? {
        let v = text(column)
        guard let l = TimeLimit(parsing: v) else {
            fail(column, zh: v.isEmpty ? "为空；应为时限，如 30min、2h、4wh 或 3wd"
                                       : "\"\(v)\"：应为时限，如 30min、2h、4wh 或 3wd（正数加 min、h、wh 或 wd）",
                 en: v.isEmpty ? "empty; expected a time limit such as 30min, 2h, 4wh or 3wd"
                               : "\"\(v)\": expected a time limit such as 30min, 2h, 4wh or 3wd (a positive number and min, h, wh or wd)")
            return nil
        }
        return l
    }
}

extension String {
    /// The text without `prefix` when it starts with it.
    fileprivate func dropPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }
}
