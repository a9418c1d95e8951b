/// The bulletin's own words (通报用语), key → (Chinese, English). Names of states, platforms and grades
/// come from the domain types; only the document's headings, captions and notes are here.
struct BulletinText {
    let language: Language

    subscript(_ key: String) -> String {
        guard let pair = BulletinText.table[key] else { return key }
        return language == .zh ? pair.0 : pair.1
    }

    static let table: [String: (String, String)] = [
        "title": ("%@社会治理%@通报", "%@ Social Governance %@ Bulletin"),
        "takenAt": ("数据截至 %@（%@）", "Figures as at %@ (%@)"),
        "provisional": ("暂定：本期尚未结束，数字为截至目前的进度，不作最终考核等次。",
                        "Provisional: the period has not ended; figures are to date and no final grade is given."),
        "provisionalShort": ("暂定", "PROVISIONAL"),
        "page": ("第 %@ 页 / 共 %@ 页", "page %@ of %@"),
        // Section headings
        "s1": ("一、主要指标", "1. Headline figures"), "s2": ("二、案件办理", "2. Matters handled"),
        "s3": ("三、网格巡查与上报", "3. Grid patrol and reporting"), "s4": ("四、红黑榜", "4. Red and black lists"),
        "s5": ("五、超期及上报区级未结事项", "5. Overdue and escalated matters still open"), "s6": ("六、说明", "6. Method"),
        // Headline table
        "h.indicator": ("指标", "Indicator"), "h.current": ("本期", "This period"), "h.previous": ("上期", "Previous period"),
        "h.change": ("环比", "Change"),
        "h.takenIn": ("受理事项（件）", "Matters taken in"), "h.due": ("应结案数（件）", "Matters due"),
        "h.closure": ("结案率", "Closure rate"), "h.onTime": ("按期结案率", "On-time closure rate"),
        "h.rework": ("返工率", "Rework rate"), "h.urges": ("督办（次）", "Urgings"),
        "h.reply": ("回复率", "Reply rate"), "h.replyOnTime": ("按时回复率", "On-time reply rate"),
        "h.revisit": ("回访率", "Revisit rate"), "h.satisfaction": ("满意率", "Satisfaction rate"),
        "h.onTheSpot": ("矛盾纠纷就地化解率", "Disputes settled on the spot"), "h.control": ("稳控率", "Disputes under control"),
        "h.escalated": ("上报区级未结（当前，件）", "Escalated, still open (now)"),
        "h.overdue": ("超期未结（当前，件）", "Overdue, still open (now)"),
        "h.gridsMet": ("巡查达标网格", "Grids meeting the patrol mark"), "h.workersMet": ("上报达标网格员", "Workers meeting the reports"),
        "pp": ("%@ 个百分点", "%@ pts"), "nochange": ("持平", "no change"),
        // Charts
        "c.dept": ("图1 各部门应结案件办理情况（按平台）", "Figure 1. Matters due by department, by platform"),
        "c.dept.caption": ("统计本期首个处置时限落在期内的事项（作废、合并除外）。绿＝按期办结，黄＝办结但超期或延期，灰＝未结。右侧为数字。",
                           "Matters whose first handling deadline fell in the period (invalid and merged left out). Green = closed on time, amber = closed late or extended, grey = not closed. Figures on the right."),
        "c.dept.note": ("应结 %@ · 按期 %@ · 结案率 %@", "due %@ · on time %@ · closure %@"),
        "t.department": ("部门", "Department"), "t.due": ("应结", "Due"), "t.closed": ("结案", "Closed"), "t.onTimeCount": ("按期结案", "On time"),
        "t.closure": ("结案率", "Closure"), "t.onTime": ("按期结案率", "On-time rate"), "t.extended": ("延期", "Extended"),
        "t.reworkRate": ("返工率", "Rework"), "t.urges": ("督办", "Urged"), "t.total": ("合计", "Total"),
        "c.none": ("（未派遣）", "(not dispatched)"),
        "c.trend": ("图2 受理与结案走势", "Figure 2. Matters taken in and closed"),
        "c.trend.caption.month": ("按周统计（每月 1–7 日、8–14 日、15–21 日、22–28 日、29 日至月末）：受理数按上报时间，结案数按结案时间。",
                                  "By week of the month (days 1–7, 8–14, 15–21, 22–28, 29–end): taken in by reported time, closed by closing time."),
        "c.trend.caption.months": ("按月统计：受理数按上报时间，结案数按结案时间。", "By month: taken in by reported time, closed by closing time."),
        "c.takenIn": ("受理", "taken in"), "c.closed": ("结案", "closed"),
        "c.patrol": ("图3 网格日均巡查时长分布（基础网格数）", "Figure 3. Grids by average daily patrol (number of basic grids)"),
        "c.patrol.mark": ("标准：日均不少于 %@ 分钟（绿色为达标）", "Mark: at least %@ min a day on average (green = met)"),
        "c.reports": ("图4 网格员上报件数分布（人数）", "Figure 4. Grid workers by matters reported (number of workers)"),
        "c.reports.mark": ("标准：本期不少于 %@ 件（绿色为达标）", "Mark: at least %@ in the period (green = met)"),
        "c.map": ("图5 网格达标分布图", "Figure 5. Grid map of compliance"),
        "c.map.caption": ("按网格图位置排列。绿＝达标，橙＝未达标，红＝无网格员；“超期”图中红＝有超期未结事项。",
                          "Laid out as the console's grid map. Green = met, orange = not met, red = no worker; on the overdue map red = an overdue matter is open."),
        "c.map.patrol": ("巡查", "Patrol"), "c.map.reports": ("上报", "Reports"), "c.map.overdue": ("超期", "Overdue"),
        "c.map.unmet": ("未达标：%@", "not met: %@"), "c.map.overdueList": ("有超期未结事项：%@", "with overdue open matters: %@"),
        "c.map.unplaced": ("未标注位置的网格：%@", "grids without a map position: %@"),
        "c.figures": ("数字：%@", "Figures: %@"),
        "none": ("无", "none"),
        // Lists
        "l.redGrids": ("红榜 · 网格", "Red list · grids"), "l.blackGrids": ("黑榜 · 网格", "Black list · grids"),
        "l.redWorkers": ("红榜 · 网格员", "Red list · grid workers"), "l.blackWorkers": ("黑榜 · 网格员", "Black list · grid workers"),
        "l.rank": ("名次", "Rank"), "l.code": ("编码", "Code"), "l.name": ("名称", "Name"), "l.grade": ("等次", "Grade"),
        "l.reason": ("理由", "Reason"), "l.gradeProvisional": ("（暂定）", " (provisional)"),
        "l.rule": ("红榜：巡查、上报均达标者，优者在前；黑榜：有一项未达标者，差者在前；无网格员的网格列入黑榜。",
                   "Red list: both marks met, best first. Black list: a mark missed, worst first; a grid without a worker is always on the black list."),
        "l.missed": ("应报未报（按网格）", "Should have been reported (by grid)"),
        "l.missedRule": ("热线、群众、视频、督查、驻村渠道来的本网格应报类别事项，此前 72 小时内无网格员上报同类事项的；逐件列出编号，供研判（gridroom report missed）。",
                         "Matters of a worker-reportable category that came through the hotline, the public, video, an inspection or a village visit with no grid worker's report of the same category in that grid in the window before (72 h by default); each listed by number for judgement (gridroom report missed)."),
        "l.missedCount": ("件数", "Matters"), "l.missedNumbers": ("编号", "Numbers"),
        // Open late
        "o.number": ("编号", "Number"), "o.title": ("标题", "Title"), "o.grid": ("网格", "Grid"), "o.department": ("部门", "Department"),
        "o.state": ("状态", "State"), "o.due": ("时限", "Due"), "o.over": ("超期天数", "Days over"), "o.urgent": ("紧急", "urgent"),
        "o.count": ("共 %@ 件：超期 %@ 件，上报区级未结 %@ 件。", "%@ in all: %@ overdue, %@ with the district."),
        "o.more": ("另有 %@ 件未列出，详见 gridroom cases --overdue。", "%@ more not listed; see gridroom cases --overdue."),
        // Method
        "m.period": ("统计周期：%@ 至 %@（%@时间）。", "Period: %@ to %@ (%@ time)."),
        "m.takenIn": ("受理事项：期内上报的全部事项，含各渠道，含后来作废或合并的。", "Matters taken in: every matter reported in the period, all channels, including those later invalidated or merged."),
        "m.due": ("应结案数：首个处置时限落在期内的事项，作废、合并的除外。", "Matters due: those whose first handling deadline fell in the period, except invalid and merged ones."),
        "m.closure": ("结案率 = 结案数 ÷ 应结案数。", "Closure rate = closed ÷ due."),
        "m.onTime": ("按期结案率 = 按期结案数 ÷（应结案数 − 延期数）；按期指各环节均未超期且未延期。",
                     "On-time closure rate = closed on time ÷ (due − extended); on time means no stage ever overdue and no extension."),
        "m.rework": ("返工率 = 返工过的结案数 ÷ 结案数。", "Rework rate = closed matters reworked at least once ÷ closed."),
        "m.rates": ("比率保留两位小数（四舍五入）；环比为本期减上期，比率以百分点计。",
                    "Rates to two decimals, rounded half up; change = this period minus the previous, in percentage points for rates."),
        "m.patrol": ("巡查达标：网格期内巡查总时长 ≥ %@ 分钟 × 已过天数（日均标准）；同一时段多人巡查只计一次。",
                     "Patrol mark: a grid's patrol time over the period ≥ %@ min × days passed (daily average); overlapping sessions count once."),
        "m.reports": ("上报达标：网格员期内有效上报 ≥ %@ 件（每月 %@ 件 × %@ 个月）；作废和被合并的不计。",
                      "Reports mark: a worker's counted reports in the period ≥ %@ (%@ a month × %@ months); invalid and merged ones do not count."),
        "m.grade": ("等次规则（占标准的百分比，巡查/上报）：%@。", "Grade rule (percent of the marks, patrol/reports): %@."),
        "m.calendar": ("工作日历：国家法定节假日及已导入的调休安排。", "Calendar: the statutory holidays and the loaded make-up working days."),
        "m.calendarWarn": ("注意：%@ 年的调休安排尚未导入，仅按法定节假日计算时限。", "Note: the make-up working days of %@ are not loaded; deadlines use the statutory holidays only."),
        "m.loops": ("回复率、按时回复率、回访率以结案数为分母，满意率 = （满意 + 基本满意）/ 回访数；矛盾纠纷按受理时间计：就地化解率 = 就地化解 / 受理（目标 95%），稳控率 = 未就地化解中已结案或稳控 / 未就地化解（目标 100%）。",
                    "Reply, on-time reply and revisit rates are over closed matters; satisfaction = (satisfied + fairly satisfied) / revisited; disputes by report date: on the spot = settled on the spot / taken in (target 95%), under control = closed or under control / not settled on the spot (target 100%)."),
        "m.source": ("数字取自指挥室 GridRoom 数据库，与 gridroom report evaluation / compliance / redblack 同期结果一致。",
                     "Figures are taken from the command room's GridRoom file and equal gridroom report evaluation / compliance / redblack for the same period."),
    ]

    /// The text for `key` with each `%@` replaced by the next argument.
    func f(_ key: String, _ args: CustomStringConvertible...) -> String {
        var out = ""
        var rest = Substring(self[key])
        var i = 0
        while let r = rest.range(of: "%@") {
            out += rest[..<r.lowerBound]
            out += i < args.count ? args[i].description : ""
            i += 1
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
