import XCTest
@testable import GridCore

/// `TownshipSetting`: the keys `gridroom settings` accepts, their ranges and what is stored.
final class TownshipSettingTests: XCTestCase {
    func testRemindersTakeWholeMinutesFromOneToADay() throws {
        let s = TownshipSetting.urgentReminderMinutes
        XCTAssertEqual(try s.validated("1"), "1")
        XCTAssertEqual(try s.validated(" 1440 "), "1440")
        for bad in ["0", "1441", "-5", "ten", "2.5", ""] {
            XCTAssertThrowsError(try s.validated(bad), bad) { error in
                XCTAssertEqual((error as! ValidationError).words(.zh), "设置 console.urgent_reminder_minutes =「\(bad)」：应为1–1440 的整数（分钟）")
                XCTAssertEqual((error as! ValidationError).words(.en), "setting console.urgent_reminder_minutes = \"\(bad)\": expected a whole number of minutes, 1–1440")
            }
        }
        XCTAssertEqual(s.defaultText, "10")
        XCTAssertTrue(s.isInteger)
    }

    func testThePatrolDayIsStartBeforeEndWrittenHHMM() throws {
        let s = TownshipSetting.patrolDay
        XCTAssertEqual(try s.validated("7:30-19:00"), "07:30-19:00")
        XCTAssertEqual(try s.validated("00:00-24:00"), "00:00-24:00")
        for bad in ["20:00-08:00", "08:00-08:00", "08:00", "8-20", "08:60-20:00", "24:01-24:02", "早上-晚上"] {
            XCTAssertThrowsError(try s.validated(bad), bad) { error in
                XCTAssertTrue((error as! ValidationError).words(.en).hasSuffix("expected HH:MM-HH:MM, the start before the end (e.g. 08:00-20:00)"), "\(error)")
            }
        }
        XCTAssertEqual(s.defaultText, "08:00-20:00")
        XCTAssertFalse(s.isInteger)
        XCTAssertEqual(PatrolDay.settingKey, "compliance.patrol_day")
    }

    func testTheBellIsOnOrOff() throws {
        XCTAssertEqual(try TownshipSetting.bell.validated(" off"), "off")
        XCTAssertEqual(try TownshipSetting.bell.validated("on"), "on")
        for bad in ["OFF", "no", "0", ""] { XCTAssertThrowsError(try TownshipSetting.bell.validated(bad), bad) }
        XCTAssertEqual(TownshipSetting.bell.defaultText, "on")
    }

    func testAnUnknownKeyListsTheAcceptedOnes() {
        XCTAssertEqual(try TownshipSetting.named("compliance.patrol_day"), .patrolDay)
        XCTAssertEqual(try TownshipSetting.named("console.bell"), .bell)
        XCTAssertThrowsError(try TownshipSetting.named("console.colour")) { error in
            XCTAssertEqual((error as! ValidationError).words(.en), "no setting console.colour; accepted: console.urgent_reminder_minutes, compliance.patrol_day, console.bell "
                           + "(other settings: gridroom patrol settings, gridroom duty settings, gridroom report settings, gridroom case settings)")
            XCTAssertTrue((error as! ValidationError).words(.zh).hasPrefix("没有设置项 console.colour；可用：console.urgent_reminder_minutes、compliance.patrol_day、console.bell"))
        }
        // Names in both languages, none left in English in the Chinese one.
        for s in TownshipSetting.allCases {
            XCTAssertFalse(s.displayName(.zh).contains { $0.isASCII && $0.isLetter }, s.displayName(.zh))
            XCTAssertFalse(s.displayName(.en).unicodeScalars.contains { $0.value > 0x2E80 }, s.displayName(.en))
        }
    }
}
