import Foundation
import XCTest

/// A detached tmux session on its own server socket, running one command: send keys, read the screen.
public final class TmuxSession {
    public let socket = "gridroom-e2e-\(UUID().uuidString.prefix(8))"
    public static var tmuxPath: String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts `command` (a shell line) in a `cols`×`rows` window; skips the test when tmux is missing.
    ///
    /// The tmux server dies when the process that launched it ends if that process was started by
    /// Foundation's `Process` (seen on Linux), so a small holder shell starts it and stays until the session ends.
    public init(command: String, cols: Int = 120, rows: Int = 40) throws {
        guard let tmux = TmuxSession.tmuxPath else { throw XCTSkip("tmux is not installed (make deps installs it)") }
        let quoted = "'" + command.replacingOccurrences(of: "'", with: "'\\''") + "'"
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/bin/sh")
        holder.arguments = ["-c", "\(tmux) -L \(socket) -f /dev/null new-session -d -x \(cols) -y \(rows) \(quoted) && "
                            + "while \(tmux) -L \(socket) has-session 2>/dev/null; do sleep 0.5; done"]
        holder.standardInput = FileHandle.nullDevice
        holder.standardOutput = FileHandle.nullDevice
        holder.standardError = FileHandle.nullDevice
        try holder.run()
        self.holder = holder
        let start = Date()
        while Date().timeIntervalSince(start) < 5 {
            if (try? self.tmux(["has-session"]))?.status == 0 { return }
            usleep(20_000)
        }
        throw XCTSkip("tmux would not start a session")
    }

    private var holder: Process?

    deinit { _ = try? tmux(["kill-server"]) }

    @discardableResult
    public func tmux(_ args: [String]) throws -> (status: Int32, out: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: TmuxSession.tmuxPath!)
        p.arguments = ["-L", socket] + args
        // Output goes to a file, not a pipe: the tmux server inherits the client's descriptors and
        // would hold a pipe open for ever.
        let file = NSTemporaryDirectory() + "\(socket)-\(UUID().uuidString.prefix(6)).out"
        _ = FileManager.default.createFile(atPath: file, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let handle = FileHandle(forWritingAtPath: file)!
        p.standardOutput = handle
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        try? handle.close()
        return (p.terminationStatus, (try? String(contentsOfFile: file, encoding: .utf8)) ?? "")
    }

    /// Sends key names (`Enter`, `Escape`, `C-s`, `Down`…) as tmux understands them.
    public func keys(_ names: String...) throws { _ = try tmux(["send-keys"] + names) }

    /// Types text literally (Chinese included).
    public func type(_ text: String) throws { _ = try tmux(["send-keys", "-l", text]) }

    /// The visible screen as text.
    public func screen() throws -> String { try tmux(["capture-pane", "-p"]).out }

    /// Resizes the window.
    public func resize(cols: Int, rows: Int) throws { _ = try tmux(["resize-window", "-x", "\(cols)", "-y", "\(rows)"]) }

    /// Waits until the screen contains `text`; returns the seconds it took, or fails after `timeout`.
    @discardableResult
    public func wait(for text: String, timeout: Double = 3, file: StaticString = #filePath, line: UInt = #line) throws -> Double {
        let start = Date()
        while Date().timeIntervalSince(start) < timeout {
            if try screen().contains(text) { return Date().timeIntervalSince(start) }
            usleep(30_000)
        }
        XCTFail("screen never showed \"\(text)\" within \(timeout) s; it shows:\n\(try screen())", file: file, line: line)
        return timeout
    }

    /// Waits until the screen no longer contains `text`.
    public func waitGone(_ text: String, timeout: Double = 3, file: StaticString = #filePath, line: UInt = #line) throws {
        let start = Date()
        while Date().timeIntervalSince(start) < timeout {
            if !(try screen().contains(text)) { return }
            usleep(30_000)
        }
        XCTFail("screen still shows \"\(text)\" after \(timeout) s", file: file, line: line)
    }

    /// The pid of the program running in the pane.
    public func panePID() throws -> Int32 {
        Int32(try tmux(["display-message", "-p", "#{pane_pid}"]).out.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }
}
