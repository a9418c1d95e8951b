import Foundation

/// The fixed tail of a time zone's offsets (固定时差): from its last offset change on, a zone without daylight
/// saving time (Asia/Shanghai since 1991, UTC always) has one offset, so `TownshipZone` can answer offsets
/// there without asking Foundation (a locked ICU call, microseconds each; imports ask millions of times).
///
/// Found once per zone identifier and process: the last transition Foundation reports, then checked against
/// Foundation at that instant and four times a year up to `horizon`. Zones still changing (DST) have none,
/// and instants before the tail or after the horizon always go to Foundation, so answers stay exact.
enum ZoneOffsetTail {
    /// From `since` (UTC epoch seconds) up to the horizon, the offset is `offset`.
    struct Tail: Sendable, Hashable {
        let since: Double
        let offset: Int
    }

    /// Instants from here on (2100-01-01 UTC) always ask Foundation.
    static let horizon: Double = 4_102_444_800

    private static let lock = NSLock()
    nonisolated(unsafe) private static var known: [String: Tail?] = [:]

    /// The tail of `zone`, computed on first use of its identifier.
    static func tail(of zone: TimeZone) -> Tail? {
        let id = zone.identifier
        lock.lock()
        if let t = known[id] { lock.unlock(); return t }
        lock.unlock()
        let t = compute(zone)
        lock.lock(); known[id] = t; lock.unlock()
        return t
    }

    /// Walks the transitions from 1900 to the last one (at most 300: zones with DST never stop), then checks.
    static func compute(_ zone: TimeZone) -> Tail? {
        var last = Date(timeIntervalSince1970: -2_208_988_800)  // 1900-01-01
        var found = false
        for _ in 0..<300 {
            guard let next = zone.nextDaylightSavingTimeTransition(after: last) else { found = true; break }
            guard next > last, next.timeIntervalSince1970 < horizon else { return nil }
            last = next
        }
        guard found else { return nil }
        // Whole seconds from the transition on (a transition may fall inside a second).
        let since = ceil(last.timeIntervalSince1970) + 1
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: since))
        var t = since
        while t < horizon {
            if zone.secondsFromGMT(for: Date(timeIntervalSince1970: t)) != offset { return nil }
            t += 91 * 86_400
        }
        return Tail(since: since, offset: offset)
    }
}
