import Foundation
import GridCore
import GridStore

/// Start-up, live latency, idle CPU and memory of the real console, run in a private tmux server.
struct LiveBench {
    let dbPath: String
    let nowText: String?
    let store: Store
    let actor: Actor
    let now: Date
    /// How many consoles to hold open at once on the file for the idle and live figures (`--consoles`).
    var consoles = 1
    /// The wall time the idle CPU is measured over.
    var idleSeconds = 10.0
    /// Whether to time five starts first (the multi-console run skips them).
    var timeStarts = true
    /// Whether to time the five starts and nothing else (`--screen start`).
    var onlyStarts = false

    struct Result {
        /// The median of `starts`.
        var startToFirstFrame: Double?
        /// Each start's exec to first frame, in the order run.
        var starts: [Double] = []
        /// From just before the write (its own time included) to the reload drawn, median over writes and consoles.
        var commitToScreenP50: Double?
        /// The same to the last of the open consoles, median over writes.
        var commitToLastScreenP50: Double?
        /// The writer's own time for one comment (BEGIN IMMEDIATE … COMMIT), median.
        var writeP50: Double?
        /// Peak resident memory of the first console after visiting every screen.
        var rssMB: Double?
        /// Resident memory of each open console, idle on its first screen.
        var idleRSSMB: [Double] = []
        /// Proportional memory of each open console (shared pages split among the consoles).
        var idlePSSMB: [Double] = []
        /// CPU percent of one core of each open console while nobody types or writes.
        var idleCPUPercent: [Double] = []
    }

    let socket = "gridroom-bench-\(getpid())"

    func run() throws -> Result {
        guard tmux(["-V"]) != nil else { return Result() }
        defer { _ = tmux(["kill-server"]) }
        var result = Result()
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let dir = FileManager.default.temporaryDirectory.path
        func log(_ i: Int) -> String { "\(dir)/gridroom-bench-\(getpid())-\(i).log" }
        defer { for i in 0..<max(consoles, 1) { try? FileManager.default.removeItem(atPath: log(i)) } }
        /// Starts console `i` in session `b<i>`; true when it drew its first frame within `timeout`.
        ///
        /// The start is timed from the pane's shell just before it execs the console (`date` there, passed on as
        /// GRIDROOM_T0) to the console's first frame written to its terminal: what a person waits for after
        /// typing `gridroom`. The tmux server's own start and the pane's creation (18–60 ms here, more on a busy
        /// machine) are the bench's harness, not the console, and were counted before.
        func start(_ i: Int, timeout: Double = 10) -> Bool {
            try? FileManager.default.removeItem(atPath: log(i))
            FileManager.default.createFile(atPath: log(i), contents: nil)
            var cmd = "exec env GRIDROOM_T0=$(date +%s.%N) GRIDROOM_TIMING=\(log(i)) \(exe) --db \(dbPath)"
            if let nowText { cmd += " --now \(nowText)" }
            startHolder(cmd, session: "b\(i)")
            return waitFor(log(i), timeout: timeout) { $0.hasPrefix("first_frame") } != nil
        }
        // Start to first frame: five starts, the median.
        if timeStarts {
            var starts: [Double] = []
            for _ in 0..<5 {
                if start(0), let line = lines(log(0)).first(where: { $0.hasPrefix("first_frame") }), let ms = Double(line.split(separator: " ")[1]) {
                    starts.append(ms)
                }
                let console = pid(session: "b0").flatMap { pid_t($0) }
                _ = tmux(["kill-session", "-t", "b0"])
                // The next start waits for this console to be gone: its close (the last connection's checkpoint)
                // would otherwise run alongside the next one's start and be counted in it.
                if let console { waitGone(console) }
                usleep(100_000)
            }
            result.starts = starts
            if !starts.isEmpty { result.startToFirstFrame = Stats(starts).p50 }
        }
        if onlyStarts { return result }
        // The consoles stay open from here on: started one after another (each waits for its first frame).
        for i in 0..<consoles where !start(i, timeout: 30) {
            throw CLIError.bench("console \(i + 1) of \(consoles) drew no first frame within 30 s")
        }
        let pids = (0..<consoles).compactMap { pid(session: "b\($0)") }
        // Idle: let the first tick's housekeeping (overdue sweep) pass, then nobody types or writes.
        usleep(2_000_000)
        result.idleCPUPercent = ProcStat.idlePercent(pids: pids, seconds: idleSeconds)
        result.idleRSSMB = pids.compactMap { ProcStat.status(pid: $0).flatMap { ProcStat.megabytes("VmRSS", status: $0) } }
        result.idlePSSMB = pids.compactMap { ProcStat.proportionalMB(pid: $0) }
        // Commit to screen: comments on an open matter from this process; each console logs each reload.
        if let number = try commentTarget() {
            var each: [Double] = [], last: [Double] = [], writes: [Double] = []
            for k in 0..<20 {
                let t = Date().timeIntervalSince1970
                _ = try store.perform(MoveRequest(.comment, number: number, note: "bench \(k)"), by: actor, now: now)
                writes.append((Date().timeIntervalSince1970 - t) * 1000)
                var seen: [Double] = []
                for i in 0..<consoles {
                    if let line = waitFor(log(i), timeout: 3, { l in l.hasPrefix("reload ") && (Double(l.split(separator: " ")[1]) ?? 0) >= t }),
                       let at = Double(line.split(separator: " ")[1]) {
                        seen.append((at - t) * 1000)
                    }
                }
                each += seen
                if seen.count == consoles, let m = seen.max() { last.append(m) }
                // A random pause: a fixed one that is a multiple of the console's poll would land every write at
                // the same point of the poll's cycle and measure that one point, not the spread over the cycle.
                usleep(UInt32.random(in: 200_000...400_000))
            }
            if !each.isEmpty { result.commitToScreenP50 = Stats(each).p50 }
            if !last.isEmpty { result.commitToLastScreenP50 = Stats(last).p50 }
            if !writes.isEmpty { result.writeP50 = Stats(writes).p50 }
        }
        // Memory: visit every screen on the first console, then read its peak resident set.
        for key in ["2", "3", "4", "5", "6", "1"] { _ = tmux(["send-keys", "-t", "b0", key]); usleep(600_000) }
        if let p = pids.first, let status = ProcStat.status(pid: p) { result.rssMB = ProcStat.megabytes("VmHWM", status: status) }
        return result
    }

    /// The open matter that takes the bench's comments: from the 20th newest on (every run adds 20 to its history,
    /// which must not land on the ten whose pages the screen figures time), the first that takes a comment at
    /// the bench's `now` (a matter whose history already runs past it refuses one: history only goes forward).
    func commentTarget() throws -> String? {
        let open = try store.matters({ var f = MatterFilter(); f.open = true; return f }(), now: now, limit: 60)
        for m in open.dropFirst(19) {
            if (try? store.perform(MoveRequest(.comment, number: m.number, note: "bench: target"), by: actor, now: now)) != nil {
                return m.number
            }
        }
        return nil
    }

    /// Waits (at most `timeout` seconds) until process `pid` has ended: gone, or a zombie (the tmux server that
    /// would reap it may have exited with its last session, leaving it to init).
    func waitGone(_ pid: pid_t, timeout: Double = 5) {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")"), stat[close...].dropFirst(2).first != "Z" else { return }
            usleep(5_000)
        }
    }

    /// The console's process id: the pane's shell execs `env`, which execs the console in its place.
    func pid(session: String) -> String? {
        tmux(["list-panes", "-t", session, "-F", "#{pane_pid}"])?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A holder shell starts the session and stays while it lives: a tmux server started straight from
    /// Foundation's `Process` dies with its launcher on Linux.
    func startHolder(_ command: String, session: String) {
        let quoted = "'" + command.replacingOccurrences(of: "'", with: "'\\''") + "'"
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/bin/sh")
        holder.arguments = ["-c", "tmux -L \(socket) -f /dev/null new-session -d -s \(session) -x 120 -y 40 \(quoted) && "
                            + "while tmux -L \(socket) has-session -t \(session) 2>/dev/null; do sleep 0.5; done"]
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
