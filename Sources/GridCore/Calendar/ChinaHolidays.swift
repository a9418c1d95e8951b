/// Public holidays and make-up working days (调休) announced by the State Council (国务院办公厅)
/// for 2024, 2025 and 2026, and for 2027–2035 the statutory holidays alone (`ChinaStatutoryHolidays`):
/// a year's make-up days are known only once announced, and are loaded with `gridroom calendar import`.
public enum ChinaHolidays {
    /// Every date that differs from the Monday–Friday rule, with its name: the announced years in full,
    /// the statutory holidays of the later years.
    public static let all: [LocalDate: DayRule] = {
        var table = announced
        for y in ChinaStatutoryHolidays.years { table.merge(ChinaStatutoryHolidays.days(ofYear: y)) { a, _ in a } }
        return table
    }()

    /// The years whose arrangement (holidays and make-up days) the State Council has announced and this
    /// table holds.
    public static let announcedYears: Set<Int> = [2024, 2025, 2026]

    /// The announced arrangements of `announcedYears`.
    public static let announced: [LocalDate: DayRule] = {
        var table: [LocalDate: DayRule] = [:]
        func off(_ name: String, _ from: String, _ to: String) {
            var d = LocalDate(iso: from)!
            let end = LocalDate(iso: to)!
            while d <= end { table[d] = DayRule(workday: false, name: name); d = d.adding(days: 1) }
        }
        func on(_ name: String, _ dates: String...) {
            for s in dates { table[LocalDate(iso: s)!] = DayRule(workday: true, name: name + "调休上班") }
        }
        // 2024 (国办发明电〔2023〕7号)
        off("元旦", "2024-01-01", "2024-01-01")
        off("春节", "2024-02-10", "2024-02-17"); on("春节", "2024-02-04", "2024-02-18")
        off("清明节", "2024-04-04", "2024-04-06"); on("清明节", "2024-04-07")
        off("劳动节", "2024-05-01", "2024-05-05"); on("劳动节", "2024-04-28", "2024-05-11")
        off("端午节", "2024-06-10", "2024-06-10")
        off("中秋节", "2024-09-15", "2024-09-17"); on("中秋节", "2024-09-14")
        off("国庆节", "2024-10-01", "2024-10-07"); on("国庆节", "2024-09-29", "2024-10-12")
        // 2025 (国办发明电〔2024〕12号)
        off("元旦", "2025-01-01", "2025-01-01")
        off("春节", "2025-01-28", "2025-02-04"); on("春节", "2025-01-26", "2025-02-08")
        off("清明节", "2025-04-04", "2025-04-06")
        off("劳动节", "2025-05-01", "2025-05-05"); on("劳动节", "2025-04-27")
        off("端午节", "2025-05-31", "2025-06-02")
        off("国庆节、中秋节", "2025-10-01", "2025-10-08"); on("国庆节", "2025-09-28", "2025-10-11")
        // 2026 (国办发明电〔2025〕7号)
        off("元旦", "2026-01-01", "2026-01-03"); on("元旦", "2026-01-04")
        off("春节", "2026-02-15", "2026-02-23"); on("春节", "2026-02-14", "2026-02-28")
        off("清明节", "2026-04-04", "2026-04-06")
        off("劳动节", "2026-05-01", "2026-05-05"); on("劳动节", "2026-05-09")
        off("端午节", "2026-06-19", "2026-06-21")
        off("中秋节", "2026-09-25", "2026-09-27")
        off("国庆节", "2026-10-01", "2026-10-07"); on("国庆节", "2026-09-20", "2026-10-10")
        return table
    }()

    /// The years this built-in table covers (announced, then statutory only).
    public static let years: ClosedRange<Int> = 2024...ChinaStatutoryHolidays.years.upperBound
}
