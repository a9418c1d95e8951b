import GridCore
import GridStore

/// Each command's long help in Chinese (命令详细帮助), for `gridroom NAME --help`, keyed by the command's name;
/// a report kind's by `report KIND`. The English stays with each command (`Command.usage`), so a new command
/// needs only a line here (GridCLITests fails until it has one). Options, codes, file names, examples and the
/// capitalised placeholders (`NUMBER`, `YYYY-MM`) stay as they are; domain names (states, roles, sources) come
/// from GridCore's one name table, so help and screens say the same word.
extension HelpWords {
    /// The Chinese name of a domain value, for the texts below.
    private static func n(_ value: some Named) -> String { value.names.zh }

    /// Chinese long help by command name (and `report KIND` for each report kind).
    static var chineseUsage: [String: String] {
        var texts = [
            "console": console, "init": initText, "staff": staff, "calendar": calendar, "import": importText,
            "imports": imports, "backup": backup, "check": check, "sweep": sweep, "demo": demo, "bench": bench,
            "patrol": patrol, "settings": settings, "case": caseText, "cases": cases, "ledger": ledger, "duty": duty,
            "grids": registry(GridsCommand.name, "全部网格，\(n(GridLevel.township))在前", GridsCommand.header),
            "workers": registry(WorkersCommand.name, "全部网格员及其网格和AB岗搭档", WorkersCommand.header),
            "departments": registry(DepartmentsCommand.name, "全部部门及其平台", DepartmentsCommand.header),
            "categories": registry(CategoriesCommand.name, "全部类别及其部门、紧急程度和时限", CategoriesCommand.header),
        ]
        for (kind, text) in reportKinds { texts["report " + kind] = text }
        // The report command's help is its kinds' help, as in English.
        texts["report"] = "用法：\n" + ReportCommand.kinds.map { $0.usage(.zh) }.joined(separator: "\n\n")
        return texts
    }

    /// A command's long help in Chinese, nil when it has none yet.
    static func usage(_ key: String) -> String? { chineseUsage[key] }

    private static let console = """
    用法：gridroom [--db PATH] [--now TIME] [--lang zh|en] [console] [--no-bell]

    打开全屏实时控制台。按键：`1`–`6` 切换页面，`n` 新建案件，`/` 筛选，`:` 命令（如 `:case 20261122-0007`），
    `?` 帮助，`q` 返回或退出。--no-bell（或设置项 `console.bell=off`，或 `GRIDROOM_BELL=off`）关闭提示铃声。
    带 --now 时，控制台的时钟从该时刻开始走。只读的数据库文件打开为只读控制台。
    """

    private static let initText = """
    用法：gridroom init [--rehearsal] [--demo [--activity]] [--timezone TZ] [--name DISPLAY-NAME] [--data DIR]

    按当前的表结构创建数据库文件（权限 0660）。运行它的用户成为该文件的\(n(Role.admin))。--timezone 设置
    乡镇所在的时区（默认 Asia/Shanghai）：日和月都按该时区计算。--demo 从 Data/（或 --data DIR）载入演示乡镇
    （基础数据：网格、网格员、部门、类别、演示人员）；--activity 另加截至现在的两个月模拟案件和巡查记录
    （即 `make run` 所显示的）。

    不带选项的 `init` 建立正式文件：每次写入都取操作系统的时钟，写入时拒绝 --now 和 GRIDROOM_NOW
    （查看时可以用它作为“截至”时刻）。--rehearsal 和 --demo 建立演练文件，用于培训、测试和性能测试，
    其中接受 --now。文件的模式记在文件里，由 `gridroom check` 和控制台的状态行显示。
    """

    private static var staff: String { """
    用法：gridroom staff list [--format table|csv|json]
          gridroom staff add LOGIN --name NAME --role operator|duty_officer|supervisor|admin
          gridroom staff set-role LOGIN --role ROLE
          gridroom staff deactivate LOGIN
          gridroom staff activate LOGIN

    人员以操作系统的登录名识别，谁也不能以他人身份操作。`deactivate` 停用一名用户：此后他的每次写入都被拒绝，
    并说明“已于 DATE 被 LOGIN 停用”；他的历史记录保留。`activate` 重新启用。两者都只限\(n(Role.admin))，
    并记入审计；最后一名在岗的\(n(Role.admin))不能被停用。
    """ }

    private static let calendar = """
    用法：gridroom calendar --year YYYY [--format csv|table|json]
          gridroom calendar due --from ISO-8601 --limit LIMIT
          gridroom calendar set YYYY-MM-DD --workday 0|1 --name NAME
          gridroom calendar import FILE.csv

    --year 打印每一天的 `date,workday,name`（`workday` 为 1 或 0；`name` 为节假日或调休上班日的名称）。
    `due` 打印从 --from 起算、时限为 --limit（30min、2h、4wh、3wd）的计时何时到期，格式为带时差的 ISO-8601。
    没有数据库文件时使用内置日历（2024–2026 年国务院放假安排，2027–2035 年仅法定节假日，办公时间
    08:30–12:00、14:00–17:30，Asia/Shanghai）。尚未载入公布安排的年份没有调休上班日：`--year` 和 `due`
    会在标准错误上警告。`import` 从 CSV 载入国务院一年或多年的放假安排，格式与 `--year` 的输出相同
    （`date,workday,name`；每天一行，或只列与周一至周五不同的日子），与每次导入一样整体检查；文件中的
    每一年替换该年。`set` 添加一天（本地更正）。见 Docs/time-limits.md。
    """

    private static var importText: String { """
    用法：gridroom import KIND FILE.csv [--skip-invalid]

    可导入的种类及其 CSV 表头：
    \(ImportCommand.kinds.map { "  \(DisplayWidth.pad($0.name, to: 12))\($0.header.joined(separator: ","))" }.joined(separator: "\n"))

    排班的表头也可以用中文：日期,班次,登录名,副班。
    文件可以是 UTF-8（带或不带 BOM）或 GB18030/GBK，行尾为 CRLF 或 LF；Big5 和其他编码被拒收。
    `gridroom … --format csv` 导出的文件可以原样导回：用来保护形如公式的文本（='…）的前导 ' 会被去掉。
    每一列都拒收控制字符。写入之前先检查每一行。只要有一行有误，整个文件就被拒收：什么都不写入，
    每个问题列为 FILE:LINE: COLUMN: 错在哪里（退出状态 1）。--skip-invalid 写入正确的行，把有误的行
    加上 `reason` 列写入 FILE.rejects.csv。行按编码匹配（cases 按 `reported_at`、`source`、`reporter`、
    `grid`、`category` 和 `title`；patrols 按 `worker`、`grid`、`start` 和 `end`；roster 按 `date` 和 `shift`，
    已排的班次被替换）：再次导入同一文件不会改变任何东西。
    每次导入都记入导入记录（`gridroom imports`）。见 Docs/imports.md。
    """ }

    /// The registry listings' help (`grids`, `workers`, …): what is listed, and the round trip through CSV.
    private static func registry(_ name: String, _ what: String, _ header: [String]) -> String {
        """
        用法：gridroom \(name) [--format table|csv|json]

        列出\(what)。CSV 输出带导入用的表头（\(header.joined(separator: ","))），因此
        `gridroom \(name) --format csv > f.csv`、编辑、`gridroom import \(name) f.csv` 可以原样往返。
        """
    }

    private static let imports = """
    用法：gridroom imports [--format table|csv|json]

    每次导入，最新的在前：文件、内容哈希（SHA-256）、文件中的行数、写入的行数（改动了数据库的）、拒收的行数、
    操作人、时间，以及是否完成。中途被打断的导入显示为未完成；再运行一次即可补完，不会重复。
    """

    private static let backup = """
    用法：gridroom backup PATH

    使用 SQLite 的在线备份：控制台和导入可以同时继续写入。副本只有在完整并通过校验（对副本执行的
    `PRAGMA integrity_check` 返回 `ok`）后才出现在 PATH；否则 PATH 下什么都不留，退出状态为 1。
    """

    private static let check = """
    用法：gridroom check

    运行 SQLite 的完整性检查和外键检查，并把每个维护的统计数和汇总与全量重算相比较。有任何问题时退出状态为 1。
    完整性检查不通过时，会在文件旁留下 FILE-damaged：此后一律拒绝写入，直到再次检查通过。
    请每晚由 cron 运行（Docs/reliability.md）。
    """

    private static let sweep = """
    用法：gridroom sweep

    为每个超过期限的环节记一条 `overdue`（\(n(EventKind.overdue))）事件，时间记为该期限，操作人为 `system`。
    查看（列表、报表、`case show`、控制台页面）从不写入，所以总得有人来写：打开的控制台每 30 秒写一次，
    每个办理操作为它的案件写一次，没有控制台打开时由本命令供 cron 调用
    （如 `*/5 * * * * gridroom --db /srv/gridroom/room.sqlite sweep`）。
    另一个进程持有写锁时，本命令什么都不写，说明原因并以 0 退出：下一次运行会补上。
    超期事件的时间绝不晚于真实的时钟。
    """

    private static let demo = """
    用法：gridroom demo generate [--grids N] [--workers N] [--matters N] [--patrols N] [--months N] [--seed S]
          gridroom demo generate --own-grids [--matters N] [--patrols N] [--months N] [--seed S]

    在最近 --months 个月内写入\(n(GridLevel.basic))、网格员、巡查记录和各种状态的案件（含各环节用时、超期的环节、
    返工、督办），走批量写入的路径：每个事务约一千行，其他进程可以照常工作。
    默认规模为一个大街道的全量：1000 个网格、2000 名网格员、1,000,000 个案件、1,000,000 条巡查记录、
    12 个月、随机种子 1。需要已有类别和部门（先运行 `gridroom init --demo`）。在终端上进度显示为进度条，
    否则为普通的文本行。

    已有案件的文件在写入任何东西之前就被拒绝（模拟乡镇会混进它的记录）：请在新建的 `init --demo` 文件中生成。
    --own-grids 则为文件中已有的网格和网格员添加案件和巡查记录（不新建基础数据），编号接在已有案件之后；
    只有这样，文件中才可以已有案件。
    """

    private static var settings: String {
        // The accepted values are GridCore's wording; its bare codes (`on`, `off`) are quoted as codes here.
        func code(_ text: String) -> String { text.replacing(/[a-z]+/) { "`\($0.output)`" } }
        func key(_ s: TownshipSetting, _ what: String) -> String {
            "  \(DisplayWidth.pad(s.rawValue, to: 34))\(code(s.expected(.zh)))；默认 \(code(s.defaultText))\n      \(what)"
        }
        return """
        用法：gridroom settings show [--format table|json]
              gridroom settings set KEY VALUE

        设置项：
        \(key(.urgentReminderMinutes, "紧急案件超过派遣时限仍未派遣时，控制台再次响铃的间隔"))
        \(key(.patrolDay, "评判今日巡查进度所依据的时段（这些时段过去之前，不会有网格被判为落后）"))
        \(key(.bell, "每个控制台是否为提示响铃（--no-bell 或 GRIDROOM_BELL=off 只关闭一个控制台的铃声）"))

        修改需要\(n(Role.supervisor))或\(n(Role.admin))角色；每次修改都记入审计（旧值 → 新值）。其他设置项有各自的命令：
        \(TownshipSetting.otherCommands.map { "`gridroom \($0)`" }.joined(separator: "、"))。
        """
    }

    private static let bench = """
    用法：gridroom bench [--db PATH] [--runs N] [--format table|json] [--screen NAME] [--compare OTHER.sqlite] [--save FILE.json]
          gridroom bench [--db PATH] --consoles N
          gridroom bench --district-view FILE…
          gridroom bench [--db PATH] --import-only

    在给定的数据库上测量：控制台每个页面的数据加载（--runs 次的中位数和第 95 百分位数，默认 30 次）、
    一帧完整的 120×40 画面、从启动到第一帧、从另一进程提交到屏幕上可见、空闲控制台 10 秒内占用的 CPU
    （控制台在 tmux 中运行），巡查导入速度（把 100,000 行写入用在线备份制作的数据库副本，测完删除），以及
    访问每个页面后控制台的峰值常驻内存。每项数字都与其指标并列，并注明达标或未达标。
    为测量实时延迟，会在数据库中写入几条备注（事件）。
    `make bench` 先建一个全量的数据库（缓存在 ~/.cache/gridroom）再运行本命令；`make bench-district`
    在区级规模上同样运行，并带 --compare。
    --screen overview|matters|overdue|patrol|map|duty|matter_page|search 只测该页面（用于性能剖析）；
    --screen start 只测从启动到第一帧（在 tmux 中启动控制台五次，取中位数）。
    `search` 是对每个案件（办理中的和已结束的）检索一个两字的词（垃圾）：计数（到 1000 为止）和首页 100 条，
    与案件页面按 `/` 检索时加载的一样。
    --compare OTHER.sqlite 在 OTHER 上也测各页面（与 --db 的文件逐次轮流），并给出每个页面的比值
    （--db 的中位数除以 OTHER 的；--db 给三年的文件，OTHER 给同一登记规模的一年文件：指标为不超过 1.2）。
    --save FILE.json 完整运行时另把 JSON 写入 FILE.json（表格照常打印）。
    --consoles N 在该文件上同时打开 N 个控制台（在 tmux 中），只测每个的空闲 CPU 和内存，以及一次写入
    到全部控制台屏幕上的时间。
    --district-view FILE… 在同一进程中以只读方式打开每个文件，如区级中心查看各镇街那样，加载其总览和
    已上报案件：总用时、每个文件的用时，以及全部打开时的内存。
    --import-only 只测巡查导入速度，与完整运行时相同（数据库副本，100,000 行），用于性能剖析。
    """

    private static var patrol: String { """
    用法：gridroom patrol start --worker W --grid G [--at TIME]
          gridroom patrol stop  --worker W --grid G [--at TIME]
          gridroom patrol add   --worker W --grid G --start TIME --end TIME
          gridroom patrol confirm ID                      （\(n(Role.supervisor))）
          gridroom patrol list [--grid G] [--day YYYY-MM-DD] [--format table|csv|json|md]
          gridroom patrol settings [KEY VALUE]            （查看；修改：\(n(Role.supervisor))）

    TIME 为 ISO-8601（2026-11-22T08:30:00+08:00、…Z，或 2026-11-22T08:30 即乡镇本地时间）；--at 默认为现在。
    一名网格员在每个网格同时只能有一次进行中的巡查。超过存疑时限（默认 12 小时）的巡查记录会保留，但在
    `patrol confirm` 之前不计入（见 Docs/compliance.md）。
    `list` 显示与某个本地日（默认今天）相交的巡查记录，以及每条如何计入。
    """ }

    private static var caseText: String {
        let sup = n(Role.supervisor), duty = n(Role.dutyOfficer)
        let each = MatterSource.allCases.map {
            "`\($0.rawValue)`（\(n($0))\($0 == .gridWorker ? "，需 --reporter WORKER-CODE" : "")）"
        }
        let sources = each.prefix(4).joined(separator: "、") + "、\n" + each.dropFirst(4).joined(separator: "、")
        return """
        用法：gridroom case new --source SRC --grid CODE --category CODE --title TEXT [--reporter WHO]
                                [--urgency urgent|normal] [--description TEXT] [--location TEXT] [--reported-at TIME] [--major]
                                [--caller-name NAME] [--caller-phone PHONE] [--order-no WORK-ORDER]   （--order-no 在同一来源内唯一）
              gridroom case dispatch NUMBER [--department CODE] [--with CODE,CODE] [--note TEXT]   （--with：协办部门）
              gridroom case mark-major NUMBER --note WHY         （\(n(Move.markMajor))；\(duty)及以上）
              gridroom case sign NUMBER [--note TEXT]            （\(n(Move.sign))：部门签收派给它的案件）
              gridroom case return NUMBER --note REASON          （部门认为派错了：\(n(Move.returnMatter))到\(n(MatterState.new))）
              gridroom case feedback NUMBER --note WHAT-WAS-DONE
              gridroom case verify NUMBER --pass [--note TEXT] | --fail --note REASON
              gridroom case escalate NUMBER --note REASON        （\(duty)及以上；\(n(Move.escalate))）
              gridroom case district-reply NUMBER --note WHAT-THE-DISTRICT-DID   （回到\(n(MatterState.fedBack))，再行核查）
              gridroom case district-return NUMBER --note REASON （\(n(Move.districtReturn))：回到\(n(MatterState.new))）
              gridroom case invalidate NUMBER --note REASON
              gridroom case merge NUMBER --into NUMBER [--note TEXT]
              gridroom case shelve NUMBER --note REASON | unshelve NUMBER [--note TEXT]   （\(sup)）
              gridroom case reopen NUMBER [--note TEXT]          （\(sup)；计为返工）
              gridroom case urge NUMBER --level ordinary|yellow|red --note TEXT          （\(sup)）
              gridroom case extend NUMBER --days N --note REASON （N 为工作日，限\(n(Stage.handling))环节）
              gridroom case approve NUMBER [--note TEXT] | refuse NUMBER --note REASON   （\(sup)）
              gridroom case comment NUMBER --note TEXT
              gridroom case settle NUMBER --note HOW             （\(n(Move.settle))：\(n(MatterState.new))的案件直接以就地化解办结）
              gridroom case control NUMBER --note TEXT | release NUMBER --note TEXT   （\(n(Move.control))，仅限矛盾纠纷类别）
              gridroom case reply NUMBER --channel hotline|phone|sms|visit|wechat --note TEXT   （\(n(MatterState.closed))的案件：\(n(Move.reply))）
              gridroom case revisit NUMBER --result satisfied|basic|unsatisfied [--note TEXT] （\(n(Move.revisit))；\(n(Satisfaction.unsatisfied))时
                                                                 \(sup)可以 `case reopen`）
              gridroom case show NUMBER [--format text|json]
              gridroom case settings [KEY VALUE]                 （查看；\(sup)可以修改）

        每个办理操作都要带 --version N：你看到的版本（来自 `case show`）；如果此后有人改动过这个案件，操作被拒绝
        （“已被 X 于 T 改动……请刷新后再办理”）。--reason 与 --note 相同。
        来源：\(sources)。
        时间为 ISO-8601；不带时差时按乡镇本地时间。
        设置项：urgent_dispatch_limit（10min）、urgent_handle_limit（4h）、urgent_verify_limit（1h）、
        near_due_share（0.25）、duplicate_window_hours（24）、district_limit（5wd）、urgent_district_limit（1wd）、
        district_limit.CATEGORY（某一类别自己的\(n(Stage.district))时限）、sign_limit（2wh）、urgent_sign_limit（30min）、
        reply_limit（办结后 1wd）。
        见 Docs/matters.md。
        """
    }

    private static let cases = """
    用法：gridroom cases [--open | --all] [--overdue] [--near-due] [--shelved] [--grid CODE] [--department CODE]
                         [--category CODE|NAME|MAJOR] [--major-class NAME] [--state S[,S…]] [--source S[,S…]]
                         [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--by reported|closed|event] [--limit N] [--format …]
          gridroom cases [--open | --all] --search TEXT [--state S] [--from DATE] [--to DATE] [--limit N] [--format …]

    最新的在前。--grid 包含其下属的网格。表格显示 50 行，除非 --limit 另有指定；CSV 和 JSON 列出全部匹配的案件
    （每页读 500 条），除非给了 --limit。
    --search 查找案件：办理中的和已结束的（--all，默认）或只查办理中的（--open），按编号、标题、描述、地点、
    来电人姓名和电话、工单号或备注中任何位置的文字查找；TEXT 也可以带控制台的检索词（`state:` `grid:` `dept:`
    `cat:` `from:` `to:`，编码或名称）。--state S（状态的编码或名称，`open`、`ended` 或 `all`）和
    --from/--to DATE（YYYY-MM-DD，按本地日的受理时间）缩小范围。只有一个字的检索词只读最新的 5000 个案件。
    不带 --search 时，--from/--to 按受理时间（默认）、办结时间（--by closed：在这些日子办结的案件）或历史中的
    任何事件（--by event）确定案件；--state 和 --source 接受编码或名称，用逗号分隔；--category 接受类别编码、
    类别名称或大类。未知的值被拒绝，并列出可接受的值。
    """

    private static let ledger = """
    用法：gridroom ledger \(ReportCommand.periodUsage) [--by reported|closed|event] [--output FILE]

    期间内受理的（默认）、办结的或有任何事件的每个案件一行 CSV：编号、时间、来源、上报人、网格、类别、摘要、部门、
    各环节的时间、状态、结果（最后一次反馈）、返工次数、超期、回复期限和回复时间、回访结果——名称在编码旁，
    时间为 ISO-8601。列名用 --lang 的语言（中文：台账自己的列名）。写入 FILE，或写到标准输出。
    """

    private static var duty: String { """
    用法：gridroom duty show [--format text|json]     当前班次、上一班的交接（完整的交班记录、移交清单、接班确认）、
                                                      本班各项清单
          gridroom duty start [--take-over]           开始你的班次；--take-over 结束正在进行的班次（保留其交班记录）
          gridroom duty end [--note TEXT]             结束班次（给出 --note 时替换已保存的交班记录）
          gridroom duty note [--file F | TEXT]        保存本班的交班记录（多行时从文件读）
          gridroom duty ack                           确认上一班的交接（接班确认）
          gridroom duty history [--from DATE] [--to DATE] [--format text|json]
          gridroom duty roster [--from DATE] [--to DATE] [--format table|csv|json]   （默认：本周）
          gridroom duty plan DATE SHIFT LOGIN [--deputy LOGIN]                      （\(n(Role.supervisor))）
          gridroom duty settings [KEY VALUE]          duty.periods（day=08:00-20:00,night=20:00-08:00,…），
                                                      duty.ring_until_ack（on|off）

    排班也可以从 CSV 导入：`gridroom import roster FILE.csv`（date,shift,login,deputy 或 日期,班次,登录名,副班）。
    SHIFT 为 `day`、`night`（白班、夜班）或 duty.periods 中命名的时段。
    不在排班表上的人开始的班次也允许，但会被标记。见 Docs/console.md。
    """ }
}

// The report kinds' long help in Chinese (报表帮助), keyed by the kind's name; `chineseUsage` files them under
// `report KIND`, and `gridroom report --help` joins them in `ReportCommand.kinds` order.
extension HelpWords {
    /// Chinese help of each report kind, by its name.
    static var reportKinds: [String: String] {
        let period = ReportCommand.periodUsage
        return [
            "evaluation": """
              gridroom report evaluation (--month YYYY-MM | --quarter YYYYQn | --year YYYY | --from DATE --to DATE)
                                         [--by department|grid|category] [--explain [--group KEY]] [--format table|csv|json|md]

              统计首个处置期限落在期间内（乡镇本地时间）的案件，每件只计一次，\(n(MatterState.invalid))和\(n(MatterState.merged))的除外；
              季度或年度按其自身的案件统计，绝不由各月平均得出。尚未结束的期间标为暂定。--explain 列出每个数字
              背后的案件（每件一行，计入处为 1），--group KEY 只列某一部门、网格或类别的。结案率 = 结案数 / 应结案数；
              按期结案率 = 按期结案数 / (应结案数 − 延期数)；返工率 = 至少返工过一次的结案数 / 结案数。见 Docs/matters.md。
            """,
            "compliance": """
              gridroom report compliance (--month YYYY-MM | --quarter YYYYQn | --year YYYY | --from DATE --to DATE
                                          | --day YYYY-MM-DD) [--by grid|worker] [--grid CODE] [--head LOGIN]
                                         [--format table|csv|json|md]
              gridroom report compliance --explain --grid CODE --day YYYY-MM-DD [--format table|json]
              gridroom report compliance --explain --worker CODE PERIOD [--format table|csv|json|md]

              按网格的 CSV：grid,days,patrol_minutes,days_meeting_patrol,patrol_ok,workers,reports,reports_ok
              按网格员的 CSV：worker,grid,reports,reports_ok（布尔值为 1/0）。其他格式显示更多内容（今日截至目前、
              日均、进度、评价、提示）。--day 评判那一天（若是今天，则截至目前），上报数按本月截至当日计。
              季度、年度或由整月组成的区间按合计评判：巡查 120 分钟 × 天数，上报 10 件 × 月数；期间未结束时，
              评价为按进度的评价，标为暂定，与进行中的月份一样。
              --head LOGIN：只列网格长为 LOGIN 的\(n(GridLevel.basic))，或位于 LOGIN 任网格长的网格之下的网格。
              规则见 Docs/compliance.md。
            """,
            "redblack": """
              gridroom report redblack (--month YYYY-MM | --quarter YYYYQn | --year YYYY | --from DATE --to DATE)
                                       [--size N] [--format table|csv|json|md]

              红榜：两项指标都达标的网格和网格员，最好的在前；黑榜：有一项或两项未达标的，最差的在前；每个名次都附
              其背后的数字和理由。--size：每榜的名次数（默认 5）。季度或年度按合计排名；未结束的期间按进度排名。
            """,
            "missed": """
              gridroom report missed \(period) [--window HOURS] [--by matter|grid|worker]
                                     [--format table|csv|json|md]

              期间内经其他渠道（\([MatterSource.hotline, .public, .video, .inspection, .villageVisit].map { n($0) }.joined(separator: "、"))）受理、
              属于标为 worker_reportable 的类别、且此前的窗口期内（设置项 assessment.missed_window_hours，默认 72）
              同一网格没有网格员上报同一类别的案件。每件都列出编号，由\(n(Role.supervisor))评判；--by grid、--by worker
              按网格或网格员计数。见 Docs/compliance.md。
            """,
            "first-reports": """
              gridroom report first-reports \(period) [--format table|csv|json|md]

              按网格员列出其在期间内上报、并在合并重复案件时记为首报的案件（类别表中标为 first_report 的类别）及编号。
            """,
            "scores": """
              gridroom report scores (--month YYYY-MM | --quarter YYYYQn | --year YYYY) [--of department|worker]
                                     [--format table|csv|json|md]

              按设置项 assessment.score_sheet 中的评分表计分（默认 \(ScoreSheet.standard)）：
              部门得分 = 案件量档次分 + 0.3 × 结案率 + 0.3 × 按期结案率 + 0.3 × (100 − 返工率)；
              网格员得分 = 0.25 × 有效上报率 + 0.25 × (100 − 漏报率) + 0.25 × 巡查达标天数率 + 0.25 × 上报完成率。
              每个得分都附其构成（指标 × 权重 = 分数）。见 Docs/compliance.md。
            """,
            "settings": """
              gridroom report settings [KEY VALUE]

              列出考核设置项，或设置其中一项（\(n(Role.supervisor))）：\(AssessmentSettings.Key.all.joined(separator: "、"))。
            """,
            "bulletin": """
              gridroom report bulletin (--month YYYY-MM | --quarter YYYYQn | --year YYYY) --output FILE.html [--size N]

              写出一个自包含的 HTML 文件（内嵌 CSS 和 SVG，没有脚本，没有外部的字体、图片或链接），可以在任何浏览器中
              按 A4 打印：主要指标及上一期对比、图表、红榜和黑榜及理由、未办结的超期案件和\(n(MatterState.escalated))案件，
              以及方法说明。语言随 --lang。尚未结束的期间在每一页都标为暂定。见 Docs/reports.md。
            """,
        ]
    }
}

extension ReportKind {
    /// This kind's usage in `language`: the English `usage`, or its Chinese from `HelpWords.reportKinds`.
    static func usage(_ language: Language) -> String {
        language == .zh ? (HelpWords.reportKinds[name] ?? usage) : usage
    }
}
