import Foundation
import GridCore
import GridStore
import GridConsole

/// `gridroom bench`: measures the console's data loads, frames, start, live latency, imports and memory.
enum BenchCommand: Command {
    static let name = "bench"
    static let switches: Set<String> = []
    static let summary = "measure screen loads, frames, start-up, live latency, import rate, memory"
    static let usage = """
    usage: gridroom bench [--db PATH] [--runs N] [--format table|json] [--screen NAME]

    On the given database: each console screen's data load (median and 95th percentile over
    --runs, default 30), a full 120×40 frame, start to first frame and commit-in-another-process
    to visible on screen (the console run in tmux), the patrol import rate (100,000 rows into a
    copy of the database, made with the online backup and removed after), and the console's peak
    resident memory after visiting every screen.
    Writes a few comments (events) into the database to measure live latency.
    `make bench` builds a full-size database once (cached in ~/.cache/gridroom) and runs this.
    --screen overview|matters|overdue|patrol|map|duty|matter_page|search times that screen alone (for profiling).
    `search` is a two-character word (垃圾) over every matter, open and ended: the count (to 1000) and the
    first page of 100, as the Matters screen's `/` loads them.
    """

    /// The two-character word the search entry looks for (in many of the generator's titles).
    static let searchWord = "垃圾"

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        let runs = try args.int("runs", range: 3...10_000) ?? 30
        let format = try args.choice("format", ["table", "json"], default: "table")!
        let names = ["overview", "matters", "overdue", "patrol", "map", "duty"]
        let only = try args.choice("screen", names + ["matter_page", "search"], default: nil)
        try args.rejectUnknown()
        let store = try ctx.openStore()
        // The bench writes imports and moves of its own: never into the command room's real record.
        guard store.isRehearsal else { throw StoreError.rehearsalOnly(path: ctx.dbPath, command: "bench") }
        store.keepStatements()  // the console re-runs the same reads on every reload
        let now = ctx.now(in: store.zone)
        let actor = try ctx.actor(store)
        var result = BenchResult()

        // Screens: the data each one shows, through the console's own reload path plus one frame
        // (lists fetch their visible page lazily while drawing, so the draw is part of the load).
        let app = ConsoleApp(store: store, language: .zh, clock: ConsoleClock(start: now, frozen: true), actor: actor, actions: .none)
        let surface = MemorySurface(rows: 40, cols: 120)
        for (i, name) in names.enumerated() where only == nil || only == name {
            app.show(tab: i)
            result.screens[name] = try timeScreen(app, surface, name: name, runs: runs)
        }
        if only == nil || only == "matter_page", let number = try store.matters({ var f = MatterFilter(); f.open = true; return f }(), now: now, limit: 1).first?.number {
            app.show(tab: 1)
            app.openMatter(number: number)
            result.screens["matter_page"] = try timeScreen(app, surface, name: "matter_page", runs: runs)
        }
        if only == nil || only == "search" {
            let q = MatterQuery(words: [BenchCommand.searchWord], states: nil)
            result.screens["search"] = Stats(try time(runs) { _ = try store.searchCount(q); _ = try store.searchMatters(q, limit: 100) })
        }
        if only != nil {
            print(format == "json" ? result.json : result.table, terminator: "")
            return 0
        }
        // A full 120×40 frame of every screen with its data loaded (layout and text into the surface).
        var frames: [Double] = []
        for i in names.indices {
            app.show(tab: i)
            frames += try time(max(3, runs / 3)) { app.draw(surface) }
        }
        result.frameP50 = Stats(frames).p50

        result.importRate = try ImportBench.rowsPerSecond(store: store, login: ctx.login, now: now)
        result.importPeakMB = try ImportMemoryBench.peakMB(store: store, nowText: ctx.nowText, now: now)
        let live = try LiveBench(dbPath: ctx.dbPath, nowText: ctx.nowText, store: store, actor: actor, now: now).run()
        result.startToFirstFrame = live.startToFirstFrame
        result.commitToScreenP50 = live.commitToScreenP50
        result.rssMB = live.rssMB
        print(format == "json" ? result.json : result.table, terminator: "")
        return 0
    }

    /// Times one screen's reload and frame; a screen whose load fails is an error, not a fast screen.
    static func timeScreen(_ app: ConsoleApp, _ surface: MemorySurface, name: String, runs: Int) throws -> Stats {
        let samples = try time(runs) {
            app.reloadCurrent()
            if let e = app.lastError { throw CLIError.bench("screen \(name) failed to load: \(e)") }
            app.draw(surface)
        }
        return Stats(samples)
    }

    /// Runs `body` `n` times after one warm-up; milliseconds each.
    static func time(_ n: Int, _ body: () throws -> Void) throws -> [Double] {
        try body()
        var out: [Double] = []
        for _ in 0..<n {
            let t = DispatchTime.now().uptimeNanoseconds
            try body()
            out.append(Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6)
        }
        return out
    }
}

/// Median and 95th percentile of a sample, in milliseconds.
struct Stats {
    let p50: Double
    let p95: Double
    init(_ xs: [Double]) {
        let s = xs.sorted()
        p50 = s.isEmpty ? 0 : s[(s.count - 1) / 2]
        p95 = s.isEmpty ? 0 : s[min(s.count - 1, Int((Double(s.count) * 0.95).rounded(.up)) - 1)]
    }
}

/// Everything `bench` measured.
struct BenchResult {
    var screens: [String: Stats] = [:]
    var frameP50 = 0.0
    var startToFirstFrame: Double?
    var commitToScreenP50: Double?
    var importRate = 0.0
    var importPeakMB: Double?
    var rssMB: Double?

    var json: String {
        var screensObj: [String: Any] = [:]
        for (k, v) in screens { screensObj[k] = ["p50_ms": round3(v.p50), "p95_ms": round3(v.p95)] }
        let obj: [String: Any] = [
            "screens": screensObj, "frame_ms_p50": round3(frameP50),
            "start_to_first_frame_ms": startToFirstFrame.map(round3) ?? NSNull(),
            "commit_to_screen_ms_p50": commitToScreenP50.map(round3) ?? NSNull(),
            "import_rows_per_s": Int(importRate), "import_peak_rss_mb": importPeakMB.map(round3) ?? NSNull(), "rss_mb": rssMB.map(round3) ?? NSNull(),
        ]
        return Output.json(obj) + "\n"
    }

    var table: String {
        var rows = screens.sorted { $0.key < $1.key }.map { ["screen \($0.key)", fmt($0.value.p50), fmt($0.value.p95)] }
        rows.append(["frame 120×40", fmt(frameP50), ""])
        rows.append(["start to first frame", startToFirstFrame.map(fmt) ?? "n/a (tmux missing)", ""])
        rows.append(["commit to screen", commitToScreenP50.map(fmt) ?? "n/a", ""])
        rows.append(["import rows/s", String(Int(importRate)), ""])
        rows.append(["import 200,000 rows: peak MB", importPeakMB.map { String(format: "%.1f", $0) } ?? "n/a", ""])
        rows.append(["resident memory MB", rssMB.map { String(format: "%.1f", $0) } ?? "n/a", ""])
        return TextTable(headers: ["measure", "p50 ms", "p95 ms"], rows: rows, rightAligned: [1, 2]).render()
    }

    func fmt(_ x: Double) -> String { String(format: "%.2f", x) }
    func round3(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}
