/// Full-time (专职) or part-time (兼职) grid worker.
public enum WorkerKind: String, Sendable, CaseIterable, Codable {
    /// 专职.
    case full
    /// 兼职.
    case part
}

/// A grid worker (网格员).
public struct Worker: Hashable, Sendable, Codable {
    /// Worker code, unique.
    public var code: String
    /// Name.
    public var name: String
    /// Phone number.
    public var phone: String
    /// Full- or part-time.
    public var kind: WorkerKind
    /// The basic grid they serve.
    public var grid: String
    /// A/B post partner's code (AB岗), who covers for them.
    public var partner: String?

    /// Creates a worker.
    public init(code: String, name: String, phone: String, kind: WorkerKind, grid: String, partner: String?) {
        self.code = code; self.name = name; self.phone = phone; self.kind = kind; self.grid = grid; self.partner = partner
    }
}
