import Foundation

/// Times as people read them on screens and tables (本地短时间): local, to the minute, and no longer than
/// needed — `09:49` today, `11-22 09:49` on another day of this year, `2025-11-22 09:49` in another year.
/// Machine formats (CSV, JSON) keep ISO-8601 (`ISOTime.format`).
public enum PeopleTime {
    /// The short local form of `instant`, judged against `now` (no clock is read here).
    public static func short(_ instant: Date, now: Date, zone: TownshipZone) -> String {
        let day = zone.localDate(of: instant)
        let today = zone.localDate(of: now)
        let s = zone.secondsIntoDay(of: instant)
        let clock = pad(s / 3600) + ":" + pad(s / 60 % 60)
        if day == today { return clock }
        let iso = day.description                      // YYYY-MM-DD
        if iso.prefix(4) == today.description.prefix(4) { return String(iso.dropFirst(5)) + " " + clock }
        return iso + " " + clock
    }

    /// The short local form with the date always shown (`11-22 09:49`; the year when not this year's).
    public static func dated(_ instant: Date, now: Date, zone: TownshipZone) -> String {
        let day = zone.localDate(of: instant).description
        let s = zone.secondsIntoDay(of: instant)
        let clock = pad(s / 3600) + ":" + pad(s / 60 % 60)
        if day.prefix(4) == zone.localDate(of: now).description.prefix(4) { return String(day.dropFirst(5)) + " " + clock }
        return day + " " + clock
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
