import XCTest
import GridStore

/// Runs the built `gridroom` binary as separate processes on one database file in a temporary directory,
/// for the multi-process reliability tests (issue 8) and any test that drives the command line. The file is inspected afterwards through GridStore.
public final class GridroomHarness: @unchecked Sendable {
    /// The package root.
    public static let root = GridroomCLI.root
    /// `.build/debug/gridroom`.
    public static let binary = GridroomCLI.binary
    /// The fixed clock every command runs on.
    public static let now = "2026-11-22T09:00:00+08:00"

    /// What one command did.
    public struct Result: Sendable {
        public let status: Int32
        public let out: String
        public let err: String
        /// Killed by a signal rather than exiting.
        public let signalled: Bool

        /// Creates a result (for tests that start the binary their own way).
        public init(status: Int32, out: String, err: String, signalled: Bool) {
            self.status = status; self.out = out; self.err = err; self.signalled = signalled
        }
    }

    public let dir: URL
    public var db: String { dir.appendingPathComponent("room.sqlite").path }
    /// `GRIDROOM_LANG` for every command: nil keeps the program's default (zh); the stress tests that read
    /// counts out of the messages ask for `en`, whose wording they parse.
    public let language: String?

    public init(_ name: String, language: String? = nil) throws {
        self.language = language
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: Self.binary), "build gridroom first: \(Self.binary)")
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    public func remove() { try? FileManager.default.removeItem(at: dir) }

    /// The environment every command runs in: no inherited database, clock or read-only setting.
    public func environment(_ extra: [String: String] = [:]) -> [String] {
        var env = ProcessInfo.processInfo.environment
        env["GRIDROOM_DB"] = nil; env["GRIDROOM_NOW"] = nil; env["GRIDROOM_READ_ONLY"] = nil; env["GRIDROOM_DEMO_AS"] = nil; env["GRIDROOM_LANG"] = language
        env["GRIDROOM_DATA"] = Self.root.appendingPathComponent("Data").path
        for (k, v) in extra { env[k] = v }
        return env.map { "\($0.key)=\($0.value)" }
    }

    /// Starts `argv` with posix_spawn (Foundation's Process polls for exit every 50 ms, too coarse to kill at a
    /// chosen moment), its output to `out`/`err` files or /dev/null. Returns the pid.
    public func spawn(_ argv: [String], out: String? = nil, err: String? = nil, env: [String: String] = [:]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, err ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = environment(env).map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) }; cEnv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, argv[0], &actions, nil, cArgs, cEnv)
        guard rc == 0 else { throw NSError(domain: "spawn", code: Int(rc), userInfo: [NSLocalizedDescriptionKey: "cannot start \(argv[0]): \(rc)"]) }
        return pid
    }

    /// Waits for `pid`; returns (exit status or -1, killed by a signal).
    public static func wait(_ pid: pid_t) -> (status: Int32, signalled: Bool) {
        var st: Int32 = 0
        while waitpid(pid, &st, 0) < 0 && errno == EINTR {}
        let signalled = (st & 0x7f) != 0 && (st & 0x7f) != 0x7f
        return (signalled ? -1 : (st >> 8) & 0xff, signalled)
    }

    /// Whether `pid` has ended (reaping it if so); `status` receives its wait status.
    public static func ended(_ pid: pid_t) -> (done: Bool, status: Int32, signalled: Bool) {
        var st: Int32 = 0
        let r = waitpid(pid, &st, WNOHANG)
        guard r == pid else { return (false, 0, false) }
        let signalled = (st & 0x7f) != 0 && (st & 0x7f) != 0x7f
        return (true, signalled ? -1 : (st >> 8) & 0xff, signalled)
    }

    /// The full argument vector for `gridroom --db DB --now NOW ARGS`.
    public func argv(_ args: [String], db path: String? = nil) -> [String] {
        [Self.binary, "--db", path ?? db, "--now", Self.now] + args
    }

    /// Runs one command to the end.
    @discardableResult
    public func run(_ args: [String], db path: String? = nil, env: [String: String] = [:], prefix: [String] = []) throws -> Result {
        let tag = UUID().uuidString
        let o = dir.appendingPathComponent(".out-\(tag)").path, e = dir.appendingPathComponent(".err-\(tag)").path
        defer { try? FileManager.default.removeItem(atPath: o); try? FileManager.default.removeItem(atPath: e) }
        let pid = try spawn(prefix + argv(args, db: path), out: o, err: e, env: env)
        let (status, signalled) = Self.wait(pid)
        let out = (try? String(contentsOfFile: o, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: e, encoding: .utf8)) ?? ""
        return Result(status: status, out: out, err: err, signalled: signalled)
    }

    /// Runs one command and fails the test unless it exits 0.
    @discardableResult
    public func ok(_ args: [String], db path: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let r = try run(args, db: path)
        XCTAssertEqual(r.status, 0, "gridroom \(args.joined(separator: " ")): \(r.err)", file: file, line: line)
        return r.out
    }

    /// Starts a command (output discarded) and kills it with SIGKILL after `delay` seconds if still running.
    /// Returns true when the command finished by itself with status 0 (an acknowledged write).
    public func runKilled(_ args: [String], db path: String? = nil, after delay: Double) throws -> Bool {
        let pid = try spawn(argv(args, db: path))
        let deadline = Date().addingTimeInterval(delay)
        while Date() < deadline {
            let e = Self.ended(pid)
            if e.done { return !e.signalled && e.status == 0 }
            usleep(500)
        }
        kill(pid, SIGKILL)
        let (status, signalled) = Self.wait(pid)
        return !signalled && status == 0
    }

    /// Starts a command and kills it `extra` seconds after `trigger()` first returns true (polled every ms),
    /// or lets it finish. Returns true when it finished by itself with status 0.
    public func runKilled(_ args: [String], db path: String? = nil, when trigger: () throws -> Bool, extra: Double) throws -> Bool {
        let pid = try spawn(argv(args, db: path))
        while true {
            let e = Self.ended(pid)
            if e.done { return !e.signalled && e.status == 0 }
            if try trigger() { break }
            usleep(1_000)
        }
        return try runKilled(pid: pid, after: extra)
    }

    private func runKilled(pid: pid_t, after delay: Double) throws -> Bool {
        let deadline = Date().addingTimeInterval(delay)
        while Date() < deadline {
            let e = Self.ended(pid)
            if e.done { return !e.signalled && e.status == 0 }
            usleep(500)
        }
        kill(pid, SIGKILL)
        let (status, signalled) = Self.wait(pid)
        return !signalled && status == 0
    }

    /// Writes `text` to a file in the test directory and returns its path.
    @discardableResult
    public func file(_ name: String, _ text: String) throws -> String {
        let p = dir.appendingPathComponent(name).path
        try text.write(toFile: p, atomically: true, encoding: .utf8)
        return p
    }

    /// Basic grid codes of the demo township (from Data/grids.csv).
    public static func demoBasicGrids() throws -> [String] {
        try String(contentsOf: root.appendingPathComponent("Data/grids.csv"), encoding: .utf8)
            .split(separator: "\n").filter { $0.contains(",basic,") }.map { String($0.split(separator: ",")[0]) }
    }

    /// A workers file of `count` full-time workers coded `PREFIX00000`… in the demo's basic grids.
    public static func workersCSV(prefix: String, count: Int, from start: Int = 0) throws -> String {
        let grids = try demoBasicGrids()
        var text = "code,name,phone,kind,grid,partner\n"
        for i in start..<(start + count) {
            text += "\(prefix)\(String(format: "%05d", i)),网格员\(i),139\(String(format: "%08d", i)),full,\(grids[i % grids.count]),\n"
        }
        return text
    }

    /// `text` encoded as GB18030/GBK (what Excel writes as plain "CSV" in Chinese offices), via glibc's iconv.
    public static func gb18030(_ text: String) -> Data {
        let cd = iconv_open("GB18030", "UTF-8")!
        defer { iconv_close(cd) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 2 + 16)
        let used: Int = input.withUnsafeMutableBufferPointer { i in
            output.withUnsafeMutableBufferPointer { o in
                var ip = i.baseAddress, il = i.count, op = o.baseAddress, ol = o.count
                _ = iconv(cd, &ip, &il, &op, &ol)
                return o.count - ol
            }
        }
        return Data(output[..<used].map { UInt8(bitPattern: $0) })
    }

    /// Opens the file in this process (recovering the WAL, as the next user would) for inspection.
    public func open(_ path: String? = nil) throws -> Database {
        try Database(path: path ?? db, create: false)
    }
}
