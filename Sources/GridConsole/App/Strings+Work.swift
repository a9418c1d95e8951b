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
        "cmd.unknown2": ("未知命令：%@（可用：case 编号、grid 代码、search 文字、help、q、1-6）",
                         "unknown command: %@ (try: case NUMBER, grid CODE, search TEXT, help, q, 1-6)"),
        // Matter page: reading
        "matter.scrollMark": ("第 %d–%d 行，共 %d 行", "lines %d–%d of %d"),
        "matter.viewTitle": ("%@（Esc 返回，↑↓ PgUp/PgDn 滚动）", "%@ (Esc back, ↑↓ PgUp/PgDn scroll)"),
        "form.reportedAt": ("受理时间", "Reported at"), "form.callerName": ("来电人", "Caller"), "form.callerPhone": ("来电号码", "Caller phone"),
        "form.orderNo": ("工单号", "Work order"), "form.badTime": ("%@：「%@」不是时间（YYYY-MM-DD HH:MM）", "%@: \"%@\" is not a time (YYYY-MM-DD HH:MM)"),
        "form.restored": ("已恢复上次未保存的草稿（Esc 放弃即删除）", "restored your unsaved draft (Esc and discard deletes it)"),
        "hint.choose": ("选定", "choose"), "hint.helpKey": ("帮助", "help"),
        "field.caller_name": ("来电人", "Caller"), "field.caller_phone": ("来电号码", "Caller phone"), "field.order_no": ("工单号", "Work order"),
    ]
}
