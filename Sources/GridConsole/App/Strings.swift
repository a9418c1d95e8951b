import GridCore

/// The console's own words (界面文字: tabs, hints, headings, prompts), in one table: key → (Chinese, English).
/// Domain names — states, urgencies, sources, moves, event kinds, roles, levels, units — are not here: they
/// come from GridCore's one name table through `name(_:)`.
public struct Strings: Sendable {
    /// The language in use.
    public let language: Language

    /// Strings in a language.
    public init(_ language: Language) { self.language = language }

    /// The name of a domain value (a state, move, role…) in this language, from GridCore's name table.
    public func name(_ value: some Named) -> String { value.displayName(language) }

    /// The text for `key` (the key itself when missing, so a gap shows rather than crashes).
    public subscript(_ key: String) -> String {
        guard let pair = Strings.table[key] ?? Strings.dutyTable[key] ?? Strings.workTable[key] ?? Strings.patrolTable[key] else { return key }
        return language == .zh ? pair.0 : pair.1
    }

    /// The table.
    static let table: [String: (String, String)] = [
        // Tabs
        "tab.overview": ("总览", "Overview"), "tab.matters": ("案件", "Matters"), "tab.overdue": ("超期督办", "Overdue"),
        "tab.patrol": ("巡查考核", "Patrol"), "tab.map": ("网格图", "Grid map"), "tab.duty": ("值班", "Duty"),
        "app.title": ("指挥室", "Command room"),
        // Status and hints
        "status.refreshed": ("刷新", "refreshed"), "status.readonly": ("只读", "READ-ONLY"),
        "status.readonlyNotice": ("数据库文件只读：只能查看，不能办理", "database file is read-only: viewing only"),
        "status.unknownUser": ("未登记人员：只能查看", "not on the staff: viewing only"),
        "status.deactivated": ("%@ 已于 %@ 被 %@ 停用：只能查看", "%@ was deactivated on %@ by %@: viewing only"),
        "hint.help": ("帮助", "help"), "hint.quit": ("退出", "quit"), "hint.back": ("返回", "back"),
        "hint.filter": ("筛选", "filter"), "hint.sort": ("排序", "sort"), "hint.open": ("打开", "open"),
        "hint.new": ("新建", "new"), "hint.screens": ("切换", "screens"), "hint.move": ("办理", "act"),
        "hint.urge": ("督办", "urge"), "hint.escalate": ("上报", "escalate"), "hint.command": ("命令", "command"),
        "hint.save": ("保存", "save"), "hint.next": ("下一项", "next field"), "hint.cancel": ("取消", "cancel"),
        "hint.pane": ("切换窗格", "pane"),
        "tooSmall": ("窗口太小：至少需要 80×24，当前 %d×%d", "Window too small: need at least 80×24, have %d×%d"),
        // Overview
        "ov.newToday": ("今日新增", "New today"), "ov.open": ("在办", "Open"), "ov.nearDue": ("临期", "Near due"),
        "ov.overdue": ("超期", "Overdue"), "ov.urgent": ("紧急在办", "Urgent open"), "ov.escalated": ("已上报", "Escalated"),
        "ov.shelved": ("挂账", "Shelved"), "ov.major": ("重大事项", "Major"), "ov.byState": ("在办·按状态", "Open by state"),
        "ov.byPlatform": ("在办·按平台", "Open by platform"), "ov.patrol": ("今日巡查", "Patrol today"),
        "ov.gridsMet": ("达2小时", "≥ 2 h"), "ov.gridsUnder": ("不足", "under"), "ov.gridsNobody": ("无人巡查", "nobody out"),
        "ov.reports": ("本月上报", "Reports this month"), "ov.pace": ("进度应达", "pace"), "ov.feed": ("最新动态", "Latest events"),
        "ov.undispatched": ("未派遣", "not dispatched"),
        // Matter table
        "col.number": ("编号", "Number"), "col.urgency": ("紧急", "Urg."), "col.category": ("类别", "Category"),
        "col.grid": ("网格", "Grid"), "col.department": ("部门", "Department"), "col.state": ("状态", "State"),
        "col.due": ("剩余/超期", "Left / over"), "col.title": ("标题", "Title"),
        "due.over": ("超%@", "over %@"), "due.left": ("剩%@", "%@ left"), "due.none": ("—", "—"),
        "matters.count": ("共 %d 件", "%d matters"), "matters.filter": ("筛选：", "Filter: "),
        "matters.sortedBy": ("排序：", "sorted by "),
        "matter.fields": ("基本信息", "Fields"), "matter.stages": ("环节时限", "Stage clocks"),
        "matter.history": ("办理经过", "History"), "matter.moves": ("可办理", "Allowed moves"),
        "matter.notFound": ("没有这个案件：%@", "no such matter: %@"),
        "matter.noMoves": ("当前状态与角色下没有可办理的操作", "no moves allowed for this state and role"),
        // Overdue
        "od.byDept": ("按部门", "By department"), "od.list": ("超期与临期，超期最久在前", "Overdue and near due, most overdue first"),
        "od.none": ("没有超期或临期案件", "Nothing overdue or near due"),
        // Patrol
        "pt.minutes": ("今日巡查(时:分)", "Today (h:mm)"), "pt.avg": ("月日均(分钟)", "Avg/day (min)"), "pt.days": ("达标天", "Days met"),
        "pt.workers": ("网格员", "Workers"), "pt.reports": ("本月上报", "Reports"), "pt.grade": ("评价", "Grade"),
        "pace.met": ("达标", "met"), "pace.onPace": ("进度正常", "on pace"), "pace.behind": ("落后", "behind"),
        "gd.workers": ("网格员", "Workers"), "gd.sessions": ("今日巡查记录", "Today's sessions"),
        "gd.ongoing": ("进行中", "under way"), "gd.start": ("开始", "Start"), "gd.end": ("结束", "End"), "gd.length": ("时长", "Length"), "gd.noSessions": ("今日无巡查", "no patrol today"),
        // Map
        "map.legend": ("红=有超期案件  黄=巡查不足  绿=正常", "red = overdue matter  yellow = under patrol mark  green = fine"),
        "map.unplaced": ("未标注位置的网格：%d", "grids without a map position: %d"),
        "map.none": ("没有基础网格", "no basic grids"),
        // New matter form
        "form.title": ("新建案件", "New matter"), "form.grid": ("网格", "Grid"), "form.category": ("类别", "Category"),
        "form.department": ("部门", "Department"), "form.source": ("来源", "Source"), "form.titleField": ("标题", "Title"),
        "form.description": ("描述", "Description"), "form.location": ("地点", "Location"), "form.reporter": ("上报人", "Reporter"),
        "form.urgency": ("紧急程度", "Urgency"), "form.required": ("必填：%@", "required: %@"),
        "form.notFound": ("%@：没有匹配「%@」的选项", "%@: nothing matches \"%@\""),
        "form.saved": ("已受理：%@", "taken in: %@"), "form.duplicate": ("可能重复：%@ — 再按 Ctrl-S 仍然保存", "possible duplicate: %@ — Ctrl-S again to save anyway"),
        "form.discard": ("放弃未保存的内容？", "Discard the unsaved form?"),
        "form.unavailable": ("受理功能尚未接入", "intake is not available in this build"),
        // Modal / alerts / command
        "confirm.yesNo": ("(y 确认 / n 取消)", "(y yes / n no)"),
        "alert.urgent": ("紧急案件：%@", "URGENT matter: %@"), "alert.major": ("重大事项：%@", "MAJOR matter: %@"), "alert.overdue": ("新超期：%@", "Newly overdue: %@"),
        "cmd.unknown": ("未知命令：%@（可用：case 编号、grid 网格编码、search 文字、help、q、1-6）",
                        "unknown command: %@ (try: case NUMBER, grid CODE, search TEXT, help, q, 1-6)"),
        "help.title": ("按键帮助（任意键关闭）", "Keys (any key closes)"),
        "help.global": ("1-6 切换页面 · n 新建 · / 筛选 · : 命令 · ? 帮助 · Esc/q 返回 · Ctrl-L 重绘 · Q 退出",
                        "1-6 screens · n new · / filter · : command · ? help · Esc/q back · Ctrl-L redraw · Q quit"),
        "help.list": ("↑↓/j k 移动 · PgUp/PgDn 翻页 · g/G 首/末 · Enter 打开", "↑↓/j k move · PgUp/PgDn page · g/G top/bottom · Enter open"),
        "help.sort": ("s 换排序列 · S 反向", "s next sort column · S reverse"),
        "help.overdue": ("u 督办 · e 上报区指挥中心", "u urge · e escalate to the district"),
        "help.matter": ("m 办理（列出可办理操作）· Tab 切换窗格", "m act (allowed moves) · Tab switch pane"),
        "help.map": ("方向键移动 · Enter 打开网格", "arrows move · Enter open grid"),
        "help.form": ("Tab/↓ 下一项 · ↑ 上一项 · 输入即筛选 · Ctrl-S 保存 · Esc 取消", "Tab/↓ next · ↑ previous · type to filter · Ctrl-S save · Esc cancel"),
        "error.prefix": ("出错：", "Error: "),
        "move.urge": ("督办", "urge"),
        "form.dispatched": ("已受理并派遣：%@", "taken in and dispatched: %@"),
        "grid.notFound": ("没有这个网格：%@", "no such grid: %@"),
        "prompt.mergeTarget": ("目标编号", "target number"), "prompt.extension": ("天数 理由", "days reason"),
        "prompt.reply": ("渠道 内容：12345热线/电话/短信/上门/微信", "channel text: hotline/phone/sms/visit/wechat"),
        "prompt.revisit": ("结果 说明：满意/基本满意/不满意", "result note: satisfied/basic/unsatisfied"),
        "yes": ("是", "yes"), "no": ("否", "no"),
        "hist.when": ("时间", "When"), "hist.move": ("操作", "Move"), "hist.by": ("人员", "By"), "hist.note": ("说明", "Note"),
        // The file: mode, waiting for the lock, damage
        "status.rehearsal": ("演练", "rehearsal"),
        "status.waitingDB": ("等待数据库…（其他程序正在写入，表单内容已保留）", "waiting for the database… (another program is writing; the form is kept)"),
        "status.busyHeld": ("数据库仍被占用，未保存（表单内容已保留，可再试）：%@", "the database is still busy; nothing saved (the form is kept; try again): %@"),
        "status.busyUnknown": ("无法确定占用者", "could not tell which program holds it"),
        "banner.damaged": ("数据库文件已损坏：停止录入，运行 gridroom check 并恢复经校验的备份（见 Docs/reliability.md）",
                           "the database file is DAMAGED: stop entering data, run gridroom check and restore a verified backup (Docs/reliability.md)"),
    ]
}

extension Strings {
    /// The text for `key` with each `%@` or `%d` replaced by the next argument.
    public func f(_ key: String, _ args: CustomStringConvertible...) -> String {
        var out = ""
        var rest = Substring(self[key])
        var i = 0
        while let r = rest.range(of: "%") {
            out += rest[..<r.lowerBound]
            let after = rest[r.upperBound...]
            if let c = after.first, c == "@" || c == "d", i < args.count {
                out += args[i].description; i += 1
                rest = after.dropFirst()
            } else {
                out += "%"; rest = after
            }
        }
        return out + rest
    }
}
