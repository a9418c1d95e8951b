import GridCore

/// The counted-report filter (网格员上报计数) as SQL, built once from GridCore's `WorkerReportCount`, for every
/// query that counts grid workers' reports: the board, the grid page, compliance and the summary recount.
enum CountedReports {
    /// `source = 'grid_worker'` on the matters alias `m` (empty: no alias). Written exactly so, the partial
    /// indexes `matters_worker_reported` and `matters_reporter_state` (`WHERE source = 'grid_worker'`) apply.
    static func source(_ m: String = "") -> String {
        "\(prefix(m))source = '\(WorkerReportCount.source.rawValue)'"
    }

    /// `state NOT IN ('invalid','merged')` on the alias.
    static func state(_ m: String = "") -> String {
        "\(prefix(m))state NOT IN (\(WorkerReportCount.excludedStates.map { "'\($0.rawValue)'" }.joined(separator: ",")))"
    }

    /// Both: the whole rule but the month.
    static func condition(_ m: String = "") -> String { source(m) + " AND " + state(m) }

    private static func prefix(_ m: String) -> String { m.isEmpty ? "" : m + "." }
}
