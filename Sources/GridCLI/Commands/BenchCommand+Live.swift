import Foundation
import GridCore
import GridStore

/// The patrol import rate into a copy of the benchmarked database (its size, its indexes, its summaries):
/// an import into a year's file is what a command room does, and costs more than one into an empty file.
enum ImportBench {
    /// Copies `store`'s file (online backup) beside the temporary directory, imports `rows` sessions of its
    /// workers into the copy and returns rows per second of the import alone; the copy is removed.
    static func rowsPerSecond(store: Store, login: String, now: Date, rows: Int = 100_000) throws -> Double {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-bench-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let copyPath = dir.appendingPathComponent("copy.sqlite").path
        try store.backup(to: copyPath)
        // The copy's gigabyte may still be on its way to the disk: let that finish before timing the import.
        sync()
        let copy = try Store.open(path: copyPath)
        let actor = try copy.actor(login: login)
        let workers = try copy.workers()
        guard !workers.isEmpty else { return 0 }
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
        let t = Date()
        let report = try copy.importPatrols(path: file, actor: actor, now: now)
        let seconds = Date().timeIntervalSince(t)
        guard report.rowsWritten == rows else {
            throw CLIError.bench("the import wrote \(report.rowsWritten) of \(rows) rows; not a rate")
        }
        return Double(rows) / max(seconds, 1e-6)
    }
}

/// Start-up, live latency and memory of the real console, run in a private tmux server.
struct LiveBench {
    let dbPath: String
    let nowText: String?
    let store: Store
    let actor: Actor
    let now: Date

    struct Result { var startToFirstFrame: Double?; var commitToScreenP50: Double?; var rssMB: Double? }

    let socket = "gridroom-bench-\(getpid())"

    func run() throws -> Result {
        guard tmux(["-V"]) != nil else { return Result() }
        defer { _ = tmux(["kill-server"]) }
        var result = Result()
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-bench-\(getpid()).log").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        func start() -> Bool {
            try? FileManager.default.removeItem(atPath: log)
            FileManager.default.createFile(atPath: log, contents: nil)
            let t0 = Date().timeIntervalSince1970
            var cmd = "env GRIDROOM_TIMING=\(log) GRIDROOM_T0=\(t0) \(exe) --db \(dbPath)"
            if let nowText { cmd += " --now \(nowText)" }
            startHolder(cmd)
            return waitFor(log, timeout: 10) { $0.hasPrefix("first_frame") } != nil
        }
        // Start to first frame: five starts, the median.
        var starts: [Double] = []
        for _ in 0..<5 {
            if start(), let line = lines(log).first(where: { $0.hasPrefix("first_frame") }), let ms = Double(line.split(separator: " ")[1]) {
                starts.append(ms)
            }
            _ = tmux(["kill-session", "-t", "b"])
            usleep(100_000)
        }
        if !starts.isEmpty { result.startToFirstFrame = Stats(starts).p50 }
        // Commit to screen: comments on an open matter from this process; the console logs each reload.
        guard start() else { return result }
        usleep(500_000)
        if let number = try store.matters({ var f = MatterFilter(); f.open = true; return f }(), now: now, limit: 1).first?.number {
            var lat: [Double] = []
            for k in 0..<10 {
                let t = Date().timeIntervalSince1970
                _ = try store.perform(MoveRequest(.comment, number: number, note: "bench \(k)"), by: actor, now: now)
                if let line = waitFor(log, timeout: 3, { l in l.hasPrefix("reload ") && (Double(l.split(separator: " ")[1]) ?? 0) >= t }),
                   let at = Double(line.split(separator: " ")[1]) {
                    lat.append((at - t) * 1000)
                }
                usleep(300_000)
            }
            if !lat.isEmpty { result.commitToScreenP50 = Stats(lat).p50 }
        }
        // Memory: visit every screen, then read the peak resident set of the console process.
        for key in ["2", "3", "4", "5", "6", "1"] { _ = tmux(["send-keys", "-t", "b", key]); usleep(600_000) }
        if let pid = tmux(["list-panes", "-t", "b", "-F", "#{pane_pid}"])?.trimmingCharacters(in: .whitespacesAndNewlines),
           let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kb = Double(line.split(separator: " ").dropFirst().first ?? "") {
            result.rssMB = kb / 1024
        }
        return result
    }

    /// A holder shell starts the session and stays while it lives: a tmux server started straight from
    /// Foundation's `Process` dies with its launcher on Linux.
    func startHolder(_ command: String) {
        let quoted = "'" + command.replacingOccurrences(of: "'", with: "'\\''") + "'"
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/bin/sh")
        holder.arguments = ["-c", "tmux -L \(socket) -f /dev/null new-session -d -s b -x 120 -y 40 \(quoted) && "
                            + "while tmux -L \(socket) has-session 2>/dev/null; do sleep 0.5; done"]
        holder.standardInput = FileHandle.nullDevice
        holder.standardOutput = FileHandle.nullDevice
        holder.standardError = FileHandle.nullDevice
        try? holder.run()
    }

    /// Runs a tmux client command; output goes through a file, because the server inherits the client's
    /// descriptors and would hold a pipe open for ever.
    func tmux(_ args: [String]) -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["tmux", "-L", socket] + args
        let file = NSTemporaryDirectory() + "\(socket)-\(UUID().uuidString.prefix(6)).out"
        FileManager.default.createFile(atPath: file, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: file) }
        guard let handle = FileHandle(forWritingAtPath: file) else { return nil }
        p.standardOutput = handle
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        p.waitUntilExit()
        try? handle.close()
        return p.terminationStatus == 0 ? ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "") : nil
    }

    func lines(_ path: String) -> [String] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    func waitFor(_ path: String, timeout: Double, _ match: (String) -> Bool) -> String? {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if let l = lines(path).first(where: match) { return l }
            usleep(5_000)
        }
        return nil
    }
}
