/// One head's view (网格长): the same figures, judged the same way, of only the grids they answer for.
extension ComplianceBoard {
    /// The board with only the basic grids in `codes` and their workers.
    public func narrowed(to codes: Set<String>) -> ComplianceBoard {
        ComplianceBoard(period: period, settings: settings, pace: pace, grids: grids.filter { codes.contains($0.grid.code) },
                        workers: workers.filter { codes.contains($0.reports.grid) })
    }
}

extension PeriodCompliance {
    /// The period's figures with only the basic grids in `codes` and their workers.
    public func narrowed(to codes: Set<String>) -> PeriodCompliance {
        PeriodCompliance(copying: self, grids: grids.filter { codes.contains($0.grid.code) },
                         workers: workers.filter { codes.contains($0.reports.grid) })
    }

    init(copying o: PeriodCompliance, grids: [GridCompliance], workers: [WorkerCompliance]) {
        period = o.period; settings = o.settings; provisional = o.provisional; reportTarget = o.reportTarget
        gradeReportTarget = o.gradeReportTarget; self.grids = grids; self.workers = workers
    }
}
