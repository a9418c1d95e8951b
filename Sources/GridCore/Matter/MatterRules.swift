import Foundation

/// The township-wide matter settings (事项规则), read from the `settings` table.
///
/// Keys: `urgent_dispatch_limit` (default `10min`), `urgent_handle_limit` (`4h`), `urgent_verify_limit` (`1h`),
/// `near_due_share` (`0.25`), `duplicate_window_hours` (`24`).
public struct MatterRules: Hashable, Sendable {
    /// Dispatch limit of urgent matters (紧急派遣时限).
    public var urgentDispatch: TimeLimit
    /// Handling limit of urgent matters (紧急处置时限).
    public var urgentHandling: TimeLimit
    /// Verification limit of urgent matters (紧急核查时限).
    public var urgentVerification: TimeLimit
    /// A matter is near due (临期) once no more than this share of its stage's time is left.
    public var nearDueShare: Double
    /// Two matters of one category and grid reported within this many hours are flagged as possible duplicates.
    public var duplicateWindowHours: Int

    /// The defaults: urgent 10min / 4h / 1h, near due at 25% left, duplicates within 24 h.
    public static let standard = MatterRules(
        urgentDispatch: TimeLimit(amount: 10, unit: .minutes)!, urgentHandling: TimeLimit(amount: 4, unit: .hours)!,
        urgentVerification: TimeLimit(amount: 1, unit: .hours)!, nearDueShare: 0.25, duplicateWindowHours: 24)

    /// The setting keys this type reads.
    public static let keys = ["urgent_dispatch_limit", "urgent_handle_limit", "urgent_verify_limit",
                              "near_due_share", "duplicate_window_hours"]

    /// Creates rules.
    public init(urgentDispatch: TimeLimit, urgentHandling: TimeLimit, urgentVerification: TimeLimit,
                nearDueShare: Double, duplicateWindowHours: Int) {
        self.urgentDispatch = urgentDispatch; self.urgentHandling = urgentHandling
        self.urgentVerification = urgentVerification; self.nearDueShare = nearDueShare
        self.duplicateWindowHours = duplicateWindowHours
    }

    /// Reads rules from settings; missing keys keep their default, bad values are refused with the key named.
    public init(settings: [String: String]) throws(ValidationError) {
        var r = MatterRules.standard
        for key in MatterRules.keys {
            guard let raw = settings[key] else { continue }
            try r.set(key, raw)
        }
        self = r
    }

    /// Changes one setting from its text form, validating it.
    public mutating func set(_ key: String, _ raw: String) throws(ValidationError) {
        func limit() throws(ValidationError) -> TimeLimit {
            guard let l = TimeLimit(parsing: raw) else {
                throw ValidationError("setting \(key) = \(raw): expected a time limit such as 10min, 4h, 2wh or 1wd",
                                      chinese: "设置 \(key) = \(raw)：应为时限，如 10min、4h、2wh 或 1wd")
            }
            return l
        }
        switch key {
        case "urgent_dispatch_limit": urgentDispatch = try limit()
        case "urgent_handle_limit": urgentHandling = try limit()
        case "urgent_verify_limit": urgentVerification = try limit()
        case "near_due_share":
            guard let v = Double(raw), v >= 0, v < 1 else {
                throw ValidationError("setting near_due_share = \(raw): expected a share from 0 up to (not including) 1, e.g. 0.25",
                                      chinese: "设置 near_due_share = \(raw)：应为 0 到 1（不含 1）之间的比例，如 0.25")
            }
            nearDueShare = v
        case "duplicate_window_hours":
            guard let v = Int(raw), (0...720).contains(v) else {
                throw ValidationError("setting duplicate_window_hours = \(raw): expected whole hours from 0 to 720",
                                      chinese: "设置 duplicate_window_hours = \(raw)：应为 0 到 720 的整数小时")
            }
            duplicateWindowHours = v
        default:
            throw ValidationError("unknown matter setting \(key); known: \(MatterRules.keys.joined(separator: ", "))",
                                  chinese: "没有这个案件设置项：\(key)；可用：\(MatterRules.keys.joined(separator: "、"))")
        }
    }

    /// The limit of a stage for a matter: the category's own, or the township's urgent limit for urgent matters.
    public func limit(for stage: Stage, category: Category, urgency: Urgency) -> TimeLimit {
        guard urgency == .urgent else { return category.limit(for: stage) }
        switch stage {
        case .dispatch: return urgentDispatch
        case .handling: return urgentHandling
        case .verification: return urgentVerification
        }
    }
}
