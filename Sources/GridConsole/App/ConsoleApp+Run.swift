import Foundation
import GridCore

extension ConsoleApp {
    /// The curses loop: draw, read keys with a `CursesSurface.pollMilliseconds` (100 ms) timeout, poll the database each
    /// tick; with the surface's `walWatch` another process's write ends the wait at once (issue 19: commit to screen).
    /// Ends on quit, or on SIGTERM/SIGHUP/SIGINT (keeping an unsaved form as a draft); always restores the terminal.
    public func run(on surface: CursesSurface) {
        defer { surface.close(); activeSurface = nil }
        activeSurface = surface
        // The file as it is, at once; then the first tick (the overdue sweep, a checkpoint, alerts, the calendar
        // notice, a second reload) redraws a moment later. Before, the first frame waited for all of that: two
        // reloads, a write and a checkpoint's sync before anything was on screen.
        reloadCurrent()
        draw(surface)
        timing?("first_frame")
        if tick() { draw(surface) }
        var size = (surface.rows, surface.cols)
        var lastLiveReload: UInt64 = 0
        while !quitting {
            if CursesSurface.stopSignal != 0 { keepDraft(); return }
            var redraw = false
            if let key = surface.readKey() {
                handle(key)
                redraw = true
                if key == .ctrl("l") { surface.clear(); surface.present() }
            }
            if CursesSurface.stopSignal != 0 { keepDraft(); return }
            var reloaded = false
            // While commits come in a stream (an import, the generator), at most ten live reloads a second, as the
            // 100 ms poll gave before the log was watched: the console does not race the writer for the CPU. A
            // commit after a quiet moment is on screen at once.
            let t = DispatchTime.now().uptimeNanoseconds
            if t &- lastLiveReload >= ConsoleApp.liveReloadGap, tick() { redraw = true; reloaded = true; lastLiveReload = t }
            let now = (surface.rows, surface.cols)
            if now != size { size = now; redraw = true }
            if redraw && !quitting {
                draw(surface)
                if reloaded { timing?("reload") }
            }
        }
    }

    /// The shortest time between two live reloads (nanoseconds).
    static let liveReloadGap: UInt64 = 100_000_000
}
