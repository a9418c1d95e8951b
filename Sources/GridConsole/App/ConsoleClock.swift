import Foundation

/// The console's clock: real time, or a fixed start (`--now`) that advances with real elapsed time,
/// so tests are deterministic yet the screen stays live.
public struct ConsoleClock: Sendable {
    private let start: Date?
    private let began: UInt64
    private let frozen: Bool

    /// A clock starting at `start` (nil = the wall clock); `frozen` stops it there (unit tests).
    public init(start: Date?, frozen: Bool = false) {
        self.start = start
        self.frozen = frozen
        began = DispatchTime.now().uptimeNanoseconds
    }

    /// Now.
    public func now() -> Date {
        guard let start else { return Date() }
        if frozen { return start }
        return start.addingTimeInterval(Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9)
    }
}
