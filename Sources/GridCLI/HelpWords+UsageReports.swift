import GridCore

/// The report kinds' long help in Chinese (报表帮助), keyed by the kind's name; `HelpWords.chineseUsage` files them
/// under `report KIND`, and `gridroom report --help` joins them in `ReportCommand.kinds` order.
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

    /// The Chinese name of a domain value.
    private static func n(_ value: some Named) -> String { value.names.zh }
}

extension ReportKind {
    /// This kind's usage in `language`: the English `usage`, or its Chinese from `HelpWords.reportKinds`.
    static func usage(_ language: Language) -> String {
        language == .zh ? (HelpWords.reportKinds[name] ?? usage) : usage
    }
}
