extension Strings {
    /// The words of the Patrol screen's months, the grid page and the worker page: key → (Chinese, English).
    /// Kept apart so that one feature's words sit together; `subscript` reads every table.
    static let patrolTable: [String: (String, String)] = [
        // Patrol screen: the month
        "pt.monthEnded": ("%@ · 已结束 · 最终等次", "%@ · ended · final grades"),
        "pt.monthRunning": ("%@（本月）· 已过 %d/%d 天 · 按进度评定，暂定", "%@ (this month) · %d of %d days done · graded on pace, provisional"),
        "pt.total": ("月巡查(时:分)", "Total (h:mm)"), "pt.reportsMonth": ("上报(件)", "Reports"), "pt.gradeFinal": ("等次", "Grade"),
        "pt.provisional": ("（暂定）", " (provisional)"),
        "pt.noLater": ("已是本月：没有更晚的月份", "this is the current month: there is no later one"),
        "hint.month": ("上/下月", "month"), "hint.thisMonth": ("本月", "this month"),
        "help.month": ("[ 上一个月、] 下一个月：以往月份显示最终等次（合格/不合格），本月显示进度（暂定）",
                       "[ previous month, ] next month: past months show final grades (pass/fail), this month the pace (provisional)"),
        "help.thisMonth": ("回到本月", "back to this month"),
        "help.ptOpen": ("打开所选网格：网格员及其当月上报与等次", "open the selected grid: its workers with their reports and grades for the month"),
        // Grid page
        "gd.today": ("今日巡查 %@", "today %@"), "gd.avg": ("月日均 %d 分钟", "average %d min a day"),
        "gd.daysMet": ("达标 %d/%d 天", "mark met on %d of %d days"), "gd.reports": ("上报 %d/%d 件", "reports %d/%d"),
        "gd.code": ("编码", "Code"), "gd.name": ("姓名", "Name"), "gd.kind": ("类别", "Kind"), "gd.phone": ("电话", "Phone"),
        "gd.noWorkers": ("本网格没有网格员", "no workers in this grid"),
        "hint.worker": ("网格员详情", "worker"),
        "help.worker": ("打开所选网格员：当月巡查记录与上报事项", "open the selected worker: their sessions and reports for the month"),
        "help.gridPane": ("在网格员与今日巡查记录之间切换（Enter 总是打开所选网格员）", "switch between the workers and today's sessions (Enter always opens the selected worker)"),
        // Worker page
        "worker.notFound": ("没有这个网格员：%@", "no such worker: %@"),
        "wk.sessions": ("巡查 %d 次，计入 %d 分钟", "%d sessions, %d min counted"),
        "wk.reports": ("上报 %d 件，计入考核 %d/%d 件", "%d reported, %d of %d counted"),
        "wk.sessionsHeading": ("巡查记录", "Patrol sessions"), "wk.reportsHeading": ("上报事项", "Reported matters"),
        "wk.noSessions": ("当月无巡查记录", "no sessions this month"), "wk.noReports": ("当月无上报", "no reports this month"),
        "wk.counted": ("计入(分钟)", "Counted"), "wk.status": ("状态", "Status"), "wk.reportedAt": ("上报时间", "Reported"),
        "wk.tabFirst": ("先按 Tab 到上报事项，再按 Enter 打开案件", "press Tab to reach the reports, then Enter opens a matter"),
        "hint.openMatter": ("打开案件", "open matter"),
        "help.openMatter": ("打开所选上报事项的案件页（先按 Tab 到上报事项）", "open the selected report's matter page (Tab to the reports first)"),
        "help.workerPane": ("在巡查记录与上报事项之间切换", "switch between the sessions and the reports"),
    ]
}
