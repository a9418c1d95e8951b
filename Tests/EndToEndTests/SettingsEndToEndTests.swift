import Foundation
import XCTest

/// `gridroom settings show|set` through the binary: both languages, typed JSON, the supervisor's right, refusals
/// that list what is accepted.
final class SettingsEndToEndTests: XCTestCase {
    static let now = "2026-11-22T10:00:00+08:00"
    var dir: URL!
    var db: String { dir.appendingPathComponent("t.sqlite").path }

    override func setUpWithError() throws {
        try GridroomCLI.requireBinary()
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gridroom-settings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        XCTAssertEqual(try cli(["init", "--demo"]).status, 0)
    }
    override func tearDownWithError() throws { if let dir { try? FileManager.default.removeItem(at: dir) } }

    @discardableResult
    func cli(_ args: [String], lang: String = "zh", as login: String? = nil) throws -> (status: Int32, out: String, err: String) {
        var extra = ["GRIDROOM_LANG": lang]
        if let login { extra["GRIDROOM_DEMO_AS"] = login }
        return try GridroomCLI.run(args, db: db, now: Self.now, extra: extra)
    }

    /// `patrol settings` lists the patrol day beside its own four keys, as it stands, and takes it like they are.
    func testPatrolSettingsListThePatrolDay() throws {
        let before = try cli(["patrol", "settings"], lang: "en")
        XCTAssertEqual(before.status, 0, before.err)
        XCTAssertEqual(before.out.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ").joined(separator: " ") }, [
            "compliance.patrol_daily_minutes 120", "compliance.reports_monthly 10", "compliance.suspect_minutes 720",
            "compliance.grade_rule excellent=125/150;pass=100/100;basic=80/80", "compliance.patrol_day 08:00-20:00",
        ])
        XCTAssertEqual(try cli(["patrol", "settings", "compliance.patrol_day", "07:00-19:00"], as: "supervisor1").status, 0)
        let after = try cli(["patrol", "settings"]).out.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        XCTAssertEqual(after.last, "compliance.patrol_day 07:00-19:00")
    }

    func testShowSetAndRefuse() throws {
        let zh = try cli(["settings", "show"])
        XCTAssertEqual(zh.status, 0, zh.err)
        XCTAssertEqual(zh.out.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }, [
            "设置项 名称 值 默认值 来源", "------------------------------- ------------------------------ ----------- ----------- ----",
            "console.urgent_reminder_minutes 紧急案件未派遣提醒间隔（分钟） 10 10 默认",
            "compliance.patrol_day 巡查时段 08:00-20:00 08:00-20:00 默认",
            "console.bell 控制台提示音 on on 默认",
        ])
        // The supervisor sets both; the patrol day is stored as HH:MM.
        let set = try cli(["settings", "set", "compliance.patrol_day", "7:30-19:00"], as: "supervisor1")
        XCTAssertEqual(set.status, 0, set.err)
        XCTAssertEqual(set.out, "已设置 巡查时段（compliance.patrol_day）= 07:30-19:00\n")
        XCTAssertEqual(try cli(["settings", "set", "console.urgent_reminder_minutes", "5"], lang: "en", as: "supervisor1").out,
                       "set urgent undispatched reminder interval (minutes) (console.urgent_reminder_minutes) = 5\n")
        let en = try cli(["settings", "show"], lang: "en").out
        XCTAssertTrue(en.contains("patrol day hours") && en.contains("07:30-19:00  08:00-20:00  set"), en)
        XCTAssertFalse(en.unicodeScalars.contains { $0.value > 0x2E80 }, "no Chinese in the English table: \(en)")
        // JSON: the interval a number, the hours text, stored a boolean.
        let json = try cli(["settings", "show", "--format", "json"], lang: "en")
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.count, 3)
        XCTAssertEqual(rows[0]["key"] as? String, "console.urgent_reminder_minutes")
        XCTAssertEqual(rows[0]["value"] as? Int, 5)
        XCTAssertEqual(rows[0]["default"] as? Int, 10)
        XCTAssertEqual(rows[0]["stored"] as? Bool, true)
        XCTAssertEqual(rows[1]["value"] as? String, "07:30-19:00")
        // An operator may not; an unknown key and a bad value are refused with what is accepted.
        let op = try cli(["settings", "set", "console.urgent_reminder_minutes", "1"], as: "operator1")
        XCTAssertEqual(op.status, 1)
        XCTAssertTrue(op.err.contains("operator1") && op.err.contains("supervisor"), op.err)
        let unknown = try cli(["settings", "set", "console.colour", "red"], lang: "en")
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.err.contains("no setting console.colour; accepted: console.urgent_reminder_minutes, compliance.patrol_day, console.bell"), unknown.err)
        let bad = try cli(["settings", "set", "compliance.patrol_day", "20:00-08:00"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.err.contains("应为HH:MM-HH:MM，开始早于结束"), bad.err)
        XCTAssertEqual(try cli(["settings", "set", "console.urgent_reminder_minutes"]).status, 2, "KEY without VALUE is a usage error")
        // Nothing the refusals touched changed.
        XCTAssertTrue(try cli(["settings", "show"], lang: "en").out.contains("console.urgent_reminder_minutes  urgent undispatched reminder interval (minutes)  5 "))
    }
}
