import Foundation
import GridCore

/// Median and 95th percentile of a sample, in milliseconds.
struct Stats {
    let p50: Double
    let p95: Double
    init(_ xs: [Double]) {
        let s = xs.sorted()
        p50 = s.isEmpty ? 0 : s[(s.count - 1) / 2]
        p95 = s.isEmpty ? 0 : s[min(s.count - 1, Int((Double(s.count) * 0.95).rounded(.up)) - 1)]
    }
    init(p50: Double, p95: Double) { self.p50 = p50; self.p95 = p95 }
}

/// Everything `bench` measured, with the targets it is judged against.
struct BenchResult {
    var screens: [String: Stats] = [:]
    /// Set when every measure ran (not `--screen`): only then are the non-screen targets judged.
    var complete = false
    var frameP50 = 0.0
    /// The console's work on another process's commit (poll, alerts, the overview's reload, frame).
    var liveReload: Stats?
    var startToFirstFrame: Double?
    /// The five starts whose median is `startToFirstFrame`, in the order run (the spread, printed beside it).
    var starts: [Double] = []
    var commitToScreenP50: Double?
    var writeP50: Double?
    var idleCPUPercent: Double?
    var importRate = 0.0
    var importPeakMB: Double?
    var rssMB: Double?
    var comparison: BenchComparison?

    var targets: [BenchTarget] { BenchTargets.evaluate(self) }

    var json: String {
        func ms(_ x: Double?) -> Any { x.map(round3) ?? NSNull() }
        var screensObj: [String: Any] = [:]
        for (k, v) in screens { screensObj[k] = ["p50_ms": round3(v.p50), "p95_ms": round3(v.p95)] }
        var obj: [String: Any] = ["screens": screensObj]
        if !complete && startToFirstFrame != nil {  // `--screen start`
            obj["start_to_first_frame_ms"] = ms(startToFirstFrame)
            obj["start_to_first_frame_ms_each"] = starts.map(round3)
        }
        if complete {
            obj["frame_ms_p50"] = round3(frameP50)
            obj["live_reload_ms"] = liveReload.map { ["p50_ms": round3($0.p50), "p95_ms": round3($0.p95)] } ?? NSNull()
            obj["start_to_first_frame_ms"] = ms(startToFirstFrame)
            obj["start_to_first_frame_ms_each"] = starts.map(round3)
            obj["commit_to_screen_ms_p50"] = ms(commitToScreenP50)
            obj["write_ms_p50"] = ms(writeP50)
            obj["idle_cpu_percent"] = ms(idleCPUPercent)
            obj["import_rows_per_s"] = Int(importRate)
            obj["import_peak_rss_mb"] = ms(importPeakMB)
            obj["rss_mb"] = ms(rssMB)
        }
        if let c = comparison {
            var other: [String: Any] = [:]
            for (k, v) in c.other {
                other[k] = ["p50_ms": round3(v.p50), "p95_ms": round3(v.p95), "ratio_p50": c.ratios[k].map(round3) ?? NSNull()]
            }
            obj["compare"] = ["file": c.path, "matters": c.matters, "screens": other]
        }
        let ts = targets
        obj["targets"] = ts.map { t -> [String: Any] in
            ["measure": t.measure, "limit": t.limit, "unit": t.unit, "at_most": t.direction == .atMost,
             "figure": ms(t.figure), "met": t.met.map { $0 as Any } ?? NSNull()]
        }
        obj["all_met"] = ts.allSatisfy { $0.met == true }
        return Output.json(obj) + "\n"
    }

    var table: String {
        var rows = BenchTargets.orderedScreens(screens.keys).map { ["screen \($0)", fmt(screens[$0]!.p50), fmt(screens[$0]!.p95)] }
        if complete {
            rows.append(["frame 120×40", fmt(frameP50), ""])
            rows.append(["live reload on a commit (overview)", liveReload.map { fmt($0.p50) } ?? "n/a", liveReload.map { fmt($0.p95) } ?? ""])
            rows.append(["start to first frame", startToFirstFrame.map(fmt) ?? "n/a (tmux missing)", startsText])
            rows.append(["commit to screen (write included)", commitToScreenP50.map(fmt) ?? "n/a", ""])
            rows.append(["  of which the write", writeP50.map(fmt) ?? "n/a", ""])
            rows.append(["idle console CPU % of a core (10 s)", idleCPUPercent.map { String(format: "%.2f", $0) } ?? "n/a", ""])
            rows.append(["import rows/s", String(Int(importRate)), ""])
            rows.append(["import 200,000 rows: peak MB", importPeakMB.map { String(format: "%.1f", $0) } ?? "n/a", ""])
            rows.append(["resident memory MB", rssMB.map { String(format: "%.1f", $0) } ?? "n/a", ""])
        }
        if !complete, let s = startToFirstFrame { rows.append(["start to first frame", fmt(s), startsText]) }
        var out = TextTable(headers: ["measure", "p50 ms", "p95 ms"], rows: rows, rightAligned: [1, 2]).render()
        if let c = comparison {
            let crows = BenchTargets.orderedScreens(c.other.keys).map { name -> [String] in
                [name, screens[name].map { fmt($0.p50) } ?? "", fmt(c.other[name]!.p50), c.ratios[name].map { String(format: "%.2f", $0) } ?? "n/a"]
            }
            out += "\ncompared with \(c.path) (\(c.matters) matters), run by run in turn:\n"
            out += TextTable(headers: ["screen", "this p50 ms", "other p50 ms", "ratio"], rows: crows, rightAligned: [1, 2, 3]).render()
        }
        let ts = targets
        let trows = ts.map { t in [t.measure, t.figure.map { fmtFigure($0, t.unit) } ?? "n/a", t.limitText, t.verdict] }
        out += "\ntargets:\n" + TextTable(headers: ["target", "figure", "limit", "verdict"], rows: trows, rightAligned: [1]).render()
        out += BenchTargets.summary(ts) + "\n"
        return out
    }

    func fmt(_ x: Double) -> String { String(format: "%.2f", x) }
    /// The starts' range beside their median (`min–max of 5`): one median of five hides how far they spread.
    var startsText: String {
        guard let lo = starts.min(), let hi = starts.max() else { return "" }
        return "(\(String(format: "%.1f", lo))–\(String(format: "%.1f", hi)) of \(starts.count))"
    }
    func fmtFigure(_ x: Double, _ unit: String) -> String { unit == "rows/s" ? String(Int(x)) : fmt(x) }
}

func round3(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

/// `bench --consoles N`: what N consoles open at once on one file cost, and how fast a write reaches them all.
struct ConsolesReport {
    let consoles: Int
    let live: LiveBench.Result

    var cpuTotal: Double { live.idleCPUPercent.reduce(0, +) }
    var rssTotal: Double { live.idleRSSMB.reduce(0, +) }

    var json: String {
        func ms(_ x: Double?) -> Any { x.map(round3) ?? NSNull() }
        let obj: [String: Any] = [
            "consoles": consoles, "measured": live.idleCPUPercent.count,
            "idle_cpu_percent_each": live.idleCPUPercent.map(round3), "idle_cpu_percent_total": round3(cpuTotal),
            "rss_mb_each": live.idleRSSMB.map(round3), "rss_mb_total": round3(rssTotal),
            "pss_mb_each": live.idlePSSMB.map(round3), "pss_mb_total": round3(live.idlePSSMB.reduce(0, +)),
            "commit_to_screen_ms_p50": ms(live.commitToScreenP50), "commit_to_last_screen_ms_p50": ms(live.commitToLastScreenP50),
            "write_ms_p50": ms(live.writeP50),
        ]
        return Output.json(obj) + "\n"
    }

    var table: String {
        func f(_ x: Double?) -> String { x.map { String(format: "%.2f", $0) } ?? "n/a" }
        let cpu = live.idleCPUPercent, rss = live.idleRSSMB
        let rows = [
            ["consoles open (measured)", "\(consoles) (\(cpu.count))"],
            ["idle CPU % of a core: each, max", f(cpu.max())],
            ["idle CPU % of a core: all together", f(cpuTotal)],
            ["resident MB: each, max", f(rss.max())],
            ["resident MB: all together (shared pages counted in each)", f(rssTotal)],
            ["proportional MB (Pss): all together", f(live.idlePSSMB.reduce(0, +))],
            ["commit to screen p50 ms (every console)", f(live.commitToScreenP50)],
            ["commit to the last console p50 ms", f(live.commitToLastScreenP50)],
            ["  of which the write p50 ms", f(live.writeP50)],
        ]
        return TextTable(headers: ["measure", "figure"], rows: rows, rightAligned: [1]).render()
    }
}
