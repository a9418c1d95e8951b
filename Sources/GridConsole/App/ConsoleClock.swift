import Foundation

/// The console's clock: real time, or a fixed start (`--now`) that advances with real elapsed time,
/// so tests are deterministic yet the screen stays live.
public struct ConsoleClock: Sendable {
    private let source: @Sendable () -> Date
    /// Whether the time was set (`--now`) rather than read from the wall clock: the status line says 固定时钟.
    public let isSet: Bool

    /// A clock starting at `start` (nil = the wall clock); `frozen` stops it there (unit tests).
    public init(start: Date?, frozen: Bool = false) {
        isSet = start != nil
        guard let start else { source = { Date() }; return }
        if frozen { source = { start }; return }
        let began = DispatchTime.now().uptimeNanoseconds
        source = { start.addingTimeInterval(Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9) }
    }

    /// A clock that reads `source` (tests move time by hand).
    public init(_ source: @escaping @Sendable () -> Date) { self.source = source; isSet = true }

    /// Now.
    public func now() -> Date { source() }
}
