extension Strings {
    /// The strings of the operator's working day (search, reading pages, bindings, pickers): key → (Chinese, English).
    /// Kept apart from `table` so that each feature's words sit together; `subscript` reads both.
    static let workTable: [String: (String, String)] = [
        // Matters: search and scope
        "matters.countMore": ("共 %d+ 件", "%d+ matters"), "matters.scopeOpen": ("范围：在办", "scope: open"),
        "matters.scopeAll": ("范围：全部（含已结束）", "scope: all (ended too)"), "matters.newestFirst": ("新→旧", "newest first"),
        "matters.bounded": ("单字只查最近 %d 件", "one character: newest %d only"),
        "hint.scope": ("在办/全部", "open/all"), "hint.search": ("检索", "search"), "hint.clear": ("清除", "clear"),
        "hint.sortBack": ("上一排序列", "previous sort column"), "hint.reverse": ("反向", "reverse"),
        "hint.move.keys": ("移动", "move"), "hint.view": ("全文", "full text"), "hint.scroll": ("翻页", "scroll"),
        "help.search": ("检索任意文字（编号、标题、描述、地点、来电人、电话、工单号、办理说明），可加 state: grid: dept: cat: from: to: 条件，写代码或名称；state:all 含已结束",
                        "search any text (number, title, description, location, caller, phone, work order, notes), with state: grid: dept: cat: from: to: terms, codes or names; state:all includes ended"),
        "help.scope": ("在办与全部（含已结束）之间切换", "switch between open and all (ended too)"),
        "help.moveKeys": ("↑↓/j k 移动 · PgUp/PgDn 翻页 · g/G 首/末", "↑↓/j k move · PgUp/PgDn page · g/G top/bottom"),
        "alert.undispatched": ("紧急未派遣（已过派遣时限）：%@", "URGENT, still not dispatched: %@"),
        "pace.behind.patrol": ("巡查落后", "patrol behind"), "pace.behind.reports": ("上报落后", "reports behind"),
        "pace.behind.both": ("巡查、上报落后", "patrol and reports behind"),
        "gd.minutes": ("%d 分钟", "%d min"), "gd.nearLimit": ("近%d小时上限", "near the %d h limit"),
        "gd.pastLimit": ("超%d小时，需确认", "over %d h: needs confirmation"),
        "status.fixedClock": ("固定时钟", "fixed clock"),
        // Move dialog
        "ask.department": ("派往部门", "department"), "ask.level": ("督办等级", "level"), "ask.days": ("延期工作日", "working days"),
        "ask.mergeTarget": ("目标编号或检索词", "target number or search words"), "ask.note": ("说明", "note"),
        "ask.reason": ("理由（必填）", "reason (required)"), "ask.levelKeys": ("←→ 或 1/2/3 选择，Enter 确定", "←→ or 1/2/3, Enter"),
        "ask.required": ("%@：必填", "%@: required"), "ask.badDays": ("延期工作日须为 %d–%d 的整数", "working days must be a whole number from %d to %d"),
        "ask.noDepartment": ("部门：没有匹配「%@」的部门", "department: nothing matches \"%@\""),
        "merge.none": ("没有找到「%@」：请输入目标编号", "nothing found for \"%@\": type the target's number"),
        "merge.many": ("「%@」符合多件：%@；请输入编号", "\"%@\" matches several: %@; type the number"),
        "urge.ordinary": ("普通", "ordinary"), "urge.yellow": ("黄牌", "yellow"), "urge.red": ("红牌", "red"),
        "help.urge": ("督办：选等级（普通/黄牌/红牌），写说明", "urge: choose the level (ordinary/yellow/red), write a note"),
        "help.escalate": ("上报区指挥中心：须写理由", "escalate to the district: a reason is required"),
        "matter.extension": ("延期申请", "Extension"),
        "matter.extensionText": ("%d 个工作日 · %@ · %@ %@ 申请，待审批", "%d working days · %@ · asked by %@ %@, pending"),
        "od.extension": ("延期", "Ext."), "od.extensionPending": ("待批", "pending"), "hint.decide": ("延期审批", "decide extension"),
        // Matter page: reading
        "matter.scrollMark": ("第 %d–%d 行，共 %d 行", "lines %d–%d of %d"),
        "matter.viewTitle": ("%@（Esc 返回，↑↓ PgUp/PgDn 滚动）", "%@ (Esc back, ↑↓ PgUp/PgDn scroll)"),
        "form.reportedAt": ("受理时间", "Reported at"), "form.callerName": ("来电人", "Caller"), "form.callerPhone": ("来电号码", "Caller phone"),
        "form.orderNo": ("工单号", "Work order"), "form.badTime": ("%@：「%@」不是时间（YYYY-MM-DD HH:MM）", "%@: \"%@\" is not a time (YYYY-MM-DD HH:MM)"),
        "form.restored": ("已恢复上次未保存的草稿（Esc 放弃即删除）", "restored your unsaved draft (Esc and discard deletes it)"),
        "form.ambiguous": ("%@：「%@」符合多项：%@；请选定一项（↑↓ Enter）", "%@: \"%@\" matches several: %@; choose one (↑↓ Enter)"),
        "hint.previous": ("上一项（选单内上移）", "previous field (up in a list)"),
        "help.formCancel": ("取消；有未保存内容时先问，放弃即删除草稿", "cancel; asks first when there is unsaved text, and discarding deletes the draft"),
        "hint.choose": ("选定", "choose"), "hint.helpKey": ("帮助", "help"),
        "field.caller_name": ("来电人", "Caller"), "field.caller_phone": ("来电号码", "Caller phone"), "field.order_no": ("工单号", "Work order"),
    ]
}
