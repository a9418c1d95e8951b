/// One office period of a working day, in seconds after local midnight.
public struct OfficePeriod: Hashable, Sendable {
    /// Start, seconds after midnight.
    public let start: Int
    /// End, seconds after midnight.
    public let end: Int
    /// Creates a period.
    public init(start: Int, end: Int) { self.start = start; self.end = end }
    /// Length in seconds.
    public var length: Int { end - start }
}

/// Office hours of a working day (办公时间), default 08:30–12:00 and 14:00–17:30.
public struct OfficeHours: Hashable, Sendable, CustomStringConvertible {
    /// The periods, in order, not overlapping.
    public let periods: [OfficePeriod]

    /// 08:30–12:00, 14:00–17:30.
    public static let standard = OfficeHours(unchecked: [OfficePeriod(start: 30_600, end: 43_200), OfficePeriod(start: 50_400, end: 63_000)])

    init(unchecked periods: [OfficePeriod]) { self.periods = periods }

    /// Creates office hours; periods must be non-empty, ordered, inside the day and not overlapping.
    public init(periods: [OfficePeriod]) throws {
        guard !periods.isEmpty else { throw ValidationError("office hours need at least one period", chinese: "办公时间至少要有一段") }
        var last = 0
        for p in periods {
            guard p.start >= last, p.end > p.start, p.end <= 86_400 else {
                throw ValidationError("office hours \(OfficeHours(unchecked: periods)): periods must be ordered, non-empty and not overlap",
                                      chinese: "办公时间 \(OfficeHours(unchecked: periods))：各时段须按先后排列、不为空且互不重叠")
            }
            last = p.end
        }
        self.periods = periods
    }

    /// Parses `08:30-12:00,14:00-17:30`.
    public init(parsing text: String) throws {
        func clock(_ s: Substring) -> Int? {
            let p = s.split(separator: ":")
            guard p.count == 2, let h = Int(p[0]), let m = Int(p[1]), (0...24).contains(h), (0..<60).contains(m),
                  h * 3600 + m * 60 <= 86_400 else { return nil }
            return h * 3600 + m * 60
        }
        var out: [OfficePeriod] = []
        for part in text.split(separator: ",") {
            let ends = part.trimmingCharacters(in: .whitespaces).split(separator: "-")
            guard ends.count == 2, let a = clock(ends[0]), let b = clock(ends[1]) else {
                throw ValidationError("office hours \"\(text)\": expected HH:MM-HH:MM[,HH:MM-HH:MM]",
                                      chinese: "办公时间「\(text)」：应为 HH:MM-HH:MM[,HH:MM-HH:MM]")
            }
            out.append(OfficePeriod(start: a, end: b))
        }
        try self.init(periods: out)
    }

    /// Office seconds in one working day.
    public var secondsPerDay: Int { periods.reduce(0) { $0 + $1.length } }

    /// Close of office, seconds after midnight.
    public var close: Int { periods.last!.end }

    /// `08:30-12:00,14:00-17:30`.
    public var description: String {
        func hm(_ s: Int) -> String { String(format: "%02d:%02d", s / 3600, s / 60 % 60) }
        return periods.map { "\(hm($0.start))-\(hm($0.end))" }.joined(separator: ",")
    }
}

import Foundation
