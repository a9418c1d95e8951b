import GridCore

/// The command line's help in Chinese (命令行帮助): one summary per command, and the frame of `gridroom --help`.
/// The English ones stay with each command (`Command.summary`).
enum HelpWords {
    /// Chinese summaries by command name.
    static let chinese: [String: String] = [
        "console": "打开指挥室控制台（不带命令时的默认）",
        "init": "创建数据库（加 --demo 载入演示乡镇）",
        "staff": "查看和管理控制台用户（管理员）：add、list、set-role、deactivate、activate",
        "calendar": "打印一年的办公日历、计算到期时间、设置某一天（管理员）",
        "import": "导入 CSV 文件：grids、workers、departments、categories、cases、patrols、roster",
        "imports": "查看导入记录 [--format table|csv|json]",
        "grids": "列出网格 [--format table|csv|json]",
        "workers": "列出网格员 [--format table|csv|json]",
        "departments": "列出部门 [--format table|csv|json]",
        "categories": "列出类别及其时限 [--format table|csv|json]",
        "backup": "在他人继续工作时做一份一致的数据库副本",
        "check": "检查文件完整性并重算每个维护的统计数",
        "sweep": "记录超期的环节（供 cron 调用；文件忙时从不等待）",
        "demo": "生成指定规模的模拟乡镇（用于规模测试）",
        "bench": "测量页面加载、绘制、启动、实时延迟、空闲 CPU、导入速度和内存",
        "patrol": "登记巡查：start、stop、add、confirm、list；考核参数",
        "case": "受理、流转和查看单个案件：new、dispatch、feedback、verify、urge、show……",
        "cases": "列出和检索案件：--open --overdue --near-due --shelved --grid --department --category --state --source --from --to --by --search",
        "ledger": "期间的案件台账（CSV）：--month/--quarter/--year/--from --to [--by reported|closed|event]",
        "report": "报表：evaluation（结案率、按期结案率、返工率）、compliance（巡查与上报考核）、redblack（红黑榜）、missed（应报未报）、first-reports（首报激励）、scores（考核评分）、settings（考核设置）、bulletin（通报，可打印的 HTML）",
        "duty": "值班：show、start、end、note、ack、history；排班：roster、plan",
        "settings": "查看或设置控制台与巡查时段设置：settings show | settings set 设置项 值（督查）",
    ]

    /// A command's one-line summary in `language`.
    static func summary(_ name: String, english: String, _ language: Language) -> String {
        language == .zh ? (chinese[name] ?? english) : english
    }

    /// The frame of `gridroom --help` in Chinese: title and usage, then (after the commands) the global options.
    static let zhHead = """
    gridroom — 社会治理综合指挥室控制台

    用法：gridroom [--db 路径] [--now ISO-8601] [--lang zh|en] [--headings zh|en] [命令 [参数]]

    不带命令时打开数据库上的实时控制台。

    命令：

    """
    static let zhTail = """

    全局选项：
      --db 路径        数据库文件（否则 $GRIDROOM_DB，再否则 ./gridroom.sqlite）
      --now 时间       固定“现在”（否则 $GRIDROOM_NOW），如 2026-11-22T09:30:00+08:00
      --lang zh|en     界面语言：表格、消息、拒绝原因和帮助（否则 $GRIDROOM_LANG，默认 zh）
      --headings zh|en CSV 的列名（默认 en：英文编码，脚本与导入依赖它；zh：中文列名）
      --read-only      只读打开（否则 $GRIDROOM_READ_ONLY=1）：可查看，写入被拒绝
      $GRIDROOM_DEMO_AS=登录名  仅演练文件：以该人员身份操作（控制台与写入，按其审计），如 duty1

    `gridroom 命令 --help` 说明一个命令。退出状态：0 成功，1 失败，2 用法错误。

    """
}
