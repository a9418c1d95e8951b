/// Whether a GridRoom file is the command room's real record or a rehearsal (演练) file, chosen once at `init`.
///
/// On a live file (正式) every write is dated by the operating system's clock: nobody may backdate or postdate
/// a move, because supervisors grade people and departments on the history. A rehearsal file (演练: training,
/// the demo township, tests, the bench) accepts a fixed clock (`--now`) for writes too.
public enum FileMode: String, Sendable, CaseIterable, Codable, NamedCode {
    /// 正式: the real record; writes take the real clock.
    case live
    /// 演练: training and tests; writes may run on a fixed clock.
    case rehearsal

    /// Whether writes may be dated by a clock other than the operating system's.
    public var acceptsFixedClock: Bool { self == .rehearsal }

    /// 正式 / 演练, shown on the console's status line and by `gridroom check`.
    public var names: (zh: String, en: String) {
        switch self { case .live: ("正式", "live"); case .rehearsal: ("演练", "rehearsal") }
    }
}
