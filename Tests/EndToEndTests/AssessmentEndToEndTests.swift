import XCTest

/// 应报未报 and 首报激励 of a hand-made November 2026 on the demo registry, through the command line.
/// In the demo's category table AQ01 消防通道堵塞 (安全隐患) and SR01 暴露垃圾 are worker_reportable, MD01 邻里纠纷 is not;
/// AQ01 carries first_report. The window is the default 72 hours. Workers: W00n in DH-01-0n, and W036 also in DH-01-06.
final class AssessmentEndToEndTests: XCTestCase {
    var dir: URL!
    var db: String { dir.appendingPathComponent("a.sqlite").path }

    override func setUpWithError() throws {
        try GridroomCLI.requireBinary()
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-e2e-assess-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { if let dir { try? FileManager.default.removeItem(at: dir) } }

    @discardableResult
    func ok(_ args: [String], now: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let r = try GridroomCLI.run(args, db: db, now: now)
        XCTAssertEqual(r.status, 0, "gridroom \(args.joined(separator: " ")): \(r.err)", file: file, line: line)
        return r.out
    }

    func json(_ args: [String], now: String) throws -> [String: Any] {
        let out = try ok(args + ["--format", "json"], now: now)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any], out)
    }

    func importCases(_ lines: [String], now: String) throws {
        let file = dir.appendingPathComponent("cases-\(UUID().uuidString).csv").path
        try ("reported_at,source,reporter,grid,category,urgency,title,description,location\n" + lines.joined(separator: "\n") + "\n")
            .write(toFile: file, atomically: true, encoding: .utf8)
        try ok(["import", "cases", file], now: now)
    }

    /// Planted (listed): P1 a hotline AQ01 in DH-01-01 with no report; P2 a video SR01 in DH-01-02 whose only report
    /// (W002, same grid and category) came 73 h before; P3 a hotline AQ01 in DH-01-04 whose report 2 h before was
    /// made in DH-01-05; P4 a hotline AQ01 in DH-01-06 whose report 2 h before was of SR01.
    /// Decoys (not listed): D1 hotline AQ01 in DH-01-03 with W003's AQ01 report there 2 h before; D2 a public MD01
    /// (not worker_reportable) in DH-01-01; D3 a hotline AQ01 in DH-01-07 with W007's report 71 h before;
    /// D4 a hotline AQ01 in DH-02-01 on 30 October (outside the month); D5 the workers' own reports.
    func testMissedListsThePlantedMattersAndNoDecoy() throws {
        try ok(["init", "--demo"], now: "2026-10-01T08:00")
        try importCases([
            "2026-11-10T10:00,hotline,,DH-01-01,AQ01,,P1 消防通道堵塞,,",
            "2026-11-09T09:00,grid_worker,W002,DH-01-02,SR01,,W002 暴露垃圾,,",
            "2026-11-12T10:00,video,,DH-01-02,SR01,,P2 暴露垃圾,,",
            "2026-11-20T10:00,grid_worker,W005,DH-01-05,AQ01,,W005 消防通道,,",
            "2026-11-20T12:00,hotline,,DH-01-04,AQ01,,P3 消防通道堵塞,,",
            "2026-11-22T10:00,grid_worker,W006,DH-01-06,SR01,,W006 暴露垃圾,,",
            "2026-11-22T12:00,hotline,,DH-01-06,AQ01,,P4 消防通道堵塞,,",
            "2026-11-15T10:00,grid_worker,W003,DH-01-03,AQ01,,W003 消防通道,,",
            "2026-11-15T12:00,hotline,,DH-01-03,AQ01,,D1 消防通道堵塞,,",
            "2026-11-16T12:00,public,,DH-01-01,MD01,,D2 邻里纠纷,,",
            "2026-11-22T13:00,grid_worker,W007,DH-01-07,AQ01,,W007 消防通道,,",
            "2026-11-25T12:00,hotline,,DH-01-07,AQ01,,D3 消防通道堵塞,,",
            "2026-10-30T12:00,hotline,,DH-02-01,AQ01,,D4 消防通道堵塞,,",
        ], now: "2026-12-05T08:00")
        let now = "2026-12-05T09:00"
        let o = try json(["report", "missed", "--month", "2026-11"], now: now)
        XCTAssertEqual(o["window_hours"] as? Int, 72)
        let rows = (o["rows"] as? [[String: Any]]) ?? []
        let titles = rows.compactMap { ($0["title"] as? String)?.split(separator: " ").first.map(String.init) }
        XCTAssertEqual(titles, ["P1", "P2", "P3", "P4"])
        for r in rows { XCTAssertNotNil((r["number"] as? String)?.range(of: "^[0-9]{8}-[0-9]{4}$", options: .regularExpression), "\(r)") }
        XCTAssertEqual(rows.first?["grid"] as? String, "DH-01-01"); XCTAssertEqual(rows.first?["grid_workers"] as? String, "W001")
        // By worker, and beside the worker's reports in the compliance view.
        let byWorker = (try json(["report", "missed", "--month", "2026-11", "--by", "worker"], now: now)["rows"] as? [[String: Any]]) ?? []
        XCTAssertEqual(byWorker.compactMap { $0["worker"] as? String }, ["W001", "W002", "W004", "W006", "W036"])
        let compliance = (try json(["report", "compliance", "--month", "2026-11", "--by", "worker"], now: now)["workers"] as? [[String: Any]]) ?? []
        let w1 = compliance.first { $0["worker"] as? String == "W001" }, w3 = compliance.first { $0["worker"] as? String == "W003" }
        XCTAssertEqual(w1?["missed"] as? Int, 1); XCTAssertEqual(w3?["missed"] as? Int, 0); XCTAssertEqual(w3?["reports"] as? Int, 1)
        // A narrower window (48 h) leaves D3's cover (71 h before) out: D3 is listed too.
        let narrow = (try json(["report", "missed", "--month", "2026-11", "--window", "48"], now: now)["rows"] as? [[String: Any]]) ?? []
        XCTAssertEqual(narrow.count, 5)
        // cases --category takes a major class (大类) or a name: the one dispute; an unknown one lists the accepted values.
        let disputes = try ok(["cases", "--category", "矛盾纠纷", "--format", "csv"], now: now).split(separator: "\n").dropFirst()
        XCTAssertEqual(disputes.count, 1); XCTAssertTrue(disputes.first?.contains("D2 邻里纠纷") ?? false, disputes.joined())
        XCTAssertEqual(try ok(["cases", "--category", "消防通道堵塞", "--source", "hotline", "--format", "csv"], now: now)
            .split(separator: "\n").count, 1 + 6)   // P1, P3, P4, D1, D3 and October's D4 (no --from: any time)
        let unknown = try GridroomCLI.run(["cases", "--category", "不存在"], db: db, now: now)
        XCTAssertEqual(unknown.status, 2); XCTAssertTrue(unknown.err.contains("MD01 (邻里纠纷)") && unknown.err.contains("矛盾纠纷"), unknown.err)
        // The table names the grid and the category beside their codes.
        let table = try ok(["report", "missed", "--month", "2026-11"], now: now)
        XCTAssertTrue(table.contains("东湖村第一网格") && table.contains("消防通道堵塞"), table)

        // The bulletin's should-have-reported table: one row per grid with a planted matter (one each), by grid code,
        // each with its number; no decoy's number in it.
        let numberOf = Dictionary(rows.compactMap { r -> (String, String)? in
            guard let t = (r["title"] as? String)?.split(separator: " ").first, let n = r["number"] as? String else { return nil }
            return (String(t), n)
        }, uniquingKeysWith: { a, _ in a })
        let page = dir.appendingPathComponent("bulletin.html").path
        try ok(["report", "bulletin", "--month", "2026-11", "--output", page], now: now)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        let section = try XCTUnwrap(html.range(of: "<h3>应报未报（按网格）</h3>").map { html[$0.upperBound...] })
        let body = String(section[..<(section.range(of: "</tbody>")?.lowerBound ?? section.endIndex)])
        let cells = body.components(separatedBy: "<tr>").dropFirst(2).map { row in
            row.components(separatedBy: "</td>").dropLast().map { $0.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression) }
        }
        XCTAssertEqual(cells, [["DH-01-01", "东湖村第一网格", "1", numberOf["P1"] ?? "P1?"],
                               ["DH-01-02", "东湖村第二网格", "1", numberOf["P2"] ?? "P2?"],
                               ["DH-01-04", "东湖村第四网格", "1", numberOf["P3"] ?? "P3?"],
                               ["DH-01-06", "东湖村第六网格", "1", numberOf["P4"] ?? "P4?"]])
    }

    func number(_ out: String) -> String {
        out.range(of: "[0-9]{8}-[0-9]{4}", options: .regularExpression).map { String(out[$0]) } ?? "(no number in \(out))"
    }

    func version(_ n: String, now: String) throws -> String {
        let o = try JSONSerialization.jsonObject(with: Data(try ok(["case", "show", n, "--format", "json"], now: now).utf8)) as? [String: Any]
        return String(o?["version"] as? Int ?? 0)
    }

    /// Two 安全隐患 (AQ01) reports merged: credit while AQ01 carries first_report; after the category table is
    /// re-imported with first_report 0, a second merged pair earns none. An older 8-column categories file still
    /// imports, and sets first_report by the old major classes (AQ01's 安全隐患 is not one: 0; WJ01's 违法建设 is: 1).
    func testFirstReportCreditFollowsTheCategoryFlag() throws {
        try ok(["init", "--demo"], now: "2026-10-01T08:00")
        let early = number(try ok(["case", "new", "--source", "grid_worker", "--reporter", "W010", "--grid", "DH-02-02", "--category", "AQ01",
                                   "--title", "消防通道堵塞"], now: "2026-11-03T09:00"))
        let later = number(try ok(["case", "new", "--source", "hotline", "--grid", "DH-02-02", "--category", "AQ01",
                                   "--title", "市民反映消防通道堵塞"], now: "2026-11-03T09:30"))
        try ok(["case", "merge", later, "--into", early, "--note", "同一事项", "--version", try version(later, now: "2026-11-03T09:40")],
               now: "2026-11-03T09:40")
        var credits = (try json(["report", "first-reports", "--month", "2026-11"], now: "2026-11-03T10:00")["workers"] as? [[String: Any]]) ?? []
        XCTAssertEqual(credits.count, 1)
        XCTAssertEqual(credits.first?["worker"] as? String, "W010"); XCTAssertEqual(credits.first?["numbers"] as? [String], [early])

        // AQ01 loses the flag.
        let csv = try ok(["categories", "--format", "csv"], now: "2026-11-04T08:00")
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}code,name,major,department,urgency,dispatch_limit,handle_limit,verify_limit,dispute,first_report,worker_reportable\n"), csv)
        let aq = try XCTUnwrap(csv.split(separator: "\n").first { $0.hasPrefix("AQ01,") })
        XCTAssertTrue(aq.hasSuffix(",1,1"), String(aq))
        let file = dir.appendingPathComponent("cat.csv").path
        try ("code,name,major,department,urgency,dispatch_limit,handle_limit,verify_limit,dispute,first_report,worker_reportable\n"
             + aq.dropLast(4) + ",0,1\n").write(toFile: file, atomically: true, encoding: .utf8)
        try ok(["import", "categories", file], now: "2026-11-04T08:00")
        let a = number(try ok(["case", "new", "--source", "grid_worker", "--reporter", "W011", "--grid", "DH-02-03", "--category", "AQ01",
                               "--title", "消防通道堵塞"], now: "2026-11-04T09:00"))
        let b = number(try ok(["case", "new", "--source", "hotline", "--grid", "DH-02-03", "--category", "AQ01",
                               "--title", "来电消防通道堵塞"], now: "2026-11-04T09:30"))
        try ok(["case", "merge", b, "--into", a, "--note", "同一事项", "--version", try version(b, now: "2026-11-04T09:40")], now: "2026-11-04T09:40")
        credits = (try json(["report", "first-reports", "--month", "2026-11"], now: "2026-11-04T10:00")["workers"] as? [[String: Any]]) ?? []
        XCTAssertEqual(credits.compactMap { $0["worker"] as? String }, ["W010"])
        let shown = try JSONSerialization.jsonObject(with: Data(try ok(["case", "show", a, "--format", "json"], now: "2026-11-04T10:00").utf8)) as? [String: Any]
        XCTAssertEqual(shown?["first_report"] as? Bool, false)

        // An older 8-column file.
        try ("code,name,major,department,urgency,dispatch_limit,handle_limit,verify_limit\n"
             + "AQ01,消防通道堵塞,安全隐患,YJB,normal,30min,1wd,1wd\nWJ01,违章搭建,违法建设,ZFD,normal,1h,5wd,1wd\n")
            .write(toFile: file, atomically: true, encoding: .utf8)
        try ok(["import", "categories", file], now: "2026-11-05T08:00")
        let after = try ok(["categories", "--format", "csv"], now: "2026-11-05T08:00").split(separator: "\n")
        XCTAssertTrue(after.contains("AQ01,消防通道堵塞,安全隐患,YJB,normal,30min,1wd,1wd,0,0,0"), after.joined(separator: "\n"))
        XCTAssertTrue(after.contains("WJ01,违章搭建,违法建设,ZFD,normal,1h,5wd,1wd,0,1,0"), after.joined(separator: "\n"))
    }
}
