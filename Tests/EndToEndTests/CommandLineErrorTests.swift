import XCTest
import GridStore

/// Guarantee 3 (issue 8) at the command line: bad values (a sample across every command) get a usage error
/// (exit 2) naming the value; a bad
/// import file is refused whole (exit 1) with its line numbers and the database unchanged, or split with
/// `--skip-invalid`.
final class CommandLineErrorTests: XCTestCase {
    var h: GridroomHarness!
    override func setUpWithError() throws { h = try GridroomHarness("cli-errors") }
    override func tearDown() { h?.remove() }

    func testBadValuesAreUsageErrorsNamingTheValue() throws {
        try h.ok(["init", "--demo"])
        try h.ok(["case", "new", "--source", "hotline", "--grid", "DH-01-01", "--category", "SR03", "--title", "油污"])
        let before = try DatabaseDump.tables(path: h.db)
        let cases: [([String], String)] = [
            (["case", "new", "--source", "pigeon", "--grid", "DH-01-01", "--category", "SR03", "--title", "x"], "--source pigeon"),
            (["case", "urge", "20261122-0001", "--level", "purple", "--note", "x"], "--level purple"),
            (["case", "extend", "20261122-0001", "--days", "many", "--note", "x"], "--days many"),
            (["case", "dispatch", "20261122-0001", "--version", "abc"], "--version abc"),
            (["cases", "--format", "xml"], "--format xml"),
            (["patrol", "add", "--worker", "W001", "--grid", "DH-01-01", "--start", "25:00", "--end", "2026-11-22T08:00"], "--start 25:00"),
            (["patrol", "list", "--day", "2026-02-30"], "--day 2026-02-30"),
            (["calendar", "--year", "99999"], "--year 99999"),
            (["calendar", "due", "--from", "yesterday", "--limit", "3wd"], "--from yesterday"),
            (["calendar", "due", "--from", "2026-11-22T09:00:00+08:00", "--limit", "3weeks"], "--limit 3weeks"),
            (["calendar", "set", "2026-13-45", "--workday", "0", "--name", "x"], "2026-13-45"),
            (["calendar", "set", "2026-12-01", "--workday", "2", "--name", "x"], "--workday 2"),
            (["staff", "add", "x", "--name", "y", "--role", "boss"], "--role boss"),
            (["staff", "frobnicate"], "staff frobnicate"),
            (["--lang", "fr", "staff", "list"], "--lang fr"),
            (["--now", "notatime", "staff", "list"], "--now notatime"),
            (["grids", "--format", "xml"], "--format xml"),
            (["demo", "generate", "--grids", "-5"], "--grids -5"),
            (["demo", "generate", "--matters", "many"], "--matters many"),
            (["staff", "list", "--colour", "red"], "--colour"),
            (["import", "nonsense", "f.csv"], "nonsense"),
            (["import", "grids"], "FILE.csv"),
            (["init", "--timezone", "Mars/Base"], "Mars/Base"),
            (["frobnicate"], "frobnicate"),
        ]
        for (args, named) in cases {
            let r = try h.run(args)
            XCTAssertEqual(r.status, 2, "\(args): \(r.err)")
            XCTAssertTrue(r.err.hasPrefix("gridroom: ") && r.err.contains(named), "\(args): \(r.err)")
        }
        XCTAssertEqual(try DatabaseDump.tables(path: h.db), before)
    }

    /// The parser through the binary: global options after the command, a value that starts with `--`, a
    /// switch of one command unknown to another, a missing value; each mistake exits 2 naming the option.
    func testParserThroughTheBinary() throws {
        try h.ok(["init", "--demo"])
        // --db after the command: the argv puts `--db PATH` first, a later one wins.
        let other = h.dir.appendingPathComponent("other.sqlite").path
        try h.ok(["init", "--rehearsal"], db: other)
        let r = try h.run(["grids", "--db", h.db, "--format", "csv"], db: other)
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("DH-01-01"), "the demo file was read, not the empty one: \(r.out.prefix(200))")
        XCTAssertFalse(try h.ok(["grids", "--format", "csv"], db: other).contains("DH-01-01"))
        try h.ok(["case", "new", "--source", "hotline", "--grid", "DH-01-01", "--category", "SR03", "--title", "--油污--"])
        XCTAssertTrue(try h.ok(["case", "show", "20261122-0001"]).contains("--油污--"))
        // In the default language (zh) and in English.
        for (args, zh, en) in [(["cases", "--pass"], "选项 --pass 需要一个值", "option --pass needs a value"),
                               (["cases", "--pass", "x"], "未知选项 --pass", "unknown option --pass"),
                               (["cases", "--open=yes"], "--open 是开关，不带值（给了 yes）", "--open is a switch and takes no value (given yes)"),
                               (["--open", "cases"], "未知选项 --open", "unknown option --open"),
                               (["grids", "--format"], "选项 --format 需要一个值", "option --format needs a value"),
                               (["grids", "--format", "xml"], "--format xml：应为以下之一：table, csv, json", "--format xml: expected one of table, csv, json"),
                               (["workers", "W001"], "多余的参数 W001", "unexpected argument W001"),
                               // A command's own usage errors speak the language too.
                               (["report", "evaluation", "--month", "2026-13"], "--month 2026-13：应为 YYYY-MM，例如 2026-11",
                                "--month 2026-13: expected YYYY-MM, e.g. 2026-11"),
                               (["staff", "promote"], "staff promote：应为 add、list、set-role、deactivate 或 activate",
                                "staff promote: expected add, list, set-role, deactivate or activate"),
                               (["cases", "--from", "2026-11-30", "--to", "2026-11-01"], "--from 2026-11-30 晚于 --to 2026-11-01",
                                "--from 2026-11-30 is after --to 2026-11-01")] {
            let e = try h.run(args)
            XCTAssertEqual(e.status, 2, "\(args): \(e.err)")
            XCTAssertEqual(e.err, "gridroom: \(zh)\n", "\(args)")
            let english = try h.run(["--lang", "en"] + args)
            XCTAssertEqual(english.status, 2, "\(args): \(english.err)")
            XCTAssertEqual(english.err, "gridroom: \(en)\n", "\(args)")
        }
    }

    /// A GBK file with CRLF line ends and two bad rows (lines 3 and 5): refused, both lines named, nothing written,
    /// not even an import-log entry. With --skip-invalid: two rows written, two in the rejects file.
    func testBadImportFileIsRefusedWholeThenSplit() throws {
        try h.ok(["init", "--demo"])
        let before = try DatabaseDump.tables(path: h.db)
        // code,name,platform in GBK; line 3 has an unknown platform, line 5 a duplicate of line 2's code.
        let text = "code,name,platform\r\nJZ2,执法二队,enforcement\r\nXX,某部门,无此平台\r\nBM2,便民二站,services\r\nJZ2,重复,market\r\n"
        let gbk = GridroomHarness.gb18030(text)
        let path = h.dir.appendingPathComponent("depts.csv").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: gbk))
        XCTAssertNil(String(data: gbk, encoding: .utf8), "the file must really be GBK, not UTF-8")
        // In the default language (zh): each column's Chinese heading beside its code, the problem in Chinese.
        let r = try h.run(["import", "departments", path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("\(path):3: platform（平台）：\"无此平台\"：应为 "), r.err)
        XCTAssertTrue(r.err.contains("\(path):5: code（编码）：编码 JZ2 重复：第 2 行也有"), r.err)
        XCTAssertTrue(r.err.contains("\(path):2: code（编码）：编码 JZ2 重复：第 5 行也有"), r.err)
        XCTAssertTrue(r.err.contains("\(path)：已拒绝，未写入任何数据（3 行有误）；请改正或用 --skip-invalid"), r.err)
        XCTAssertFalse(r.err.contains("expected") || r.err.contains("duplicate") || r.err.contains("rejected"), r.err)
        // In English.
        let en = try h.run(["--lang", "en", "import", "departments", path])
        XCTAssertEqual(en.status, 1)
        XCTAssertTrue(en.err.contains("\(path):3: platform: \"无此平台\": expected "), en.err)
        XCTAssertTrue(en.err.contains("\(path):5: code: duplicate code JZ2: also on line 2"), en.err)
        XCTAssertTrue(en.err.contains("\(path): rejected, nothing written (3 bad rows); fix them or use --skip-invalid"), en.err)
        XCTAssertEqual(try DatabaseDump.tables(path: h.db), before, "a refused import changes nothing, the import log included")

        let s = try h.run(["import", "departments", path, "--skip-invalid"])
        XCTAssertEqual(s.status, 0, s.err)
        XCTAssertTrue(s.out.contains("共 4 行 — 写入 1，未变 0，拒收 3"), s.out)
        let rejects = try String(contentsOfFile: h.dir.appendingPathComponent("depts.rejects.csv").path, encoding: .utf8)
        XCTAssertEqual(rejects.split(separator: "\n").count, 4, rejects)   // header + lines 2, 3, 5
        XCTAssertTrue(rejects.hasPrefix("code,name,platform,原因\n") || rejects.hasPrefix("\u{FEFF}code,name,platform,原因\n"), rejects)
        XCTAssertTrue(rejects.contains("第 3 行：platform："), rejects)
        let db = try h.open()
        XCTAssertEqual(try db.count("SELECT count(*) FROM departments WHERE code IN ('BM2', 'JZ2', 'XX')"), 1)
        XCTAssertEqual(try db.first("SELECT rows_total || ',' || rows_written || ',' || rows_rejected || ',' || complete FROM import_log ORDER BY id DESC LIMIT 1") { $0.text(0) }, "4,1,3,1")
    }
}
