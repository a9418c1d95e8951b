import Foundation
import GridCore
@testable import GridStore
@testable import GridConsole

/// A small township in a temp file: 1 area, 3 basic grids on a 2×2 map, 2 departments, 2 categories,
/// 3 workers, 4 open matters (one overdue, one near due, one urgent, one shelved), patrols and events.
/// "Now" is 2026-11-22 10:00 +08:00 = 2026-11-22T02:00:00Z = epoch 1_795_312_800.
enum Fixture {
    static let now = Date(timeIntervalSince1970: 1_795_312_800)
    static let hour = 3600

    static func path() -> String {
        NSTemporaryDirectory() + "gridroom-console-\(UUID().uuidString).sqlite"
    }

    static func store(admin: String = "tester", role: Role = .admin) throws -> Store {
        let store = try Store.create(path: path(), zone: .shanghai, admin: Staff(login: admin, name: "测试员", role: role), now: now)
        let db = store.db
        let t = Int(now.timeIntervalSince1970)
        try db.write {
            try db.execute("""
            INSERT INTO grids(code, name, level, parent, map_row, map_col) VALUES ('T', '东湖镇', 'township', NULL, NULL, NULL);
            INSERT INTO grids(code, name, level, parent, map_row, map_col) VALUES ('A1', '东湖村', 'area', 'T', NULL, NULL);
            INSERT INTO grids(code, name, level, parent, map_row, map_col) VALUES ('G01', '东湖一组', 'basic', 'A1', 0, 0);
            INSERT INTO grids(code, name, level, parent, map_row, map_col) VALUES ('G02', '东湖二组', 'basic', 'A1', 0, 1);
            INSERT INTO grids(code, name, level, parent, map_row, map_col) VALUES ('G03', '东湖三组', 'basic', 'A1', 1, 0);
            INSERT INTO departments(code, name, platform) VALUES ('D1', '综治办', 'public_order');
            INSERT INTO departments(code, name, platform) VALUES ('D2', '城管中队', 'enforcement');
            INSERT INTO categories(code, name, major, department, urgency, dispatch_limit, handle_limit, verify_limit) VALUES ('C1', '邻里纠纷', '矛盾纠纷', 'D1', 'normal', '1h', '3wd', '2wd');
            INSERT INTO categories(code, name, major, department, urgency, dispatch_limit, handle_limit, verify_limit) VALUES ('C2', '违章搭建', '城乡建设', 'D2', 'normal', '1h', '5wd', '2wd');
            INSERT INTO workers(code, name, phone, kind, grid, partner) VALUES ('W1', '张伟', '13800000001', 'full', 'G01', NULL);
            INSERT INTO workers(code, name, phone, kind, grid, partner) VALUES ('W2', '李娜', '13800000002', 'part', 'G02', NULL);
            INSERT INTO workers(code, name, phone, kind, grid, partner) VALUES ('W3', '王芳', '13800000003', 'full', 'G02', NULL);
            INSERT INTO matter_numbers(day, last) VALUES ('2026-11-22', 1), ('2026-11-21', 4), ('2026-11-20', 2);
            """)
            // Matters: (number, reported offset h, grid, cat, urgency, title, state, dept, due offset h, near offset h, shelved, source, reporter)
            let rows: [(String, Int, String, String, String, String, String, String?, Int, Int, Int, String, String)] = [
                ("20261122-0001", -1, "G01", "C1", "urgent", "楼道堆放杂物引发争吵", "new", nil, 1, 0, 0, "grid_worker", "W1"),
                ("20261121-0003", -20, "G02", "C2", "normal", "院内违章搭建彩钢棚", "dispatched", "D2", -3, -10, 0, "grid_worker", "W2"),
                ("20261121-0004", -18, "G02", "C1", "normal", "噪音扰民", "dispatched", "D1", 30, 5, 0, "hotline", ""),
                ("20261120-0002", -40, "G03", "C2", "normal", "废弃房屋待拆除", "dispatched", "D2", 200, 100, 1, "hotline", ""),
            ]
            for (i, r) in rows.enumerated() {
                try db.run("""
                    INSERT INTO matters(id, number, reported_at, source, reporter, grid, category, urgency, title, state, shelved, department,
                      first_contact, stage, stage_started_at, stage_due_at, near_due_at, created_at, updated_at, updated_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'tester', ?, ?, ?, ?, ?, ?, 'tester')
                    """, [.of(i + 1), .text(r.0), .of(t + r.1 * hour), .text(r.11), .text(r.12), .text(r.2), .text(r.3), .text(r.4), .text(r.5),
                          .text(r.6), .of(r.10), .of(r.7), .text(r.6 == "new" ? "dispatch" : "handling"), .of(t + r.1 * hour),
                          .of(t + r.8 * hour), .of(t + r.9 * hour), .of(t + r.1 * hour), .of(t + r.1 * hour)])
                try db.run("INSERT INTO events(matter_id, at, kind, to_state, actor, note) VALUES (?, ?, 'intake', 'new', 'tester', '受理')",
                           [.of(i + 1), .of(t + r.1 * hour)])
            }
            try db.run("INSERT INTO events(matter_id, at, kind, from_state, to_state, actor, note, department) VALUES (2, ?, 'dispatch', 'new', 'dispatched', 'tester', '派至城管中队', 'D2')",
                       [.of(t - 19 * hour)])
            // Patrols today (local day starts at epoch t - 10 h): G01 07:00–09:30 (150 min, met);
            // G02 W2 08:00–09:00 and W3 08:30–09:10 overlapping → 08:00–09:10 = 70 min; W3 09:40 ongoing → +20 min = 90 min.
            try db.run("INSERT INTO patrols(worker, grid, start_at, end_at, created_at, created_by) VALUES ('W1','G01',?,?,?,'t')", [.of(t - 3 * hour), .of(t - hour / 2), .of(t)])
            try db.run("INSERT INTO patrols(worker, grid, start_at, end_at, created_at, created_by) VALUES ('W2','G02',?,?,?,'t')", [.of(t - 2 * hour), .of(t - hour), .of(t)])
            try db.run("INSERT INTO patrols(worker, grid, start_at, end_at, created_at, created_by) VALUES ('W3','G02',?,?,?,'t')", [.of(t - 90 * 60), .of(t - 50 * 60), .of(t)])
            try db.run("INSERT INTO patrols(worker, grid, start_at, end_at, created_at, created_by) VALUES ('W3','G02',?,NULL,?,'t')", [.of(t - 20 * 60), .of(t)])
        }
        return store
    }

    static func app(_ store: Store, language: Language = .zh, actions: ConsoleActions = .none) throws -> ConsoleApp {
        ConsoleApp(store: store, language: language, clock: FixedClock.at(now), actor: try store.actor(login: "tester"), actions: actions, bell: true)
    }
}

enum FixedClock {
    /// A console clock frozen at `d` for tests (the real one advances).
    static func at(_ d: Date) -> ConsoleClock { ConsoleClock(start: d, frozen: true) }
}
