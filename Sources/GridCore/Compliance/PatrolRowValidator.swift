import Foundation

/// One row of `patrols.csv`, checked: a closed session of a worker in a basic grid.
public struct PatrolRow: Hashable, Sendable {
    /// Worker code.
    public let worker: String
    /// Basic grid code.
    public let grid: String
    /// Start.
    public let start: Date
    /// End.
    public let end: Date

    /// Creates a row.
    public init(worker: String, grid: String, start: Date, end: Date) {
        self.worker = worker; self.grid = grid; self.start = start; self.end = end
    }
}

/// Validates `patrols.csv`: `worker,grid,start,end` (巡查记录导入).
///
/// Times are ISO-8601 with or without an offset (`2026-11-22T08:30:00+08:00`, `…Z`, `2026-11-22 08:30`);
/// without one they are township local time. Rejected: unknown worker or grid, a grid that is not a basic
/// grid, unreadable or missing times, end before start, times in the future. Rows repeated in the file
/// or already imported are not errors: they write nothing (idempotent re-import).
public struct PatrolRowValidator: StreamingRowValidator {
    /// `patrols`.
    public let kind = "patrols"
    /// The header.
    public let header = ["worker", "grid", "start", "end"]
    /// The registry as the database holds it.
    public let existing: RegistrySnapshot
    /// The township's zone, for times without an offset.
    public let zone: TownshipZone
    /// Now: nothing may lie after it.
    public let now: Date

    /// Creates the validator.
    public init(existing: RegistrySnapshot, zone: TownshipZone, now: Date) {
        self.existing = existing; self.zone = zone; self.now = now
    }

    /// Validates every record.
    public func validate(_ records: [CSVRecord]) -> ImportBatch<PatrolRow> {
        var batch = ImportBatch<PatrolRow>(accepted: [], rejected: [])
        for rec in records {
            var f = RowFields(rec, header: header)
            guard f.shapeOK else { batch.rejected.append(RejectedRow(record: rec, errors: f.errors)); continue }
            let worker = f.code("worker"), grid = f.code("grid")
            if let worker, existing.workers[worker] == nil { f.fail("worker", zh: "未知的网格员 \(worker)：名册中没有", en: "unknown worker \(worker): not in the registry") }
            if let grid {
                if let level = existing.grids[grid] {
                    if level != .basic {
                        f.fail("grid", zh: "网格 \(grid) 是\(level.displayName(.zh))；巡查只记在基础网格上",
                               en: "grid \(grid) is \(level == .area ? "an" : "a") \(level.rawValue) grid; patrols are recorded on basic grids (基础网格) only")
                    }
                } else {
                    f.fail("grid", zh: "未知的网格 \(grid)：名册中没有", en: "unknown grid \(grid): not in the registry")
                }
            }
            let start = time(&f, "start"), end = time(&f, "end")
            if let start, let end, end < start {
                f.fail("end", zh: "\(f.text("end")) 早于开始时间 \(f.text("start"))", en: "\(f.text("end")) is before the start \(f.text("start"))")
            }
            if let start, start > now { f.fail("start", zh: "\(f.text("start")) 在将来", en: "\(f.text("start")) is in the future") }
            if let end, end > now { f.fail("end", zh: "\(f.text("end")) 在将来", en: "\(f.text("end")) is in the future") }
            if f.errors.isEmpty, let worker, let grid, let start, let end {
                batch.accepted.append(ImportRow(record: rec, value: PatrolRow(worker: worker, grid: grid, start: start, end: end)))
            } else {
                batch.rejected.append(RejectedRow(record: rec, errors: f.errors.sorted()))
            }
        }
        return batch
    }

    /// The same: a patrol row has no check across the file (repeated rows are found by the runner).
    public func validateEach(_ records: [CSVRecord]) -> ImportBatch<PatrolRow> { validate(records) }

    private func time(_ f: inout RowFields, _ column: String) -> Date? {
        let v = f.text(column)
        if v.isEmpty {
            f.fail(column, zh: "为空；应为 ISO-8601 时间，如 2026-11-22T08:30:00+08:00"
                       + (column == "end" ? "（仍在进行的巡查用 `gridroom patrol start` 记录）" : ""),
                   en: "empty; expected an ISO-8601 time such as 2026-11-22T08:30:00+08:00"
                       + (column == "end" ? " (a patrol still under way is recorded with `gridroom patrol start`)" : ""))
            return nil
        }
        guard let t = ISOTime.parse(v, zone: zone) else {
            if let why = ISOTime.skippedLocalTime(v, zone: zone) { f.fail(column, why); return nil }
            f.fail(column, zh: "\"\(v)\"：不是 ISO-8601 时间（如 2026-11-22T08:30:00+08:00、…Z，或乡镇本地时间 2026-11-22T08:30）",
                   en: "\"\(v)\": not an ISO-8601 time (e.g. 2026-11-22T08:30:00+08:00, …Z, or 2026-11-22T08:30 in township time)")
            return nil
        }
        return t
    }
}
