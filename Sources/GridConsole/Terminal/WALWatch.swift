import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wakes the console when any process writes the database's write-ahead log (预写日志, `PATH-wal`), so another
/// process's commit is on screen at once instead of at the next poll (Linux inotify).
///
/// The watch is only a hint. The console still decides by `PRAGMA data_version` whether anything was
/// committed, so an event without a commit (frames of a transaction still being written, a checkpoint, this
/// console's own write) costs one pragma and nothing else, and the poll every 100 ms stays underneath: a missed
/// event is a slower screen, never a stale one. Nothing here reads or writes the database.
public final class WALWatch {
    /// The inotify descriptor the console's key wait polls beside the terminal.
    public let fd: Int32
    /// The log watched.
    public let path: String
    private var watch: Int32 = -1

    /// A watch on `databasePath`'s log; nil where inotify is not available (the console then polls alone).
    public init?(databasePath: String) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        self.fd = fd
        path = databasePath + "-wal"
        arm()
    }

    deinit { close(fd) }

    /// Whether the log is watched now (it may not exist yet, or have been removed).
    public var isWatching: Bool { watch >= 0 }

    /// Adds the watch when the log is not watched: it did not exist yet, or went away and was made anew (every
    /// connection closed, the file restored). One failed system call a poll while it is missing.
    public func arm() {
        guard watch < 0 else { return }
        watch = inotify_add_watch(fd, path, UInt32(IN_MODIFY | IN_DELETE_SELF | IN_MOVE_SELF))
    }

    /// Reads every pending event; true when any came. A log deleted or moved away drops the watch, so the next
    /// `arm()` watches the file that then bears the name.
    public func drain() -> Bool {
        var got = false
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { break }
            got = true
            if WALWatch.losesWatch(events: buffer[..<n]) {
                if watch >= 0 { _ = inotify_rm_watch(fd, watch) }
                watch = -1
            }
        }
        return got
    }

    /// Whether the events in `bytes` (struct inotify_event: wd, mask, cookie, len, then len bytes of name)
    /// say the watched file went away (deleted, moved, or the watch removed by the kernel).
    static func losesWatch(events bytes: ArraySlice<UInt8>) -> Bool {
        let header = 16
        let gone = UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)
        var off = 0
        let base = Array(bytes)
        while off + header <= base.count {
            let (mask, len) = base.withUnsafeBytes { p in
                (p.loadUnaligned(fromByteOffset: off + 4, as: UInt32.self), p.loadUnaligned(fromByteOffset: off + 12, as: UInt32.self))
            }
            if mask & gone != 0 { return true }
            off += header + Int(len)
        }
        return false
    }
}
