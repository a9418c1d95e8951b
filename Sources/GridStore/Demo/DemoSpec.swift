/// The size of a synthetic township written by `gridroom demo generate`.
public struct DemoSpec: Sendable {
    /// Basic grids.
    public var grids: Int
    /// Grid workers.
    public var workers: Int
    /// Matters over the period.
    public var matters: Int
    /// Patrol sessions over the period.
    public var patrols: Int
    /// Months the period spans, ending now.
    public var months: Int
    /// Random seed: the same seed writes the same township.
    public var seed: UInt64
    /// Write activity (matters, patrols) for the grids and workers already in the file instead of new ones.
    public var useExistingRegistry = false

    /// Creates a spec.
    public init(grids: Int, workers: Int, matters: Int, patrols: Int, months: Int, seed: UInt64) {
        self.grids = grids; self.workers = workers; self.matters = matters; self.patrols = patrols
        self.months = months; self.seed = seed
    }

    /// Two months of activity for the demo township loaded by `gridroom init --demo`.
    public static let demoActivity: DemoSpec = {
        var s = DemoSpec(grids: 0, workers: 0, matters: 1_800, patrols: 4_500, months: 2, seed: 20_261_122)
        s.useExistingRegistry = true
        return s
    }()

    /// The full size of a large street office (issue: scale).
    public static let full = DemoSpec(grids: 1_000, workers: 2_000, matters: 1_000_000, patrols: 1_000_000, months: 12, seed: 1)
}

/// What `demo generate` wrote.
public struct DemoSummary: Sendable {
    /// Rows written per table.
    public var rows: [String: Int] = [:]
    /// Seconds taken.
    public var seconds: Double = 0
}
