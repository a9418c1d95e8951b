/// The statutory public holidays (法定节假日) of years whose arrangement is not yet announced.
///
/// 《全国年节及纪念日放假办法》 as revised by the State Council on 2024-11-10 (国务院令第795号, in force
/// 2025-01-01), article 2: 元旦 1 day (1 January); 春节 4 days (除夕 and 正月初一 to 初三); 清明节 1 day
/// (the day of the 清明 solar term); 劳动节 2 days (1 and 2 May); 端午节 1 day (五月初五); 中秋节 1 day
/// (八月十五); 国庆节 3 days (1 to 3 October). The make-up working days (调休) and bridged weekends are
/// set each year by the State Council's notice and cannot be computed: until that notice is loaded
/// (`gridroom calendar import`), a year has these days off and nothing else moved, and every place
/// that uses the year says so (`CalendarWarning`).
///
/// The lunar dates, written by hand: 春节 (正月初一) from the published Chinese calendar (春节 2027-02-06,
/// 2028-01-26, …), 除夕 the day before it; 端午 and 中秋 likewise (lunar 5/5 and 8/15); each cross-checked
/// against ICU's Chinese calendar by `ChinaStatutoryHolidaysTests`. 清明 is the solar term at 15° of
/// solar longitude, by the 21st-century rule ⌊Y × 0.2422 + 4.81⌋ − ⌊Y / 4⌋ (Y = year − 2000), which gives
/// the published 2024-04-04, 2025-04-04 and 2026-04-05.
public enum ChinaStatutoryHolidays {
    /// One year's dates: 除夕, 清明, 端午 and 中秋 as `MM-DD`.
    struct Dates {
        let year: Int, chuxi: String, qingming: String, duanwu: String, zhongqiu: String
    }

    /// 除夕 (day before 春节), 清明, 端午, 中秋 for each year.
    static let table: [Dates] = [
        Dates(year: 2027, chuxi: "02-05", qingming: "04-05", duanwu: "06-09", zhongqiu: "09-15"),  // 春节 02-06
        Dates(year: 2028, chuxi: "01-25", qingming: "04-04", duanwu: "05-28", zhongqiu: "10-03"),  // 春节 01-26
        Dates(year: 2029, chuxi: "02-12", qingming: "04-04", duanwu: "06-16", zhongqiu: "09-22"),  // 春节 02-13
        Dates(year: 2030, chuxi: "02-02", qingming: "04-05", duanwu: "06-05", zhongqiu: "09-12"),  // 春节 02-03
        Dates(year: 2031, chuxi: "01-22", qingming: "04-05", duanwu: "06-24", zhongqiu: "10-01"),  // 春节 01-23
        Dates(year: 2032, chuxi: "02-10", qingming: "04-04", duanwu: "06-12", zhongqiu: "09-19"),  // 春节 02-11
        Dates(year: 2033, chuxi: "01-30", qingming: "04-04", duanwu: "06-01", zhongqiu: "09-08"),  // 春节 01-31
        Dates(year: 2034, chuxi: "02-18", qingming: "04-05", duanwu: "06-20", zhongqiu: "09-27"),  // 春节 02-19
        Dates(year: 2035, chuxi: "02-07", qingming: "04-05", duanwu: "06-10", zhongqiu: "09-16"),  // 春节 02-08
    ]

    /// The years covered.
    public static let years: ClosedRange<Int> = 2027...2035

    /// The statutory days off of `year` with their names (empty outside `years`). 中秋 falling inside the
    /// National Day days (2028, 2031) is one day off named for both.
    public static func days(ofYear year: Int) -> [LocalDate: DayRule] {
        guard let t = table.first(where: { $0.year == year }) else { return [:] }
        func date(_ mmdd: String) -> LocalDate { LocalDate(iso: "\(year)-\(mmdd)")! }
        var out: [LocalDate: DayRule] = [:]
        func off(_ d: LocalDate, _ name: String) {
            if let old = out[d] { out[d] = DayRule(workday: false, name: old.name + "、" + name) } else { out[d] = DayRule(workday: false, name: name) }
        }
        off(date("01-01"), "元旦")
        let chuxi = date(t.chuxi)
        for i in 0..<4 { off(chuxi.adding(days: i), "春节") }
        off(date(t.qingming), "清明节")
        off(date("05-01"), "劳动节"); off(date("05-02"), "劳动节")
        off(date(t.duanwu), "端午节")
        for i in 0..<3 { off(date("10-01").adding(days: i), "国庆节") }
        off(date(t.zhongqiu), "中秋节")
        return out
    }
}
