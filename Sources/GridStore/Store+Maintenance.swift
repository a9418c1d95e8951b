import CSQLite
import Foundation
import GridCore

/// The outcome of `gridroom check`.
public struct CheckReport: Sendable {
    /// `PRAGMA integrity_check` lines ("ok" when sound).
    public var integrity: [String]
    /// Foreign-key violations found by `PRAGMA foreign_key_check`.
    public var foreignKeyProblems: [String]
    /// Maintained figures that differ from a full recount, in words.
    public var summaryProblems: [String]
    /// Whether everything is sound.
    public var ok: Bool { integrity == ["ok"] && foreignKeyProblems.isEmpty && summaryProblems.isEmpty }
}

extension Store {
    /// A consistent copy of the whole file while others keep writing (SQLite's online backup).
    /// The copy is written beside the target and renamed into place, so a crash never leaves half a copy.
    public func backup(to target: String) throws {
        if FileManager.default.fileExists(atPath: target) {
            throw StoreError.fileExists(path: target)
        }
        let temp = target + ".partial"
        try? FileManager.default.removeItem(atPath: temp)
        var dest: OpaquePointer?
        guard sqlite3_open_v2(temp, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK, let dest else {
            let msg = dest.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(dest)
            throw DatabaseError(code: SQLITE_CANTOPEN, message: "\(target): \(msg)")
        }
        defer { sqlite3_close_v2(dest) }
        guard let b = sqlite3_backup_init(dest, "main", db.handle, "main") else {
            throw DatabaseError(code: sqlite3_errcode(dest), message: String(cString: sqlite3_errmsg(dest)))
        }
        // Copy in steps so writers are held up only briefly; a step that meets a lock waits and retries.
        var rc: Int32
        repeat {
            rc = sqlite3_backup_step(b, 256)
            if rc == SQLITE_BUSY || rc == SQLITE_LOCKED { usleep(20_000) }
        } while rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED
        sqlite3_backup_finish(b)
        guard rc == SQLITE_DONE else {
            try? FileManager.default.removeItem(atPath: temp)
            throw DatabaseError(code: rc, message: "backup to \(target) failed: \(String(cString: sqlite3_errstr(rc)))")
        }
        chmod(temp, 0o660)
        guard rename(temp, target) == 0 else {
            throw StoreError.fileSystem(path: target, operation: "rename", reason: String(cString: strerror(errno)))
        }
    }

    /// Integrity check, foreign-key check and a recount of every maintained figure.
    /// A damaged file does not stop the check: whatever cannot be read is reported as a problem.
    public func check() throws -> CheckReport {
        func attempt(_ what: String, _ body: () throws -> [String]) -> [String] {
            do { return try body() } catch let e as DatabaseError { return ["\(what) could not run: \(e.message)"] }
            catch { return ["\(what) could not run: \(error)"] }
        }
        let integrity = attempt("the integrity check") { try db.query("PRAGMA integrity_check") { $0.text(0) } }
        let fk = attempt("the foreign-key check") {
            try db.query("PRAGMA foreign_key_check") { "\($0.text(0)) row \($0.int(1)) → \($0.text(2))" }
        }
        return CheckReport(integrity: integrity, foreignKeyProblems: fk,
                           summaryProblems: attempt("the summary recount") { try summaryMismatches() })
    }

    /// Checkpoints the WAL into the main file so it does not grow without bound (called when idle).
    /// PASSIVE never waits for readers or writers.
    @discardableResult
    public func checkpoint() throws -> (log: Int, checkpointed: Int) {
        try db.first("PRAGMA wal_checkpoint(PASSIVE)") { ($0.int(1), $0.int(2)) } ?? (0, 0)
    }
}
