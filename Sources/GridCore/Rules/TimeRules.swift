import Foundation

/// The small fixed rules about times and extensions (时间规则), written once for every front end and import.
public enum TimeRules {
    /// How far ahead of "now" a reported time may lie (5 minutes): field phones and office PCs disagree by a
    /// few minutes, so a report stamped slightly ahead is clock skew, not a report from the future.
    public static let futureTolerance: TimeInterval = 300

    /// Whether a time someone reports (a matter's `reported_at`) is acceptable at `now`: not more than
    /// `futureTolerance` ahead.
    public static func isAcceptable(reported: Date, now: Date) -> Bool {
        reported <= now.addingTimeInterval(futureTolerance)
    }

    /// The working days one extension (延期) may add to a handling deadline: 1 to 60.
    public static let extensionDays: ClosedRange<Int> = 1...60
}
