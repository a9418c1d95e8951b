import Foundation
import GridCore
import GridStore

/// `report compliance` for a quarter, a year or a run of whole months: the period's sums (`PeriodCompliance`).
extension ComplianceReport {
    /// The line under a table: the period's marks, and the pace while it runs.
    static func periodNote(_ pc: PeriodCompliance) -> String {
        let lang = Output.language, s = pc.settings
        let title = ReportCommand.periodTitle(pc.period, provisional: pc.provisional, lang)
        let pace = pc.provisional
            ? lang.pick("；期间未结束，按进度评定：上报应达 \(pc.gradeReportTarget) 件（暂定，非最终评价）",
                        "; still running, graded on pace: \(pc.gradeReportTarget) reports so far (provisional, not final)")
            : ""
        return lang.pick("期间 \(title)；标准 每日巡查 \(s.dailyPatrolMinutes) 分钟 × 天数、上报 \(s.monthlyReports) 件 × \(pc.period.months.count) 个月 = \(pc.reportTarget) 件",
                         "period \(title); targets \(s.dailyPatrolMinutes) min × days, \(s.monthlyReports) reports × \(pc.period.months.count) months = \(pc.reportTarget)")
            + pace
    }

    static func periodHeader(_ pc: PeriodCompliance) -> [String: Any] {
        var o = ReportCommand.periodJSON(pc.period, provisional: pc.provisional)
        o["daily_target_minutes"] = pc.settings.dailyPatrolMinutes
        o["report_target"] = pc.reportTarget
        o["grade_report_target"] = pc.gradeReportTarget
        return o
    }

    static func emitGrids(_ pc: PeriodCompliance, format: String) {
        let f = ReportCommand.flag
        if format == "csv" {
            let header = ["grid", "days", "patrol_minutes", "days_meeting_patrol", "patrol_ok", "workers", "reports", "reports_ok", "grade"]
            Output.emit(format: "csv", header: header, rows: pc.grids.map {
                [$0.grid.code, String($0.patrol.days), String($0.patrol.patrolMinutes), String($0.patrol.daysMeeting), f($0.patrol.ok),
                 String($0.reports.workers), String($0.reports.reports), f($0.reports.ok), $0.grade?.rawValue ?? ""]
            })
            return
        }
        if format == "json" {
            var o = periodHeader(pc)
            o["grids"] = pc.grids.map { g -> [String: Any] in
                var r: [String: Any] = [
                    "grid": g.grid.code, "name": g.grid.name, "days": g.patrol.days, "patrol_minutes": g.patrol.patrolMinutes,
                    "days_meeting_patrol": g.patrol.daysMeeting, "patrol_ok": g.patrol.ok, "workers": g.reports.workers,
                    "reports": g.reports.reports, "reports_ok": g.reports.ok, "weakest_reports": g.reports.weakest ?? NSNull(),
                    "no_worker": g.reports.noWorker,
                ]
                if let a = g.patrol.averageMinutes { r["average_minutes"] = (a * 10).rounded() / 10 }
                r["grade"] = g.grade.map { $0.rawValue as Any } ?? NSNull()
                return r
            }
            print(Output.json(o))
            return
        }
        let header = ["grid", "name", "days", "patrol_minutes", "avg/day", "days_met", "patrol_ok", "workers", "reports", "reports_ok",
                      "grade", "flag"]
        let rows = pc.grids.map { g in
            [g.grid.code, g.grid.name, String(g.patrol.days), String(g.patrol.patrolMinutes), minutesText(g.patrol.averageMinutes),
             String(g.patrol.daysMeeting), f(g.patrol.ok), String(g.reports.workers), String(g.reports.reports), f(g.reports.ok),
             g.grade?.rawValue ?? "", g.reports.noWorker ? Output.language.pick("无网格员", "no worker") : ""]
        }
        Output.emit(format: format, header: header, rows: rows, rightAligned: [2, 3, 4, 5, 7, 8])
        if format == "table" { print(periodNote(pc)) }
    }

    static func emitWorkers(_ pc: PeriodCompliance, format: String, missed: [String: Int]? = nil) {
        let f = ReportCommand.flag
        if format == "csv" {
            let header: [String] = ["worker", "grid", "reports", "reports_ok", "grade"] + (missed == nil ? [] : ["missed"])
            let rows: [[String]] = pc.workers.map { w in
                var r: [String] = [w.reports.worker, w.reports.grid, String(w.reports.reports), f(w.reports.ok), w.grade?.rawValue ?? ""]
                if let missed { r.append(String(missed[w.reports.worker] ?? 0)) }
                return r
            }
            Output.emit(format: "csv", header: header, rows: rows)
            return
        }
        if format == "json" {
            var o = periodHeader(pc)
            o["workers"] = pc.workers.map { w -> [String: Any] in
                var r: [String: Any] = ["worker": w.reports.worker, "name": w.reports.name, "grid": w.reports.grid,
                                        "reports": w.reports.reports, "reports_ok": w.reports.ok, "on_pace": w.reports.onPace,
                                        "grid_patrol_ok": w.patrol.ok]
                if let missed { r["missed"] = missed[w.reports.worker] ?? 0 }
                r["grade"] = w.grade.map { $0.rawValue as Any } ?? NSNull()
                return r
            }
            print(Output.json(o))
            return
        }
        let rows: [[String]] = pc.workers.map { w in
            var r: [String] = [w.reports.worker, w.reports.name, w.reports.grid, String(w.reports.reports)]
            if let missed { r.append(String(missed[w.reports.worker] ?? 0)) }
            return r + [f(w.reports.ok), f(w.reports.onPace), f(w.patrol.ok), w.grade?.rawValue ?? ""]
        }
        Output.emit(format: format, header: ["worker", "name", "grid", "reports"] + (missed == nil ? [] : ["missed"])
                        + ["reports_ok", "on_pace", "grid_patrol_ok", "grade"],
                    rows: rows, rightAligned: missed == nil ? [3] : [3, 4])
        if format == "table" { print(periodNote(pc)) }
    }
}
