import Foundation
import GridCore
import GridStore

/// An error shown when a console write gave up waiting for another process's write lock.
public struct ConsoleBusyError: Error, CustomStringConvertible {
    /// The status-line text: what holds the file, if it can be told.
    public let description: String
}

extension ConsoleApp {
    /// Runs one console write. When another process holds the write lock the status line says 等待数据库… and the
    /// frame is drawn before the wait begins (so a person sees it at once, not after the busy timeout); the typed
    /// form stays open because a failed write throws back to the screen, which keeps its text. After the busy
    /// timeout the message names the processes that have the file open, when /proc lets us see them.
    public func writing<T>(_ body: () throws -> T) throws -> T {
        if !store.writeLockIsFree() {
            message = strings["status.waitingDB"]
            if let surface = activeSurface { draw(surface) }
        }
        do {
            return try body()
        } catch StoreError.busy {
            let holders = store.fileUsers()
            throw ConsoleBusyError(description: strings.f("status.busyHeld", holders.isEmpty ? strings["status.busyUnknown"] : holders.joined(separator: ", ")))
        }
    }

    /// Raises the red banner when `error` says the file is damaged (SQLITE_CORRUPT or a failed check).
    func noteDamage(_ error: Error) {
        let corrupt = (error as? DatabaseError)?.isCorrupt == true
        var damagedStore = false
        if case StoreError.damaged = error { damagedStore = true }
        guard corrupt || damagedStore else { return }
        if corrupt { store.markDamaged(detail: "\(error)") }
        showDamage()
    }

    /// The red banner for a damaged file; Esc does not dismiss it.
    func showDamage() {
        damaged = true
        setBanner(strings["banner.damaged"])
    }

    /// Why this person may only look: not on the staff, or switched off (停用) on a day by an admin.
    static func refusalNotice(_ actor: Actor, _ t: Strings) -> String {
        guard let s = actor.staff, !s.active else { return t["status.unknownUser"] }
        return t.f("status.deactivated", s.login, s.deactivatedOn?.description ?? "?", s.deactivatedBy ?? "?")
    }

    /// The status line's right end: the file mode mark on a rehearsal (演练) file, then the refresh time.
    func statusRight(_ stamp: String) -> String {
        guard store.isRehearsal else { return stamp }
        var mark = strings["status.rehearsal"]
        // Acting as a demo role (GRIDROOM_DEMO_AS): whose name every write goes under, beside the login.
        if actingAs {
            let who = actor.staff.map { strings.language == .zh ? "\($0.name)(\($0.login))" : "\($0.name) (\($0.login))" } ?? actor.login
            mark += " · " + strings.f("status.actingAs", who)
        }
        return "[" + mark + "] " + stamp
    }
}
