import Foundation

/// What the database holds that a matters import refers to (the store supplies it).
public struct MatterReferences: Sendable {
    /// Grid codes.
    public var grids: Set<String>
    /// Grid-worker codes.
    public var workers: Set<String>
    /// Category code → default urgency.
    public var categories: [String: Urgency]

    /// Creates references.
    public init(grids: Set<String> = [], workers: Set<String> = [], categories: [String: Urgency] = [:]) {
        self.grids = grids; self.workers = workers; self.categories = categories
    }
}

/// Validates `cases.csv`: `reported_at,source,reporter,grid,category,urgency,title,description,location`,
/// with the same rules as `gridroom case new`. Each row's identity (its import key) is a hash of its
/// reported_at, source, reporter, grid, category and title, so importing the same file again adds nothing.
public struct MatterImportValidator: StreamingRowValidator {
    /// `cases`.
    public let kind = "cases"
    /// The header of `cases.csv`.
    public static let header = ["reported_at", "source", "reporter", "grid", "category", "urgency", "title", "description", "location"]
    /// The header.
    public var header: [String] { MatterImportValidator.header }
    /// Registry codes.
    public let references: MatterReferences
    /// The township's zone: times without an offset are local.
    public let zone: TownshipZone
    /// Now: reports from the future are refused (`TimeRules.futureTolerance` of clock skew allowed).
    public let now: Date

    /// Creates the validator.
    public init(references: MatterReferences, zone: TownshipZone, now: Date) {
        self.references = references; self.zone = zone; self.now = now
    }

    /// Validates every record, the same matter twice in the file included.
    public func validate(_ records: [CSVRecord]) -> ImportBatch<MatterIntake> {
        let rows = checkRows(records)
        var batch = ImportBatch<MatterIntake>(accepted: [], rejected: [])
        var linesByKey: [String: [Int]] = [:]
        for r in rows { if let k = r.value?.importKey { linesByKey[k, default: []].append(r.fields.line) } }
        for r in rows {
            var errors = r.fields.errors
            if let k = r.value?.importKey, let lines = linesByKey[k], lines.count > 1 {
                let others = lines.filter { $0 != r.fields.line }.map(String.init).joined(separator: ", ")
                errors.append(RowError(line: r.fields.line, column: nil, duplicateMessage(otherLines: others, count: lines.count - 1)))
            }
            if errors.isEmpty, let v = r.value {
                batch.accepted.append(ImportRow(record: r.fields.record, value: v))
            } else {
                batch.rejected.append(RejectedRow(record: r.fields.record, errors: errors.sorted()))
            }
        }
        return batch
    }

    /// Validates records one by one (the runner finds the same matter twice in a streamed file).
    public func validateEach(_ records: [CSVRecord]) -> ImportBatch<MatterIntake> {
        var batch = ImportBatch<MatterIntake>(accepted: [], rejected: [])
        for r in checkRows(records) {
            if r.fields.errors.isEmpty, let v = r.value { batch.accepted.append(ImportRow(record: r.fields.record, value: v)) }
            else { batch.rejected.append(RejectedRow(record: r.fields.record, errors: r.fields.errors.sorted())) }
        }
        return batch
    }

    /// "the same matter (…) is also on line 4, 7".
    public func duplicateMessage(otherLines: String, count: Int) -> Phrase {
        Phrase(zh: "同一事项（受理时间、来源、上报人、网格、类别和标题都相同）也在第 \(otherLines) 行",
               en: "the same matter (same reported_at, source, reporter, grid, category and title) is also on line \(otherLines)")
    }

    /// Each record checked, with its value when it passed.
    func checkRows(_ records: [CSVRecord]) -> [(fields: RowFields, value: MatterIntake?)] {
        let sources = MatterSource.allCases.map(\.rawValue).joined(separator: ", ")
        let rows: [(fields: RowFields, value: MatterIntake?)] = records.map { rec in
            var f = RowFields(rec, header: header, multiLine: ["description"])
            guard f.shapeOK else { return (f, nil) }
            let reportedText = f.text("reported_at")
            var reported = ISOTime.parse(reportedText, zone: zone)
            if reported == nil, let why = ISOTime.skippedLocalTime(reportedText, zone: zone) {
                f.fail("reported_at", why)
            } else if reported == nil {
                f.fail("reported_at", zh: reportedText.isEmpty ? "为空；应为时间，如 2026-11-22T08:30 或 2026-11-22T08:30:00+08:00"
                                                              : "\"\(reportedText)\"：应为时间，如 2026-11-22T08:30 或 2026-11-22T08:30:00+08:00",
                       en: reportedText.isEmpty ? "empty; expected a time such as 2026-11-22T08:30 or 2026-11-22T08:30:00+08:00"
                                                : "\"\(reportedText)\": expected a time such as 2026-11-22T08:30 or 2026-11-22T08:30:00+08:00")
            } else if let r = reported, !TimeRules.isAcceptable(reported: r, now: now) {
                f.fail("reported_at", zh: "\(reportedText) 在将来（现在是 \(ISOTime.format(now, zone: zone))）",
                       en: "\(reportedText) is in the future (now is \(ISOTime.format(now, zone: zone)))"); reported = nil
            }
            let source = f.choice("source", expected: Phrase(zh: "以下之一：\(sources)", en: "one of \(sources)")) { MatterSource(rawValue: $0.lowercased()) ?? MatterSource(codeOrName: $0) }
            let reporter = f.text("reporter")
            if source == .gridWorker {
                if reporter.isEmpty { f.fail("reporter", zh: "为空；网格员上报（grid_worker）须填网格员编码", en: "empty; a grid_worker report needs the worker's code") }
                else if !references.workers.contains(reporter) {
                    f.fail("reporter", zh: "未知的网格员 \(reporter)；请先导入网格员", en: "unknown grid worker \(reporter); import workers first")
                }
            }
            let grid = f.code("grid")
            if let grid, !references.grids.contains(grid) { f.fail("grid", zh: "未知的网格 \(grid)；请先导入网格", en: "unknown grid \(grid); import grids first") }
            let category = f.code("category")
            if let category, references.categories[category] == nil { f.fail("category", zh: "未知的类别 \(category)；请先导入类别", en: "unknown category \(category); import categories first") }
            var urgency: Urgency?? = .some(nil)
            if !f.text("urgency").isEmpty {
                urgency = f.choice("urgency", expected: Phrase(zh: "urgent 或 normal（紧急或一般），或留空取类别默认", en: "urgent or normal (紧急 or 一般), or empty for the category's default")) { Urgency(text: $0) }.map { .some($0) }
            }
            let title = f.name("title", limit: 200)
            let description = f.text("description"), location = f.text("location")
            guard f.errors.isEmpty, let reported, let source, let grid, let category, let urgency, let title else { return (f, nil) }
            let key = SHA256.hex(Array([ISOTime.formatUTC(reported), source.rawValue, reporter, grid, category, title]
                .joined(separator: "\u{1F}").utf8))
            return (f, MatterIntake(reportedAt: reported, source: source, reporter: reporter, grid: grid, category: category,
                                    urgency: urgency, title: title, description: description, location: location, importKey: key))
        }
        return rows
    }
}
