import Foundation
import XCTest
import GridTestSupport

/// A standard error that has gone away (a closed terminal, a hung-up SSH session) loses the program's notes
/// instead of stopping it: `FileHandle.write(_:)` traps there (SIGILL, status 132), so every note goes through
/// `Output.toStandardError`.
final class ClosedStandardErrorTests: XCTestCase {
    /// Runs the binary under `sh` with standard error closed (`2>&-`), giving its exit status.
    func status(_ args: [String], db: String) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        let quoted = ([GridroomCLI.binary, "--db", db, "--now", "2026-11-22T10:00:00+08:00"] + args)
            .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        p.arguments = ["-c", "exec " + quoted + " >/dev/null 2>&-"]
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }

    func testNotesAndErrorsWithNoStandardErrorEndNormally() throws {
        try GridroomCLI.requireBinary()
        let dir = try TestDirectory("closed-stderr")
        let db = dir.path("t.sqlite")
        XCTAssertEqual(try status(["init", "--demo"], db: db), 0)
        // An error (a usage error, status 2) and a note on standard error beside a good result (status 0).
        XCTAssertEqual(try status(["cases", "--format", "xml"], db: db), 2)
        XCTAssertEqual(try status(["cases", "--search", "垃"], db: db), 0)
        // A failing import's problems, then status 1.
        let bad = dir.path("bad.csv")
        try "code,name,phone,kind,grid,partner\nW9,\u{7}坏,1,full,NOPE,\n".write(toFile: bad, atomically: true, encoding: .utf8)
        XCTAssertEqual(try status(["import", "workers", bad], db: db), 1)
    }
}
