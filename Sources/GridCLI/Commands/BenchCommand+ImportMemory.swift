import Foundation
import GridCore
import GridStore

/// The resident memory of a big import (issue 13 §3: imports stream, so memory stays under 64 MB whatever
/// the file's size). A figure of `gridroom bench`, not a unit test.
enum ImportMemoryBench {

    /// Rows of the generated patrols file (≈ 11 MB).
    static let rows = 200_000

    /// Writes a `rows`-row patrols file, imports it into the bench's copy with `gridroom import patrols` in a
    /// child process and returns that process's peak resident set (VmHWM) in MiB.
    static func peakMB(store: Store, copy: BenchCopy, nowText: String?, now: Date) throws -> Double {
        let dir = copy.dir
        let copyPath = copy.path
        let workers = try store.workers()
        guard !workers.isEmpty else { throw CLIError.bench("no workers to import patrols for") }
        // Sessions walking back from two years before now, so they never meet the rate bench's rows.
        let file = dir.appendingPathComponent("patrols.csv").path
        guard let out = FileHandle(forWritingAtPath: { FileManager.default.createFile(atPath: file, contents: nil); return file }()) else {
            throw CLIError.bench("cannot write \(file)")
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
        // This very program (the link works even when the file was rebuilt meanwhile).
        let exe = FileManager.default.fileExists(atPath: "/proc/self/exe") ? "/proc/self/exe" : CommandLine.arguments[0]
        argv[0] = CommandLine.arguments[0]
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        let rc = posix_spawn(&pid, exe, &actions, nil, cArgs, environ)
        guard rc == 0 else { throw CLIError.bench("cannot start \(exe) (\(rc))") }
        // The child's own high-water mark (VmHWM of its address space), sampled every 5 ms until it exits:
        // `wait4`'s ru_maxrss would also count this process's size at the spawn (Linux carries it over exec).
        var peakKiB = 0.0
        var status: Int32 = 0
        while true {
            if let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
               let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
               let kb = Double(line.split(separator: " ").dropFirst().first ?? "") {
                peakKiB = max(peakKiB, kb)
            }
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0 && errno != EINTR { throw CLIError.bench("lost the import process (\(errno))") }
            usleep(5_000)
        }
        guard status == 0 else { throw CLIError.bench("the import exited with status \(status); not a figure") }
        guard peakKiB > 0 else { throw CLIError.bench("could not read the import's memory; not a figure") }
        return peakKiB / 1024
    }
}
