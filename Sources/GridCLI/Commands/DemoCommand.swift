import Foundation
import GridCore
import GridStore

/// `gridroom demo generate`: a synthetic township of any size, for scale tests and benchmarks.
enum DemoCommand: Command {
    static let name = "demo"
    static let switches: Set<String> = ["own-grids"]
    static let summary = "generate a synthetic township of a given size (for scale tests)"
    static let usage = """
    usage: gridroom demo generate [--grids N] [--workers N] [--matters N] [--patrols N] [--months N] [--seed S]
           gridroom demo generate --own-grids [--matters N] [--patrols N] [--months N] [--seed S]

    Writes basic grids, workers, patrol sessions and matters in every state (with stage
    timings, overdue stages, reworks, urges) over the last --months months, through the
    batch write path: about a thousand rows per transaction, so other processes keep working.
    Defaults are the full size of a large street office: 1000 grids, 2000 workers,
    1,000,000 matters, 1,000,000 patrols, 12 months, seed 1. Needs categories and departments
    (run `gridroom init --demo` first). Progress is a bar on a terminal, plain lines otherwise.

    A file that already holds matters is refused before anything is written (a synthetic township
    would mix into its records): generate into a fresh `init --demo` file. --own-grids instead
    adds matters and patrols for the grids and workers already in the file (no new registry),
    numbered after its matters; only then may the file already hold some.
    """

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        guard args.positionals.first == "generate" else { throw UsageError(zh: "demo：应为 `demo generate`", en: "demo: expected `demo generate`") }
        var spec = DemoSpec.full
        spec.grids = try args.int("grids", range: 1...100_000) ?? spec.grids
        spec.workers = try args.int("workers", range: 1...200_000) ?? spec.workers
        spec.matters = try args.int("matters", range: 0...20_000_000) ?? spec.matters
        spec.patrols = try args.int("patrols", range: 0...20_000_000) ?? spec.patrols
        spec.months = try args.int("months", range: 1...120) ?? spec.months
        spec.seed = UInt64(try args.int("seed", range: 0...Int.max) ?? 1)
        if args.flag("own-grids") {
            // The file's own registry: sizes of a new one make no sense here.
            for o in ["grids", "workers"] where args.option(o) != nil { throw UsageError(zh: "--\(o) 不能与 --own-grids 同用（它为文件中已有的网格和网格员写入）",
                                                                                         en: "--\(o) goes without --own-grids (it writes for the grids and workers already in the file)") }
            spec.useExistingRegistry = true
        }
        try args.rejectUnknown()
        let store = try ctx.openStore()
        // Synthetic history is dated in the past: only a rehearsal (演练) file may hold it.
        guard store.isRehearsal else { throw StoreError.rehearsalOnly(path: ctx.dbPath, command: "demo generate") }
        let now = ctx.now(in: store.zone)
        let bar = ProgressBar(isTerminal: isatty(STDERR_FILENO) == 1)
        let summary = try DemoGenerator(store: store, spec: spec, now: now, actor: try ctx.actor(store),
                                        progress: bar.update).run()
        bar.finish()
        let parts = summary.rows.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        print("generated " + parts.joined(separator: ", ") + String(format: " in %.1f s", summary.seconds))
        return 0
    }
}

/// Progress on standard error: a redrawn bar on a terminal, a line every few seconds otherwise.
final class ProgressBar {
    let isTerminal: Bool
    private var lastLabel = ""
    private var lastPrint = Date.distantPast

    init(isTerminal: Bool) { self.isTerminal = isTerminal }

    func update(_ p: BatchProgress) {
        let now = Date()
        let rate = p.elapsed > 0 ? Double(p.done) / p.elapsed : 0
        let left = rate > 0 ? Double(p.total - p.done) / rate : 0
        let line = String(format: "%@ %d/%d  %.0f rows/s  %.0f s left", p.label, p.done, p.total, rate, max(0, left))
        if isTerminal {
            if p.label != lastLabel && !lastLabel.isEmpty { Output.toStandardError("\n") }
            let width = 30
            let filled = p.total > 0 ? min(width, p.done * width / p.total) : width
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            Output.toStandardError("\r\(bar) \(line)\u{1B}[K")
        } else if p.label != lastLabel || now.timeIntervalSince(lastPrint) >= 2 || p.done == p.total {
            Output.toStandardError(line + "\n")
            lastPrint = now
        }
        lastLabel = p.label
    }

    func finish() {
        if isTerminal && !lastLabel.isEmpty { Output.toStandardError("\n") }
    }
}
