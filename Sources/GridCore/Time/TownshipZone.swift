import Foundation

/// The township's time zone (乡镇所在时区): the one place where instants become local days.
///
/// Instants are stored in UTC; every day and month boundary is computed here.
public struct TownshipZone: Sendable, Hashable {
    /// The IANA time zone, `Asia/Shanghai` by default.
    public let timeZone: TimeZone
    /// The zone's last offset change and the offset from then on, when it has stopped changing (no DST):
    /// offsets at or after `fixedSince` are read from here instead of asking Foundation (`ZoneOffsetTail`).
    let tail: ZoneOffsetTail.Tail?

    /// The default zone of a Chinese township.
    public static let shanghai = TownshipZone(TimeZone(identifier: "Asia/Shanghai")!)

    /// UTC, the zone instants are stored in.
    public static let utc = TownshipZone(TimeZone(identifier: "UTC")!)

    /// Wraps a time zone.
    public init(_ timeZone: TimeZone) { self.timeZone = timeZone; tail = ZoneOffsetTail.tail(of: timeZone) }

    /// The zone with this IANA identifier, or nil when unknown.
    public init?(identifier: String) {
        guard let tz = TimeZone(identifier: identifier) else { return nil }
        self.init(tz)
    }

    /// The IANA identifier.
    public var identifier: String { timeZone.identifier }

    /// Offset from UTC in seconds at an instant.
    @inline(__always)
    public func offset(at instant: Date) -> Int { offset(atSecond: instant.timeIntervalSince1970) }

    /// Offset from UTC in seconds at a UTC epoch second.
    @inline(__always)
    func offset(atSecond t: Double) -> Int {
        if let tail, t >= tail.since, t < ZoneOffsetTail.horizon { return tail.offset }
        return timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: t))
    }

    public static func == (a: TownshipZone, b: TownshipZone) -> Bool { a.timeZone == b.timeZone }
    public func hash(into h: inout Hasher) { h.combine(timeZone) }

    /// The local day an instant falls on.
    public func localDate(of instant: Date) -> LocalDate {
        let local = Int(floor(instant.timeIntervalSince1970)) + offset(at: instant)
        return LocalDate(daysSinceEpoch: Int(floor(Double(local) / 86_400)))
    }

    /// Seconds since local midnight of an instant (0 ..< 86 400).
    public func secondsIntoDay(of instant: Date) -> Int {
        let local = Int(floor(instant.timeIntervalSince1970)) + offset(at: instant)
        return ((local % 86_400) + 86_400) % 86_400
    }

    /// The instant of a local wall-clock time on a day.
    public func instant(_ date: LocalDate, secondsIntoDay s: Int = 0) -> Date {
        let wall = Double(date.daysSinceEpoch * 86_400 + s)
        // Take the offset in force near that wall time; two passes settle DST edges.
        let guess = wall - Double(offset(atSecond: wall))
        return Date(timeIntervalSince1970: wall - Double(offset(atSecond: guess)))
    }

    /// Local midnight at the start of a day.
    public func startOfDay(_ date: LocalDate) -> Date { instant(date) }

    /// Local midnight at the end of a day (the start of the next).
    public func endOfDay(_ date: LocalDate) -> Date { instant(date.adding(days: 1)) }
}
