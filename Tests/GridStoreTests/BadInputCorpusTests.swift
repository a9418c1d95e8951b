import XCTest
import GridCore
@testable import GridStore

/// Guarantee 3 (issue 8), at the store: a corpus of malformed files for every import kind (grids, workers,
/// departments, categories, cases, patrols). Each is
/// rejected whole with the exact line numbers planted, the database unchanged (every table, the import log and
/// the audit trail compared row for row); or, with `--skip-invalid`, split into written rows and a rejects file.
final class BadInputCorpusTests: XCTestCase {
    typealias Importer = (Store, String, ImportOptions, Actor, Date) throws -> ImportReport

    struct Kind {
        let name: String
        let header: String
        /// Three valid rows (new codes) against the fixture's registry.
        let good: [String]
        /// A row naming a code that exists nowhere.
        let unknownCode: String
        /// The table the rows go to.
        var table: String { name == "cases" ? "matters" : name }
        /// Keyed by code (a second row with the same code but other values is a duplicate); else keyed by the whole row.
        var keyedByCode: Bool { name != "cases" && name != "patrols" }
        let run: Importer
    }

    let kinds: [Kind] = [
        Kind(name: "grids", header: "code,name,level,parent,row,col",
             good: ["B3,东村三组,basic,A1,2,1", "B4,东村四组,basic,A1,2,2", "A2,西村,area,T,,"],
             unknownCode: "B5,东村五组,basic,NOPE,,") { try $0.importGrids(path: $1, options: $2, actor: $3, now: $4) },
        Kind(name: "workers", header: "code,name,phone,kind,grid,partner",
             good: ["W2,李四,13912345678,full,B2,", "W3,王五,13912345679,full,B1,", "W4,赵六,0571-86001234,full,B2,"],
             unknownCode: "W5,钱七,13912345670,full,B404,") { try $0.importWorkers(path: $1, options: $2, actor: $3, now: $4) },
        Kind(name: "departments", header: "code,name,platform",
             good: ["JZ,综合执法队,enforcement", "BM,便民服务中心,services", "QZX,区指挥中心,district"],
             unknownCode: "XX,某部门,nowhere") { try $0.importDepartments(path: $1, options: $2, actor: $3, now: $4) },
        Kind(name: "categories", header: "code,name,major,department,urgency,dispatch_limit,handle_limit,verify_limit,dispute",
             good: ["C2,违章搭建,违法建设,ZZB,urgent,10min,2h,1wd,0", "C3,噪声扰民,环境保护,ZZB,normal,30min,4wh,1wd,0",
                    "C4,邻里纠纷,矛盾纠纷,SCJ,normal,30min,5wd,2wd,1"],
             unknownCode: "C5,x,y,NODEPT,normal,30min,3wd,1wd,0") { try $0.importCategories(path: $1, options: $2, actor: $3, now: $4) },
        Kind(name: "cases", header: "reported_at,source,reporter,grid,category,urgency,title,description,location",
             good: ["2026-11-21T08:00,hotline,,B1,C1,,路面油污,,", "2026-11-21T09:00,public,,B2,C1,urgent,占道经营,摊位,东门",
                    "2026-11-22T08:00:00+08:00,grid_worker,W1,B1,C1,,垃圾堆放,,"],
             unknownCode: "2026-11-21T08:00,hotline,,B404,C1,,无此网格,,") { try $0.importCases(path: $1, options: $2, actor: $3, now: $4) },
        Kind(name: "patrols", header: "worker,grid,start,end",
             good: ["W1,B1,2026-11-21T08:00,2026-11-21T10:00", "W1,B2,2026-11-21T14:00,2026-11-21T15:30",
                    "W1,B1,2026-11-22T07:00:00+08:00,2026-11-22T08:00:00+08:00"],
             unknownCode: "W404,B1,2026-11-21T08:00,2026-11-21T09:00") { try $0.importPatrols(path: $1, options: $2, actor: $3, now: $4) },
    ]

    var fx: ReliabilityFixture!
    override func setUpWithError() throws { fx = try ReliabilityFixture(name: "corpus") }
    override func tearDown() { fx = nil }

    /// The line numbers of `file:LINE: …` problems.
    func lines(_ problems: [String], file: String) -> [Int] {
        problems.compactMap { p in
            guard p.hasPrefix(file + ":") else { return nil }
            return Int(p.dropFirst(file.count + 1).prefix { $0.isNumber })
        }
    }

    /// Imports `bytes` as `kind`; it must be refused with problems on exactly `expected` lines (each problem
    /// mentioning `mentioning`), and leave every table as it was.
    func assertRefused(_ kind: Kind, _ label: String, _ bytes: [UInt8], lines expected: [Int], mentioning: String? = nil,
                       line: UInt = #line) throws {
        let path = fx.file("\(kind.name)-\(label).csv", bytes: bytes)
        let before = try fx.dump()
        do {
            let r = try kind.run(fx.store, path, ImportOptions(), fx.admin, fx.now)
            XCTFail("\(kind.name) \(label): accepted, \(r.rowsWritten) rows written", line: line)
        } catch let e as ImportError {
            let problems: [String]
            switch e {
            case let .unreadable(m): problems = [m.en]
            case .rejected: problems = e.problems
            }
            XCTAssertEqual(lines(problems, file: path), expected, "\(kind.name) \(label): \(problems)", line: line)
            if let mentioning {
                for p in problems { XCTAssertTrue(p.contains(mentioning), "\(kind.name) \(label): \(p)", line: line) }
            }
            // The same problems in Chinese carry no English words of the program's own (codes, values and
            // example formats from the file may stay).
            let zh = e.words(.zh).replacingOccurrences(of: path, with: "FILE")
            for word in ["expected", "empty", "unknown", "duplicate", "rejected", "fields", "contains", "line ", "the file", "not an"] {
                XCTAssertFalse(zh.contains(word), "\(kind.name) \(label): \"\(word)\" in \(zh)", line: line)
            }
        }
        XCTAssertEqual(try fx.dump(), before, "\(kind.name) \(label): the database changed", line: line)
    }

    func doc(_ kind: Kind, _ rows: [String], eol: String = "\n") -> [UInt8] {
        Array(([kind.header] + rows).map { $0 + eol }.joined().utf8)
    }

    /// `row` with field `i` replaced.
    func with(_ row: String, field i: Int, _ value: String) -> String {
        var f = row.components(separatedBy: ","); f[i] = value; return f.joined(separator: ",")
    }

    func testMalformedFilesAreRefusedWholeWithTheirLineNumbers() throws {
        for k in kinds {
            let g = k.good
            // Header: columns swapped.
            var h = k.header.components(separatedBy: ","); h.swapAt(0, 1)
            try assertRefused(k, "header", Array((h.joined(separator: ",") + "\n" + g[0] + "\n").utf8), lines: [1], mentioning: "wrong header")
            // Line 3 lacks its last column, line 4 has one too many.
            try assertRefused(k, "columns", doc(k, [g[0], String(g[1].dropLast(g[1].count - g[1].lastIndex(of: ",")!.utf16Offset(in: g[1]))),
                                                  g[2] + ",extra"]), lines: [3, 4], mentioning: "fields, expected")
            // Bad quoting: a quote inside an unquoted field (line 2); text after a closing quote (line 4).
            try assertRefused(k, "quote", doc(k, [with(g[0], field: 1, "东\"村"), g[1], with(g[2], field: 1, "\"名称\"x")]), lines: [2, 4])
            // A quote opened on line 3 never closes: the file cannot be read past it.
            try assertRefused(k, "unterminated", doc(k, [g[0], with(g[1], field: 1, "\"未闭合"), g[2]]), lines: [3], mentioning: "never closes")
            // A byte that is neither UTF-8 nor GB18030 on line 4.
            var bad = doc(k, [g[0], g[1]]); bad += [0x58, 0xFF, 0x0A]
            try assertRefused(k, "bytes", bad, lines: [4], mentioning: "neither UTF-8 nor GB18030")
            // Empty, and blank-only.
            try assertRefused(k, "empty", [], lines: [1], mentioning: "empty")
            try assertRefused(k, "blank", Array("\n\r\n  \n".utf8), lines: [1], mentioning: "empty")
            // A 1 MB field on line 3 (a runaway paste).
            try assertRefused(k, "huge", doc(k, [g[0], with(g[1], field: 1, String(repeating: "长", count: 350_000)), g[2]]),
                              lines: [3], mentioning: "bytes long")
            // A code that exists nowhere (line 3).
            try assertRefused(k, "unknown", doc(k, [g[0], k.unknownCode, g[2]]), lines: [3])
            // The same key on lines 2 and 4 (the same code with another name; for matters and patrols the same row).
            try assertRefused(k, "duplicate", doc(k, [g[0], g[1], k.keyedByCode ? with(g[0], field: 1, "重名") : g[0]]),
                              lines: [2, 4], mentioning: "duplicate")
            // BOM and CRLF do not move line numbers: the bad row is still line 3.
            try assertRefused(k, "bom-crlf", [0xEF, 0xBB, 0xBF] + doc(k, [g[0], k.unknownCode, g[2]], eol: "\r\n"), lines: [3])
        }
    }

    func testImpossibleTimeLimitsAreRefused() throws {
        let k = kinds[3]
        // 0 minutes (line 2), a negative number of working days (line 3), an unknown unit (line 4).
        try assertRefused(k, "times", doc(k, [with(k.good[0], field: 5, "0min"), with(k.good[1], field: 6, "-3wd"),
                                              with(k.good[2], field: 7, "3weeks")]), lines: [2, 3, 4], mentioning: "time limit")
    }

    func testImpossibleTimesInMattersAndPatrolsAreRefused() throws {
        let cases = kinds[4], patrols = kinds[5]
        // Fixture now: 2026-11-22 09:30 +08:00. Line 2 reported tomorrow; line 3 on 30 February; line 4 not a time.
        try assertRefused(cases, "times", doc(cases, [with(cases.good[0], field: 0, "2026-11-23T08:00"),
                                                      with(cases.good[1], field: 0, "2026-02-30T08:00"),
                                                      with(cases.good[2], field: 0, "yesterday")]), lines: [2, 3, 4], mentioning: "reported_at")
        // Line 2 ends before it starts; line 3 starts at 25:00; line 4 ends in the future.
        try assertRefused(patrols, "times", doc(patrols, ["W1,B1,2026-11-21T10:00,2026-11-21T08:00", "W1,B1,2026-11-21T25:00,2026-11-21T26:00",
                                                          "W1,B2,2026-11-22T09:00,2026-11-22T11:00"]), lines: [2, 3, 3, 4])
    }

    func testHundredThousandRowsWithOneBadRowAtTheEnd() throws {
        let k = kinds[2]
        // Lines 2…100,000 are good (99,999 rows); line 100,001 has an unknown platform.
        var text = k.header + "\n"
        for i in 1...99_999 { text += "D\(i),部门\(i),services\n" }
        text += "D100000,部门,nowhere\n"
        try assertRefused(k, "100k", Array(text.utf8), lines: [100_001], mentioning: "platform")
    }

    func testGoodFilesInEveryEncodingAreRead() throws {
        for k in kinds {
            let before = try fx.count(k.table)
            var variants: [(String, [UInt8], SourceEncoding)] = [("bom-crlf", [0xEF, 0xBB, 0xBF] + doc(k, k.good, eol: "\r\n"), .utf8BOM)]
            // (A patrols file is plain ASCII: the same bytes in every encoding.)
            if k.good.joined().contains(where: { !$0.isASCII }) {
                variants.append(("gbk", try gbk(String(decoding: doc(k, k.good), as: UTF8.self)), .gb18030))
            }
            for (label, bytes, encoding) in variants {
                let r = try k.run(fx.store, fx.file("\(k.name)-\(label)-ok.csv", bytes: bytes), ImportOptions(), fx.admin, fx.now)
                XCTAssertEqual(r.encoding, encoding, "\(k.name) \(label)")
                XCTAssertEqual(r.rowsTotal, 3, "\(k.name) \(label)")
            }
            // The first import wrote three rows, the second (same rows, other encoding) none: names decoded alike.
            XCTAssertEqual(try fx.count(k.table), before + 3, k.name)
        }
    }

    func testSkipInvalidSplitsIntoWrittenRowsAndARejectsFile() throws {
        for k in kinds {
            let path = fx.file("\(k.name)-skip.csv", bytes: doc(k, [k.good[1], k.unknownCode, k.good[2], with(k.good[0], field: 0, "")]))
            let before = try fx.count(k.table)
            let r = try k.run(fx.store, path, ImportOptions(skipInvalid: true), fx.admin, fx.now)
            // Lines 2 and 4 good; line 3 (unknown code) and line 5 (empty code) rejected.
            XCTAssertEqual([r.rowsTotal, r.rowsWritten, r.rowsRejected], [4, 2, 2], k.name)
            XCTAssertEqual(try fx.count(k.table), before + 2, k.name)
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: r.rejectsFile ?? "")))
            XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "rejects file starts with a BOM (for Excel)")
            let rejects = String(decoding: bytes.dropFirst(3), as: UTF8.self)
            let rl = rejects.split(separator: "\n").map(String.init)
            XCTAssertEqual(rl.count, 3, rejects)
            XCTAssertEqual(rl[0], k.header + ",reason")
            XCTAssertTrue(rl[1].hasPrefix(k.unknownCode + ",") && rl[1].contains("line 3: "), rl[1])
            XCTAssertTrue(rl[2].contains("line 5: \(k.header.prefix { $0 != "," }): empty"), rl[2])
            let log = try fx.store.db.first("SELECT rows_total, rows_written, rows_rejected, complete FROM import_log WHERE id = ?",
                                            [.of(r.logID)]) { [$0.int(0), $0.int(1), $0.int(2), $0.int(3)] }
            XCTAssertEqual(log, [4, 2, 2, 1], k.name)
        }
    }

    /// `text` encoded as GB18030 (what Excel writes as plain "CSV" in Chinese offices), via glibc's iconv.
    func gbk(_ text: String) throws -> [UInt8] {
        let cd = iconv_open("GB18030", "UTF-8")
        guard let cd, cd != iconv_t(bitPattern: -1) else { throw XCTSkip("no GB18030 in iconv") }
        defer { iconv_close(cd) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 2 + 16)
        let used: Int = input.withUnsafeMutableBufferPointer { i in
            output.withUnsafeMutableBufferPointer { o in
                var ip = i.baseAddress, il = i.count, op = o.baseAddress, ol = o.count
                _ = iconv(cd, &ip, &il, &op, &ol)
                return o.count - ol
            }
        }
        let bytes = output[..<used].map { UInt8(bitPattern: $0) }
        XCTAssertNil(String(validating: bytes, as: UTF8.self), "the GBK file must not also be valid UTF-8")
        return bytes
    }
}
