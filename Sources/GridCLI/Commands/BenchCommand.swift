import Foundation
import GridCore
import GridStore
import GridConsole

/// `gridroom bench`: measures the console's data loads, frames, start, live latency, idle CPU, imports and
/// memory, and judges each figure against its target (issue 19; Docs/performance.md).
enum BenchCommand: Command {
    static let name = "bench"
    static let switches: Set<String> = ["district-view", "import-only"]
    static let summary = "measure screen loads, frames, start-up, live latency, idle CPU, import rate, memory"
    static let usage = """
    usage: gridroom bench [--db PATH] [--runs N] [--format table|json] [--screen NAME] [--compare OTHER.sqlite] [--save FILE.json]
           gridroom bench [--db PATH] --consoles N
           gridroom bench --district-view FILE…
           gridroom bench [--db PATH] --import-only

    On the given database: each console screen's data load (median and 95th percentile over
    --runs, default 30), a full 120×40 frame, start to first frame, commit-in-another-process
    to visible on screen and the CPU of an idle console over 10 s (the console run in tmux), the
    patrol import rate (100,000 rows into a copy of the database, made with the online backup and
    removed after), and the console's peak resident memory after visiting every screen. Every
    figure is printed with its target and whether it is met.
    Writes a few comments (events) into the database to measure live latency.
    `make bench` builds a full-size database once (cached in ~/.cache/gridroom) and runs this;
    `make bench-district` does the same at district size, with --compare.
    --screen overview|matters|overdue|patrol|map|duty|matter_page|search times that screen alone (for profiling);
    --screen start times only the start to first frame (five starts of the console in tmux, the median).
    `search` is a two-character word (垃圾) over every matter, open and ended: the count (to 1000) and the
    first page of 100, as the Matters screen's `/` loads them.
    --compare OTHER.sqlite times the screens on OTHER too, run by run in turn with --db's, and prints
    each screen's ratio (--db's median over OTHER's; give the three-year file as --db and the one-year
    file of the same registry as OTHER: the target is ≤ 1.2).
    --save FILE.json also writes the JSON of a full run to FILE.json (the table still printed).
    --consoles N holds N consoles open at once on the file (in tmux) and measures only each one's idle CPU
    and memory and a write's commit to screen on all of them.
    --district-view FILE… opens each file read-only in this one process, as a district centre's view of
    its townships would, and loads its overview: total time, each file's time and the memory all held open.
    --import-only measures only the patrol import rate, as a full run does (a copy, 100,000 rows), for profiling.
    """

    /// The two-character word the search entry looks for (in many of the generator's titles).
    static let searchWord = "垃圾"

    /// The six tabs' screens in tab order.
    static let tabNames = ["overview", "matters", "overdue", "patrol", "map", "duty"]

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        let runs = try args.int("runs", range: 3...10_000) ?? 30
        let format = try args.choice("format", ["table", "json"], default: "table")!
        let only = try args.choice("screen", tabNames + ["matter_page", "search", "start"], default: nil)
        let comparePath = args.option("compare")
        let consoles = try args.int("consoles", range: 1...200)
        let savePath = args.option("save")
        let importOnly = args.flag("import-only")
        if args.flag("district-view") {
            try args.rejectUnknown()
            guard !args.positionals.isEmpty else { throw UsageError(zh: "bench --district-view：请给出要打开的各镇街文件", en: "bench --district-view: give the township files to open") }
            let view = try DistrictViewBench.run(paths: args.positionals, now: { ctx.now(in: $0) })
            print(format == "json" ? view.json : view.table, terminator: "")
            return 0
        }
        try args.rejectPositionals(beyond: 0)
        try args.rejectUnknown()
        let store = try ctx.openStore()
        // The bench writes imports and moves of its own: never into the command room's real record.
        guard store.isRehearsal else { throw StoreError.rehearsalOnly(path: ctx.dbPath, command: "bench") }
        store.keepStatements()  // the console re-runs the same reads on every reload
        let now = ctx.now(in: store.zone)
        let actor = try ctx.actor(store)

        if importOnly {
            print(try ImportBench.alone(store: store, login: ctx.login, now: now, json: format == "json"), terminator: "")
            return 0
        }
        if let consoles {
            var live = LiveBench(dbPath: ctx.dbPath, nowText: ctx.nowText, store: store, actor: actor, now: now)
            live.consoles = consoles
            live.timeStarts = false
            let r = try live.run()
            print(format == "json" ? ConsolesReport(consoles: consoles, live: r).json : ConsolesReport(consoles: consoles, live: r).table, terminator: "")
            return 0
        }

        var result = BenchResult()
        if only == "start" {
            var live = LiveBench(dbPath: ctx.dbPath, nowText: ctx.nowText, store: store, actor: actor, now: now)
            live.onlyStarts = true
            let r = try live.run()
            result.startToFirstFrame = r.startToFirstFrame
            result.starts = r.starts
            print(format == "json" ? result.json : result.table, terminator: "")
            return 0
        }
        var files = [try ScreenJobs(store: store, actor: actor, now: now, only: only)]
        if let comparePath {
            let other = try Store.open(path: comparePath, readOnly: true)
            other.keepStatements()
            let otherActor = try ctx.actor(other)
            files.append(try ScreenJobs(store: other, actor: otherActor, now: ctx.now(in: other.zone), only: only))
        }
        // Screens: the data each one shows, through the console's own reload path plus one frame (lists fetch
        // their visible page lazily while drawing, so the draw is part of the load). With --compare the two
        // files take turns run by run, so a busier moment of the shared machine falls on both alike.
        var timed: [[String: Stats]] = Array(repeating: [:], count: files.count)
        for name in files[0].names {
            // A screen the other file cannot show (no open matter for the page) is timed on this file alone.
            let on = files.indices.filter { files[$0].jobs[name] != nil }
            let samples = try timeInTurn(on.map { files[$0].jobs[name]! }, runs: runs)
            for (k, s) in samples.enumerated() { timed[on[k]][name] = Stats(s) }
        }
        result.screens = timed[0]
        if let comparePath, files.count > 1 {
            result.comparison = BenchComparison(path: comparePath, matters: try files[1].store.lastMatterID(), this: timed[0], other: timed[1])
        }
        if only != nil {
            print(format == "json" ? result.json : result.table, terminator: "")
            return 0
        }
        // A full 120×40 frame of every screen with its data loaded (layout and text into the surface).
        let app = files[0].app, surface = files[0].surface
        var frames: [Double] = []
        for i in tabNames.indices {
            app.show(tab: i)
            frames += try time(max(3, runs / 3)) { app.draw(surface) }
        }
        result.frameP50 = Stats(frames).p50
        // What the live console does when another process commits, on its first screen: the poll, the alert
        // checks, the overview's reload, the next deadline, the frame (commit to screen is the wake plus this).
        app.show(tab: 0)
        result.liveReload = Stats(try time(runs) { app.dataChanged(); _ = app.tick(); app.draw(surface) })
        result.complete = true

        // Start to first frame before the import's copy: the copy's gigabytes written, synced and removed (the
        // bench's own work, not a command room's) would otherwise be on their way to the disk under the starts,
        // with the file's own pages pushed out of the cache by them (44 against 20 ms on town36).
        var starts = LiveBench(dbPath: ctx.dbPath, nowText: ctx.nowText, store: store, actor: actor, now: now)
        starts.onlyStarts = true
        let started = try starts.run()
        result.startToFirstFrame = started.startToFirstFrame
        result.starts = started.starts
        let copy = try BenchCopy(of: store)
        defer { copy.remove() }
        result.importRate = try ImportBench.rowsPerSecond(copy: copy, login: ctx.login, now: now)
        result.importPeakMB = try ImportMemoryBench.peakMB(store: store, copy: copy, nowText: ctx.nowText, now: now)
        copy.remove()
        var after = LiveBench(dbPath: ctx.dbPath, nowText: ctx.nowText, store: store, actor: actor, now: now)
        after.timeStarts = false
        let live = try after.run()
        result.commitToScreenP50 = live.commitToScreenP50
        result.writeP50 = live.writeP50
        result.rssMB = live.rssMB
        result.idleCPUPercent = live.idleCPUPercent.first
        print(format == "json" ? result.json : result.table, terminator: "")
        if let savePath { try result.json.write(toFile: savePath, atomically: true, encoding: .utf8) }
        return 0
    }

    /// Times each job `runs` times after one warm-up each, the jobs in turn within every run; milliseconds.
    static func timeInTurn(_ jobs: [ScreenJob], runs: Int) throws -> [[Double]] {
        for j in jobs { j.setup(); j.before?(0); try j.body() }
        var out = Array(repeating: [Double](), count: jobs.count)
        for k in 0..<runs {
            for (i, j) in jobs.enumerated() {
                j.before?(k)
                let t = DispatchTime.now().uptimeNanoseconds
                try j.body()
                out[i].append(Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6)
            }
        }
        return out
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

/// One timed load: what brings its screen to the front, what comes before run k untimed, and the load itself.
struct ScreenJob {
    let setup: () -> Void
    var before: ((Int) -> Void)? = nil
    let body: () throws -> Void
}

/// The screens of one file, each as a job on that file's own console (a memory surface of 120×40).
struct ScreenJobs {
    let store: Store
    let app: ConsoleApp
    let surface = MemorySurface(rows: 40, cols: 120)
    private(set) var names: [String] = []
    private(set) var jobs: [String: ScreenJob] = [:]

    init(store: Store, actor: Actor, now: Date, only: String?) throws {
        self.store = store
        let app = ConsoleApp(store: store, language: .zh, clock: ConsoleClock(start: now, frozen: true), actor: actor, actions: .none)
        self.app = app
        let surface = self.surface
        /// A screen's reload and frame; a screen whose load fails is an error, not a fast screen.
        func load(_ name: String) -> () throws -> Void {
            { app.reloadCurrent()
              if let e = app.lastError { throw CLIError.bench("screen \(name) failed to load: \(e)") }
              app.draw(surface) }
        }
        for (i, name) in BenchCommand.tabNames.enumerated() where only == nil || only == name {
            add(name, ScreenJob(setup: { app.show(tab: i) }, body: load(name)))
        }
        // The matter page in turn on the ten newest open matters (opening one, untimed, then its load): one matter's
        // history would make the figure, and the ratio between two files, that matter's rather than the page's.
        if only == nil || only == "matter_page" {
            let numbers = try store.matters({ var f = MatterFilter(); f.open = true; return f }(), now: now, limit: 10).map(\.number)
            if !numbers.isEmpty {
                add("matter_page", ScreenJob(setup: { app.show(tab: 1) },
                                             before: { k in app.show(tab: 1); app.openMatter(number: numbers[k % numbers.count]) },
                                             body: load("matter_page")))
            }
        }
        if only == nil || only == "search" {
            let q = MatterQuery(words: [BenchCommand.searchWord], states: nil)
            add("search", ScreenJob(setup: {}, body: { _ = try store.searchCount(q); _ = try store.searchMatters(q, limit: 100) }))
        }
    }

    private mutating func add(_ name: String, _ job: ScreenJob) { names.append(name); jobs[name] = job }
}
