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
    /// The copy is verified before it is named: `PRAGMA integrity_check` on the copy must say "ok", or the copy
    /// is removed and `StoreError.backupUnsound` thrown (a damaged source is copied page for page, damage and all).
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
        let verdict = Store.integrity(ofCopy: temp, handle: dest)
        guard verdict == ["ok"] else {
            try? FileManager.default.removeItem(atPath: temp)
            try? FileManager.default.removeItem(atPath: temp + "-journal")
            throw StoreError.backupUnsound(target: target, problems: Array(verdict.prefix(3)))
        }
        chmod(temp, 0o660)
        guard rename(temp, target) == 0 else {
            throw StoreError.fileSystem(path: target, operation: "rename", reason: String(cString: strerror(errno)))
        }
    }

    /// `PRAGMA integrity_check` lines of the backup copy open on `handle` (a failure to run it is a problem too).
    private static func integrity(ofCopy path: String, handle: OpaquePointer) -> [String] {
        var stmt: OpaquePointer?
        guard sqlite3_prepare_v2(handle, "PRAGMA integrity_check", -1, &stmt, nil) == SQLITE_OK, let stmt else {
            return ["the integrity check of \(path) could not run: \(String(cString: sqlite3_errmsg(handle)))"]
        }
        defer { sqlite3_finalize(stmt) }
        var lines: [String] = []
        while true {
            let rc = sqlite3_step(stmt)
            if rc == SQLITE_ROW { lines.append(sqlite3_column_text(stmt, 0).map { String(cString: $0) } ?? ""); continue }
            if rc != SQLITE_DONE { lines.append("the integrity check stopped: \(String(cString: sqlite3_errmsg(handle)))") }
            break
        }
        return lines.isEmpty ? ["the integrity check returned nothing"] : lines
    }

    /// Integrity check, foreign-key check and a recount of every maintained figure.
    /// A damaged file does not stop the check: whatever cannot be read is reported as a problem.
    /// A failed integrity check leaves a record beside the file (`damageMarkerPath`) so that every later
    /// open refuses writes; a check that finds the file sound removes it.
    public func check() throws -> CheckReport {
        func attempt(_ what: String, _ body: () throws -> [String]) -> [String] {
            do { return try body() } catch let e as DatabaseError { return ["\(what) could not run: \(e.message)"] }
            catch { return ["\(what) could not run: \(error)"] }
        }
        let integrity = attempt("the integrity check") { try db.query("PRAGMA integrity_check") { $0.text(0) } }
        let fk = attempt("the foreign-key check") {
            try db.query("PRAGMA foreign_key_check") { "\($0.text(0)) row \($0.int(1)) → \($0.text(2))" }
        }
        let report = CheckReport(integrity: integrity, foreignKeyProblems: fk,
                                 summaryProblems: attempt("the summary recount") { try summaryMismatches() })
        if integrity != ["ok"] {
            Store.markDamaged(path: db.path, detail: "integrity check: " + integrity.prefix(5).joined(separator: "; "))
        } else {
            Store.clearDamageMark(path: db.path)
        }
        return report
    }

    /// Checkpoints the WAL into the main file so it does not grow without bound (called when idle).
    /// PASSIVE never waits for readers or writers.
    @discardableResult
    public func checkpoint() throws -> (log: Int, checkpointed: Int) {
        try db.first("PRAGMA wal_checkpoint(PASSIVE)") { ($0.int(1), $0.int(2)) } ?? (0, 0)
    }
}
