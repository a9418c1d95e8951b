import Foundation

/// Why a place is on the red or black list (上榜理由), in the words a bulletin prints:
/// `巡查达标 18/30 天，日均 95.2 分钟；W006 上报 4/10 件`.
public enum RedBlackReason {
    /// A grid's reason: its patrol (days that met the mark, daily average) and its reporting (each worker
    /// under target by code and count, or the weakest count when all met; 无网格员 with no worker).
    public static func grid(_ g: GridCompliance, dailyTarget: Int, reportTarget: Int, language: Language) -> String {
        let zh = language == .zh
        var parts = [patrol(g.patrol, dailyTarget: dailyTarget, language: language)]
        if g.reports.noWorker {
            parts.append(zh ? "无网格员" : "no grid worker")
        } else {
            let under = g.workers.filter { $0.reports < reportTarget }
            if under.isEmpty {
                parts.append(zh ? "上报均达标（最少 \(g.reports.weakest ?? 0) 件）" : "every worker met the reports (least \(g.reports.weakest ?? 0))")
            } else {
                parts += under.map { "\($0.worker) " + (zh ? "上报 \($0.reports)/\(reportTarget) 件" : "reported \($0.reports)/\(reportTarget)") }
            }
        }
        return parts.joined(separator: zh ? "；" : "; ")
    }

    /// A worker's reason: their own reports against target, and their grid's patrol.
    public static func worker(_ w: WorkerCompliance, dailyTarget: Int, reportTarget: Int, language: Language) -> String {
        let zh = language == .zh
        let reports = zh ? "上报 \(w.reports.reports)/\(reportTarget) 件" : "reported \(w.reports.reports)/\(reportTarget)"
        let grid = zh ? "所在网格 \(w.reports.grid) " : "grid \(w.reports.grid) "
        return reports + (zh ? "；" : "; ") + grid + patrol(w.patrol, dailyTarget: dailyTarget, language: language)
    }

    /// `巡查达标 18/30 天，日均 95.2 分钟` (the average to one decimal, rounded half up on the exact minutes).
    static func patrol(_ p: PatrolFigure, dailyTarget: Int, language: Language) -> String {
        let avg = p.averageMinutes.map { String(format: "%.1f", $0) } ?? "—"
        return language == .zh
            ? "巡查达标 \(p.daysMeeting)/\(p.days) 天，日均 \(avg) 分钟（标准 \(dailyTarget)）"
            : "patrol mark met \(p.daysMeeting)/\(p.days) days, \(avg) min a day (mark \(dailyTarget))"
    }
}
