import Foundation

/// The score sheet (考核评分表) departments and grid workers are scored by, as platforms of this kind score
/// them. Every figure going in is a percentage (0–100); a score is a sum of weighted parts, so each score can
/// be printed with the figures it came from.
///
/// - Department: `volume points + closure × 结案率 + onTime × 按期结案率 + rework × (100 − 返工率)`; the
///   volume points are those of the highest tier whose minimum number of matters due is reached. Default
///   tiers `100:10,50:8,20:6,1:4` and weights 0.3 / 0.3 / 0.3: at most 10 + 90 = 100. A rate with no
///   denominator counts 0 (返工率 with nothing closed counts 0, so its part is the full weight × 100).
///   No matter due: no score.
/// - Grid worker: `valid × 有效上报率 + missed × (100 − 漏报率) + patrol × 巡查达标天数率 + reports × min(100, 上报 ÷ 目标)`,
///   default weights 0.25 each: at most 100. 有效上报率 = counted reports ÷ all their reports (invalidated
///   ones are not counted); 漏报率 = should-have-reported ÷ (should-have-reported + counted reports);
///   巡查达标天数率 = their grid's days meeting the patrol mark ÷ its days. With no report at all, 有效上报率 is 0.
public struct ScoreSheet: Hashable, Sendable, CustomStringConvertible {
    /// A volume tier: at least `minimum` matters due earns `points`.
    public struct Tier: Hashable, Sendable {
        /// Matters due needed.
        public let minimum: Int
        /// Points earned.
        public let points: Double
        /// Creates a tier.
        public init(minimum: Int, points: Double) { self.minimum = minimum; self.points = points }
    }

    /// Department volume tiers, highest minimum first.
    public let tiers: [Tier]
    /// Department weights: 结案率, 按期结案率, 100 − 返工率.
    public let closure: Double, onTime: Double, rework: Double
    /// Worker weights: 有效上报率, 100 − 漏报率, 巡查达标天数率, 上报完成率.
    public let valid: Double, missed: Double, patrol: Double, reports: Double

    /// The default sheet.
    public static let standard = try! ScoreSheet(parsing: "tiers=100:10,50:8,20:6,1:4;department=0.3/0.3/0.3;worker=0.25/0.25/0.25/0.25")

    /// Parses `tiers=MIN:POINTS,…;department=C/O/R;worker=V/M/P/R` (the setting `assessment.score_sheet`).
    public init(parsing raw: String) throws(ValidationError) {
        var parts: [String: String] = [:]
        for p in raw.split(separator: ";") {
            let kv = p.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2 else { throw ValidationError("score sheet \"\(raw)\": \"\(p)\" is not KEY=VALUE") }
            parts[kv[0]] = kv[1]
        }
        func numbers(_ key: String, _ n: Int) throws(ValidationError) -> [Double] {
            let v = (parts[key] ?? "").split(separator: "/").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard v.count == n, v.allSatisfy({ $0 >= 0 && $0 <= 10 }) else {
                throw ValidationError("score sheet \"\(raw)\": \(key)= needs \(n) weights from 0 to 10 separated by /, e.g. \(ScoreSheet.example)")
            }
            return v
        }
        var tiers: [Tier] = []
        for t in (parts["tiers"] ?? "").split(separator: ",") {
            let mp = t.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
            guard mp.count == 2, let m = Int(mp[0]), m >= 1, let pts = Double(mp[1]), pts >= 0, pts <= 100 else {
                throw ValidationError("score sheet \"\(raw)\": tier \"\(t)\" is not MINIMUM:POINTS, e.g. 100:10")
            }
            tiers.append(Tier(minimum: m, points: pts))
        }
        guard !tiers.isEmpty else { throw ValidationError("score sheet \"\(raw)\": tiers= is missing, e.g. \(ScoreSheet.example)") }
        self.tiers = tiers.sorted { $0.minimum > $1.minimum }
        let d = try numbers("department", 3), w = try numbers("worker", 4)
        (closure, onTime, rework) = (d[0], d[1], d[2])
        (valid, missed, patrol, reports) = (w[0], w[1], w[2], w[3])
    }

    static let example = "tiers=100:10,50:8,20:6,1:4;department=0.3/0.3/0.3;worker=0.25/0.25/0.25/0.25"

    public var description: String {
        func n(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }
        return "tiers=" + tiers.map { "\($0.minimum):\(n($0.points))" }.joined(separator: ",")
            + ";department=\(n(closure))/\(n(onTime))/\(n(rework));worker=\(n(valid))/\(n(missed))/\(n(patrol))/\(n(reports))"
    }

    /// One weighted part of a score: the figure (a percentage), its weight and the points it gives.
    public struct Part: Hashable, Sendable {
        /// Which part (a key of the name table: `volume`, `closure`, `on_time`, `rework`, `valid`, `missed`, `patrol`, `reports`).
        public let key: String
        /// The figure going in (a percentage, or the matters due for `volume`).
        public let figure: Double
        /// Its weight (1 for `volume`).
        public let weight: Double
        /// Points: figure × weight (the tier's points for `volume`).
        public let points: Double
    }

    /// A score with the parts it is the sum of.
    public struct Score: Hashable, Sendable {
        /// The parts.
        public let parts: [Part]
        /// Their sum.
        public var total: Double { parts.reduce(0) { $0 + $1.points } }
        /// The total to two decimals, rounded half up: `87.25`.
        public var text: String { String(format: "%.2f", (total * 100).rounded() / 100) }
    }

    /// A percentage from a `Rate`, 0 when undefined.
    static func percent(_ r: Rate) -> Double { (r.value ?? 0) * 100 }

    /// A department's score from its evaluation counts; nil when nothing was due.
    public func department(_ c: EvaluationCounts) -> Score? {
        guard c.due > 0 else { return nil }
        let points = tiers.first { c.due >= $0.minimum }?.points ?? 0
        let closed = ScoreSheet.percent(Evaluation.closure(c)), onTimeRate = ScoreSheet.percent(Evaluation.onTime(c))
        let reworkRate = ScoreSheet.percent(Evaluation.rework(c))
        return Score(parts: [Part(key: "volume", figure: Double(c.due), weight: 1, points: points),
                             Part(key: "closure", figure: closed, weight: closure, points: closed * closure),
                             Part(key: "on_time", figure: onTimeRate, weight: onTime, points: onTimeRate * onTime),
                             Part(key: "rework", figure: 100 - reworkRate, weight: rework, points: (100 - reworkRate) * rework)])
    }

    /// A grid worker's score.
    /// - Parameters:
    ///   - counted: reports counted (not invalidated); `all`: every report they made.
    ///   - missed: should-have-reported matters of their grid.
    ///   - daysMet/days: their grid's patrol days meeting the mark, of its days.
    ///   - target: reports due in the period.
    public func worker(counted: Int, all: Int, missed missedCount: Int, daysMet: Int, days: Int, target: Int) -> Score {
        let validRate = ScoreSheet.percent(Rate(counted, all))
        let missedRate = ScoreSheet.percent(Rate(missedCount, missedCount + counted))
        let patrolRate = ScoreSheet.percent(Rate(daysMet, days))
        let done = min(100, ScoreSheet.percent(Rate(counted, target)))
        return Score(parts: [Part(key: "valid", figure: validRate, weight: valid, points: validRate * valid),
                             Part(key: "missed", figure: 100 - missedRate, weight: missed, points: (100 - missedRate) * missed),
                             Part(key: "patrol", figure: patrolRate, weight: patrol, points: patrolRate * patrol),
                             Part(key: "reports", figure: done, weight: reports, points: done * reports)])
    }
}
