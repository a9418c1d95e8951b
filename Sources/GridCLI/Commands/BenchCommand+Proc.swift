import Foundation

/// A process's CPU time and memory read from Linux's `/proc/PID/stat` and `/proc/PID/status`, for the bench's
/// idle-console figures (a console process started in tmux, measured from outside).
enum ProcStat {
    /// User plus system time in clock ticks from one `/proc/PID/stat` line: fields 14 (`utime`) and 15
    /// (`stime`). The second field, the command name in parentheses, may itself hold spaces and `)`, so the
    /// fields are counted from the last `)`: after it come field 3 (state) onwards. Nil for a malformed line.
    static func cpuTicks(statLine: String) -> Int? {
        guard let close = statLine.lastIndex(of: ")") else { return nil }
        let rest = statLine[statLine.index(after: close)...].split(separator: " ", omittingEmptySubsequences: true)
        // rest[0] is field 3, so field n is rest[n - 3].
        guard rest.count > 12, let u = Int(rest[11]), let s = Int(rest[12]) else { return nil }
        return u + s
    }

    /// Percent of one core: `ticks` of CPU over `seconds` of wall time at `hz` ticks a second.
    static func percentOfCore(ticks: Int, seconds: Double, hz: Int) -> Double {
        guard seconds > 0, hz > 0 else { return 0 }
        return Double(ticks) / Double(hz) / seconds * 100
    }

    /// A `VmHWM:`/`VmRSS:` figure in MB from `/proc/PID/status` text (the kernel writes kB).
    static func megabytes(_ key: String, status: String) -> Double? {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key + ":") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kb / 1024
    }

    /// The live process's ticks, or nil when it is gone.
    static func cpuTicks(pid: String) -> Int? {
        (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)).flatMap { cpuTicks(statLine: $0) }
    }

    /// The live process's status text.
    static func status(pid: String) -> String? { try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) }

    /// The process's proportional set size in MB (`Pss:` of `/proc/PID/smaps_rollup`): its private pages plus its
    /// share of the pages it shares (the program, the libraries), so the figures of N consoles add up to what
    /// they take together, as their resident sizes do not.
    static func proportionalMB(pid: String) -> Double? {
        (try? String(contentsOfFile: "/proc/\(pid)/smaps_rollup", encoding: .utf8)).flatMap { megabytes("Pss", status: $0) }
    }

    /// Clock ticks per second (`sysconf(_SC_CLK_TCK)`, 100 on Linux).
    static var hz: Int { Int(sysconf(Int32(_SC_CLK_TCK))) }

    /// CPU percent of one core of each of `pids` over `seconds` of wall time measured now (sleeping meanwhile);
    /// a process that ended is left out.
    static func idlePercent(pids: [String], seconds: Double) -> [Double] {
        let before = pids.map { cpuTicks(pid: $0) }
        let t0 = DispatchTime.now().uptimeNanoseconds
        usleep(UInt32(seconds * 1_000_000))
        let wall = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        return zip(before, pids.map { cpuTicks(pid: $0) }).compactMap { a, b in
            guard let a, let b else { return nil }
            return percentOfCore(ticks: b - a, seconds: wall, hz: hz)
        }
    }
}
