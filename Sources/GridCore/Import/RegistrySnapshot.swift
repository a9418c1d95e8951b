import Foundation

/// What the database already holds, for resolving references in a registry import (the store supplies it).
public struct RegistrySnapshot: Sendable, Equatable {
    /// Existing grids: code → level.
    public var grids: [String: GridLevel]
    /// Existing workers: code → their A/B partner's code.
    public var workers: [String: String?]
    /// Existing department codes.
    public var departments: Set<String>

    /// Creates a snapshot.
    public init(grids: [String: GridLevel] = [:], workers: [String: String?] = [:], departments: Set<String> = []) {
        self.grids = grids; self.workers = workers; self.departments = departments
    }
}

extension GridLevel {
    /// Reads a level from its code or a Chinese name (乡镇/街道, 片区/村/社区 (二级), 居民区/村民小区/三级, 基础网格/四级).
    public init?(text: String) {
        let t = text.lowercased()
        if let l = GridLevel(rawValue: t) { self = l; return }
        switch text {
        case "乡镇", "街道", "一级": self = .township
        case "片区", "村", "社区", "工作片", "企业", "二级": self = .area
        case "三级", "居民区", "村民小区", "小区": self = .community
        case "基础网格", "网格", "四级": self = .basic
        default:
            guard let l = GridLevel(codeOrName: text) else { return nil }   // the name table's names too
            self = l
        }
    }
}

extension WorkerKind {
    /// Reads `full`/`part` or 专职/兼职.
    public init?(text: String) {
        switch text.lowercased() {
        case "full", "专职": self = .full
        case "part", "兼职": self = .part
        default: return nil
        }
    }
}

extension Urgency {
    /// Reads `urgent`/`normal` or 紧急/一般.
    public init?(text: String) {
        switch text.lowercased() {
        case "urgent", "紧急": self = .urgent
        case "normal", "一般": self = .normal
        default: return nil
        }
    }
}

/// Phone numbers a grid worker can be reached on.
public enum PhoneCheck {
    /// Why `phone` is not plausible, or nil: a mainland mobile (11 digits starting 1[3-9]) or a
    /// landline of 7–12 digits with an optional area code, `-` and spaces allowed; `+86` accepted.
    public static func problem(_ phone: String) -> Phrase? {
        var p = phone.replacingOccurrences(of: " ", with: "")
        if p.hasPrefix("+86") { p.removeFirst(3) }
        guard !p.isEmpty, p.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) else {
            return Phrase(zh: "\"\(phone)\"：应为数字电话号码（如 13812345678 或 0571-86001234）",
                          en: "\"\(phone)\": expected a phone number of digits (e.g. 13812345678 or 0571-86001234)")
        }
        let digits = p.filter(\.isNumber)
        if digits.hasPrefix("1") {
            guard digits.count == 11, let second = digits.dropFirst().first, "3456789".contains(second) else {
                return Phrase(zh: "\"\(phone)\"：手机号为 11 位，以 13–19 开头", en: "\"\(phone)\": a mobile number has 11 digits starting 13–19")
            }
            return nil
        }
        guard (7...12).contains(digits.count) else {
            return Phrase(zh: "\"\(phone)\"：\(digits.count) 位数字不是电话号码", en: "\"\(phone)\": \(digits.count) digits is not a phone number")
        }
        return nil
    }
}
