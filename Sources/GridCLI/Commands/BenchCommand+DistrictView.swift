import Foundation
import GridCore
import GridStore
import GridConsole

/// `bench --district-view`: what a district centre's read-only view of its townships' files costs — each file
/// opened read-only in one process, its overview (总览: open matters by state and platform, the district
/// centre's among them, overdue, compliance) loaded as the console loads it, and its escalated matters (已上报,
/// waiting on the district) listed, every store kept open as a view would keep them.
enum DistrictViewBench {
    struct Result {
        var files: [(path: String, ms: Double, escalated: Int)] = []
        var totalMS = 0.0
        /// This process's resident memory before the first open and with every file open.
        var rssBeforeMB: Double?
        var rssAfterMB: Double?
        var peakMB: Double?
    }

    static func run(paths: [String], now: (TownshipZone) -> Date) throws -> Result {
        var r = Result()
        r.rssBeforeMB = ProcStat.status(pid: "self").flatMap { ProcStat.megabytes("VmRSS", status: $0) }
        var held: [ConsoleApp] = []
        let surface = MemorySurface(rows: 40, cols: 120)
        let t0 = DispatchTime.now().uptimeNanoseconds
        for path in paths {
            let t = DispatchTime.now().uptimeNanoseconds
            let store = try Store.open(path: path, readOnly: true)
            let actor = try store.actor(login: "district")
            let app = ConsoleApp(store: store, language: .zh, clock: ConsoleClock(start: now(store.zone), frozen: true), actor: actor, actions: .none)
            app.show(tab: 0)
            if let e = app.lastError { throw CLIError.bench("\(path): the overview failed to load: \(e)") }
            app.draw(surface)
            var waiting = MatterFilter(); waiting.states = [.escalated]
            let escalated = try store.matters(waiting, now: now(store.zone), limit: 500).count
            r.files.append((path, Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6, escalated))
            held.append(app)
        }
        r.totalMS = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
        let status = ProcStat.status(pid: "self")
        r.rssAfterMB = status.flatMap { ProcStat.megabytes("VmRSS", status: $0) }
        r.peakMB = status.flatMap { ProcStat.megabytes("VmHWM", status: $0) }
        withExtendedLifetime(held) {}
        return r
    }
}

extension DistrictViewBench.Result {
    var json: String {
        let obj: [String: Any] = [
            "files": files.map { ["path": $0.path, "open_overview_escalated_ms": round3($0.ms), "escalated": $0.escalated] },
            "total_ms": round3(totalMS), "rss_before_mb": rssBeforeMB.map(round3) ?? NSNull(),
            "rss_all_open_mb": rssAfterMB.map(round3) ?? NSNull(), "peak_rss_mb": peakMB.map(round3) ?? NSNull(),
        ]
        return Output.json(obj) + "\n"
    }

    var table: String {
        func f(_ x: Double?) -> String { x.map { String(format: "%.1f", $0) } ?? "n/a" }
        var rows = files.map { [$0.path, String($0.escalated), String(format: "%.2f", $0.ms)] }
        rows.append(["all \(files.count) files", String(files.map(\.escalated).reduce(0, +)), String(format: "%.2f", totalMS)])
        let ms = Stats(files.map(\.ms))
        rows.append(["one file p50 / p95", "", String(format: "%.2f / %.2f", ms.p50, ms.p95)])
        rows.append(["resident MB before / all open / peak", "", "\(f(rssBeforeMB)) / \(f(rssAfterMB)) / \(f(peakMB))"])
        return TextTable(headers: ["file: open read-only, overview, escalated list", "escalated", "ms"], rows: rows, rightAligned: [1, 2]).render()
    }
}
