import Foundation

/// A basic grid's patrol figures over a period (网格巡查时长).
public struct PatrolFigure: Hashable, Sendable {
    /// Seconds of patrol (union of counted sessions) on each day of the frame; today's is so far.
    public let dailySeconds: [Int]
    /// Days judged: the completed days of the period (all of them once it has ended).
    public let days: Int
    /// Seconds of patrol over the judged days.
    public let patrolSeconds: Int
    /// Judged days whose patrol reached the daily target.
    public let daysMeeting: Int
    /// Today's seconds so far, counting ongoing sessions up to now; nil when today is not in the period.
    public let todaySeconds: Int?
    /// The daily target used, minutes.
    public let dailyTargetMinutes: Int

    /// `patrol_minutes`: whole minutes over the judged days, rounded down from the total seconds.
    public var patrolMinutes: Int { patrolSeconds / 60 }
    /// Today's whole minutes so far.
    public var todayMinutes: Int? { todaySeconds.map { $0 / 60 } }
    /// Whether today has already reached the daily target.
    public var todayMet: Bool? { todaySeconds.map { $0 >= dailyTargetMinutes * 60 } }
    /// The daily average in minutes (`patrol_minutes / days`), nil with no judged day.
    public var averageMinutes: Double? { days > 0 ? Double(patrolMinutes) / Double(days) : nil }
    /// 日均 target met: `patrol_minutes / days ≥ target` (exactly, in integers). False with no judged day.
    public var ok: Bool { days > 0 && patrolMinutes >= dailyTargetMinutes * days }
}

/// The patrol-time rules (巡查时长规则), the one place they are computed.
public enum PatrolRules {
    /// The sessions that count at `now` (not suspect, or confirmed; runaway open sessions excluded).
    public static func counted(_ sessions: [PatrolSession], settings: ComplianceSettings, now: Date) -> [PatrolSession] {
        sessions.filter { $0.counts(limitSeconds: settings.suspectSeconds, now: now) }
    }

    /// The union of one grid's counted sessions, clipped to `window` and to `now`.
    public static func union(_ sessions: [PatrolSession], within window: TimeSpan, settings: ComplianceSettings, now: Date) -> [TimeSpan] {
        let spans = counted(sessions, settings: settings, now: now).compactMap { $0.countedSpan(now: now)?.clipped(to: window) }
        return SpanUnion.union(spans)
    }

    /// One grid's figures over the frame's days. `sessions` are that grid's (any order, any extra ones).
    public static func figure(_ sessions: [PatrolSession], frame: DayFrame, settings: ComplianceSettings) -> PatrolFigure {
        let now = Date(timeIntervalSince1970: Double(frame.now))
        let pieces = union(sessions, within: frame.window, settings: settings, now: now)
        return figure(dailySeconds: frame.secondsPerDay(pieces), frame: frame, settings: settings)
    }

    /// How one grid's figure for one day was formed, for `--explain`.
    public static func explain(_ sessions: [PatrolSession], day: LocalDate, zone: TownshipZone, settings: ComplianceSettings, now: Date) -> PatrolExplanation {
        let frame = DayFrame(from: day, through: day, zone: zone, now: now)
        let window = frame.window
        let lines = sessions.sorted { ($0.start, $0.id) < ($1.start, $1.id) }.map { s -> PatrolExplanation.Line in
            let st = s.status(limitSeconds: settings.suspectSeconds, now: now)
            let clip = st.counts ? s.countedSpan(now: now)?.clipped(to: window) : nil
            return .init(session: s, status: st, clipped: clip)
        }
        let pieces = SpanUnion.union(lines.compactMap(\.clipped))
        let total = pieces.reduce(0) { $0 + $1.seconds }
        return PatrolExplanation(day: day, window: window, lines: lines, pieces: pieces, seconds: total,
                                 targetMinutes: settings.dailyPatrolMinutes, dayComplete: frame.completedDays == 1)
    }
}

/// The sessions behind one grid-day figure and how their union was formed (核算明细).
public struct PatrolExplanation: Sendable {
    /// One session and what the rules made of it.
    public struct Line: Sendable {
        /// The session.
        public let session: PatrolSession
        /// Counted, ongoing, suspect, confirmed or runaway.
        public let status: PatrolStatus
        /// The part inside the day (and before now) that counts; nil when it does not count.
        public let clipped: TimeSpan?
    }
    /// The day explained.
    public let day: LocalDate
    /// Local midnight to local midnight, in UTC seconds.
    public let window: TimeSpan
    /// Every session touching the day, by start.
    public let lines: [Line]
    /// The disjoint pieces of the union.
    public let pieces: [TimeSpan]
    /// Total seconds of the union.
    public let seconds: Int
    /// The daily target, minutes.
    public let targetMinutes: Int
    /// Whether the day has ended (else the figure is "so far").
    public let dayComplete: Bool

    /// Whole minutes, rounded down.
    public var minutes: Int { seconds / 60 }
    /// Whether the day reached the target.
    public var met: Bool { seconds >= targetMinutes * 60 }
}
