import Foundation

/// One bench target (指标): a measure, its limit, the figure measured and whether the figure meets it.
///
/// The limits are issue 19's (district size: screens, search, start, memory, live latency, idle CPU, history
/// flatness) and issue 7's that still stand (frame, import rate). A figure that could not be measured (no tmux)
/// has no verdict: it is neither met nor failed, and the summary says so.
struct BenchTarget: Equatable {
    /// Which way the figure must lie from the limit.
    enum Direction: Equatable { case atMost, atLeast }

    let measure: String
    let limit: Double
    let unit: String
    let direction: Direction
    let figure: Double?

    /// A figure that must be at most `limit`.
    init(_ measure: String, _ limit: Double, _ unit: String, figure: Double?) {
        self.init(measure, direction: .atMost, limit, unit, figure: figure)
    }

    init(_ measure: String, direction: Direction, _ limit: Double, _ unit: String, figure: Double?) {
        self.measure = measure; self.direction = direction; self.limit = limit; self.unit = unit; self.figure = figure
    }

    /// Met, not met, or nil when there is no figure.
    var met: Bool? {
        guard let figure else { return nil }
        switch direction {
        case .atMost: return figure <= limit
        case .atLeast: return figure >= limit
        }
    }

    /// `≤ 10 ms`, `≥ 50000 rows/s`, `≤ 1.2×`.
    var limitText: String { (direction == .atMost ? "≤ " : "≥ ") + BenchTarget.number(limit) + (unit.isEmpty ? "" : " " + unit) }

    /// The verdict word for the table.
    var verdict: String { met.map { $0 ? "met" : "NOT MET" } ?? "not measured" }

    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) >= 1 ? String(Int(x)) : String(format: "%.2f", x)
    }
}

/// The targets and how a bench result is judged against them.
enum BenchTargets {
    static let screenP50 = 10.0
    static let screenP95 = 20.0
    static let searchMS = 30.0
    static let frameMS = 2.0
    static let startMS = 60.0
    static let commitMS = 50.0
    static let rssMB = 64.0
    static let idleCPUPercent = 1.0
    static let importRowsPerSecond = 50_000.0
    /// A screen on three years of history within this factor of the same registry's one year.
    static let flatness = 1.2

    /// Every target with the figure `r` has for it, screens in `screenOrder` (the rest by name).
    static func evaluate(_ r: BenchResult) -> [BenchTarget] {
        var out: [BenchTarget] = []
        for name in orderedScreens(r.screens.keys) {
            guard let s = r.screens[name] else { continue }
            if name == "search" {
                // The search's own limit covers every run but the slowest twentieth: judged at p50 and p95 alike.
                out.append(BenchTarget("search p50", searchMS, "ms", figure: s.p50))
                out.append(BenchTarget("search p95", searchMS, "ms", figure: s.p95))
            } else {
                out.append(BenchTarget("screen \(name) p50", screenP50, "ms", figure: s.p50))
                out.append(BenchTarget("screen \(name) p95", screenP95, "ms", figure: s.p95))
            }
        }
        // A single-screen run (`--screen`) measured nothing else: judge only what it measured.
        guard r.complete else {
            let start = r.startToFirstFrame.map { [BenchTarget("start to first frame", startMS, "ms", figure: $0)] } ?? []  // `--screen start`
            return out + start + flatnessTargets(r.comparison)
        }
        out.append(BenchTarget("frame 120×40 p50", frameMS, "ms", figure: r.frameP50))
        out.append(BenchTarget("start to first frame", startMS, "ms", figure: r.startToFirstFrame))
        out.append(BenchTarget("commit to screen p50", commitMS, "ms", figure: r.commitToScreenP50))
        out.append(BenchTarget("console resident memory", rssMB, "MB", figure: r.rssMB))
        out.append(BenchTarget("idle console CPU", idleCPUPercent, "% of a core", figure: r.idleCPUPercent))
        out.append(BenchTarget("import rate", direction: .atLeast, importRowsPerSecond, "rows/s", figure: r.importRate))
        return out + flatnessTargets(r.comparison)
    }

    /// One flatness target per screen the comparison timed on both files.
    static func flatnessTargets(_ c: BenchComparison?) -> [BenchTarget] {
        guard let c else { return [] }
        return orderedScreens(c.ratios.keys).map { BenchTarget("flatness \($0) (this / other p50)", flatness, "×", figure: c.ratios[$0]) }
    }

    /// The console's order (overview … duty, then the page and the search), then any other by name.
    static func orderedScreens<S: Sequence>(_ names: S) -> [String] where S.Element == String {
        let order = ["overview", "matters", "overdue", "patrol", "map", "duty", "matter_page", "search"]
        let all = Set(names)
        return order.filter(all.contains) + all.subtracting(order).sorted()
    }

    /// `all 23 targets met`, or which were not met and which could not be measured.
    static func summary(_ ts: [BenchTarget]) -> String {
        let failed = ts.filter { $0.met == false }.map(\.measure)
        let missing = ts.filter { $0.met == nil }.map(\.measure)
        var s = failed.isEmpty ? "all \(ts.count - missing.count) measured targets met"
                               : "\(failed.count) of \(ts.count) targets NOT MET: " + failed.joined(separator: ", ")
        if !missing.isEmpty { s += "; not measured: " + missing.joined(separator: ", ") }
        return s
    }
}

/// The same screens timed on a second file of the same registry (`--compare`), and each screen's ratio.
struct BenchComparison {
    /// The other file's path, as given.
    let path: String
    /// Its matters, for the table's heading (what history it holds).
    let matters: Int
    let other: [String: Stats]
    /// This file's p50 over the other's, per screen both timed.
    let ratios: [String: Double]

    init(path: String, matters: Int, this: [String: Stats], other: [String: Stats]) {
        self.path = path; self.matters = matters; self.other = other
        ratios = BenchComparison.ratios(this: this, other: other)
    }

    /// p50 over p50 for every screen in both; a screen the other file loads in no measurable time is left out
    /// (no ratio means nothing there), and so is one timed on one side only.
    static func ratios(this: [String: Stats], other: [String: Stats]) -> [String: Double] {
        var out: [String: Double] = [:]
        for (name, a) in this {
            guard let b = other[name], b.p50 > 0 else { continue }
            out[name] = a.p50 / b.p50
        }
        return out
    }
}
