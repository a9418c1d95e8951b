import Foundation

/// Column headings of every listing and report (列名), keyed by their English code.
///
/// The code is what CSV headers and JSON keys carry (scripts and importers rely on it); people reading a table
/// in Chinese see the name here. `--headings zh` writes CSV with these names, and an importer may map a
/// Chinese header back with `code(forName:)`.
public enum Heading {
    /// The Chinese name of each column code.
    public static let chinese: [String: String] = [
        // Registry
        "code": "编码", "name": "名称", "level": "层级", "parent": "上级", "row": "行", "col": "列",
        "map_row": "图上行", "map_col": "图上列", "phone": "电话", "kind": "类型", "grid": "网格", "partner": "AB岗搭档",
        "platform": "平台", "major": "大类", "department": "部门", "urgency": "紧急程度",
        "dispatch_limit": "派遣时限", "handle_limit": "处置时限", "verify_limit": "核查时限", "dispute": "矛盾纠纷",
        // Matters
        "number": "编号", "reported_at": "受理时间", "source": "来源", "reporter": "上报人", "category": "类别",
        "state": "状态", "due_at": "到期时间", "overdue": "超期", "near_due": "临期", "shelved": "挂账", "version": "版本",
        "title": "标题", "description": "描述", "location": "地点", "stage": "环节", "limit": "时限", "started_at": "开始", "original_due_at": "原到期时间",
        "finished_at": "结束", "at": "时间", "from": "原状态", "to": "新状态", "actor": "操作人", "stage_seconds": "环节用时(秒)",
        "extension_days": "延期工作日", "note": "说明", "setting": "设置项", "value": "值", "key": "设置项",
        "first_contact": "首问责任人", "near_due_at": "临期时间", "is_overdue": "超期", "ever_overdue": "曾超期",
        "handle_due_at": "首个处置期限", "urges": "督办次数", "extensions": "延期次数", "first_report": "首报",
        "duplicate_of": "疑似重复", "merged_into": "并入", "ended_at": "结束时间", "updated_at": "最后更新",
        "updated_by": "最后操作人", "move": "操作", "complete": "完成",
        "sign_due_at": "签收期限", "signed_at": "签收时间", "signed_by": "签收人", "sign_overdue": "未签收",
        "reply_due_at": "回复期限", "replied_at": "回复时间", "reply_overdue": "回复超期", "revisit_result": "回访结果",
        "channel": "回复渠道", "result": "结果", "settled": "就地化解", "under_control": "稳控", "major_matter": "重大事项", "co_handlers": "协办部门",
        // Evaluation
        "group": "分组", "due": "应结案数", "closed": "结案数", "closed_on_time": "按期结案数", "closure_rate": "结案率",
        "on_time_rate": "按期结案率", "extended": "延期数", "reworks": "返工次数", "rework_rate": "返工率",
        "urges_ordinary": "普通督办", "urges_yellow": "黄牌督办", "urges_red": "红牌督办",
        "replied": "回复数", "reply_rate": "回复率", "on_time_reply_rate": "按时回复率", "revisited": "回访数", "revisit_rate": "回访率",
        "satisfaction_rate": "满意率",
        // Compliance and patrols
        "days": "天数", "patrol_minutes": "巡查分钟", "avg/day": "日均分钟", "avg_per_day": "日均分钟", "days_met": "达标天数",
        "days_meeting_patrol": "巡查达标天数", "patrol_ok": "巡查达标", "today": "今日", "workers": "网格员数", "reports": "上报数",
        "reports_ok": "上报达标", "on_pace": "进度正常", "grade": "评价", "flag": "提示", "worker": "网格员", "grid_patrol_ok": "网格巡查达标",
        "list": "榜单", "rank": "名次", "id": "编号", "start": "开始", "end": "结束", "minutes": "分钟", "status": "状态",
        "confirmed_by": "确认人", "reason": "理由", "report_target": "上报目标", "missed": "应报未报", "credits": "首报数",
        "score": "得分", "figures": "得分构成", "head": "网格长", "instructor": "网格指导员", "window_hours": "窗口(小时)",
        "worker_reportable": "网格员应报", "grid_name": "网格名称", "reporter_name": "上报人姓名", "summary": "事项摘要", "department_name": "部门名称", "dispatched_at": "派遣时间", "fed_back_at": "反馈时间", "verified_at": "核查时间", "reworked_closed": "返工过的结案", "category_name": "类别名称", "grid_workers": "本网格网格员", "closed_at": "结案时间", "event_at": "事件时间",
        // Calendar, staff, import log
        "date": "日期", "workday": "工作日", "login": "登录名", "role": "角色", "active": "在岗", "deactivated_on": "停用日期", "deactivated_by": "停用人", "file": "文件", "sha256": "SHA-256",
        "rows": "行数", "written": "写入", "rejected": "拒收", "started": "开始", "finished": "结束",
        // Duty roster
        "shift": "班次", "deputy": "副班", "handover_note": "交班记录", "time": "时段", "deputy_name": "副班姓名",
    ]

    /// English headings that are not just the code read aloud.
    static let english: [String: String] = ["is_overdue": "overdue", "avg_per_day": "avg/day", "sha256": "SHA-256"]

    /// The heading of column `code` in `language`: the Chinese name, or in English the code with spaces
    /// (`reported at`); the code itself when no name is known.
    public static func name(_ code: String, _ language: Language) -> String {
        language == .zh ? (chinese[code] ?? code) : (english[code] ?? code.replacingOccurrences(of: "_", with: " "))
    }

    /// The code among `codes` (one file's header) of a heading given by its code or its Chinese name, for
    /// importers that accept both; names repeat across files (开始), never within one header.
    public static func code(forName text: String, among codes: [String]) -> String? {
        if codes.contains(text) { return text }
        return codes.first { chinese[$0] == text }
    }
}
