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

    /// The instant of a local wall-clock time on a day. A time that occurs twice (clocks turned back) is
    /// its first occurrence; a time that does not occur (clocks turned forward) is read with the offset in
    /// force before the change, i.e. as far past the change as it is past the skipped hour's start. Callers
    /// reading a person's text refuse the latter (`resolve`, `ISOTime.parse`).
    public func instant(_ date: LocalDate, secondsIntoDay s: Int = 0) -> Date {
        switch resolve(date, secondsIntoDay: s) {
        case let .unique(t), let .repeated(t, _), let .skipped(t): return t
        }
    }

    /// How a local wall-clock time maps to instants with the zone's real offsets (夏令时).
    public enum Resolution: Sendable, Hashable {
        /// Exactly one instant (every time of a zone without daylight saving).
        case unique(Date)
        /// Two instants, when clocks were turned back over it: the earlier and the later.
        case repeated(Date, Date)
        /// None, when clocks were turned forward over it; the instant is the wall time read with the offset
        /// in force before the change.
        case skipped(Date)
    }

    /// Resolves a local wall-clock time: candidate offsets are those in force a day before and a day after
    /// (no zone changes twice within two days), and a candidate stands when the zone has that offset at the
    /// instant it gives.
    public func resolve(_ date: LocalDate, secondsIntoDay s: Int) -> Resolution {
        let wall = Double(date.daysSinceEpoch * 86_400 + s)
        // A zone past its last change (Asia/Shanghai since 1991): one offset, one answer.
        if let tail, wall - 86_400 >= tail.since, wall + 86_400 < ZoneOffsetTail.horizon {
            return .unique(Date(timeIntervalSince1970: wall - Double(tail.offset)))
        }
        let before = offset(atSecond: wall - 86_400), after = offset(atSecond: wall + 86_400)
        var hits: [Double] = []
        for o in before == after ? [before] : [before, after] {
            let t = wall - Double(o)
            if offset(atSecond: t) == o { hits.append(t) }
        }
        hits.sort()
        switch hits.count {
        case 1: return .unique(Date(timeIntervalSince1970: hits[0]))
        case 0: return .skipped(Date(timeIntervalSince1970: wall - Double(before)))
        default: return .repeated(Date(timeIntervalSince1970: hits[0]), Date(timeIntervalSince1970: hits[1]))
        }
    }

    /// Local midnight at the start of a day.
    public func startOfDay(_ date: LocalDate) -> Date { instant(date) }

    /// Local midnight at the end of a day (the start of the next).
    public func endOfDay(_ date: LocalDate) -> Date { instant(date.adding(days: 1)) }
}
