import XCTest

/// Quarter and year reports (季通报、年终考核) of a hand-made Q4 2026 on the demo registry, through the command line.
///
/// Matters (all SR03 道路不洁 in DH-01-01, reported by W001; 4 working hours to handle):
/// - M0 (2 March): closed on time.               — only in the year
/// - M1 (12 October): closed on time.
/// - M2 (2 November): closed on time.  M3 (2 November): fed back a week late: closed, not on time.
/// - M4 (1 December): dispatched, never fed back: due, open.  M5 (1 December): reworked once, closed on time.
/// Q4: due 5, closed 4, on time 3, reworked closed 1 → 结案率 4/5 = 80.00%, 按期 3/5 = 60.00%, 返工率 1/4 = 25.00%.
/// 2026: due 6, closed 5, on time 4 → 83.33%, 66.67%, 返工率 1/5 = 20.00%. November alone: 2, 2, 1 → 100.00%, 50.00%.
///
/// Reports (grid worker reports, imported; M0–M5 count too): W001 (DH-01-01) October 11 + M1 = 12, November 8 + M2, M3 = 10,
/// December 8 + M4, M5 = 10: Q4 32; year 33 (M0). W002 (DH-01-02) 10, 10, 5: Q4 25, year 25.
/// Patrol: DH-01-01 by W001 120 min a day in October, 150 in November, 100 in December:
/// 3720 + 4500 + 3100 = 11320 min over 92 days (mark 120 × 92 = 11040: met), days meeting the mark 31 + 30 + 0 = 61.
/// DH-01-02 by W002 150 min every day: 13800 min, 92 days met.
/// Q4 grades (rule excellent=125/150; pass=100/100; basic=80/80; report target 30):
/// W001: patrol 11320 ≥ 11040 (100%), < 150 × 92 (125%); reports 32 ≥ 30, < 45 → 合格 (pass); DH-01-01 the same.
/// W002: patrol 150/day = 125% (excellent's patrol), reports 25: < 30, ≥ 24 (80%) → 基本合格; DH-01-02 the same.
/// December alone W002 has 5 of 10 (50%) → 不合格: the quarter is judged on its sums, not on its months.
/// 2026 (target 120 reports, 120 × 365 minutes): DH-01-01 11320 min, 61 days met, 365 days: 不合格; W001 33.
final class PeriodReportsEndToEndTests: XCTestCase {
    var dir: URL!
    var db: String { dir.appendingPathComponent("p.sqlite").path }
    var numbers: [String: String] = [:]

    override func setUpWithError() throws {
        try GridroomCLI.requireBinary()
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-e2e-periods-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { if let dir { try? FileManager.default.removeItem(at: dir) } }

    @discardableResult
    func ok(_ args: [String], now: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let r = try GridroomCLI.run(args, db: db, now: now)
        XCTAssertEqual(r.status, 0, "gridroom \(args.joined(separator: " ")): \(r.err)", file: file, line: line)
        return r.out
    }

    func json(_ args: [String], now: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let out = try ok(args + ["--format", "json"], now: now, file: file, line: line)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any], out, file: file, line: line)
    }

    func intake(_ name: String, at time: String) throws {
        let out = try ok(["case", "new", "--source", "grid_worker", "--reporter", "W001", "--grid", "DH-01-01", "--category", "SR03",
                          "--title", "\(name) 路面垃圾"], now: time)
        let range = out.range(of: "[0-9]{8}-[0-9]{4}", options: .regularExpression)
        XCTAssertNotNil(range, out)
        numbers[name] = range.map { String(out[$0]) } ?? ""
    }

    func move(_ name: String, _ words: [String], at time: String) throws {
        let number = numbers[name]!
        let shown = try ok(["case", "show", number, "--format", "json"], now: time)
        let v = (try JSONSerialization.jsonObject(with: Data(shown.utf8)) as? [String: Any])?["version"] as? Int ?? 0
        try ok(["case", words[0], number] + Array(words.dropFirst()) + ["--version", String(v)], now: time)
    }

    /// Dispatched at 09:10, fed back 09:30, verified 09:40 on `date`: on time.
    func closeOnTime(_ name: String, on date: String) throws {
        try move(name, ["dispatch"], at: "\(date)T09:10")
        try move(name, ["feedback", "--note", "已清理"], at: "\(date)T09:30")
        try move(name, ["verify", "--pass"], at: "\(date)T09:40")
    }

    func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    func makeQuarter() throws {
        try ok(["init", "--demo"], now: "2026-03-01T08:00")
        try intake("M0", at: "2026-03-02T09:00"); try closeOnTime("M0", on: "2026-03-02")
        try intake("M1", at: "2026-10-12T09:00"); try closeOnTime("M1", on: "2026-10-12")
        try intake("M2", at: "2026-11-02T09:00"); try intake("M3", at: "2026-11-02T09:00")
        try closeOnTime("M2", on: "2026-11-02")
        try move("M3", ["dispatch"], at: "2026-11-02T09:10")
        try move("M3", ["feedback", "--note", "已清理"], at: "2026-11-09T09:30")
        try move("M3", ["verify", "--pass"], at: "2026-11-09T09:40")
        try intake("M4", at: "2026-12-01T09:00"); try intake("M5", at: "2026-12-01T09:00")
        try move("M4", ["dispatch"], at: "2026-12-01T09:10")
        try move("M5", ["dispatch"], at: "2026-12-01T09:10")
        try move("M5", ["feedback", "--note", "已清理"], at: "2026-12-01T09:30")
        try move("M5", ["verify", "--fail", "--note", "仍有垃圾"], at: "2026-12-01T09:40")
        try move("M5", ["feedback", "--note", "已彻底清理"], at: "2026-12-01T10:00")
        try move("M5", ["verify", "--pass"], at: "2026-12-01T10:10")
        // Reports beyond M0–M5: W001 11, 8, 8; W002 10, 10, 5 (one a day from the 3rd, at 07:00).
        var cases = "reported_at,source,reporter,grid,category,urgency,title,description,location\n"
        for (month, w001, w002) in [(10, 11, 10), (11, 8, 10), (12, 8, 5)] {
            for d in 0..<w001 { cases += "2026-\(month)-\(pad(3 + d))T07:00,grid_worker,W001,DH-01-01,SR03,,W001 报 \(month)-\(d),,\n" }
            for d in 0..<w002 { cases += "2026-\(month)-\(pad(3 + d))T07:00,grid_worker,W002,DH-01-02,SR03,,W002 报 \(month)-\(d),,\n" }
        }
        let casesFile = dir.appendingPathComponent("cases.csv").path
        try cases.write(toFile: casesFile, atomically: true, encoding: .utf8)
        try ok(["import", "cases", casesFile], now: "2027-01-05T08:00")
        var patrols = "worker,grid,start,end\n"
        for (month, days, end) in [(10, 31, "10:00"), (11, 30, "10:30"), (12, 31, "09:40")] {
            for d in 1...days {
                patrols += "W001,DH-01-01,2026-\(month)-\(pad(d))T08:00,2026-\(month)-\(pad(d))T\(end)\n"
                patrols += "W002,DH-01-02,2026-\(month)-\(pad(d))T08:00,2026-\(month)-\(pad(d))T10:30\n"
            }
        }
        let patrolFile = dir.appendingPathComponent("patrols.csv").path
        try patrols.write(toFile: patrolFile, atomically: true, encoding: .utf8)
        try ok(["import", "patrols", patrolFile], now: "2027-01-05T08:00")
    }

    func total(_ o: [String: Any]) -> [String: Any] {
        ((o["rows"] as? [[String: Any]]) ?? []).first { $0["group"] as? String == "total" } ?? [:]
    }

    func byCode(_ rows: Any?, _ key: String) -> [String: [String: Any]] {
        Dictionary(((rows as? [[String: Any]]) ?? []).map { ($0[key] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
    }

    func testQuarterAndYearFromTheirOwnMattersAndPatrols() throws {
        try makeQuarter()
        let now = "2027-01-10T09:00"
        // Evaluation: the quarter, the year, November alone.
        let q = try json(["report", "evaluation", "--quarter", "2026Q4"], now: now)
        XCTAssertEqual(q["provisional"] as? Bool, false)
        let qt = total(q)
        XCTAssertEqual(qt["due"] as? Int, 5); XCTAssertEqual(qt["closed"] as? Int, 4); XCTAssertEqual(qt["closed_on_time"] as? Int, 3)
        XCTAssertEqual(qt["closure_rate"] as? Double, 0.8); XCTAssertEqual(qt["on_time_rate"] as? Double, 0.6)
        XCTAssertEqual(qt["rework_rate"] as? Double, 0.25)
        let table = try ok(["report", "evaluation", "--quarter", "2026Q4"], now: now)
        XCTAssertTrue(table.contains("80.00%") && table.contains("60.00%") && table.contains("25.00%"), table)
        XCTAssertTrue(table.contains("2026年第四季度"), table)
        let y = total(try json(["report", "evaluation", "--year", "2026"], now: now))
        XCTAssertEqual(y["due"] as? Int, 6); XCTAssertEqual(y["closed"] as? Int, 5); XCTAssertEqual(y["closed_on_time"] as? Int, 4)
        let yTable = try ok(["report", "evaluation", "--year", "2026"], now: now)
        XCTAssertTrue(yTable.contains("83.33%") && yTable.contains("66.67%") && yTable.contains("20.00%"), yTable)
        // --explain: the five matters behind the quarter's figures, M3 closed but not on time, M4 open, M5 reworked.
        let detail = try ok(["report", "evaluation", "--quarter", "2026Q4", "--explain", "--format", "csv"], now: now)
            .split(separator: "\n").map(String.init)
        XCTAssertEqual(detail.first, "\u{FEFF}number,department,state,closed,closed_on_time,extended,overdue,reworks,reworked_closed")
        XCTAssertEqual(Set(detail.dropFirst()), Set([
            "\(numbers["M1"]!),HWZ,closed,1,1,0,0,0,0", "\(numbers["M2"]!),HWZ,closed,1,1,0,0,0,0", "\(numbers["M3"]!),HWZ,closed,1,0,0,1,0,0",
            "\(numbers["M4"]!),HWZ,dispatched,0,0,0,1,0,0", "\(numbers["M5"]!),HWZ,closed,1,1,0,0,1,1"]))
        let n = total(try json(["report", "evaluation", "--from", "2026-11-01", "--to", "2026-11-30"], now: now))
        XCTAssertEqual(n["due"] as? Int, 2); XCTAssertEqual(n["closed_on_time"] as? Int, 1)

        // Compliance of the quarter: sums judged against 30 reports and 120 × 92 minutes.
        let cq = try json(["report", "compliance", "--quarter", "2026Q4", "--by", "worker"], now: now)
        XCTAssertEqual(cq["report_target"] as? Int, 30); XCTAssertEqual(cq["provisional"] as? Bool, false)
        let workers = byCode(cq["workers"], "worker")
        XCTAssertEqual(workers["W001"]?["reports"] as? Int, 32); XCTAssertEqual(workers["W001"]?["grade"] as? String, "pass")
        XCTAssertEqual(workers["W002"]?["reports"] as? Int, 25); XCTAssertEqual(workers["W002"]?["grade"] as? String, "basic_pass")
        XCTAssertEqual(workers["W003"]?["grade"] as? String, "fail")
        let grids = byCode(try json(["report", "compliance", "--quarter", "2026Q4"], now: now)["grids"], "grid")
        XCTAssertEqual(grids["DH-01-01"]?["patrol_minutes"] as? Int, 11320); XCTAssertEqual(grids["DH-01-01"]?["days"] as? Int, 92)
        XCTAssertEqual(grids["DH-01-01"]?["days_meeting_patrol"] as? Int, 61); XCTAssertEqual(grids["DH-01-01"]?["patrol_ok"] as? Bool, true)
        XCTAssertEqual(grids["DH-01-01"]?["grade"] as? String, "pass")
        XCTAssertEqual(grids["DH-01-02"]?["patrol_minutes"] as? Int, 13800); XCTAssertEqual(grids["DH-01-02"]?["days_meeting_patrol"] as? Int, 92)
        XCTAssertEqual(grids["DH-01-02"]?["grade"] as? String, "basic_pass")
        // --explain --worker drills W002's count to its 25 reports (10 in October, 10 in November, 5 in December).
        let behind = try ok(["report", "compliance", "--explain", "--worker", "W002", "--quarter", "2026Q4", "--format", "csv"], now: now)
            .split(separator: "\n").dropFirst()
        XCTAssertEqual(behind.count, 25)
        XCTAssertEqual(behind.filter { $0.contains(",2026-12-") }.count, 5)
        XCTAssertTrue(behind.allSatisfy { $0.hasSuffix(",DH-01-02,SR03,new") }, behind.joined(separator: "\n"))
        // December alone fails W002: the quarter was not averaged from its months.
        let dec = byCode(try json(["report", "compliance", "--month", "2026-12", "--by", "worker"], now: now)["workers"], "worker")
        XCTAssertEqual(dec["W002"]?["reports"] as? Int, 5); XCTAssertEqual(dec["W002"]?["grade"] as? String, "fail")

        // The year: 120 reports, 365 days.
        let cy = try json(["report", "compliance", "--year", "2026", "--grid", "DH-01-01", "--by", "worker"], now: now)
        XCTAssertEqual(cy["report_target"] as? Int, 120)
        let w1y = byCode(cy["workers"], "worker")["W001"]
        XCTAssertEqual(w1y?["reports"] as? Int, 33); XCTAssertEqual(w1y?["grade"] as? String, "fail")
        let gy = byCode(try json(["report", "compliance", "--year", "2026", "--grid", "DH-01-01"], now: now)["grids"], "grid")["DH-01-01"]
        XCTAssertEqual(gy?["days"] as? Int, 365); XCTAssertEqual(gy?["patrol_minutes"] as? Int, 11320); XCTAssertEqual(gy?["days_meeting_patrol"] as? Int, 61)

        // The ledger (台账): closed in November = M2 and M3 (M3 fed back on 9 November), names beside codes.
        // M3 closed Monday 9 November 09:40: its reply (1wd) is due at the close of office on the next working day, Tuesday 10 November 17:30;
        // it is replied to (late) and called back (基本满意) on 10 January, which the ledger's last three columns show.
        try ok(["case", "reply", numbers["M3"]!, "--channel", "phone", "--note", "已电话告知"], now: now)
        try ok(["case", "revisit", numbers["M3"]!, "--result", "basic", "--note", "回访"], now: now)
        let ledger = try ok(["ledger", "--month", "2026-11", "--by", "closed"], now: now).split(separator: "\n").map(String.init)
        XCTAssertTrue(ledger.first?.hasPrefix("\u{FEFF}编号,受理时间,来源,上报人,上报人姓名,网格,网格名称,类别,类别名称") ?? false, ledger.first ?? "")
        XCTAssertEqual(ledger.dropFirst().map { String($0.prefix(13)) }, [numbers["M2"]!, numbers["M3"]!].sorted())
        let m3 = ledger.first { $0.hasPrefix(numbers["M3"]!) } ?? ""
        XCTAssertTrue(m3.contains(",网格员上报,W001,邱晓东,DH-01-01,东湖村第一网格,SR03,道路不洁,市容环境,M3 路面垃圾,HWZ,"), m3)
        XCTAssertTrue(m3.contains(",2026-11-09T09:30:00+08:00,2026-11-09T09:40:00+08:00,2026-11-09T09:40:00+08:00,已办结,已清理,0,1,"
                                 + "2026-11-10T17:30:00+08:00,2027-01-10T09:00:00+08:00,基本满意"), m3)
        XCTAssertTrue(ledger.first?.hasSuffix(",曾超期,回复期限,回复时间,回访结果") ?? false, ledger.first ?? "")
        // M2 was never replied to nor called back: the two columns are empty, the deadline is there.
        let m2 = ledger.first { $0.hasPrefix(numbers["M2"]!) } ?? ""
        XCTAssertTrue(m2.hasSuffix(",,") && !m2.hasSuffix(",,,"), m2)
        let closedQ4 = try ok(["ledger", "--quarter", "2026Q4", "--by", "closed"], now: now).split(separator: "\n").dropFirst()
        XCTAssertEqual(Set(closedQ4.map { String($0.prefix(13)) }), Set(["M1", "M2", "M3", "M5"].map { numbers[$0]! }))
        // Reported in the quarter: M1–M5 and the 52 imported reports.
        XCTAssertEqual(try ok(["ledger", "--quarter", "2026Q4"], now: now).split(separator: "\n").count, 1 + 5 + 52)

        // cases: closed in November (by closing time) = M2, M3; by reported time in November with state 已办结 = M2, M3 too;
        // by any event in December = M4, M5 (M4 was dispatched then); an unknown state is refused naming the accepted ones.
        func listed(_ extra: [String]) throws -> Set<String> {
            Set(try ok(["cases", "--format", "csv"] + extra, now: now).split(separator: "\n").dropFirst().map { String($0.prefix(13)) })
        }
        XCTAssertEqual(try listed(["--from", "2026-11-01", "--to", "2026-11-30", "--by", "closed", "--state", "closed"]), [numbers["M2"]!, numbers["M3"]!])
        XCTAssertEqual(try listed(["--from", "2026-12-01", "--to", "2026-12-31", "--by", "event", "--source", "grid_worker", "--state", "closed,dispatched"]),
                       [numbers["M4"]!, numbers["M5"]!])
        XCTAssertEqual(try listed(["--from", "2026-11-01", "--to", "2026-11-30", "--state", "已办结"]), [numbers["M2"]!, numbers["M3"]!])
        let badState = try GridroomCLI.run(["cases", "--state", "lost"], db: db, now: now)
        XCTAssertEqual(badState.status, 2); XCTAssertTrue(badState.err.contains("closed ("), badState.err)

        // Scores (default sheet). HWZ: tier 1+ → 4; 80 × 0.3 = 24; 60 × 0.3 = 18; (100 − 25) × 0.3 = 22.5: 68.50.
        // W001: 有效上报率 32/32 → 25; no 应报未报 → 25; patrol days 61/92 = 66.30% → 16.58; 32 of 30 → capped 100% → 25: 91.58.
        let scores = try ok(["report", "scores", "--quarter", "2026Q4"], now: now)
        let hwz = scores.split(separator: "\n").first { $0.contains("HWZ") }.map(String.init) ?? scores
        XCTAssertTrue(hwz.contains(" 68.50 ") && hwz.contains("办件量 5 件 → 4.00") && hwz.contains("结案率 80.00% × 0.30 = 24.00")
                      && hwz.contains("100−返工率 75.00% × 0.30 = 22.50"), hwz)
        let ws = try ok(["report", "scores", "--quarter", "2026Q4", "--of", "worker"], now: now)
        let w001 = ws.split(separator: "\n").first { $0.contains("W001") }.map(String.init) ?? ws
        XCTAssertTrue(w001.contains(" 91.58 ") && w001.contains("巡查达标天数率 66.30% × 0.25 = 16.58"), w001)

        // The red list of the quarter gives W001's reason; a range that is not whole months is refused for compliance.
        let rb = try ok(["report", "redblack", "--quarter", "2026Q4", "--size", "3"], now: now)
        XCTAssertTrue(rb.contains("巡查达标 61/92 天，日均 123.0 分钟（标准 120）"), rb)
        XCTAssertTrue(rb.contains("上报 32/30 件"), rb)
        let partial = try GridroomCLI.run(["report", "compliance", "--from", "2026-11-03", "--to", "2026-11-30"], db: db, now: now)
        XCTAssertEqual(partial.status, 2, partial.err)
    }

    /// Mid-quarter (15 December): provisional, graded on pace ⌈10 × (31/31 + 30/30 + 14/31)⌉ = ⌈24.52⌉ = 25.
    /// On the 2nd of a month a worker with 1 report (pace ⌈10 × 1/31⌉ = 1) is not graded 不合格 on reports.
    func testARunningPeriodIsProvisionalAndGradedOnPace() throws {
        try ok(["init", "--demo"], now: "2026-09-30T08:00")
        try intake("M1", at: "2026-12-01T09:00")
        var patrols = "worker,grid,start,end\nW001,DH-01-01,2026-12-01T08:00,2026-12-01T10:00\n"
        patrols += "W003,DH-01-03,2026-12-01T08:00,2026-12-01T10:00\n"
        let file = dir.appendingPathComponent("p.csv").path
        try patrols.write(toFile: file, atomically: true, encoding: .utf8)
        try ok(["import", "patrols", file], now: "2026-12-02T08:00")
        // The 2nd of December: one completed day, W001's 1 report meets the pace of 1.
        let m = try json(["report", "compliance", "--month", "2026-12", "--by", "worker"], now: "2026-12-02T09:00")
        XCTAssertEqual(m["provisional"] as? Bool, true); XCTAssertEqual(m["grade_report_target"] as? Int, 1)
        let ws = byCode(m["workers"], "worker")
        XCTAssertEqual(ws["W001"]?["grade"] as? String, "pass")
        // W003 patrolled but reported nothing: 0 of a pace of 1 is still short.
        XCTAssertEqual(ws["W003"]?["grade"] as? String, "fail")
        XCTAssertTrue(try ok(["report", "compliance", "--month", "2026-12"], now: "2026-12-02T09:00").contains("暂定"))
        // Mid-quarter.
        let q = try json(["report", "compliance", "--quarter", "2026Q4", "--by", "worker"], now: "2026-12-15T12:00")
        XCTAssertEqual(q["provisional"] as? Bool, true)
        XCTAssertEqual(q["grade_report_target"] as? Int, 25)
        XCTAssertTrue(try ok(["report", "compliance", "--quarter", "2026Q4"], now: "2026-12-15T12:00").contains("暂定"))
        XCTAssertEqual(try json(["report", "evaluation", "--quarter", "2026Q4"], now: "2026-12-15T12:00")["provisional"] as? Bool, true)
    }
}
