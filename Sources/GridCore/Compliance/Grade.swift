/// A grid worker's or grid's assessment grade for a month (考核等次).
public enum Grade: String, Sendable, CaseIterable, Comparable, Codable {
    /// 优秀.
    case excellent
    /// 合格.
    case pass
    /// 基本合格.
    case basicPass = "basic_pass"
    /// 不合格.
    case fail


    /// Order: excellent is best (rank 3), fail worst (0).
    public var rank: Int { switch self { case .excellent: 3; case .pass: 2; case .basicPass: 1; case .fail: 0 } }

    public static func < (a: Grade, b: Grade) -> Bool { a.rank < b.rank }
}

/// The rule that turns the two monthly figures into a grade (评定规则).
///
/// Each tier gives two thresholds in percent of target: patrol (daily average against the daily
/// target) and reports (against the monthly target). The grade is the highest tier whose **both**
/// thresholds are reached; below 基本合格 it is 不合格.
/// Default `excellent=125/150;pass=100/100;basic=80/80`:
/// 优秀 = average ≥ 150 min a day and ≥ 15 reports; 合格 = both targets met;
/// 基本合格 = average ≥ 96 min and ≥ 8 reports; else 不合格.
public struct GradeRule: Hashable, Sendable, CustomStringConvertible {
    /// Percent of targets for 优秀 (patrol, reports).
    public var excellent: (patrol: Int, reports: Int) { (tiers[0].patrol, tiers[0].reports) }
    /// Percent of targets for 合格.
    public var pass: (patrol: Int, reports: Int) { (tiers[1].patrol, tiers[1].reports) }
    /// Percent of targets for 基本合格.
    public var basic: (patrol: Int, reports: Int) { (tiers[2].patrol, tiers[2].reports) }

    private let tiers: [PercentPair]
    private struct PercentPair: Hashable, Sendable {
        let patrol: Int
        let reports: Int
        init(_ p: Int, _ r: Int) { patrol = p; reports = r }
    }

    /// The default rule.
    public static let standard = GradeRule(excellent: (125, 150), pass: (100, 100), basic: (80, 80))!

    /// Creates a rule; each tier must be at least as strict as the next one down, all in 0…1000.
    public init?(excellent: (Int, Int), pass: (Int, Int), basic: (Int, Int)) {
        let t = [PercentPair(excellent.0, excellent.1), PercentPair(pass.0, pass.1), PercentPair(basic.0, basic.1)]
        guard t.allSatisfy({ (0...1000).contains($0.patrol) && (0...1000).contains($0.reports) }),
              t[0].patrol >= t[1].patrol, t[1].patrol >= t[2].patrol,
              t[0].reports >= t[1].reports, t[1].reports >= t[2].reports else { return nil }
        tiers = t
    }

    /// Parses `excellent=P/R;pass=P/R;basic=P/R` (percents of the targets).
    public init(parsing raw: String) throws(ValidationError) {
        var found: [String: (Int, Int)] = [:]
        for part in raw.split(separator: ";") {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let pr = kv.count == 2 ? kv[1].split(separator: "/").map { Int($0.trimmingCharacters(in: .whitespaces)) } : []
            guard kv.count == 2, ["excellent", "pass", "basic"].contains(kv[0]), pr.count == 2, let p = pr[0], let r = pr[1] else {
                throw ValidationError("grade rule \"\(raw)\": expected excellent=P/R;pass=P/R;basic=P/R with whole percents, e.g. \(GradeRule.standard)",
                                      chinese: "评定规则「\(raw)」：应为 excellent=P/R;pass=P/R;basic=P/R（整数百分比），如 \(GradeRule.standard)")
            }
            found[kv[0]] = (p, r)
        }
        guard let e = found["excellent"], let p = found["pass"], let b = found["basic"],
              let rule = GradeRule(excellent: e, pass: p, basic: b) else {
            throw ValidationError("grade rule \"\(raw)\": needs all three tiers, each no stricter than the one above, percents 0–1000",
                                  chinese: "评定规则「\(raw)」：三档都要有，每档不高于上一档，百分比 0–1000")
        }
        self = rule
    }

    /// The grade for a month's figures; nil when there are no completed days to judge.
    /// - Parameters:
    ///   - patrolMinutes: the grid's patrol minutes over `days` days.
    ///   - days: completed days counted.
    ///   - dailyTarget: minutes a day (120).
    ///   - reports: the reports counted (for a grid: its weakest worker's).
    ///   - reportTarget: monthly target (10).
    public func grade(patrolMinutes: Int, days: Int, dailyTarget: Int, reports: Int, reportTarget: Int) -> Grade? {
        guard days > 0 else { return nil }
        // Integer comparisons: patrolMinutes / days ≥ pct% × dailyTarget  ⇔  patrolMinutes × 100 ≥ pct × dailyTarget × days.
        func reached(_ t: PercentPair) -> Bool {
            patrolMinutes * 100 >= t.patrol * dailyTarget * days && reports * 100 >= t.reports * reportTarget
        }
        if reached(tiers[0]) { return .excellent }
        if reached(tiers[1]) { return .pass }
        if reached(tiers[2]) { return .basicPass }
        return .fail
    }

    public var description: String {
        "excellent=\(tiers[0].patrol)/\(tiers[0].reports);pass=\(tiers[1].patrol)/\(tiers[1].reports);basic=\(tiers[2].patrol)/\(tiers[2].reports)"
    }

    public static func == (a: GradeRule, b: GradeRule) -> Bool { a.tiers == b.tiers }
    public func hash(into h: inout Hasher) { h.combine(tiers) }
}
