import XCTest

/// The bulletin (通报) of a hand-made month, rendered by a real browser: Chromium's headless shell prints it
/// to PDF and takes a screenshot; poppler reads the PDF back.
///
/// The month, October 2026 on the demo registry (35 basic grids, 45 workers), as at 2026-11-05 10:00:
/// - W001 (grid DH-01-01) reports ten 道路不洁 (SR03) matters, M1–M4 and M6–M11; a hotline call M5 is escalated.
/// - M1, M6–M11 are dispatched, fed back and verified within their hours: closed on time.
/// - M2 is fed back a week after its 4-working-hour limit: closed, not on time.
/// - M3 is dispatched and never fed back: due, open, overdue now.
/// - M4 fails its first verification (rework), then passes: closed on time, reworked.
/// So 受理 11; 应结 10 (M5 never had a handling deadline); 结案 9; 按期 8; 返工过的结案 1;
/// 结案率 9/10 = 90.00%, 按期结案率 8/10 = 80.00%, 返工率 1/9 = 11.11%; 上报区级未结 1 (M5); 超期未结 2: M3, and M5
/// on its district stage (escalated Fri 10-16 09:05, 5 working days → due Fri 10-23 17:30, so overdue on 11-05).
/// Patrol: DH-01-01 two hours every day (08:00–10:00, 31 days): the only grid meeting the mark (1 / 35);
/// W001's 10 reports meet the target (1 / 45). September is empty: its rates print "—".
final class BulletinEndToEndTests: XCTestCase {
    var dir: URL!
    var db: String { dir.appendingPathComponent("b.sqlite").path }
    static let chromium = "/usr/bin/chromium-headless-shell"

    override func setUpWithError() throws {
        try GridroomCLI.requireBinary()
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: Self.chromium), "make test installs chromium-headless-shell")
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-e2e-bulletin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { if let dir { try? FileManager.default.removeItem(at: dir) } }

    @discardableResult
    func ok(_ args: [String], now: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let r = try GridroomCLI.run(args, db: db, now: now)
        XCTAssertEqual(r.status, 0, "gridroom \(args.joined(separator: " ")): \(r.err)", file: file, line: line)
        return r.out
    }

    /// Matter names (M1…) to case numbers.
    var numbers: [String: String] = [:]

    /// Takes matter `name` in at `time` (as W001's report, or a hotline call).
    func intake(_ name: String, at time: String, source: String = "grid_worker", title: String = "路面垃圾") throws {
        var args = ["case", "new", "--source", source, "--grid", "DH-01-01", "--category", "SR03", "--title", "\(name) \(title)"]
        if source == "grid_worker" { args += ["--reporter", "W001"] }
        let out = try ok(args, now: time)
        // The case number, `YYYYMMDD-NNNN`, wherever the message (in either language) puts it.
        let range = out.range(of: "[0-9]{8}-[0-9]{4}", options: .regularExpression)
        XCTAssertNotNil(range, out)
        numbers[name] = range.map { String(out[$0]) } ?? ""
    }

    /// A move on matter `name` at `time`, with the version it has then.
    func move(_ name: String, _ words: [String], at time: String) throws {
        let number = numbers[name]!
        let shown = try ok(["case", "show", number, "--format", "json"], now: time)
        let v = (try JSONSerialization.jsonObject(with: Data(shown.utf8)) as? [String: Any])?["version"] as? Int ?? 0
        try ok(["case", words[0], number] + Array(words.dropFirst()) + ["--version", String(v)], now: time)
    }

    /// On October `day`: `dispatch` dispatched at 09:10, `done` fed back at 09:30 and verified at 09:40 (on time).
    /// Moves go in batches by time, so no later command has already seen an earlier one's deadline pass.
    func day(_ day: Int, dispatch: [String], done: [String]) throws {
        for n in dispatch { try move(n, ["dispatch"], at: "2026-10-\(day)T09:10") }
        for n in done { try move(n, ["feedback", "--note", "已清理"], at: "2026-10-\(day)T09:30") }
        for n in done { try move(n, ["verify", "--pass"], at: "2026-10-\(day)T09:40") }
    }

    /// The hand-made month, every command in time order (the history of a matter only moves forward).
    /// Working days used: Monday 12 October to Friday 16, Monday 19, Tuesday 20 (after the National Day week).
    func makeMonth() throws {
        try ok(["init", "--demo"], now: "2026-09-30T08:00")
        try intake("M1", at: "2026-10-12T09:00", title: "路面油污"); try intake("M6", at: "2026-10-12T09:00")
        try day(12, dispatch: ["M1", "M6"], done: ["M1", "M6"])
        try intake("M2", at: "2026-10-13T09:00", title: "路面泥土"); try intake("M7", at: "2026-10-13T09:00")
        try day(13, dispatch: ["M2", "M7"], done: ["M7"])
        try intake("M3", at: "2026-10-14T09:00", title: "路面碎石"); try intake("M8", at: "2026-10-14T09:00")
        try day(14, dispatch: ["M3", "M8"], done: ["M8"])
        try intake("M4", at: "2026-10-15T09:00", title: "路面积水"); try intake("M9", at: "2026-10-15T09:00")
        try day(15, dispatch: ["M4", "M9"], done: ["M9"])
        try move("M4", ["feedback", "--note", "已排水"], at: "2026-10-15T09:45")
        try move("M4", ["verify", "--fail", "--note", "仍有积水"], at: "2026-10-15T09:50")
        try move("M4", ["feedback", "--note", "已彻底排水"], at: "2026-10-15T10:00")
        try move("M4", ["verify", "--pass"], at: "2026-10-15T10:10")
        try intake("M5", at: "2026-10-16T09:00", source: "hotline", title: "市民来电反映道路塌陷"); try intake("M10", at: "2026-10-16T09:00")
        try move("M5", ["escalate", "--note", "需区住建部门处置"], at: "2026-10-16T09:05")
        try day(16, dispatch: ["M10"], done: ["M10"])
        try intake("M11", at: "2026-10-19T09:00")
        try day(19, dispatch: ["M11"], done: ["M11"])
        // M2: fed back a week after its limit.
        try move("M2", ["feedback", "--note", "已清理"], at: "2026-10-20T09:30")
        try move("M2", ["verify", "--pass"], at: "2026-10-20T09:40")
        var patrols = "worker,grid,start,end\n"
        for d in 1...31 { patrols += "W001,DH-01-01,2026-10-\(zeroPad(d))T08:00,2026-10-\(zeroPad(d))T10:00\n" }
        let file = dir.appendingPathComponent("patrols.csv").path
        try patrols.write(toFile: file, atomically: true, encoding: .utf8)
        try ok(["import", "patrols", file], now: "2026-11-01T08:00")
    }

    func zeroPad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Runs a command with a time limit; returns its status and output.
    func run(_ exe: String, _ args: [String], env: [String: String] = [:], timeout: Double = 90) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        var e = ProcessInfo.processInfo.environment
        for (k, v) in env { e[k] = v }
        p.environment = e
        let out = Pipe()
        p.standardOutput = out; p.standardError = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(20_000) }
        if p.isRunning { p.terminate(); XCTFail("\(exe) took over \(timeout) s") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func chromium(_ extra: [String], page: URL) throws {
        let profile = dir.appendingPathComponent("profile-\(UUID().uuidString)").path
        let (status, _) = try run(Self.chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(profile)"]
                                  + extra + [page.absoluteString])
        XCTAssertEqual(status, 0, "chromium \(extra)")
    }

    func testAHandMadeMonthPrintsItsFiguresOnSixA4Pages() throws {
        try makeMonth()
        let html = dir.appendingPathComponent("oct.html")
        let said = try ok(["report", "bulletin", "--month", "2026-10", "--output", html.path], now: "2026-11-05T10:00")
        XCTAssertTrue(said.contains("2026年10月"), said)
        XCTAssertFalse(said.contains("provisional"), "October is over on 5 November: \(said)")
        let text = try String(contentsOf: html, encoding: .utf8)

        // Self-contained: nothing fetched, nothing run.
        for banned in ["<script", "http:", "https:", "src=", "url(", "<link", "@import", "<img", "<iframe", "<object", "<embed"] {
            XCTAssertFalse(text.lowercased().contains(banned), "the bulletin must not contain \(banned)")
        }
        XCTAssertEqual(text.components(separatedBy: "<svg").count - 1, 7, "figures 1 to 4 and the three small maps of figure 5")

        // Printed by the browser: six sections, each starting a page and shorter than one.
        let pdf = dir.appendingPathComponent("oct.pdf")
        try chromium(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)"], page: html)
        let (_, info) = try run("/usr/bin/pdfinfo", [pdf.path])
        XCTAssertTrue(info.contains("Pages:           6"), info)
        XCTAssertTrue(info.contains("(A4)"), info)
        let (_, pages) = try run("/usr/bin/pdftotext", ["-layout", pdf.path, "-"])
        let lines = pages.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        func line(_ prefix: String) -> String { lines.first { $0.hasPrefix(prefix) } ?? "(no line starting \(prefix))" }
        func words(_ prefix: String) -> [String] { line(prefix).split(separator: " ").map(String.init) }
        // Indicator, this period, previous period (September, empty), change.
        XCTAssertEqual(words("受理事项（件）").prefix(3), ["受理事项（件）", "11", "0"])
        XCTAssertEqual(words("应结案数（件）").prefix(3), ["应结案数（件）", "10", "0"])
        XCTAssertEqual(words("结案率"), ["结案率", "90.00%", "—", "—"])
        XCTAssertEqual(words("按期结案率"), ["按期结案率", "80.00%", "—", "—"])
        XCTAssertEqual(words("返工率"), ["返工率", "11.11%", "—", "—"])
        XCTAssertEqual(words("上报区级未结（当前，件）"), ["上报区级未结（当前，件）", "1", "—", "—"])
        XCTAssertEqual(words("超期未结（当前，件）"), ["超期未结（当前，件）", "2", "—", "—"])
        XCTAssertEqual(line("巡查达标网格").replacingOccurrences(of: " ", with: ""), "巡查达标网格1/35——")
        XCTAssertEqual(line("上报达标网格员").replacingOccurrences(of: " ", with: ""), "上报达标网格员1/45——")
        // The running header and page numbers on every page.
        XCTAssertEqual(pages.components(separatedBy: "东湖镇 · 2026年10月").count - 1, 6, "the running header on each of the six pages")
        for p in 1...6 { XCTAssertTrue(pages.replacingOccurrences(of: " ", with: "").contains("第\(p)页/共6页"), "page \(p) number") }
        XCTAssertFalse(pages.contains("暂定"), "a finished month is not provisional")
        // The red list: the one grid and the one worker meeting both marks, with the reason.
        XCTAssertTrue(pages.contains("DH-01-01"))
        let reason = pages.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "")
        XCTAssertTrue(reason.contains("巡查达标31/31天，日均120.0分钟（标准120）；上报均达标（最少10件）"), "grid reason")
        XCTAssertTrue(reason.contains("上报10/10件"), "worker reason")
        // The open late list: M3 overdue, M5 with the district and overdue there too.
        XCTAssertTrue(pages.contains("共 2 件：超期 2 件，上报区级未结 1 件。"), pages)

        // The same figures as the reports of the same month.
        let eval = try ok(["report", "evaluation", "--month", "2026-10", "--format", "json"], now: "2026-11-05T10:00")
        let rows = (try JSONSerialization.jsonObject(with: Data(eval.utf8)) as? [String: Any])?["rows"] as? [[String: Any]] ?? []
        let total = rows.first { $0["group"] as? String == "total" } ?? [:]
        XCTAssertEqual(total["due"] as? Int, 10)
        XCTAssertEqual(total["closed"] as? Int, 9)
        XCTAssertEqual(total["closed_on_time"] as? Int, 8)

        // A picture of the first page: ink on it, and the title drawn in real glyphs (missing-glyph boxes are all alike).
        let png = dir.appendingPathComponent("oct.png")
        try chromium(["--window-size=794,1123", "--screenshot=\(png.path)"], page: html)
        let script = GridroomCLI.root.appendingPathComponent("Tests/EndToEndTests/Support/glyphs.py").path
        let (_, measured) = try run("/usr/bin/python3", [script, png.path])
        let figures = measured.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        XCTAssertEqual(figures.count, 3, measured)
        if figures.count == 3 {
            XCTAssertGreaterThan(figures[0], 0.01, "the page is not blank")
            // 东湖镇社会治理月度通报: 11 different characters.
            XCTAssertGreaterThanOrEqual(figures[1], 10, "title glyphs")
            XCTAssertEqual(figures[2], figures[1], "every title glyph differs from the others: no missing-glyph boxes")
        }
    }

    func testARunningQuarterIsProvisionalOnEveryPageAndEnglishHasNoChineseWords() throws {
        try ok(["init", "--demo"], now: "2026-10-01T08:00")
        try ok(["case", "new", "--source", "hotline", "--grid", "DH-01-01", "--category", "SR03", "--title", "路面油污"], now: "2026-11-02T09:00")
        let html = dir.appendingPathComponent("q4.html")
        try ok(["report", "bulletin", "--quarter", "2026Q4", "--output", html.path], now: "2026-11-22T10:00")
        let pdf = dir.appendingPathComponent("q4.pdf")
        try chromium(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)"], page: html)
        let (_, info) = try run("/usr/bin/pdfinfo", [pdf.path])
        let count = Int(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "0") ?? 0
        XCTAssertGreaterThanOrEqual(count, 6)
        let (_, pages) = try run("/usr/bin/pdftotext", ["-layout", pdf.path, "-"])
        XCTAssertEqual(pages.components(separatedBy: "东湖镇 · 2026年第四季度 · 暂定").count - 1, count, "the provisional mark on every page")
        XCTAssertTrue(pages.contains("2026年第三季度"), "the previous quarter beside it")

        let en = dir.appendingPathComponent("q4-en.html")
        let r = try GridroomCLI.run(["--lang", "en", "report", "bulletin", "--quarter", "2026Q4", "--output", en.path], db: db, now: "2026-11-22T10:00")
        XCTAssertEqual(r.status, 0, r.err)
        let text = try String(contentsOf: en, encoding: .utf8)
        XCTAssertTrue(text.contains("Quarterly Bulletin") && text.contains("PROVISIONAL") && text.contains("Closure rate"))
        for word in ["通报", "结案率", "暂定", "红榜", "说明", "网格员", "件"] { XCTAssertFalse(text.contains(word), "English bulletin contains \(word)") }

        let bad = try GridroomCLI.run(["report", "bulletin", "--quarter", "2026Q5", "--output", en.path], db: db, now: "2026-11-22T10:00")
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.err.contains("YYYYQn"), bad.err)
        let two = try GridroomCLI.run(["report", "bulletin", "--month", "2026-11", "--year", "2026", "--output", en.path], db: db, now: "2026-11-22T10:00")
        XCTAssertEqual(two.status, 2)
    }
}
