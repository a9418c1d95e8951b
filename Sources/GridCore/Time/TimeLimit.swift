/// The unit a time limit (时限) is written in.
public enum LimitUnit: String, Sendable, CaseIterable, Codable {
    /// Calendar minutes: the clock never stops.
    case minutes = "min"
    /// Calendar hours: the clock never stops.
    case hours = "h"
    /// Working hours: office time on working days only.
    case workingHours = "wh"
    /// Working days: due at the close of office on the N-th working day after the start day.
    case workingDays = "wd"
}

/// A stage's time limit, such as `30min`, `4wh` or `3wd`.
public struct TimeLimit: Hashable, Sendable, CustomStringConvertible, Codable {
    /// How many units.
    public let amount: Int
    /// Which unit.
    public let unit: LimitUnit

    /// Creates a limit; the amount must be positive.
    public init?(amount: Int, unit: LimitUnit) {
        guard amount > 0, amount <= 100_000 else { return nil }
        self.amount = amount; self.unit = unit
    }

    /// Parses `30min`, `2h`, `4wh`, `3wd` (spaces allowed between number and unit).
    public init?(parsing raw: String) {
        let text = raw.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let unitText = text.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        guard !digits.isEmpty, let n = Int(digits), let u = LimitUnit(rawValue: unitText) else { return nil }
        self.init(amount: n, unit: u)
    }

    /// `30min`, `4wh`, …
    public var description: String { "\(amount)\(unit.rawValue)" }

    /// Whether the clock runs on calendar time (never stops).
    public var isCalendarTime: Bool { unit == .minutes || unit == .hours }
}

import Foundation
