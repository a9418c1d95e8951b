import Foundation
import XCTest
@testable import GridCore

/// The patrol and reporting rules, with every expected figure worked out by hand.
final class ComplianceRulesTests: XCTestCase {
    let zone = TownshipZone.shanghai // UTC+8, no daylight saving
    let settings = ComplianceSettings.standard

    /// Township local time, e.g. "2026-11-03T08:00".
    func t(_ s: String) -> Date { ISOTime.parse(s, zone: zone)! }
    var nextID = 0
    func session(_ grid: String = "G1", _ worker: String = "W1", _ start: String, _ end: String?, confirmed: Bool = false) -> PatrolSession {
        nextID += 1
        return PatrolSession(id: nextID, worker: worker, grid: grid, start: t(start), end: end.map(t),
                             confirmedBy: confirmed ? "sup" : nil, confirmedAt: confirmed ? t("2026-12-01T09:00") : nil)
    }
    func day(_ s: String) -> LocalDate { LocalDate(iso: s)! }
    func month(_ s: String) -> LocalMonth { LocalMonth(iso: s)! }

    // MARK: union

    func testUnionOverlapNestingDuplicateTouching() {
        // Overlap: [0,100) ∪ [50,150) = [0,150) → 150 s.
        XCTAssertEqual(SpanUnion.union([TimeSpan(start: 50, end: 150), TimeSpan(start: 0, end: 100)]), [TimeSpan(start: 0, end: 150)])
        // Nesting: [10,20) inside [0,100) → 100 s.
        XCTAssertEqual(SpanUnion.length([TimeSpan(start: 0, end: 100), TimeSpan(start: 10, end: 20)]), 100)
        // Duplicates: [0,60) twice → 60 s.
        XCTAssertEqual(SpanUnion.length([TimeSpan(start: 0, end: 60), TimeSpan(start: 0, end: 60)]), 60)
        // Touching: [0,60) and [60,120) → one piece [0,120).
        XCTAssertEqual(SpanUnion.union([TimeSpan(start: 60, end: 120), TimeSpan(start: 0, end: 60)]), [TimeSpan(start: 0, end: 120)])
        // Apart: [0,10) and [20,30) stay two pieces, 10 + 10 = 20 s; an empty span is dropped.
        XCTAssertEqual(SpanUnion.union([TimeSpan(start: 20, end: 30), TimeSpan(start: 0, end: 10), TimeSpan(start: 5, end: 5)]),
                       [TimeSpan(start: 0, end: 10), TimeSpan(start: 20, end: 30)])
    }

    func testDayUnionOfWorkersWalkingTogether() {
        // 2026-11-03 in G1: A 08:00–09:30, B 09:00–10:00 (walking with A), A's row imported twice,
        // C 08:15–08:45 (nested). Union 08:00–10:00 = 120 min: exactly the target, so met.
        let s = [session("G1", "A", "2026-11-03T08:00", "2026-11-03T09:30"),
                 session("G1", "B", "2026-11-03T09:00", "2026-11-03T10:00"),
                 session("G1", "A", "2026-11-03T08:00", "2026-11-03T09:30"),
                 session("G1", "C", "2026-11-03T08:15", "2026-11-03T08:45")]
        let ex = PatrolRules.explain(s, day: day("2026-11-03"), zone: zone, settings: settings, now: t("2026-11-04T12:00"))
        XCTAssertEqual(ex.seconds, 7200)
        XCTAssertEqual(ex.pieces.count, 1)
        XCTAssertTrue(ex.met)
        // D 10:00–10:30 touches the union: one piece 08:00–10:30 = 150 min.
        let ex2 = PatrolRules.explain(s + [session("G1", "D", "2026-11-03T10:00", "2026-11-03T10:30")], day: day("2026-11-03"),
                                      zone: zone, settings: settings, now: t("2026-11-04T12:00"))
        XCTAssertEqual(ex2.minutes, 150)
        XCTAssertEqual(ex2.pieces.count, 1)
        // 119 min 59 s is not 120 min: 08:00:00–09:59:59.
        let short = [session("G1", "A", "2026-11-05T08:00:00", "2026-11-05T09:59:59")]
        let ex3 = PatrolRules.explain(short, day: day("2026-11-05"), zone: zone, settings: settings, now: t("2026-11-06T00:00"))
        XCTAssertEqual(ex3.seconds, 7199)
        XCTAssertFalse(ex3.met)
    }

    // MARK: splitting at local midnight

    func testSessionOverMidnightSplitsByLocalDay() {
        // 23:00 on the 3rd to 01:30 on the 4th: 60 min on the 3rd, 90 min on the 4th.
        let s = [session("G1", "A", "2026-11-03T23:00", "2026-11-04T01:30")]
        let f = PatrolRules.figure(s, frame: DayFrame(month: month("2026-11"), zone: zone, now: t("2026-12-05T00:00")), settings: settings)
        XCTAssertEqual(f.dailySeconds[2], 3600)
        XCTAssertEqual(f.dailySeconds[3], 5400)
        XCTAssertEqual(f.patrolSeconds, 9000)
        // Local midnight, not UTC midnight: 07:00–09:00 local is 23:00–01:00 UTC, all on the local 10th.
        let u = [session("G1", "A", "2026-11-10T07:00", "2026-11-10T09:00")]
        let g = PatrolRules.figure(u, frame: DayFrame(month: month("2026-11"), zone: zone, now: t("2026-12-05T00:00")), settings: settings)
        XCTAssertEqual(g.dailySeconds[9], 7200)
        XCTAssertEqual(g.daysMeeting, 1)
    }

    func testSessionOverMonthBoundarySplitsBetweenMonths() {
        // 2026-10-31 23:00 → 2026-11-01 02:00: October gets 60 min (31st), November 120 min (1st, met).
        let s = [session("G1", "A", "2026-10-31T23:00", "2026-11-01T02:00")]
        let now = t("2026-12-05T00:00")
        let oct = PatrolRules.figure(s, frame: DayFrame(month: month("2026-10"), zone: zone, now: now), settings: settings)
        let nov = PatrolRules.figure(s, frame: DayFrame(month: month("2026-11"), zone: zone, now: now), settings: settings)
        XCTAssertEqual(oct.patrolMinutes, 60)
        XCTAssertEqual(oct.dailySeconds[30], 3600)
        XCTAssertEqual(oct.days, 31)
        XCTAssertEqual(oct.daysMeeting, 0)
        XCTAssertEqual(nov.patrolMinutes, 120)
        XCTAssertEqual(nov.dailySeconds[0], 7200)
        XCTAssertEqual(nov.daysMeeting, 1)
    }

    func testLocalDaysFollowTheTownshipZoneEvenAcrossClockChanges() {
        // In a zone with daylight saving (America/New_York), 2026-11-01 has 25 hours (clocks go back at 02:00).
        // A confirmed session from local midnight to the next local midnight is 25 h = 90 000 s, all on the 1st.
        let ny = TownshipZone(identifier: "America/New_York")!
        let frame = DayFrame(month: month("2026-11"), zone: ny, now: ISOTime.parse("2026-12-02T00:00", zone: ny)!)
        XCTAssertEqual(frame.bounds[1] - frame.bounds[0], 90_000)
        let s = PatrolSession(id: 1, worker: "A", grid: "G1", start: ISOTime.parse("2026-11-01T00:00", zone: ny)!,
                              end: ISOTime.parse("2026-11-02T00:00", zone: ny)!, confirmedBy: "sup", confirmedAt: ISOTime.parse("2026-11-03", zone: ny)!)
        let f = PatrolRules.figure([s], frame: frame, settings: settings)
        XCTAssertEqual(f.dailySeconds[0], 90_000)
        XCTAssertEqual(f.dailySeconds[1], 0)
    }

    // MARK: month figures

    func testMonthMinutesRoundDownFromTotalSeconds() {
        // Nov 1: 7200 s, Nov 2: 7199 s, Nov 3: 30 s. Total 14 429 s → 240 min (240.48, rounded down);
        // rounding each day first would give 120 + 119 + 0 = 239. One day met (7199 < 7200).
        // November has ended: days = 30; 240 / 30 = 8 < 120, not met.
        let s = [session("G1", "A", "2026-11-01T08:00:00", "2026-11-01T10:00:00"),
                 session("G1", "A", "2026-11-02T08:00:00", "2026-11-02T09:59:59"),
                 session("G1", "A", "2026-11-03T08:00:00", "2026-11-03T08:00:30")]
        let f = PatrolRules.figure(s, frame: DayFrame(month: month("2026-11"), zone: zone, now: t("2026-12-01T00:00")), settings: settings)
        XCTAssertEqual(f.days, 30)
        XCTAssertEqual(f.patrolSeconds, 14_429)
        XCTAssertEqual(f.patrolMinutes, 240)
        XCTAssertEqual(f.daysMeeting, 1)
        XCTAssertFalse(f.ok)
        XCTAssertNil(f.todaySeconds)
    }

    func testMonthlyTargetIsAnAverage() {
        // 28 days of 08:00–10:00 (120 min), the 1st 08:00–12:00 (240 min), the 2nd nothing:
        // 28 × 120 + 240 = 3600 min over 30 days = 120 a day → met, although only 29 days met the daily target.
        var s: [PatrolSession] = [session("G1", "A", "2026-11-01T08:00", "2026-11-01T12:00")]
        for d in 3...30 { s.append(session("G1", "A", String(format: "2026-11-%02dT08:00", d), String(format: "2026-11-%02dT10:00", d))) }
        let f = PatrolRules.figure(s, frame: DayFrame(month: month("2026-11"), zone: zone, now: t("2026-12-01T00:00")), settings: settings)
        XCTAssertEqual(f.patrolMinutes, 3600)
        XCTAssertEqual(f.daysMeeting, 29)
        XCTAssertTrue(f.ok)
        // One minute less on the 1st: 3599 < 3600 → not met.
        s[0] = session("G1", "A", "2026-11-01T08:00", "2026-11-01T11:59")
        let g = PatrolRules.figure(s, frame: DayFrame(month: month("2026-11"), zone: zone, now: t("2026-12-01T00:00")), settings: settings)
        XCTAssertEqual(g.patrolMinutes, 3599)
        XCTAssertFalse(g.ok)
    }

    func testCurrentMonthCountsCompletedDaysAndTodaySoFar() {
        // Now 2026-11-10 15:00: days = 9 (1st–9th). Each of those 08:00–10:00 → 9 × 120 = 1080 min, met.
        // Today: 08:00–09:00 closed + ongoing since 14:00 (60 min to now) = 120 min so far; not in `days`.
        var s: [PatrolSession] = []
        for d in 1...9 { s.append(session("G1", "A", String(format: "2026-11-%02dT08:00", d), String(format: "2026-11-%02dT10:00", d))) }
        s.append(session("G1", "A", "2026-11-10T08:00", "2026-11-10T09:00"))
        s.append(session("G1", "B", "2026-11-10T14:00", nil))
        let now = t("2026-11-10T15:00")
        let f = PatrolRules.figure(s, frame: DayFrame(month: month("2026-11"), zone: zone, now: now), settings: settings)
        XCTAssertEqual(f.days, 9)
        XCTAssertEqual(f.patrolMinutes, 1080)
        XCTAssertEqual(f.daysMeeting, 9)
        XCTAssertTrue(f.ok)
        XCTAssertEqual(f.todaySeconds, 7200)
        XCTAssertEqual(f.todayMet, true)
        XCTAssertEqual(s.last!.status(limitSeconds: settings.suspectSeconds, now: now), .ongoing)
        // On the 1st at 09:00 nothing is judged yet: days = 0, not met, no average.
        let first = PatrolRules.figure(s, frame: DayFrame(month: month("2026-11"), zone: zone, now: t("2026-11-01T09:00")), settings: settings)
        XCTAssertEqual(first.days, 0)
        XCTAssertEqual(first.todaySeconds, 3600) // 08:00–09:00 of the 1st, so far
        XCTAssertFalse(first.ok)
        XCTAssertNil(first.averageMinutes)
    }

    // MARK: suspect sessions

    func testSuspectSessionCountsOnlyOnceConfirmed() {
        // 06:00–19:00 = 13 h > 12 h: suspect, the 5th shows 0. Confirmed: 780 min.
        let now = t("2026-11-06T12:00")
        let raw = session("G1", "A", "2026-11-05T06:00", "2026-11-05T19:00")
        XCTAssertEqual(raw.status(limitSeconds: settings.suspectSeconds, now: now), .suspect)
        let ex = PatrolRules.explain([raw], day: day("2026-11-05"), zone: zone, settings: settings, now: now)
        XCTAssertEqual(ex.seconds, 0)
        let ok = session("G1", "A", "2026-11-05T06:00", "2026-11-05T19:00", confirmed: true)
        XCTAssertEqual(ok.status(limitSeconds: settings.suspectSeconds, now: now), .confirmed)
        XCTAssertEqual(PatrolRules.explain([ok], day: day("2026-11-05"), zone: zone, settings: settings, now: now).minutes, 780)
        // Exactly 12 h is not longer than the limit: counts (720 min).
        let twelve = session("G1", "A", "2026-11-05T06:00", "2026-11-05T18:00")
        XCTAssertEqual(twelve.status(limitSeconds: settings.suspectSeconds, now: now), .counted)
        // A stop forgotten: open since 01:00, now 15:00 → 14 h: runaway, counts nothing.
        let open = session("G1", "A", "2026-11-06T01:00", nil)
        let at = t("2026-11-06T15:00")
        XCTAssertEqual(open.status(limitSeconds: settings.suspectSeconds, now: at), .runaway)
        XCTAssertEqual(PatrolRules.explain([open], day: day("2026-11-06"), zone: zone, settings: settings, now: at).seconds, 0)
        // With a 15 h limit (setting) the same open session is ongoing: 01:00–15:00 = 840 min so far.
        var loose = settings; loose.suspectMinutes = 900
        XCTAssertEqual(PatrolRules.explain([open], day: day("2026-11-06"), zone: zone, settings: loose, now: at).minutes, 840)
    }

    // MARK: reports, pace, grids

    func testPaceOfTheCurrentMonth() {
        // 2026-11-10 15:00: 9 completed days of 30 → expected 10 × 9 / 30 = 3.
        let nov = DayFrame(month: month("2026-11"), zone: zone, now: t("2026-11-10T15:00"))
        let p = ReportPace(elapsedDays: nov.completedDays, daysInMonth: 30, target: 10)
        XCTAssertEqual(p.elapsedDays, 9)
        XCTAssertEqual(p.expected, 3.0, accuracy: 1e-9)
        XCTAssertTrue(p.onPace(3))
        XCTAssertFalse(p.onPace(2))
        // 2027-02-15 10:00: 14 of 28 days → 10 × 14 / 28 = 5.
        let feb = DayFrame(month: month("2027-02"), zone: zone, now: t("2027-02-15T10:00"))
        XCTAssertEqual(feb.completedDays, 14)
        let q = ReportPace(elapsedDays: 14, daysInMonth: 28, target: 10)
        XCTAssertTrue(q.onPace(5)); XCTAssertFalse(q.onPace(4))
        // 2026-11-08: 7 of 30 → 70 / 30 = 2.33…: 3 on pace, 2 not.
        let r = ReportPace(elapsedDays: 7, daysInMonth: 30, target: 10)
        XCTAssertTrue(r.onPace(3)); XCTAssertFalse(r.onPace(2))
        // Month over: all 30 days → 10.
        XCTAssertEqual(DayFrame(month: month("2026-11"), zone: zone, now: t("2026-12-01T00:00")).completedDays, 30)
    }

    func testGridsWithZeroOneAndTwoWorkers() {
        // G1 has no worker; G2 one worker with 10 reports; G3 two workers with 12 and 9.
        // G1: 0 workers, 0 reports, flagged, not met. G2: 10, met. G3: 12 + 9 = 21, not met (W32 has 9 < 10).
        let grids = ["G1", "G2", "G3"].map { Grid(code: $0, name: $0, level: .basic, parent: "A") }
        let workers = [ComplianceRules.WorkerRef(code: "W21", name: "甲", grid: "G2"),
                       ComplianceRules.WorkerRef(code: "W31", name: "乙", grid: "G3"),
                       ComplianceRules.WorkerRef(code: "W32", name: "丙", grid: "G3")]
        let b = ComplianceRules.board(period: .month(month("2026-11")), grids: grids, workers: workers, sessions: [],
                                      reportCounts: ["W21": 10, "W31": 12, "W32": 9], zone: zone, now: t("2026-12-02T00:00"), settings: settings)
        XCTAssertEqual(b.grids.map(\.reports.workers), [0, 1, 2])
        XCTAssertEqual(b.grids.map(\.reports.reports), [0, 10, 21])
        XCTAssertEqual(b.grids.map(\.reports.ok), [false, true, false])
        XCTAssertEqual(b.grids.map(\.reports.noWorker), [true, false, false])
        XCTAssertEqual(b.workers.map(\.reports.ok), [true, true, false])
        // No patrol at all: every grade is 不合格.
        XCTAssertEqual(b.grids.map(\.grade), [.fail, .fail, .fail])
    }

    func testGradesFromBothTargets() {
        let rule = GradeRule.standard
        // 30 days, 120 min target, 10 reports. 优秀 needs 125 % → 150 min × 30 = 4500 min and 150 % → 15 reports.
        func g(_ minutes: Int, _ reports: Int, days: Int = 30) -> Grade? {
            rule.grade(patrolMinutes: minutes, days: days, dailyTarget: 120, reports: reports, reportTarget: 10)
        }
        XCTAssertEqual(g(4500, 15), .excellent)
        XCTAssertEqual(g(4499, 15), .pass)      // patrol 149.97 min a day: 合格 only
        XCTAssertEqual(g(4500, 14), .pass)
        XCTAssertEqual(g(3600, 10), .pass)      // both targets exactly
        XCTAssertEqual(g(3599, 10), .basicPass) // 119.97 min a day ≥ 80 % (96 min)
        XCTAssertEqual(g(2880, 8), .basicPass)  // 96 × 30 = 2880, 8 reports: the 80 % edge
        XCTAssertEqual(g(2879, 20), .fail)
        XCTAssertEqual(g(5000, 7), .fail)
        XCTAssertNil(g(0, 0, days: 0))
        // A configured rule: 合格 at 100/100, 基本合格 at 50/50.
        let custom = try! GradeRule(parsing: "excellent=110/120; pass=100/100; basic=50/50")
        XCTAssertEqual(custom.grade(patrolMinutes: 1800, days: 30, dailyTarget: 120, reports: 5, reportTarget: 10), .basicPass)
        XCTAssertEqual(custom.grade(patrolMinutes: 3960, days: 30, dailyTarget: 120, reports: 12, reportTarget: 10), .excellent) // 132 a day = 110 %
        XCTAssertThrowsError(try GradeRule(parsing: "excellent=90/90;pass=100/100;basic=80/80")) // looser than 合格
        XCTAssertThrowsError(try GradeRule(parsing: "pass=100/100"))
        XCTAssertThrowsError(try ComplianceSettings(values: [ComplianceSettings.Key.dailyPatrolMinutes: "two hours"]))
        XCTAssertEqual(try ComplianceSettings(values: [ComplianceSettings.Key.monthlyReports: "12"]).monthlyReports, 12)
    }

    func testRedBlackList() {
        // Nov over. G1: 120 min every day and W1 with 15 reports → red, 合格 (patrol 100 %, not 125 %).
        // G2: nothing, W2 with 3 reports → black. G3: no worker → black.
        var s: [PatrolSession] = []
        for d in 1...30 { s.append(session("G1", "W1", String(format: "2026-11-%02dT08:00", d), String(format: "2026-11-%02dT10:00", d))) }
        let grids = ["G1", "G2", "G3"].map { Grid(code: $0, name: $0, level: .basic, parent: "A") }
        let b = ComplianceRules.board(period: .month(month("2026-11")), grids: grids,
                                      workers: [.init(code: "W1", name: "甲", grid: "G1"), .init(code: "W2", name: "乙", grid: "G2")],
                                      sessions: s, reportCounts: ["W1": 15, "W2": 3], zone: zone, now: t("2026-12-02T00:00"), settings: settings)
        let rb = RedBlackList(board: b)
        XCTAssertEqual(rb.redGrids.map(\.grid.code), ["G1"])
        XCTAssertEqual(rb.redGrids.first?.grade, .pass)
        // Worst first: G2 and G3 tie on grade (不合格) and lower ratio (0 patrol); G3 has 0 reports to G2's 3.
        XCTAssertEqual(rb.blackGrids.map(\.grid.code), ["G3", "G2"])
        XCTAssertEqual(rb.redWorkers.map(\.reports.worker), ["W1"])
        XCTAssertEqual(rb.blackWorkers.map(\.reports.worker), ["W2"])
    }
}
