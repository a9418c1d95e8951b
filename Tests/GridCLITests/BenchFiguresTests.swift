import XCTest
@testable import GridCLI

/// What `gridroom bench` computes from its samples: percentiles, the CPU of a process read from /proc, the
/// flatness ratio and the verdict on each target. Figures worked out by hand; nothing here is timed.
final class BenchFiguresTests: XCTestCase {

    // MARK: /proc/PID/stat

    /// Fields 14 and 15 (utime 250, stime 50), counted from the last `)` of a name holding a space and a `)`.
    func testCPUTicksAreUserPlusSystemCountedAfterTheCommandName() {
        let line = "4242 (grid room) x) S 1 4242 4242 34816 4242 4194304 1200 0 3 0 250 50 7 9 20 0 1 0 123456 300000000 7000\n"
        XCTAssertEqual(ProcStat.cpuTicks(statLine: line), 300)
    }

    func testMalformedStatLinesHaveNoTicks() {
        XCTAssertNil(ProcStat.cpuTicks(statLine: "4242 grid S 1 2 3"))           // no parenthesised name
        XCTAssertNil(ProcStat.cpuTicks(statLine: "4242 (grid) S 1 4242 4242 0"))  // cut short before utime
        XCTAssertNil(ProcStat.cpuTicks(statLine: "4242 (grid) S 1 4242 4242 0 4242 0 0 0 0 0 x 50"))  // utime not a number
    }

    /// 30 ticks at 100 Hz are 0.3 s of CPU; over 10 s of wall time that is 3 % of one core; 5 ticks are 0.5 %.
    func testPercentOfACore() {
        XCTAssertEqual(ProcStat.percentOfCore(ticks: 30, seconds: 10, hz: 100), 3.0, accuracy: 1e-9)
        XCTAssertEqual(ProcStat.percentOfCore(ticks: 5, seconds: 10, hz: 100), 0.5, accuracy: 1e-9)
        XCTAssertEqual(ProcStat.percentOfCore(ticks: 5, seconds: 0, hz: 100), 0)
    }

    func testMegabytesFromStatusText() {
        let status = "Name:\tgridroom\nVmPeak:\t  900000 kB\nVmHWM:\t   40960 kB\nVmRSS:\t   30720 kB\n"
        XCTAssertEqual(ProcStat.megabytes("VmHWM", status: status), 40.0)
        XCTAssertEqual(ProcStat.megabytes("VmRSS", status: status), 30.0)
        XCTAssertNil(ProcStat.megabytes("VmSwap", status: status))
    }

    // MARK: percentiles

    /// 1…20 ms: the median is the 10th value (index (20 − 1) / 2 = 9), the 95th percentile the 19th (⌈19⌉).
    func testMedianAndNinetyFifthPercentile() {
        let s = Stats((1...20).reversed().map(Double.init))
        XCTAssertEqual(s.p50, 10)
        XCTAssertEqual(s.p95, 19)
    }

    // MARK: flatness

    /// 12 ms on three years over 10 ms on one is 1.2 (met, the limit itself); 13 over 10 is 1.3 (not met); a screen
    /// timed on one file only, or in no measurable time on the other, has no ratio.
    func testFlatnessRatioPerScreen() {
        let three = ["patrol": Stats(p50: 12, p95: 14), "map": Stats(p50: 13, p95: 15), "duty": Stats(p50: 0.1, p95: 0.1), "search": Stats(p50: 8, p95: 9)]
        let one = ["patrol": Stats(p50: 10, p95: 11), "map": Stats(p50: 10, p95: 11), "duty": Stats(p50: 0, p95: 0)]
        let c = BenchComparison(path: "one.sqlite", matters: 1_000_000, this: three, other: one)
        XCTAssertEqual(c.ratios.count, 2)
        XCTAssertEqual(c.ratios["patrol"]!, 1.2, accuracy: 1e-12)
        XCTAssertEqual(c.ratios["map"]!, 1.3, accuracy: 1e-12)
        let verdicts = Dictionary(uniqueKeysWithValues: BenchTargets.flatnessTargets(c).map { ($0.measure, $0.met) })
        XCTAssertEqual(verdicts, ["flatness map (this / other p50)": false, "flatness patrol (this / other p50)": true])
    }

    // MARK: targets

    func testEveryTargetJudgedAgainstItsLimit() {
        var r = BenchResult()
        r.screens = ["patrol": Stats(p50: 9.5, p95: 21), "overview": Stats(p50: 10, p95: 20), "search": Stats(p50: 12, p95: 31)]
        r.complete = true
        r.frameP50 = 0.4
        r.startToFirstFrame = 61
        r.commitToScreenP50 = 30
        r.idleCPUPercent = 0.4
        r.importRate = 49_999
        r.rssMB = nil  // not measured (no tmux)
        let t = Dictionary(uniqueKeysWithValues: r.targets.map { ($0.measure, $0.met) })
        XCTAssertEqual(t["screen overview p50"], true)   // 10 ≤ 10
        XCTAssertEqual(t["screen overview p95"], true)   // 20 ≤ 20
        XCTAssertEqual(t["screen patrol p50"], true)     // 9.5 ≤ 10
        XCTAssertEqual(t["screen patrol p95"], false)    // 21 > 20
        XCTAssertEqual(t["search p50"], true)            // 12 ≤ 30
        XCTAssertEqual(t["search p95"], false)           // 31 > 30
        XCTAssertEqual(t["frame 120×40 p50"], true)      // 0.4 ≤ 2
        XCTAssertEqual(t["start to first frame"], false) // 61 > 60
        XCTAssertEqual(t["commit to screen p50"], true)  // 30 ≤ 50
        XCTAssertEqual(t["idle console CPU"], true)      // 0.4 ≤ 1
        XCTAssertEqual(t["import rate"], false)          // 49,999 < 50,000
        XCTAssertEqual(t["console resident memory"], .some(nil))
        XCTAssertEqual(t.count, 12)
        XCTAssertEqual(BenchTargets.summary(r.targets),
                       "4 of 12 targets NOT MET: screen patrol p95, search p95, start to first frame, import rate; not measured: console resident memory")
    }

    /// A `--screen` run judges only the screen it timed.
    func testASingleScreenRunJudgesOnlyItsScreen() {
        var r = BenchResult()
        r.screens = ["map": Stats(p50: 3, p95: 4)]
        XCTAssertEqual(r.targets.map(\.measure), ["screen map p50", "screen map p95"])
        XCTAssertEqual(BenchTargets.summary(r.targets), "all 2 measured targets met")
    }

    /// `--screen start` measured the five starts alone: only their target is judged, on their median (61 > 60),
    /// and the table gives their range beside it.
    func testAStartOnlyRunJudgesOnlyTheStart() {
        var r = BenchResult()
        r.starts = [22.5, 61, 19.24, 70.04, 60]
        r.startToFirstFrame = Stats(r.starts).p50
        XCTAssertEqual(r.startToFirstFrame, 60)  // sorted 19.24, 22.5, 60, 61, 70.04: the third
        XCTAssertEqual(r.targets.map(\.measure), ["start to first frame"])
        XCTAssertEqual(r.targets.first?.met, true)  // 60 ≤ 60
        XCTAssertEqual(r.startsText, "(19.2–70.0 of 5)")
        XCTAssertTrue(r.table.contains("start to first frame   60.00  (19.2–70.0 of 5)"), r.table)
        XCTAssertTrue(r.json.contains("\"start_to_first_frame_ms_each\""), r.json)
    }

    func testLimitsReadWithTheirDirection() {
        XCTAssertEqual(BenchTarget("x", 10, "ms", figure: 1).limitText, "≤ 10 ms")
        XCTAssertEqual(BenchTarget("x", direction: .atLeast, 50_000, "rows/s", figure: 1).limitText, "≥ 50000 rows/s")
        XCTAssertEqual(BenchTarget("x", 1.2, "×", figure: 1).limitText, "≤ 1.20 ×")
    }

    /// Screens in the console's tab order, then the page and the search, then any other by name.
    func testScreensInTheConsolesOrder() {
        XCTAssertEqual(BenchTargets.orderedScreens(["search", "zeta", "map", "overview", "matter_page", "alpha"]),
                       ["overview", "map", "matter_page", "search", "alpha", "zeta"])
    }
}
