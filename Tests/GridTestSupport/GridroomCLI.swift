import Foundation
import XCTest

/// The built `gridroom` binary and a one-shot way to run it, shared by the end-to-end tests.
public enum GridroomCLI {
    /// The package root, from this file's path: Tests/GridTestSupport/ → ../..
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The debug binary `swift build` makes.
    public static let binary = root.appendingPathComponent(".build/debug/gridroom").path

    /// Skips the test when the binary has not been built.
    public static func requireBinary() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: binary), "build gridroom first: \(binary)")
    }

    /// Runs `gridroom --db DB --now NOW ARGS…` in `cwd` (the package root by default) with the GRIDROOM_*
    /// variables cleared, so only the arguments (and `extra`, e.g. `GRIDROOM_DEMO_AS`) decide; without `now`
    /// no `--now` is given (the real clock). Returns status, stdout and stderr.
    public static func run(_ args: [String], db: String, now: String?, cwd: URL = root,
                           extra: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = ["--db", db] + (now.map { ["--now", $0] } ?? []) + args
        p.currentDirectoryURL = cwd
        var env = ProcessInfo.processInfo.environment
        for key in ["GRIDROOM_DB", "GRIDROOM_DATA", "GRIDROOM_NOW", "GRIDROOM_LANG", "GRIDROOM_READ_ONLY", "GRIDROOM_DEMO_AS"] { env[key] = nil }
        env.merge(extra) { $1 }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        // Read both pipes before waiting: a full pipe would block the child.
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}
