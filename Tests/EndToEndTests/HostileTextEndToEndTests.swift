import XCTest
import GridCore

/// The terminal cannot be driven by stored text (issue 13 §2): the attacks are refused at every
/// command-line input with the field's name, and what is planted in the file by SQL prints escaped.
final class HostileTextEndToEndTests: XCTestCase {
    var dir: URL!
    var db: String { dir.appendingPathComponent("t.sqlite").path }

    override func setUpWithError() throws {
        try GridroomCLI.requireBinary()
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-e2e-text-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { if let dir { try? FileManager.default.removeItem(at: dir) } }

    @discardableResult
    func run(_ args: [String], now: String = "2026-11-20T16:00") throws -> (status: Int32, out: String, err: String) {
        try GridroomCLI.run(args, db: db, now: now)
    }

    let leak = "Leak\u{1B}]2;PWNED\u{07}\u{1B}[2J\u{1B}[H"

    func testControlCharactersAreRefusedAtEveryCommandLineInput() throws {
        XCTAssertEqual(try run(["init", "--demo"], now: "2026-11-20T08:00").status, 0)
        let base = ["case", "new", "--source", "grid_worker", "--reporter", "W001", "--grid", "DH-01-01", "--category", "SR03"]
        // The refusal in the default language (zh) names the field by its heading.
        let attacks: [([String], String, String)] = [
            (base + ["--title", leak], "标题：第 5 个字符是", "U+001B（ESC）"),
            (base + ["--title", "CLI" + String(repeating: "\u{08}", count: 30) + "X"], "标题：第 4 个字符是", "U+0008（退格）"),
            (base + ["--title", "ok", "--description", "a\u{1B}[2Jb"], "描述：第 2 个字符是", "U+001B"),
            (base + ["--title", "ok", "--location", "东湖\u{202E}村"], "地点：第 3 个字符是", "U+202E（文字方向控制符）"),
            (base + ["--title", "ok\tx"], "标题：第 3 个字符是", "U+0009（制表符）"),
            (["staff", "add", "bob", "--name", "Bob\u{1B}[H", "--role", "operator"], "名称：第 4 个字符是", "U+001B"),
        ]
        for (args, field, cp) in attacks {
            let r = try run(args)
            XCTAssertEqual(r.status, 1, "\(args.debugDescription): \(r.out)")
            XCTAssertTrue(r.err.contains("\(field) \(cp)"), r.err)
        }
        // Nothing of it was written.
        XCTAssertTrue(try run(["cases", "--format", "csv"]).out.split(separator: "\n").count == 1)
        // A ZWJ emoji sequence and a multi-line description are fine.
        let ok = try run(base + ["--title", "👨‍👩‍👧 家庭纠纷", "--description", "第一行\n第二行"])
        XCTAssertEqual(ok.status, 0, ok.err)
        // The history note of a move: 42 backspaces and a fake history line.
        let fake = String(repeating: "\u{08}", count: 42) + "verify_pass  supervisor1  ALL DONE"
        XCTAssertEqual(try run(["case", "dispatch", "20261120-0001"]).status, 0)
        let note = try run(["case", "feedback", "20261120-0001", "--note", fake])
        XCTAssertEqual(note.status, 1)
        XCTAssertTrue(note.err.contains("说明：第 1 个字符是 U+0008（退格）"), note.err)
        let en = try run(["--lang", "en", "case", "feedback", "20261120-0001", "--note", fake])
        XCTAssertTrue(en.err.contains("note: contains U+0008 (backspace) at character 1"), en.err)
        // An importer refuses the column and quotes the value escaped: the error output drives nothing either.
        let csv = dir.appendingPathComponent("grids.csv")
        try "code,name,level,parent,row,col\nX\u{1B}[2J,东湖\u{1B}]2;PWNED\u{07},basic,DH-01,,\n".write(to: csv, atomically: true, encoding: .utf8)
        let imp = try run(["import", "grids", csv.path])
        XCTAssertEqual(imp.status, 1)
        XCTAssertTrue(imp.err.contains(":2: name（名称）：第 3 个字符是 U+001B（ESC）"), imp.err)
        XCTAssertTrue(imp.err.contains(":2: code（编码）：第 2 个字符是 U+001B（ESC）"), imp.err)
        let impEn = try run(["--lang", "en", "import", "grids", csv.path])
        XCTAssertTrue(impEn.err.contains(":2: name: contains U+001B (escape)"), impEn.err)
        XCTAssertTrue(impEn.err.contains(":2: code: contains U+001B (escape)"), impEn.err)
        XCTAssertFalse((imp.err + imp.out).unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, imp.err.debugDescription)
    }

    func testPlantedControlsPrintEscaped() throws {
        XCTAssertEqual(try run(["init", "--demo"], now: "2026-11-20T08:00").status, 0)
        XCTAssertEqual(try run(["case", "new", "--source", "grid_worker", "--reporter", "W001", "--grid", "DH-01-01",
                                "--category", "SR03", "--title", "placeholder"]).status, 0)
        // Past every input check: straight into the file.
        let sql = "UPDATE matters SET title = '\(leak)', description = 'CLI' || replace(hex(zeroblob(30)), '00', char(8)) || 'X';"
            + "INSERT INTO events(matter_id, at, kind, to_state, actor, note) SELECT matter_id, at, 'comment', to_state, actor, "
            + "replace(hex(zeroblob(42)), '00', char(8)) || 'verify_pass  supervisor1  ALL DONE' FROM events LIMIT 1;"
            + "UPDATE staff SET name = 'Adm' || char(27) || '[2J' WHERE role = 'admin';"
            + "UPDATE matters SET location = 'abc' || char(8238) || 'def' || char(155) || '2J';"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [db, sql]
        try p.run(); p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        for args in [["case", "show", "20261120-0001"], ["cases"], ["cases", "--format", "csv"],
                     ["staff", "list"], ["staff", "list", "--format", "csv"]] {
            let r = try run(args)
            XCTAssertEqual(r.status, 0, r.err)
            XCTAssertFalse(r.out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x08 || $0.value == 0x07 },
                           "\(args): \(r.out.debugDescription)")
        }
        // JSON keeps the data (it reads back the same) without a raw override or C1 control in the bytes.
        let json = try run(["case", "show", "20261120-0001", "--format", "json"]).out
        XCTAssertFalse(json.unicodeScalars.contains { TextSafety.isDangerous($0) }, json)
        XCTAssertTrue(json.contains("abc\\u202edef\\u009b2J"), json)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(object["location"] as? String, "abc\u{202E}def\u{9B}2J")
        XCTAssertEqual(object["title"] as? String, leak)
        let show = try run(["case", "show", "20261120-0001"]).out
        XCTAssertTrue(show.contains("Leak^[]2;PWNED^G^[[2J^[[H"), show)
        XCTAssertTrue(show.contains("CLI" + String(repeating: "^H", count: 30) + "X"), show)
        XCTAssertTrue(show.contains(String(repeating: "^H", count: 42) + "verify_pass  supervisor1  ALL DONE"), show)
    }
}
