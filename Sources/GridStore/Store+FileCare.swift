import Foundation
import GridCore

extension Store {
    /// The settings key holding the file mode (`live` or `rehearsal`).
    static let fileModeKey = "file_mode"

    /// How far a write's instant may stray from the real clock on a live file (a command's own run time, a
    /// console's clock read when the form opened).
    public static let liveClockTolerance: TimeInterval = 120

    /// Refuses, on a live (正式) file, a write dated away from the operating system's clock: the second line of
    /// defence behind the command line's refusal of `--now` (every audited write passes here).
    func checkWriteClock(_ now: Date, real: Date = Date()) throws {
        guard mode == .live, abs(now.timeIntervalSince(real)) > Store.liveClockTolerance else { return }
        throw StoreError.clockDisagrees(path: db.path, given: now, real: real)
    }

    /// The file beside the database that records a failed `gridroom check` (or a command that met damage).
    /// While it exists the file opens read-only, so nothing is written on top of the damage.
    public static func damageMarkerPath(_ path: String) -> String { path + "-damaged" }

    /// The first problem recorded when the file was found damaged, or nil when it has not been.
    static func damageNote(path: String) -> String? {
        guard let text = try? String(contentsOfFile: damageMarkerPath(path), encoding: .utf8) else { return nil }
        return text.split(separator: "\n").first.map(String.init) ?? "damage"
    }

    /// Records that the file at `path` is damaged (by `gridroom check`, or any command meeting SQLITE_CORRUPT).
    public static func markDamaged(path: String, detail: String, at: Date = Date()) {
        // UTC: the marker is read by people and by `Store.open`, which has no township zone yet.
        let text = "\(detail.split(separator: "\n").first ?? "damaged")\nfound \(ISO8601DateFormatter().string(from: at))\n\(detail)\n"
        try? text.write(toFile: damageMarkerPath(path), atomically: true, encoding: .utf8)
    }

    /// Removes the damage record once a check has found the file sound.
    public static func clearDamageMark(path: String) {
        try? FileManager.default.removeItem(atPath: damageMarkerPath(path))
    }

    /// Records that this store's file is damaged (the console, on meeting SQLITE_CORRUPT).
    public func markDamaged(detail: String) { Store.markDamaged(path: db.path, detail: detail) }

    /// Whether the damage record exists for this store's file.
    public var markedDamaged: Bool { FileManager.default.fileExists(atPath: Store.damageMarkerPath(db.path)) }
}

extension Store {
    /// Whether the write lock could be taken right now (a zero-wait `BEGIN IMMEDIATE`, rolled back at once).
    /// For showing "waiting" before a write that would wait; never blocks.
    public func writeLockIsFree() -> Bool {
        guard !db.isReadOnly, !db.inTransaction else { return true }
        db.setBusyTimeout(milliseconds: 0)
        defer { db.setBusyTimeout(milliseconds: Database.busyTimeoutMs) }
        do { try db.execute("BEGIN IMMEDIATE") } catch { return false }
        try? db.execute("ROLLBACK")
        return true
    }

    /// Other processes that have this file (or its write-ahead log) open, as "NAME (pid N)", read from /proc
    /// (Linux; empty where it cannot be seen). One of them holds the lock a write is waiting for.
    public func fileUsers() -> [String] {
        let me = getpid()
        let targets = Set([db.path, db.path + "-wal"].map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path })
        guard let pids = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        var found: [String] = []
        for p in pids {
            guard let pid = Int32(p), pid != me,
                  let fds = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(p)/fd") else { continue }
            let hit = fds.contains { fd in
                (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(p)/fd/\(fd)")).map(targets.contains) ?? false
            }
            guard hit else { continue }
            let name = ((try? String(contentsOfFile: "/proc/\(p)/comm", encoding: .utf8)) ?? "?").trimmingCharacters(in: .whitespacesAndNewlines)
            found.append("\(name) (pid \(pid))")
        }
        return found.sorted()
    }
}
