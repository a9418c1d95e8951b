import Foundation

/// The console's clock: real time, or a fixed start (`--now`) that advances with real elapsed time,
/// so tests are deterministic yet the screen stays live.
public struct ConsoleClock: Sendable {
    private let source: @Sendable () -> Date

    /// A clock starting at `start` (nil = the wall clock); `frozen` stops it there (unit tests).
    public init(start: Date?, frozen: Bool = false) {
        guard let start else { source = { Date() }; return }
        if frozen { source = { start }; return }
        let began = DispatchTime.now().uptimeNanoseconds
        source = { start.addingTimeInterval(Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9) }
    }

    /// A clock that reads `source` (tests move time by hand).
    public init(_ source: @escaping @Sendable () -> Date) { self.source = source }

    /// Now.
    public func now() -> Date { source() }
}
