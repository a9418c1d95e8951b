import XCTest

/// JSON from every listing and report carries its values with their real types: counts are numbers, flags
/// booleans, absent values null — never `"days":"30"`. Checked on the JSON text itself (a parsed NSNumber
/// cannot tell 1 from true).
final class JSONTypesTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        try GridroomCLI.requireBinary()
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-e2e-json-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { if let dir { try? FileManager.default.removeItem(at: dir) } }

    @discardableResult
    func run(_ args: [String], now: String = "2026-11-22T10:00") throws -> String {
        let r = try GridroomCLI.run(args, db: dir.appendingPathComponent("t.sqlite").path, now: now)
        XCTAssertEqual(r.status, 0, "\(args): \(r.err)")
        return r.out
    }

    /// The JSON kinds (`string`, `number`, `bool`, `null`, `other`) of every value of `key` in `json`.
    func kinds(_ json: String, _ key: String) -> Set<String> {
        var out: Set<String> = []
        var rest = Substring(json)
        let needle = "\"\(key)\" : "
        while let r = rest.range(of: needle) {
            let v = rest[r.upperBound...]
            switch v.first {
            case "\"": out.insert("string")
            case "t", "f": out.insert("bool")
            case "n": out.insert("null")
            case let c? where c.isNumber || c == "-": out.insert("number")
            default: out.insert("other")
            }
            rest = v
        }
        return out
    }

    func assertKinds(_ json: String, _ expected: [String: Set<String>], _ command: String, line: UInt = #line) {
        for (key, allowed) in expected {
            let found = kinds(json, key)
            XCTAssertFalse(found.isEmpty, "\(command): no \"\(key)\" in \(json.prefix(300))", line: line)
            XCTAssertTrue(found.isSubset(of: allowed), "\(command): \"\(key)\" is \(found), expected \(allowed)", line: line)
        }
    }

    func testEveryCommandsJSONIsTyped() throws {
        try run(["init", "--demo"], now: "2026-11-20T08:00")
        try run(["case", "new", "--source", "grid_worker", "--reporter", "W001", "--grid", "DH-01-01", "--category", "SR03",
                 "--title", "路面油污"], now: "2026-11-21T09:00")
        try run(["patrol", "add", "--worker", "W001", "--grid", "DH-01-01", "--start", "2026-11-21T08:00", "--end", "2026-11-21T10:00"])
        try run(["patrol", "start", "--worker", "W002", "--grid", "DH-01-01", "--at", "2026-11-21T11:00"], now: "2026-11-21T12:00")
        let num: Set = ["number"], bool: Set = ["bool"], str: Set = ["string"]
        assertKinds(try run(["staff", "list", "--format", "json"]), ["active": bool, "role": str], "staff list")
        assertKinds(try run(["calendar", "--year", "2026", "--format", "json"]), ["workday": bool, "date": str], "calendar")
        assertKinds(try run(["patrol", "list", "--day", "2026-11-21", "--format", "json"], now: "2026-11-21T12:00"),
                    ["id": num, "minutes": num, "end": ["string", "null"], "confirmed_by": ["null", "string"]], "patrol list")
        assertKinds(try run(["report", "redblack", "--month", "2026-11", "--format", "json"]),
                    ["rank": num, "patrol_minutes": num, "days": num, "days_meeting_patrol": num, "patrol_ok": bool,
                     "reports": num, "reports_ok": bool, "avg_per_day": ["number", "null"], "grade": ["string", "null"]], "report redblack")
        assertKinds(try run(["report", "evaluation", "--month", "2026-11", "--format", "json"]),
                    ["due": num, "closed": num, "closure_rate": ["number", "null"]], "report evaluation")
        assertKinds(try run(["report", "compliance", "--month", "2026-11", "--format", "json"]),
                    ["days": num, "patrol_ok": bool, "reports": num, "grade": ["string", "null"]], "report compliance")
        assertKinds(try run(["grids", "--format", "json"]), ["row": ["number", "null"], "parent": ["string", "null"]], "grids")
        assertKinds(try run(["workers", "--format", "json"]), ["partner": ["string", "null"], "phone": str], "workers")
        assertKinds(try run(["imports", "--format", "json"]), ["id": num, "rows": num, "written": num, "rejected": num], "imports")
        assertKinds(try run(["cases", "--format", "json"]), ["version": num, "overdue": bool, "shelved": bool], "cases")
        assertKinds(try run(["case", "show", "20261121-0001", "--format", "json"]),
                    ["version": num, "reworks": num, "shelved": bool, "stage_seconds": ["number", "null"]], "case show")
    }

    /// `--headings zh` gives an office a CSV with Chinese headings; the default stays the English codes.
    func testCSVHeadings() throws {
        try run(["init", "--rehearsal"], now: "2026-11-20T08:00")
        XCTAssertTrue(try run(["staff", "list", "--format", "csv"]).hasPrefix("\u{FEFF}login,name,role,active,deactivated_on,deactivated_by\n"))
        XCTAssertTrue(try run(["--headings", "zh", "staff", "list", "--format", "csv"]).hasPrefix("\u{FEFF}登录名,名称,角色,在岗,停用日期,停用人\n"))
        // A table in the default Chinese: headings and values named, no English code.
        let table = try run(["staff", "list"])
        XCTAssertTrue(table.hasPrefix("登录名"), table)
        XCTAssertTrue(table.contains("管理员"), table)
        XCTAssertFalse(table.contains("admin"), table)
    }
}
