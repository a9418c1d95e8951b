import Foundation

/// Reading and writing instants as ISO-8601 text.
///
/// Accepted: `2026-11-22T08:30:00+08:00`, `…Z`, `2026-11-22T08:30`, `2026-11-22 08:30:00`,
/// and a bare `2026-11-22` (local midnight). Text without an offset is township local time.
public enum ISOTime {
    /// Parses an instant; text without an offset is read in `zone`.
    public static func parse(_ raw: String, zone: TownshipZone) -> Date? {
        parseCommon(raw, zone: zone) ?? parseGeneral(raw, zone: zone)
    }

    /// Every accepted shape, with Foundation's string handling (the reference for `parseCommon`).
    static func parseGeneral(_ raw: String, zone: TownshipZone) -> Date? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard text.count >= 10, let date = LocalDate(iso: String(text.prefix(10))) else { return nil }
        var rest = Substring(text.dropFirst(10))
        if rest.isEmpty { return zone.instant(date) }
        guard rest.first == "T" || rest.first == " " else { return nil }
        rest = rest.dropFirst()
        // Split off an offset: Z, +HH:MM, +HHMM, +HH, -…
        var offsetSeconds: Int? = nil
        if rest.hasSuffix("Z") || rest.hasSuffix("z") {
            offsetSeconds = 0; rest = rest.dropLast()
        } else if let signIndex = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let sign = rest[signIndex] == "-" ? -1 : 1
            let digits = rest[rest.index(after: signIndex)...].filter { $0 != ":" }
            guard digits.count == 2 || digits.count == 4, digits.allSatisfy(\.isASCII),
                  let hh = Int(digits.prefix(2)), let mm = Int(digits.dropFirst(2).isEmpty ? "0" : String(digits.dropFirst(2))),
                  hh <= 14, mm < 60 else { return nil }
            offsetSeconds = sign * (hh * 3600 + mm * 60)
            rest = rest[..<signIndex]
        }
        let clock = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2 || clock.count == 3, clock[0].count == 2, clock[1].count == 2,
              let h = Int(clock[0]), let m = Int(clock[1]), h < 24, m < 60 else { return nil }
        var s = 0.0
        if clock.count == 3 {
            guard clock[2].count >= 2, let sec = Double(clock[2]), sec >= 0, sec < 61 else { return nil }
            s = sec
        }
        let secondsIntoDay = Double(h * 3600 + m * 60) + s
        if let off = offsetSeconds {
            return Date(timeIntervalSince1970: Double(date.daysSinceEpoch * 86_400) + secondsIntoDay - Double(off))
        }
        let whole = Int(secondsIntoDay.rounded(.down))
        return local(date, whole, zone: zone)?.addingTimeInterval(secondsIntoDay - Double(whole))
    }

    /// The common shapes without allocating: `YYYY-MM-DD`, then `T` and `HH:MM` or `HH:MM:SS`, then nothing,
    /// `Z`/`z`, `±HH:MM`, `±HHMM` or `±HH`, all digits ASCII and no spaces. Gives exactly what the general
    /// parser gives for these; nil for anything else (the general parser then decides, errors included).
    static func parseCommon(_ raw: String, zone: TownshipZone) -> Date? {
        let parsed: (date: LocalDate, seconds: Int, offset: Int?)?? = raw.utf8.withContiguousStorageIfAvailable { b in
            let n = b.count
            @inline(__always) func digit(_ i: Int) -> Int? {
                let c = b[i] &- 0x30
                return c < 10 ? Int(c) : nil
            }
            @inline(__always) func two(_ i: Int) -> Int? {
                guard let a = digit(i), let c = digit(i + 1) else { return nil }
                return a * 10 + c
            }
            guard n >= 10, b[4] == 0x2D, b[7] == 0x2D,
                  let y1 = two(0), let y2 = two(2), let mo = two(5), let d = two(8),
                  let date = LocalDate(year: y1 * 100 + y2, month: mo, day: d) else { return nil }
            if n == 10 { return (date, 0, nil) }
            guard n >= 16, b[10] == 0x54, b[13] == 0x3A, let h = two(11), let m = two(14), h < 24, m < 60 else { return nil }
            var i = 16
            var sec = 0
            if i < n && b[i] == 0x3A {
                guard n >= 19, let s = two(17), s < 61 else { return nil }
                sec = s; i = 19
            }
            let clock = h * 3600 + m * 60 + sec
            if i == n { return (date, clock, nil) }
            if i + 1 == n && (b[i] == 0x5A || b[i] == 0x7A) { return (date, clock, 0) }
            guard n - i >= 3, b[i] == 0x2B || b[i] == 0x2D, let oh = two(i + 1) else { return nil }
            let sign = b[i] == 0x2D ? -1 : 1
            var om = 0
            switch n - i {
            case 3: break
            case 5: guard let v = two(i + 3) else { return nil }; om = v
            case 6: guard b[i + 3] == 0x3A, let v = two(i + 4) else { return nil }; om = v
            default: return nil
            }
            guard oh <= 14, om < 60 else { return nil }
            return (date, clock, sign * (oh * 3600 + om * 60))
        }
        guard let found = parsed, let (date, clock, offset) = found else { return nil }
        if let offset {
            return Date(timeIntervalSince1970: Double(date.daysSinceEpoch * 86_400) + Double(clock) - Double(offset))
        }
        return local(date, clock, zone: zone)
    }

    /// A local wall time in `zone` with the zone's offset at that instant (not the offset at midnight, which
    /// differs after a daylight-saving change that day): a repeated time is its first occurrence, a time
    /// skipped by the clocks going forward is nil (`skippedLocalTime` says so in words).
    static func local(_ date: LocalDate, _ seconds: Int, zone: TownshipZone) -> Date? {
        switch zone.resolve(date, secondsIntoDay: seconds) {
        case let .unique(t), let .repeated(t, _): return t
        case .skipped: return nil
        }
    }

    /// Why `raw` is not a time although it is well formed: a local time that does not exist in `zone`
    /// because the clocks go forward over it; nil otherwise. For the error message of a caller whose parse failed.
    public static func skippedLocalTime(_ raw: String, zone: TownshipZone) -> Phrase? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard text.count >= 16, let date = LocalDate(iso: String(text.prefix(10))) else { return nil }
        let clock = text.dropFirst(11).prefix(5).split(separator: ":")
        guard clock.count == 2, let h = Int(clock[0]), let m = Int(clock[1]), h < 24, m < 60 else { return nil }
        let rest = text.dropFirst(16).drop { $0 == ":" || $0.isNumber || $0 == "." }
        guard rest.isEmpty else { return nil }   // an explicit offset: every time exists
        guard case .skipped = zone.resolve(date, secondsIntoDay: h * 3600 + m * 60) else { return nil }
        return Phrase(zh: "\(text) 在 \(zone.identifier) 不存在：夏令时开始时钟拨快跳过了这段时间；请带上时差给出时间，或给出跳过时段以外的时间",
                      en: "\(text) does not exist in \(zone.identifier): the clocks go forward over it (daylight saving time); "
                          + "give the time with its offset or a time outside the skipped hour")
    }

    /// Formats an instant with the zone's offset: `2026-11-22T08:30:00+08:00`.
    public static func format(_ instant: Date, zone: TownshipZone) -> String {
        let off = zone.offset(at: instant)
        let date = zone.localDate(of: instant)
        let s = zone.secondsIntoDay(of: instant)
        let sign = off < 0 ? "-" : "+"
        let a = abs(off)
        return date.description + "T" + zeroPad(s / 3600, 2) + ":" + zeroPad(s / 60 % 60, 2) + ":" + zeroPad(s % 60, 2)
            + sign + zeroPad(a / 3600, 2) + ":" + zeroPad(a / 60 % 60, 2)
    }

    /// Formats local wall time for tables: `2026-11-22 08:30`.
    public static func formatShort(_ instant: Date, zone: TownshipZone) -> String {
        let s = zone.secondsIntoDay(of: instant)
        return zone.localDate(of: instant).description + " " + zeroPad(s / 3600, 2) + ":" + zeroPad(s / 60 % 60, 2)
    }

    /// Formats an instant in UTC, the form stored in the database: `2026-11-22T00:30:00Z`.
    public static func formatUTC(_ instant: Date) -> String {
        format(instant, zone: .utc).replacingOccurrences(of: "+00:00", with: "Z")
    }
}
