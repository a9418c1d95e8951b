import Foundation
import GridCore

extension Store {
    /// A period's compliance (季度 / 年度考核) as at `now`: the board of each of its months that has begun,
    /// combined by `PeriodCompliance` (sums judged against the period's marks, pace grades while running).
    /// `grid` narrows to one basic grid. Compliance is judged by whole months: a `.days` range is judged on
    /// every month it touches (the command line refuses a range that is not whole months, `isWholeMonths`).
    public func periodCompliance(_ period: ReportPeriod, grid: String? = nil, now: Date) throws -> PeriodCompliance {
        return try db.read {
            let today = zone.localDate(of: now)
            let boards = try period.months.filter { $0.firstDay <= today }.map { try complianceBoard(.month($0), grid: grid, now: now) }
            return PeriodCompliance(period: period, boards: boards, settings: try complianceSettings())
        }
    }
}
