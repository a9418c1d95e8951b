import Foundation
import GridCore
import GridStore

/// The resident memory of a big import (issue 13 §3: imports stream, so memory stays under 64 MB whatever
/// the file's size). A figure of `gridroom bench`, not a unit test.
enum ImportMemoryBench {
    /// Rows of the generated patrols file (≈ 11 MB).
    static let rows = 200_000

    /// Copies `store`'s file, writes a `rows`-row patrols file, imports it with `gridroom import patrols` in a
    /// child process and returns that process's peak resident set (`ru_maxrss` from `wait4`) in MiB.
    static func peakMB(store: Store, nowText: String?, now: Date) throws -> Double {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-bench-rss-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let copyPath = dir.appendingPathComponent("copy.sqlite").path
        try store.backup(to: copyPath)
        let workers = try store.workers()
        guard !workers.isEmpty else { throw StoreError.invalid("bench: no workers to import patrols for") }
        // Sessions walking back from two years before now, so they never meet the rate bench's rows.
        let file = dir.appendingPathComponent("patrols.csv").path
        guard let out = FileHandle(forWritingAtPath: { FileManager.default.createFile(atPath: file, contents: nil); return file }()) else {
            throw StoreError.invalid("bench: cannot write \(file)")
        }
        var text = "worker,grid,start,end\n"
        let base = now.addingTimeInterval(-2 * 365 * 86_400)
        for i in 0..<rows {
            let w = workers[i % workers.count]
            let start = base.addingTimeInterval(-Double(i / workers.count) * 3 * 3600)
            let end = start.addingTimeInterval(Double(40 + i % 61) * 60)
            text += "\(w.code),\(w.grid),\(ISOTime.formatUTC(start)),\(ISOTime.formatUTC(end))\n"
            if text.utf8.count > 1 << 20 { out.write(Data(text.utf8)); text = "" }
        }
        out.write(Data(text.utf8))
        try out.close()
        var argv = ["/proc/self/exe", "--db", copyPath]
        if let nowText { argv += ["--now", nowText] }
        argv += ["import", "patrols", file]
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        argv[0] = exe
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        let rc = posix_spawn(&pid, exe, &actions, nil, cArgs, environ)
        guard rc == 0 else { throw StoreError.invalid("bench: cannot start \(exe) (\(rc))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        guard status == 0 else { throw StoreError.invalid("bench: the import exited with status \(status); not a figure") }
        return Double(usage.ru_maxrss) / 1024   // Linux: KiB
    }
}
