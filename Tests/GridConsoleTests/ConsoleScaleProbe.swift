import XCTest
import GridCore
@testable import GridStore
@testable import GridConsole

/// Times each screen's data load and a full 120×40 frame on a large database given by `GRIDROOM_PROBE_DB`
/// (skipped otherwise). Figures, not assertions: timings on a shared machine are noisy.
final class ConsoleScaleProbe: XCTestCase {
    func testScreenLoadTimes() throws {
        guard let path = ProcessInfo.processInfo.environment["GRIDROOM_PROBE_DB"] else { throw XCTSkip("set GRIDROOM_PROBE_DB") }
        let store = try Store.open(path: path)
        let app = ConsoleApp(store: store, language: .zh, clock: ConsoleClock(start: Date(timeIntervalSince1970: 1_795_312_800), frozen: true),
                             actor: try store.actor(login: "probe"), actions: .none)
        let s = MemorySurface(rows: 40, cols: 120)
        for (i, name) in ["overview", "matters", "overdue", "patrol", "map", "duty"].enumerated() {
            app.show(tab: i)
            var loads: [Double] = [], frames: [Double] = []
            for _ in 0..<5 {
                var t = DispatchTime.now().uptimeNanoseconds
                app.reloadCurrent()
                loads.append(Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6)
                t = DispatchTime.now().uptimeNanoseconds
                app.draw(s)
                frames.append(Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6)
            }
            print(String(format: "probe %@: load median %.1f ms, frame median %.1f ms", name, loads.sorted()[2], frames.sorted()[2]))
        }
    }
}
