import Foundation

/// The township-wide matter settings (事项规则), read from the `settings` table.
///
/// Keys: `urgent_dispatch_limit` (default `10min`), `urgent_handle_limit` (`4h`), `urgent_verify_limit` (`1h`),
/// `near_due_share` (`0.25`), `duplicate_window_hours` (`24`), `district_limit` (`5wd`), `urgent_district_limit`
/// (`1wd`), per category `district_limit.CODE` (a category's own district limit, both urgencies), `sign_limit` (`2wh`)
/// and `urgent_sign_limit` (`30min`), `reply_limit` (`1wd` after closing).
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
    /// The district stage's limit for normal matters (区指挥中心办理时限, 一般).
    public var districtNormal = TimeLimit(amount: 5, unit: .workingDays)!
    /// The district stage's limit for urgent matters (区指挥中心办理时限, 紧急).
    public var districtUrgent = TimeLimit(amount: 1, unit: .workingDays)!
    /// How long a department has to sign for a normal matter it is sent (签收时限, 一般); the handling clock runs regardless.
    public var signNormal = TimeLimit(amount: 2, unit: .workingHours)!
    /// The same for urgent matters (签收时限, 紧急).
    public var signUrgent = TimeLimit(amount: 30, unit: .minutes)!
    /// How long after closing the answer must be given (回复时限), to the hotline or the reporter.
    public var replyLimit = TimeLimit(amount: 1, unit: .workingDays)!
    /// A category's own district limit, by category code: it wins over both urgency defaults.
    public var districtByCategory: [String: TimeLimit] = [:]

    /// The defaults: urgent 10min / 4h / 1h, near due at 25% left, duplicates within 24 h, district 5wd / 1wd urgent.
    public static let standard = MatterRules(
        urgentDispatch: TimeLimit(amount: 10, unit: .minutes)!, urgentHandling: TimeLimit(amount: 4, unit: .hours)!,
        urgentVerification: TimeLimit(amount: 1, unit: .hours)!, nearDueShare: 0.25, duplicateWindowHours: 24)

    /// The setting keys this type reads (besides `district_limit.CODE`, one per category that has its own).
    public static let keys = ["urgent_dispatch_limit", "urgent_handle_limit", "urgent_verify_limit",
                              "near_due_share", "duplicate_window_hours", "district_limit", "urgent_district_limit",
                              "sign_limit", "urgent_sign_limit", "reply_limit"]

    /// The prefix of a category's own district limit: `district_limit.SR03`.
    public static let categoryDistrictPrefix = "district_limit."

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
        for (key, raw) in settings where key.hasPrefix(MatterRules.categoryDistrictPrefix) { try r.set(key, raw) }
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
        case "reply_limit": replyLimit = try limit()
        case "sign_limit": signNormal = try limit()
        case "urgent_sign_limit": signUrgent = try limit()
        case "district_limit": districtNormal = try limit()
        case "urgent_district_limit": districtUrgent = try limit()
        case _ where key.hasPrefix(MatterRules.categoryDistrictPrefix) && key.count > MatterRules.categoryDistrictPrefix.count:
            districtByCategory[String(key.dropFirst(MatterRules.categoryDistrictPrefix.count))] = try limit()
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

    /// The limit of a stage for a matter. Township stages: the category's own, or the township's urgent limit for
    /// urgent matters. The district stage: the category's own district limit if set, else the urgency's default.
    public func limit(for stage: Stage, category: Category, urgency: Urgency) -> TimeLimit {
        let urgent = urgency == .urgent
        switch stage {
        case .dispatch: return urgent ? urgentDispatch : category.dispatchLimit
        case .handling: return urgent ? urgentHandling : category.handleLimit
        case .verification: return urgent ? urgentVerification : category.verifyLimit
        case .district: return districtByCategory[category.code] ?? (urgent ? districtUrgent : districtNormal)
        }
    }

    /// The sign-for limit (签收时限) of a matter dispatched with this urgency.
    public func signLimit(urgency: Urgency) -> TimeLimit { urgency == .urgent ? signUrgent : signNormal }

    /// The settings as key and text value, in `keys` order then the per-category district limits by code.
    public var settingRows: [(key: String, value: String)] {
        var rows: [(String, String)] = [("urgent_dispatch_limit", urgentDispatch.description), ("urgent_handle_limit", urgentHandling.description),
                    ("urgent_verify_limit", urgentVerification.description), ("near_due_share", String(nearDueShare)),
                    ("duplicate_window_hours", String(duplicateWindowHours)), ("district_limit", districtNormal.description),
                    ("urgent_district_limit", districtUrgent.description), ("sign_limit", signNormal.description),
                    ("urgent_sign_limit", signUrgent.description), ("reply_limit", replyLimit.description)]
        for (code, l) in districtByCategory.sorted(by: { $0.key < $1.key }) { rows.append((MatterRules.categoryDistrictPrefix + code, l.description)) }
        return rows
    }
}
