import XCTest
import GridStore

/// Guarantee 1 (issue 8): several writers at once. Three writer processes (registry and patrol imports; matter
/// intake and moves; department and matter imports), three reader processes (check; matter and worker lists;
/// staff list, import log and patrol list) and a live console in tmux run on one file at the same time for 30 s (`GRIDROOM_CONCURRENCY_SECONDS` to change). No process may fail (a locking
/// error would make one exit non-zero); every acknowledged write (exit 0) is present afterwards with exact counts;
/// `PRAGMA integrity_check` and `gridroom check` pass.
final class ConcurrencyTests: XCTestCase {
    /// Failures and acknowledgements, shared by the worker threads.
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var failures: [String] = []
        private(set) var acked: [String: Int] = [:]
        private(set) var runs = 0
        func fail(_ what: String) { lock.lock(); failures.append(what); lock.unlock() }
        func ack(_ key: String, _ n: Int = 1) { lock.lock(); acked[key, default: 0] += n; lock.unlock() }
        func ran() { lock.lock(); runs += 1; lock.unlock() }
    }

    func testThreeWritersAndThreeReadersForThirtySeconds() throws {
        let h = try GridroomHarness("concurrency", language: "en"); defer { h.remove() }
        try h.ok(["init", "--demo"])
        let seconds = Double(ProcessInfo.processInfo.environment["GRIDROOM_CONCURRENCY_SECONDS"] ?? "") ?? 30
        let base: (workers: Int, departments: Int, staff: Int, days: Int, staffAudit: Int, dayAudit: Int,
                   matters: Int, events: Int, closed: Int, patrols: Int) = try {
            let db = try h.open()
            return (try db.count("SELECT count(*) FROM workers"), try db.count("SELECT count(*) FROM departments"),
                    try db.count("SELECT count(*) FROM staff"), try db.count("SELECT count(*) FROM calendar_days"),
                    try db.count("SELECT count(*) FROM audit WHERE action = 'staff_add'"),
                    try db.count("SELECT count(*) FROM audit WHERE action = 'calendar_set'"),
                    try db.count("SELECT count(*) FROM matters"), try db.count("SELECT count(*) FROM events"),
                    try db.count("SELECT count(*) FROM matters WHERE state = 'closed'"), try db.count("SELECT count(*) FROM patrols"))
        }()
        let log = Log()
        let stop = Date().addingTimeInterval(seconds)

        /// Runs `args`; a non-zero exit is a failure (a busy database would show here), exit 0 an acknowledgement.
        @Sendable func step(_ args: [String], ack key: String? = nil, rows: Int = 1, expect: String? = nil) {
            log.ran()
            do {
                let r = try h.run(args)
                if r.status != 0 || r.signalled {
                    log.fail("gridroom \(args.joined(separator: " ")) → \(r.status): \(r.err)")
                } else {
                    if let key { log.ack(key, rows) }
                    if let expect, !r.out.contains(expect) { log.fail("gridroom \(args.joined(separator: " ")): no \"\(expect)\" in \(r.out.prefix(300))") }
                }
            } catch { log.fail("\(args): \(error)") }
        }

        var tasks: [@Sendable () -> Void] = []
        // Writer 1: registry and patrol imports in turn: 20 new workers, or 20 new patrol sessions, per file.
        tasks.append {
            var i = 0
            let iso = ISO8601DateFormatter()
            while Date() < stop {
                if i % 2 == 0 {
                    let f = try! h.file("w\(i).csv", GridroomHarness.workersCSV(prefix: "C\(i)-", count: 20))
                    step(["import", "workers", f], ack: "workers", rows: 20)
                } else {
                    // Sessions of 1 minute every 2 minutes from 2026-01-01 00:00 UTC, each file its own 40 minutes
                    // (room for 11,000 files before the fixed "now" of 2026-11-22).
                    var text = "worker,grid,start,end\n"
                    for j in 0..<20 {
                        let start = Date(timeIntervalSince1970: 1_767_225_600 + Double((i * 20 + j) * 120))
                        text += "W00\(1 + j % 9),DH-01-0\(1 + j % 5),\(iso.string(from: start)),\(iso.string(from: start.addingTimeInterval(60)))\n"
                    }
                    step(["import", "patrols", try! h.file("p\(i).csv", text)], ack: "patrols", rows: 20)
                }
                i += 1
            }
        }
        // Writer 2: matters from intake to close through the CLI, one short transaction per command;
        // every fourth writes a staff account or a calendar day instead.
        tasks.append {
            var i = 0
            while Date() < stop {
                i += 1
                if i % 4 == 0 {
                    if i % 8 == 0 {
                        step(["staff", "add", "c\(i)", "--name", "值班员\(i)", "--role", "operator"], ack: "staff")
                    } else {
                        let date = String(format: "2027-%02d-%02d", 1 + (i / 8) / 28 % 12, 1 + (i / 8) % 28)
                        step(["calendar", "set", date, "--workday", "0", "--name", "停\(i)"], ack: "days:" + date)
                    }
                    continue
                }
                log.ran()
                guard let r = try? h.run(["case", "new", "--source", "hotline", "--grid", "DH-01-0\(1 + i % 5)", "--category", "SR03",
                                          "--title", "并发\(i)"]), r.status == 0,
                      let number = r.out.split(separator: " ").dropFirst(2).first.map(String.init) else {
                    log.fail("case new \(i) failed"); continue
                }
                log.ack("matters"); log.ack("events")
                step(["case", "dispatch", number], ack: "events")
                step(["case", "feedback", number, "--note", "已处置"], ack: "events")
                step(["case", "verify", number, "--pass"], ack: "events")
                log.ack("closed")
            }
        }
        // Writer 3: department imports (5 new departments) and matter imports (5 new matters), in turn.
        tasks.append {
            var i = 0
            while Date() < stop {
                if i % 2 == 0 {
                    var text = "code,name,platform\n"
                    for j in 0..<5 { text += "D\(i)-\(j),部门\(i)-\(j),services\n" }
                    step(["import", "departments", try! h.file("d\(i).csv", text)], ack: "departments", rows: 5)
                } else {
                    var text = "reported_at,source,reporter,grid,category,urgency,title,description,location\n"
                    for j in 0..<5 { text += "2026-11-22T08:\(String(format: "%02d", j)),hotline,,DH-02-01,SR01,,导入\(i)-\(j),,\n" }
                    step(["import", "cases", try! h.file("m\(i).csv", text)], ack: "imported", rows: 5)
                }
                i += 1
            }
        }
        // Readers: the integrity and recount check, the registry listings and the import log, the staff list.
        tasks.append { while Date() < stop { step(["check"], expect: "integrity: ok") } }
        tasks.append { while Date() < stop { step(["cases", "--format", "csv"], expect: "number,"); step(["workers", "--format", "csv"], expect: "code,name") } }
        tasks.append { while Date() < stop { step(["staff", "list"], expect: "root"); step(["imports", "--format", "csv"]); step(["patrol", "list", "--day", "2026-01-01"]) } }

        // And a live console in tmux watching it all: it must never show an error, and must quit cleanly after.
        final class Console: @unchecked Sendable { var session: TmuxSession?; var samples = 0 }
        let console = Console()
        console.session = try? TmuxSession(command: "env -u GRIDROOM_DB -u GRIDROOM_NOW LANG=C.UTF-8 '\(GridroomHarness.binary)' "
                                           + "--db '\(h.db)' --now \(GridroomHarness.now) --lang en; echo CONSOLE-EXIT=$?; sleep 60")
        if let t = console.session { _ = try t.wait(for: "1 Overview", timeout: 5) }
        tasks.append {
            guard let t = console.session else { return }
            while Date() < stop {
                if let screen = try? t.screen() {
                    console.samples += 1
                    if screen.contains("Error: ") || screen.contains("CONSOLE-EXIT") { log.fail("console: \(screen)") }
                }
                usleep(500_000)
            }
        }

        // One thread each (the shared dispatch pool may hold a seventh blocking task back).
        let group = DispatchGroup()
        for t in tasks {
            group.enter()
            Thread { t(); group.leave() }.start()
        }
        group.wait()
        if let t = console.session {
            try t.keys("q")
            if (try? t.wait(for: "CONSOLE-EXIT=0", timeout: 2)) == nil { try t.keys("q"); try t.wait(for: "CONSOLE-EXIT=0") }
            XCTAssertGreaterThan(console.samples, Int(seconds))
        }

        XCTAssertEqual(log.failures.count, 0, log.failures.prefix(5).joined(separator: "\n"))
        let db = try h.open()
        XCTAssertEqual(try db.integrity(), "ok")
        let days = log.acked.keys.filter { $0.hasPrefix("days:") }
        let acked = log.acked
        XCTAssertEqual(try db.count("SELECT count(*) FROM workers"), base.workers + (acked["workers"] ?? 0))
        XCTAssertEqual(try db.count("SELECT count(*) FROM departments"), base.departments + (acked["departments"] ?? 0))
        XCTAssertEqual(try db.count("SELECT count(*) FROM staff"), base.staff + (acked["staff"] ?? 0))
        XCTAssertEqual(try db.count("SELECT count(*) FROM calendar_days"), base.days + Set(days).count)
        // Every acknowledged import is complete in the log; none is left incomplete.
        XCTAssertEqual(try db.count("SELECT count(*) FROM import_log WHERE complete = 0"), 0)
        XCTAssertEqual(try db.count("SELECT coalesce(sum(rows_written), 0) FROM import_log WHERE file_name LIKE ?", [.text(h.dir.path + "/%")]),
                       (acked["workers"] ?? 0) + (acked["departments"] ?? 0) + (acked["imported"] ?? 0) + (acked["patrols"] ?? 0))
        XCTAssertEqual(try db.count("SELECT count(*) FROM patrols"), base.patrols + (acked["patrols"] ?? 0))
        // Matters: every acknowledged intake (typed or imported) and every acknowledged move is in the history.
        XCTAssertEqual(try db.count("SELECT count(*) FROM matters"), base.matters + (acked["matters"] ?? 0) + (acked["imported"] ?? 0))
        // (Readers record a breach once when they first see a matter overdue: the imported matters, reported at 08:0x
        // with 30 minutes to dispatch, are overdue at 09:00. Those "overdue" events are counted apart.)
        XCTAssertEqual(try db.count("SELECT count(*) FROM events WHERE kind <> 'overdue'"),
                       base.events + (acked["events"] ?? 0) + (acked["imported"] ?? 0))
        XCTAssertEqual(try db.count("SELECT count(*) FROM (SELECT matter_id, stage FROM events WHERE kind = 'overdue' GROUP BY 1, 2 HAVING count(*) > 1)"),
                       0, "a breach recorded twice")
        XCTAssertEqual(try db.count("SELECT count(*) FROM matters WHERE state = 'closed'"), base.closed + (acked["closed"] ?? 0))
        XCTAssertEqual(try db.count("""
            SELECT count(*) FROM matters m
            WHERE (SELECT count(*) FROM events e WHERE e.matter_id = m.id AND e.kind = 'intake') <> 1
               OR NOT EXISTS (SELECT 1 FROM stages s WHERE s.matter_id = m.id)
               OR m.version <> (SELECT count(*) FROM events e WHERE e.matter_id = m.id AND e.kind <> 'overdue')
            """), 0, "half-written or lost-update matters")
        // Each acknowledged staff and calendar write left exactly one audit row.
        XCTAssertEqual(try db.count("SELECT count(*) FROM audit WHERE action = 'staff_add'"), base.staffAudit + (acked["staff"] ?? 0))
        XCTAssertEqual(try db.count("SELECT count(*) FROM audit WHERE action = 'calendar_set'"), base.dayAudit + days.reduce(0) { $0 + acked[$1]! })
        let check = try h.run(["check"])
        XCTAssertEqual(check.status, 0, check.out + check.err)
        print("ConcurrencyTests: \(log.runs) commands in \(Int(seconds)) s, acknowledged \(acked.filter { !$0.key.hasPrefix("days:") }) and \(days.count) calendar days; console screen sampled \(console.samples) times")
        // Enough happened for the test to mean something.
        XCTAssertGreaterThan(log.runs, Int(seconds) * 10)
    }
}
