/// The period a report or bulletin covers (考核周期): a month (月调度), a quarter (季通报) or a year (年终考核).
///
/// Every figure of a period is computed from the matters and patrols whose dates fall in it, never by
/// averaging the months' rates: additive counts (matters, seconds of patrol, reports) are summed, and the
/// rates are formed once from the sums.
public enum ReportPeriod: Hashable, Sendable, CustomStringConvertible {
    /// A calendar month.
    case month(LocalMonth)
    /// A quarter: `quarter` 1…4 of `year` (Q1 = January–March).
    case quarter(year: Int, quarter: Int)
    /// A calendar year.
    case year(Int)
    /// Any run of local days `first ... last` (`--from DATE --to DATE`). Matter figures cover exactly those
    /// days; compliance is judged by whole months, so a range judged for compliance must be whole months.
    case days(first: LocalDate, last: LocalDate)

    /// Parses `YYYY-MM`, `YYYYQn` (also `YYYY-Qn`) or `YYYY`.
    public init?(parsing text: String) {
        let t = text.uppercased()
        if let m = LocalMonth(iso: t) { self = .month(m); return }
        if let q = t.firstIndex(of: "Q") {
            let y = t[..<q].hasSuffix("-") ? t[..<t.index(before: q)] : t[..<q]
            guard y.count == 4, let year = Int(y), let n = Int(t[t.index(after: q)...]), (1...4).contains(n), year >= 1900 else { return nil }
            self = .quarter(year: year, quarter: n); return
        }
        guard t.count == 4, let y = Int(t), y >= 1900 else { return nil }
        self = .year(y)
    }

    /// Whether it is of the kind named `month`, `quarter` or `year` (the option it was given with).
    public func kindMatches(_ kind: String) -> Bool {
        switch self {
        case .month: kind == "month"
        case .quarter: kind == "quarter"
        case .year: kind == "year"
        case .days: kind == "days"
        }
    }

    /// The months it covers, in order.
    public var months: [LocalMonth] {
        switch self {
        case .month(let m): return [m]
        case let .quarter(y, q): return (0..<3).map { LocalMonth(year: y, month: (q - 1) * 3 + 1 + $0)! }
        case .year(let y): return (1...12).map { LocalMonth(year: y, month: $0)! }
        case let .days(first, last):
            var out: [LocalMonth] = [], m = first.localMonth
            while m.firstDay <= last { out.append(m); m = m.next }
            return out
        }
    }

    /// Whether it covers whole calendar months only (a month, quarter, year, or a range from a 1st to a month's end).
    public var isWholeMonths: Bool {
        guard case let .days(first, last) = self else { return true }
        return first == first.localMonth.firstDay && last == last.localMonth.lastDay
    }

    /// The first day.
    public var firstDay: LocalDate {
        if case let .days(first, _) = self { return first }
        return months[0].firstDay
    }
    /// The last day.
    public var lastDay: LocalDate {
        if case let .days(_, last) = self { return last }
        return months[months.count - 1].lastDay
    }
    /// Number of days.
    public var dayCount: Int { lastDay.daysSinceEpoch - firstDay.daysSinceEpoch + 1 }

    /// The period of the same kind just before (环比: compared with the previous period).
    public var previous: ReportPeriod {
        switch self {
        case .month(let m): return .month(m.previous)
        case let .quarter(y, q): return q == 1 ? .quarter(year: y - 1, quarter: 4) : .quarter(year: y, quarter: q - 1)
        case .year(let y): return .year(y - 1)
        case let .days(first, last):
            // The same number of days just before.
            let n = last.daysSinceEpoch - first.daysSinceEpoch + 1
            return .days(first: LocalDate(daysSinceEpoch: first.daysSinceEpoch - n), last: LocalDate(daysSinceEpoch: first.daysSinceEpoch - 1))
        }
    }

    /// Still running on `today` (its figures are provisional: shown as pace, never as a final grade).
    public func isRunning(today: LocalDate) -> Bool { today >= firstDay && today <= lastDay }

    /// Not begun yet on `today`.
    public func isFuture(today: LocalDate) -> Bool { today < firstDay }

    /// `2026-11`, `2026Q4` or `2026`.
    public var description: String {
        switch self {
        case .month(let m): return m.description
        case let .quarter(y, q): return "\(y)Q\(q)"
        case .year(let y): return String(y)
        case let .days(first, last): return "\(first)..\(last)"
        }
    }

    /// The name people read: `2026年11月`, `2026年第四季度`, `2026年` / `November 2026`, `Q4 2026`, `2026`.
    public func name(_ language: Language) -> String {
        let zhQuarter = ["一", "二", "三", "四"]
        let enMonth = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                       "November", "December"]
        switch (self, language) {
        case (.month(let m), .zh): return "\(m.year)年\(m.month)月"
        case (.month(let m), .en): return "\(enMonth[m.month - 1]) \(m.year)"
        case let (.quarter(y, q), .zh): return "\(y)年第\(zhQuarter[q - 1])季度"
        case let (.quarter(y, q), .en): return "Q\(q) \(y)"
        case let (.year(y), .zh): return "\(y)年"
        case let (.year(y), .en): return String(y)
        case let (.days(f, l), .zh): return "\(f) 至 \(l)"
        case let (.days(f, l), .en): return "\(f) to \(l)"
        }
    }

    /// The kind of bulletin it makes: 月度 / 季度 / 年度.
    public func kindName(_ language: Language) -> String {
        switch (self, language) {
        case (.month, .zh): "月度"
        case (.quarter, .zh): "季度"
        case (.year, .zh): "年度"
        case (.month, .en): "Monthly"
        case (.quarter, .en): "Quarterly"
        case (.year, .en): "Yearly"
        case (.days, .zh): "期间"
        case (.days, .en): "Period"
        }
    }

    /// The sub-periods a trend chart steps through: the weeks of a month (days 1–7, 8–14, 15–21, 22–28,
    /// 29–end), the months of a quarter or a year. Each as (first day, last day).
    public var trendSteps: [(first: LocalDate, last: LocalDate)] {
        switch self {
        case .month(let m):
            return stride(from: 1, through: m.dayCount, by: 7).map { d in
                (LocalDate(year: m.year, month: m.month, day: d)!, LocalDate(year: m.year, month: m.month, day: min(d + 6, m.dayCount))!)
            }
        case .quarter, .year:
            return months.map { ($0.firstDay, $0.lastDay) }
        case let .days(first, last) where dayCount <= 31:
            return stride(from: first.daysSinceEpoch, through: last.daysSinceEpoch, by: 7).map { d in
                (LocalDate(daysSinceEpoch: d), LocalDate(daysSinceEpoch: min(d + 6, last.daysSinceEpoch)))
            }
        case let .days(first, last):
            return months.map { (max($0.firstDay, first), min($0.lastDay, last)) }
        }
    }
}
