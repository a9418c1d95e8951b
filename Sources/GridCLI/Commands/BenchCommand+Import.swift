import Foundation
import GridCore
import GridStore

/// A copy of the benchmarked file for the import figures, made once with the online backup (its size, its
/// indexes, its summaries: an import into a year's file is what a command room does) and removed after.
/// One copy serves both imports: at district size each copy is gigabytes and takes a minute to make and check.
struct BenchCopy {
    let dir: URL
    let path: String

    init(of store: Store) throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-bench-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        path = dir.appendingPathComponent("copy.sqlite").path
        try store.backup(to: path)
        // The copy's gigabytes may still be on their way to the disk: let that finish before timing an import.
        sync()
    }

    func remove() { try? FileManager.default.removeItem(at: dir) }
}

/// The patrol import rate into the copy of the benchmarked database.
enum ImportBench {
    /// `bench --import-only`: the rate alone, into a copy of its own (removed after), as a line or as JSON.
    static func alone(store: Store, login: String, now: Date, json: Bool) throws -> String {
        let copy = try BenchCopy(of: store)
        defer { copy.remove() }
        let run = try timedImport(copy: copy, login: login, now: now)
        let rate = Int(run.rowsPerSecond)
        let met = Double(rate) >= BenchTargets.importRowsPerSecond
        // The CPU beside the wall clock: when they differ much, the import waited (the disk, a busy machine).
        return json ? "{\"import_rows_per_s\":\(rate),\"import_cpu_s\":\(String(format: "%.2f", run.cpuSeconds)),\"import_wall_s\":\(String(format: "%.2f", run.seconds))}\n"
            : "import rows/s  \(rate)  (target ≥ \(Int(BenchTargets.importRowsPerSecond)): \(met ? "met" : "NOT met"))  "
              + String(format: "wall %.2f s, CPU %.2f s\n", run.seconds, run.cpuSeconds)
    }

    /// Imports `rows` sessions of the copy's workers into it and returns rows per second of the import alone.
    static func rowsPerSecond(copy bench: BenchCopy, login: String, now: Date, rows: Int = 100_000) throws -> Double {
        try timedImport(copy: bench, login: login, now: now, rows: rows).rowsPerSecond
    }

    /// The CPU seconds (user and system) this process has used so far.
    static func cpuSeconds() -> Double {
        var u = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &u)
        return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
    }

    /// `rowsPerSecond`'s import, with its wall and CPU seconds.
    static func timedImport(copy bench: BenchCopy, login: String, now: Date, rows: Int = 100_000) throws
        -> (rowsPerSecond: Double, seconds: Double, cpuSeconds: Double) {
        let dir = bench.dir
        let copyPath = bench.path
        let copy = try Store.open(path: copyPath)
        let actor = try copy.actor(login: login)
        let workers = try copy.workers()
        guard !workers.isEmpty else { return (0, 0, 0) }
        // Sessions of 40–100 minutes walking back from a day before now, each worker in their own grid.
        var text = "worker,grid,start,end\n"
        text.reserveCapacity(rows * 64)
        let base = now.addingTimeInterval(-86_400)
        for i in 0..<rows {
            let w = workers[i % workers.count]
            let start = base.addingTimeInterval(-Double(i / workers.count) * 3 * 3600)
            let end = start.addingTimeInterval(Double(40 + i % 61) * 60)
            text += "\(w.code),\(w.grid),\(ISOTime.formatUTC(start)),\(ISOTime.formatUTC(end))\n"
        }
        let file = dir.appendingPathComponent("patrols.csv").path
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let t = Date(), cpu = cpuSeconds()
        let report = try copy.importPatrols(path: file, actor: actor, now: now)
        let seconds = Date().timeIntervalSince(t), used = cpuSeconds() - cpu
        guard report.rowsWritten == rows else {
            throw CLIError.bench("the import wrote \(report.rowsWritten) of \(rows) rows; not a rate")
        }
        return (Double(rows) / max(seconds, 1e-6), seconds, used)
    }
}
