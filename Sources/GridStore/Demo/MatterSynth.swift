import Foundation
import GridCore

/// Simulates matters through their life with plausible stage timings and writes them,
/// with their stages and history, through the batch path.
struct MatterSynth {
    let store: Store
    let now: Date
    let months: Int
    let categories: [Category]
    let calendar: OfficeCalendar
    let rules: MatterRules
    let actor: String

    struct StageRow { var stage: Stage; var limit: TimeLimit; var start: Int; var due: Int; var originalDue: Int; var finished: Int?; var overdue: Bool }
    struct EventRow { var kind: String; var from: String?; var to: String?; var at: Int; var stage: String?; var seconds: Int?; var department: String?; var level: String?; var note: String }
    struct MatterRow {
        var number: String; var reported: Int; var source: String; var reporter: String; var grid: String; var category: Category
        var urgency: Urgency; var title: String; var state: MatterState = .new; var shelved = false; var department: String?
        var stages: [StageRow] = []; var events: [EventRow] = []; var ended: Int?; var reworks = 0; var urges = 0; var yellow = 0; var red = 0
        var extensions = 0; var updated: Int
    }

    static let titles: [String: [String]] = [
        "市容环境": ["道路两侧垃圾堆放", "沿街店铺油烟扰民", "绿化带内杂物堆积"],
        "街面秩序": ["占道经营", "流动摊贩聚集", "车辆乱停占用盲道"],
        "施工管理": ["夜间施工噪声扰民", "工地渣土未覆盖", "施工围挡破损"],
        "突发事件": ["道路积水", "树木倒伏阻断道路", "燃气泄漏气味"],
        "安全隐患": ["电动车楼道充电", "消防通道堵塞", "老旧房屋墙体开裂"],
        "矛盾纠纷": ["邻里漏水纠纷", "物业费争议", "土地承包纠纷"],
        "违法建设": ["屋顶违规加盖", "私自圈占公共绿地", "违规搭建彩钢棚"],
        "环境保护": ["河道漂浮物", "小作坊污水直排", "露天焚烧秸秆"],
    ]

    func limit(_ m: MatterRow, _ s: Stage) -> TimeLimit { rules.limit(for: s, category: m.category, urgency: m.urgency) }

    /// Writes `count` matters; returns rows per table.
    func write(count: Int, rng: inout SeededRandom, gridCodes: [String], workersByGrid: [Int: [DemoGenerator.GenWorker]],
               writer: BatchWriter) throws -> [String: Int] {
        guard count > 0 else { return [:] }
        let zone = store.zone
        let nowSec = Int(now.timeIntervalSince1970)
        let today = zone.localDate(of: now)
        let startMonth = (0..<max(0, months - 1)).reduce(today.localMonth) { m, _ in m.previous }
        let firstDay = startMonth.firstDay
        let dayCount = max(1, today.daysSinceEpoch - firstDay.daysSinceEpoch + 1)
        let departments = try store.db.query("SELECT code FROM departments WHERE platform <> 'district' ORDER BY code") { $0.text(0) }
        let district = try store.db.first("SELECT code FROM departments WHERE platform = 'district'") { $0.text(0) }
        // Numbering goes on after the matters already in the file (activity added with --own-grids), never over them.
        var numbers: [String: Int] = [:]
        try store.db.forEach("SELECT day, last FROM matter_numbers") { numbers[$0.text(0)] = $0.int(1) }
        var events = 0, stages = 0
        var i = 0
        var r = rng
        defer { rng = r }
        let sources = ["hotline", "wechat", "public", "walk_in", "video", "inspection", "village_visit"]
        let statements = try Statements(db: store.db)
        // Simulation on a second thread, a chunk ahead of the inserts (it never touches the database).
        let written = try writer.runPipelined(label: "matters", total: count, chunk: 1_000, next: { () -> PreparedMatter? in
            guard i < count else { return nil }
            defer { i += 1 }
            // Spread over the days; the hour follows the working day's rhythm.
            let day = firstDay.adding(days: min(dayCount - 1, i * dayCount / count))
            let minute = r.chance(0.85) ? r.int(450...1200) : r.int(0...1439)
            var reported = Int(zone.instant(day, secondsIntoDay: minute * 60 + r.int(0...59)).timeIntervalSince1970)
            if reported >= nowSec { reported = nowSec - r.int(60...7200) }
            let localDay = zone.localDate(of: Date(timeIntervalSince1970: Double(reported)))
            // matter_numbers is keyed by the local day as YYYY-MM-DD, like intake's own numbering.
            let dayKey = localDay.description
            let key = zeroPad(localDay.year, 4) + zeroPad(localDay.month, 2) + zeroPad(localDay.day, 2)
            let seq = (numbers[dayKey] ?? 0) + 1
            numbers[dayKey] = seq
            let grid = r.int(0...(gridCodes.count - 1))
            let cat = categories[r.int(0...(categories.count - 1))]
            let byWorker = r.chance(0.7) && workersByGrid[grid] != nil
            let pool = workersByGrid[grid] ?? []
            let titles = MatterSynth.titles[cat.major] ?? ["\(cat.major)问题"]
            var m = MatterRow(number: key + "-" + zeroPad(seq, 4), reported: reported,
                              source: byWorker ? "grid_worker" : sources[r.int(0...(sources.count - 1))],
                              reporter: byWorker ? pool[r.int(0...(pool.count - 1))].code : "群众\(r.int(100...999))",
                              grid: gridCodes[grid], category: cat,
                              urgency: cat.urgency == .urgent || r.chance(0.03) ? .urgent : .normal,
                              title: titles[r.int(0...(titles.count - 1))], updated: reported)
            simulate(&m, rng: &r, nowSec: nowSec, departments: departments, district: district)
            return prepare(m)
        }, write: { db, m in
            try insert(db, m, statements)
            events += m.events.count
            stages += m.stages.count
        })
        try store.write {
            for (day, last) in numbers {
                try store.db.run("INSERT INTO matter_numbers(day, last) VALUES (?, ?) ON CONFLICT(day) DO UPDATE SET last = max(last, excluded.last)",
                                 [.text(day), .of(last)])
            }
        }
        return ["matters": written, "events": events, "stages": stages]
    }

    /// Runs one matter through its stages until `now`.
    func simulate(_ m: inout MatterRow, rng r: inout SeededRandom, nowSec: Int, departments: [String], district: String?) {
        func event(_ kind: String, _ at: Int, to: MatterState? = nil, stage: Stage? = nil, seconds: Int? = nil, level: String? = nil, note: String = "") {
            m.events.append(EventRow(kind: kind, from: m.state.rawValue, to: (to ?? m.state).rawValue, at: at, stage: stage?.rawValue,
                                     seconds: seconds, department: m.department, level: level, note: note))
            if let to { m.state = to }
            m.updated = at
        }
        func begin(_ s: Stage, _ at: Int) {
            let l = limit(m, s)
            let due = Int(calendar.due(from: Date(timeIntervalSince1970: Double(at)), limit: l).timeIntervalSince1970)
            m.stages.append(StageRow(stage: s, limit: l, start: at, due: due, originalDue: due, finished: nil, overdue: false))
        }
        /// How long the running stage takes: mostly inside its limit, one in ten late.
        func finishTime() -> Int {
            let st = m.stages[m.stages.count - 1]
            let span = Double(max(60, st.due - st.start))
            let f = r.chance(0.1) ? Double.random(in: 1.05...1.8, using: &r) : Double.random(in: 0.05...0.95, using: &r)
            return st.start + Int(span * f)
        }
        /// Closes the running stage at `at` (or leaves it open past now), recording overdue and urges.
        func end(_ at: Int) -> Bool {
            var st = m.stages[m.stages.count - 1]
            let stop = min(at, nowSec)
            if stop > st.due {
                st.overdue = true
                m.events.append(EventRow(kind: "overdue", from: nil, to: nil, at: st.due, stage: st.stage.rawValue, seconds: nil,
                                         department: m.department, level: nil, note: ""))
                if r.chance(0.4), st.due + 3600 < stop {
                    let late = stop - st.due
                    let level = late > 3 * 86_400 ? "red" : late > 86_400 ? "yellow" : "ordinary"
                    event("urge", st.due + 3600, level: level, note: "请尽快处置")
                    m.urges += 1
                    if level == "yellow" { m.yellow += 1 } else if level == "red" { m.red += 1 }
                }
            }
            guard at <= nowSec else { m.stages[m.stages.count - 1] = st; return false }
            st.finished = at
            m.stages[m.stages.count - 1] = st
            return true
        }
        m.events.append(EventRow(kind: "intake", from: nil, to: "new", at: m.reported, stage: nil, seconds: nil, department: nil, level: nil, note: ""))
        begin(.dispatch, m.reported)
        if r.chance(0.03) {
            let at = m.reported + r.int(300...3600)
            guard end(at) else { return }
            let merged = r.chance(0.35)
            event(merged ? "merge" : "invalidate", at, to: merged ? .merged : .invalid, stage: .dispatch, seconds: at - m.reported,
                  note: merged ? "重复上报" : "信息不实")
            m.ended = at
            return
        }
        var t = finishTime()
        guard end(t) else { return }
        m.department = r.chance(0.9) ? m.category.department : departments[r.int(0...(departments.count - 1))]
        event("dispatch", t, to: .dispatched, stage: .dispatch, seconds: t - m.stages.last!.start)
        begin(.handling, t)
        var rounds = 0
        while true {
            if r.chance(0.01), m.stages[m.stages.count - 1].start + 1800 <= nowSec { // approved extension of 2 working days
                var st = m.stages[m.stages.count - 1]
                st.due = Int(calendar.due(from: Date(timeIntervalSince1970: Double(st.due)), limit: TimeLimit(amount: 2, unit: .workingDays)!).timeIntervalSince1970)
                m.stages[m.stages.count - 1] = st
                m.extensions += 1
                event("extend_approve", st.start + 1800, stage: .handling, note: "需协调多部门,延期2个工作日")
            }
            if r.chance(0.01), let district {
                t = m.stages.last!.start + r.int(600...7200)
                guard t <= nowSec else { return }
                _ = end(t)
                m.department = district
                event("escalate", t, to: .escalated, stage: .handling, seconds: t - m.stages.last!.start, note: "超出街道事权")
                begin(.district, t)
                t = finishTime()
                guard end(t) else { return }
                event("district_reply", t, to: .fedBack, stage: .district, seconds: t - m.stages.last!.start, note: "区中心已协调处置")
            } else {
                t = finishTime()
                guard end(t) else { return }
                event("feedback", t, to: .fedBack, stage: .handling, seconds: t - m.stages.last!.start, note: "已处置完毕")
            }
            begin(.verification, t)
            t = finishTime()
            guard end(t) else { return }
            if rounds < 2 && r.chance(0.07) {
                rounds += 1
                m.reworks += 1
                event("rework", t, to: .dispatched, stage: .verification, seconds: t - m.stages.last!.start, note: "现场核查未整改到位")
                begin(.handling, t)
                continue
            }
            event("verify_pass", t, to: .closed, stage: .verification, seconds: t - m.stages.last!.start, note: "核查通过")
            m.ended = t
            return
        }
    }

    func matterValues(_ m: MatterRow, stage: Stage?, running: StageRow?, nearDue: Int?, shelved: Bool, everOverdue: Bool, handleDue: Int?) -> [SQLValue] {
        var v: [SQLValue] = [.text(m.number), .int(Int64(m.reported)), .text(m.source), .text(m.reporter), .text(m.grid)]
        v += [.text(m.category.code), .text(m.urgency.rawValue), .text(m.title), .text("\(m.grid)附近"), .text(m.state.rawValue)]
        v += [.of(shelved), .of(m.department), .text(actor), .of(stage?.rawValue)]
        v += [running.map { SQLValue.int(Int64($0.start)) } ?? .null, running.map { SQLValue.int(Int64($0.due)) } ?? .null]
        v += [.of(nearDue), .of(running?.overdue ?? false), .of(everOverdue), .of(handleDue)]
        v += [.of(m.reworks), .of(m.urges), .of(m.yellow), .of(m.red), .of(m.extensions), .of(m.ended), .of(m.events.count)]
        v += [.int(Int64(m.reported)), .int(Int64(m.updated)), .text(actor)]
        return v
    }

    static let matterSQL = """
            INSERT INTO matters(number, reported_at, source, reporter, grid, category, urgency, title, description, location, state,
                shelved, department, first_contact, stage, stage_started_at, stage_due_at, near_due_at, overdue_recorded, ever_overdue,
                handle_due_at, rework_count, urge_count, urge_yellow, urge_red, extension_count, ended_at, version, created_at, updated_at, updated_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
    static func stageSQL(rows n: Int) -> String {
        "INSERT INTO stages(matter_id, stage, time_limit, started_at, due_at, original_due_at, finished_at, overdue) VALUES "
            + Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?)", count: n).joined(separator: ", ")
    }
    static func eventSQL(rows n: Int) -> String {
        "INSERT INTO events(matter_id, at, kind, from_state, to_state, actor, note, stage, stage_seconds, department, level) VALUES "
            + Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: n).joined(separator: ", ")
    }

    /// One matter's rows as SQL values, built on the simulating thread: only binding and stepping are left to the writer.
    struct PreparedMatter {
        var matter: [SQLValue]
        /// Stage and event rows without their first column, the matter's id (known only after its insert).
        var stages: [[SQLValue]]
        var events: [[SQLValue]]
        var merged: Bool
    }

    func prepare(_ m: MatterRow) -> PreparedMatter {
        let open = m.state.isOpen
        let running = open ? m.stages.last : nil
        let stageCol: Stage? = running?.stage
        var nearDue: Int? = nil
        if let s = running, stageCol != nil {
            nearDue = Int(Deadline.nearDueAt(start: Date(timeIntervalSince1970: Double(s.start)), due: Date(timeIntervalSince1970: Double(s.due)),
                                             unit: s.limit.unit, calendar: calendar, share: rules.nearDueShare).timeIntervalSince1970)
        }
        let shelved = open && m.state == .dispatched && m.reported % 331 == 0
        let everOverdue = m.stages.contains { $0.overdue }
        let handleDue = m.stages.last { $0.stage == .handling }?.due
        let stages = m.stages.map { s -> [SQLValue] in
            [.text(s.stage.rawValue), .text(s.limit.description), .int(Int64(s.start)), .int(Int64(s.due)),
             .int(Int64(s.originalDue)), .of(s.finished), .of(s.overdue)]
        }
        let events = m.events.sorted(by: { $0.at < $1.at }).map { e -> [SQLValue] in
            [.int(Int64(e.at)), .text(e.kind), .of(e.from), .of(e.to), .text(actor), .text(e.note), .of(e.stage),
             .of(e.seconds), .of(e.department), .of(e.level)]
        }
        return PreparedMatter(matter: matterValues(m, stage: stageCol, running: running, nearDue: nearDue, shelved: shelved,
                                                   everOverdue: everOverdue, handleDue: handleDue),
                              stages: stages, events: events, merged: m.state == .merged)
    }

    /// The inserts, prepared once; a matter's stages and its events each go in as one multi-row INSERT
    /// (one statement run per matter instead of one per row).
    final class Statements {
        let db: Database
        let matter: Statement
        private var stage: [Statement?] = []
        private var event: [Statement?] = []

        init(db: Database) throws {
            self.db = db
            matter = try db.prepare(MatterSynth.matterSQL)
        }

        func stages(_ n: Int) throws -> Statement { try Statements.cached(&stage, n, db) { MatterSynth.stageSQL(rows: n) } }
        func events(_ n: Int) throws -> Statement { try Statements.cached(&event, n, db) { MatterSynth.eventSQL(rows: n) } }

        private static func cached(_ list: inout [Statement?], _ n: Int, _ db: Database, _ sql: () -> String) throws -> Statement {
            if n < list.count, let s = list[n] { return s }
            if n >= list.count { list += Array(repeating: nil, count: n + 1 - list.count) }
            let s = try db.prepare(sql())
            list[n] = s
            return s
        }
    }

    func insert(_ db: Database, _ m: PreparedMatter, _ st: Statements) throws {
        try st.matter.run(m.matter)
        let id = SQLValue.int(Int64(db.lastInsertID))
        if !m.stages.isEmpty { try st.stages(m.stages.count).run(rows: m.stages, leading: id) }
        if !m.events.isEmpty { try st.events(m.events.count).run(rows: m.events, leading: id) }
        if m.merged, case .int(let n) = id, n > 1 {
            try db.run("UPDATE matters SET merged_into = ? WHERE id = ?", [.int(n - 1), id])
        }
    }
}
