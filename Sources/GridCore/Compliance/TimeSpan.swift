import Foundation

/// A half-open stretch of time `[start, end)` in whole UTC seconds since 1970 (时段).
public struct TimeSpan: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// First second inside the span.
    public let start: Int
    /// First second after the span.
    public let end: Int

    /// Creates a span; `end` below `start` gives an empty span at `start`.
    public init(start: Int, end: Int) {
        self.start = start; self.end = max(start, end)
    }

    /// Creates a span from two instants (whole seconds, rounded down).
    public init(from a: Date, to b: Date) {
        self.init(start: TimeSpan.seconds(a), end: TimeSpan.seconds(b))
    }

    /// Whole seconds since 1970 of an instant, rounded down (the schema's instant form).
    public static func seconds(_ d: Date) -> Int { Int(floor(d.timeIntervalSince1970)) }

    /// Length in seconds.
    public var seconds: Int { end - start }
    /// Whether the span has no length.
    public var isEmpty: Bool { end <= start }

    /// The part of this span inside `window`, or nil when they do not overlap.
    public func clipped(to window: TimeSpan) -> TimeSpan? {
        let s = max(start, window.start), e = min(end, window.end)
        return e > s ? TimeSpan(start: s, end: e) : nil
    }

    public static func < (a: TimeSpan, b: TimeSpan) -> Bool { (a.start, a.end) < (b.start, b.end) }

    public var description: String { "[\(start), \(end))" }
}

/// The union of spans (并集): how patrol time is measured so that overlaps count once.
public enum SpanUnion {
    /// Merges spans into disjoint, sorted pieces. Overlapping, nested, duplicate and touching
    /// spans (one ends the second the next begins) become one piece; empty spans are dropped.
    public static func union(_ spans: [TimeSpan]) -> [TimeSpan] {
        let sorted = spans.filter { !$0.isEmpty }.sorted()
        return unionOfSorted(sorted)
    }

    /// Like `union` for spans already sorted by start (skips the sort).
    public static func unionOfSorted(_ sorted: [TimeSpan]) -> [TimeSpan] {
        var out: [TimeSpan] = []
        out.reserveCapacity(sorted.count)
        for s in sorted where !s.isEmpty {
            if let last = out.last, s.start <= last.end {
                if s.end > last.end { out[out.count - 1] = TimeSpan(start: last.start, end: s.end) }
            } else {
                out.append(s)
            }
        }
        return out
    }

    /// Total seconds covered by the union of `spans`.
    public static func length(_ spans: [TimeSpan]) -> Int {
        union(spans).reduce(0) { $0 + $1.seconds }
    }

    /// Each span clipped to `window`; those outside it are dropped.
    public static func clip(_ spans: [TimeSpan], to window: TimeSpan) -> [TimeSpan] {
        spans.compactMap { $0.clipped(to: window) }
    }
}
