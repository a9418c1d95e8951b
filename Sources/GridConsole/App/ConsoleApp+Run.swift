import Foundation
import GridCore

extension ConsoleApp {
    /// The curses loop: draw, read keys with a 100 ms timeout, poll the database each tick.
    /// Ends on quit, or on SIGTERM/SIGHUP/SIGINT (keeping an unsaved form as a draft); always restores the terminal.
    public func run(on surface: CursesSurface) {
        defer { surface.close(); activeSurface = nil }
        activeSurface = surface
        _ = tick()
        reloadCurrent()
        draw(surface)
        timing?("first_frame")
        var size = (surface.rows, surface.cols)
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
            if tick() { redraw = true; reloaded = true }
            let now = (surface.rows, surface.cols)
            if now != size { size = now; redraw = true }
            if redraw && !quitting {
                draw(surface)
                if reloaded { timing?("reload") }
            }
        }
    }
}
