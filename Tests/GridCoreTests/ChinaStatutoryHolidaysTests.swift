import XCTest
@testable import GridCore

/// The statutory holidays of years not yet announced, and the warning that their make-up days are missing
/// (issue 13 §6).
final class ChinaStatutoryHolidaysTests: XCTestCase {
    func d(_ s: String) -> LocalDate { LocalDate(iso: s)! }

    func testYear2027ByHand() {
        // 《全国年节及纪念日放假办法》(2024): 元旦 1, 春节 4 from 除夕, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3.
        // 春节 2027 is 02-06, so 除夕 is 02-05; 端午 (5/5) 06-09; 中秋 (8/15) 09-15; 清明 04-05.
        let days = ChinaStatutoryHolidays.days(ofYear: 2027)
        let expected: [String: String] = [
            "2027-01-01": "元旦", "2027-02-05": "春节", "2027-02-06": "春节", "2027-02-07": "春节", "2027-02-08": "春节",
            "2027-04-05": "清明节", "2027-05-01": "劳动节", "2027-05-02": "劳动节", "2027-06-09": "端午节",
            "2027-09-15": "中秋节", "2027-10-01": "国庆节", "2027-10-02": "国庆节", "2027-10-03": "国庆节",
        ]
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: days.map { ($0.key.description, $0.value.name) }), expected)
        XCTAssertTrue(days.values.allSatisfy { !$0.workday })
    }

    func testMidAutumnInsideNationalDayIsOneDay() {
        // 2028: 春节 01-26 (除夕 01-25), 中秋 10-03 — inside 10-01..10-03: 12 days off, not 13.
        let days = ChinaStatutoryHolidays.days(ofYear: 2028)
        XCTAssertEqual(days.count, 12)
        XCTAssertEqual(days[d("2028-10-03")]?.name, "国庆节、中秋节")
        XCTAssertEqual(days[d("2028-01-25")]?.name, "春节")
        XCTAssertEqual(days[d("2028-01-28")]?.name, "春节")
        XCTAssertNil(days[d("2028-01-29")])
        XCTAssertEqual(ChinaStatutoryHolidays.days(ofYear: 2031)[d("2031-10-01")]?.name, "国庆节、中秋节")
        XCTAssertEqual(ChinaStatutoryHolidays.days(ofYear: 2031).count, 12)
    }

    /// The hand-written lunar dates against an independent source: ICU's Chinese calendar.
    func testLunarDatesAgreeWithTheChineseCalendar() {
        var chinese = Calendar(identifier: .chinese)
        chinese.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        func lunar(_ s: String) -> (month: Int, day: Int, leap: Bool) {
            let date = TownshipZone.shanghai.instant(d(s), secondsIntoDay: 12 * 3600)
            let c = chinese.dateComponents([.month, .day, .isLeapMonth], from: date)
            return (c.month!, c.day!, c.isLeapMonth ?? false)
        }
        for t in ChinaStatutoryHolidays.table {
            let chuxi = d("\(t.year)-\(t.chuxi)")
            let newYear = lunar(chuxi.adding(days: 1).description)
            XCTAssertTrue(newYear.month == 1 && newYear.day == 1 && !newYear.leap, "\(t.year) 春节")
            XCTAssertEqual(lunar(chuxi.description).month, 12, "\(t.year) 除夕 is in the 12th month")
            let dw = lunar("\(t.year)-\(t.duanwu)"), zq = lunar("\(t.year)-\(t.zhongqiu)")
            XCTAssertTrue(dw.month == 5 && dw.day == 5 && !dw.leap, "\(t.year) 端午")
            XCTAssertTrue(zq.month == 8 && zq.day == 15 && !zq.leap, "\(t.year) 中秋")
        }
        XCTAssertEqual(ChinaStatutoryHolidays.table.map(\.year), Array(2027...2035))
    }

    func testQingmingByTheSolarTermRule() {
        // ⌊Y × 0.2422 + 4.81⌋ − ⌊Y / 4⌋, worked by hand: 2027: ⌊11.349⌋ − 6 = 5; 2028: ⌊11.592⌋ − 7 = 4;
        // 2029: ⌊11.834⌋ − 7 = 4; 2030: ⌊12.076⌋ − 7 = 5; 2031: ⌊12.318⌋ − 7 = 5; 2032: ⌊12.560⌋ − 8 = 4;
        // 2033: ⌊12.803⌋ − 8 = 4; 2034: ⌊13.045⌋ − 8 = 5; 2035: ⌊13.287⌋ − 8 = 5.
        XCTAssertEqual(ChinaStatutoryHolidays.table.map(\.qingming),
                       ["04-05", "04-04", "04-04", "04-05", "04-05", "04-04", "04-04", "04-05", "04-05"])
    }

    func testTheDefaultCalendarSkipsNationalDay2027AndWarns() {
        let cal = OfficeCalendar()
        XCTAssertFalse(cal.isWorkday(d("2027-01-01")))
        XCTAssertFalse(cal.isWorkday(d("2027-10-01")))
        XCTAssertEqual(cal.day(d("2027-10-01")).name, "国庆节")
        XCTAssertTrue(cal.isWorkday(d("2027-10-04")))
        // Thursday 2027-09-30 16:00 + 2wd: Fri 10-01 to Sun 10-03 off → Mon 10-04 (1), Tue 10-05 (2), 17:30.
        let z = TownshipZone.shanghai
        let from = z.instant(d("2027-09-30"), secondsIntoDay: 16 * 3600)
        XCTAssertEqual(ISOTime.format(cal.due(from: from, limit: TimeLimit(parsing: "2wd")!), zone: z), "2027-10-05T17:30:00+08:00")
        XCTAssertEqual(cal.warnings(from: from, to: from.addingTimeInterval(86_400)), [CalendarWarning(year: 2027, statutoryHolidaysApplied: true)])
        XCTAssertEqual(cal.warning(forYear: 2036), CalendarWarning(year: 2036, statutoryHolidaysApplied: false))
        XCTAssertNil(cal.warning(forYear: 2026))
        // The console: from 1 December when next year is not announced.
        XCTAssertNil(cal.notice(now: z.instant(d("2026-11-30"), secondsIntoDay: 23 * 3600)))
        XCTAssertEqual(cal.notice(now: z.instant(d("2026-12-01")))?.year, 2027)
        XCTAssertEqual(cal.notice(now: z.instant(d("2027-06-01")))?.year, 2027)
        XCTAssertTrue(cal.notice(now: z.instant(d("2026-12-01")))!.chinese.hasPrefix("2027年放假调休安排未载入"))
    }
}
