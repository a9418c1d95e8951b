/// A grid's level in the township's hierarchy (网格层级).
public enum GridLevel: String, Sendable, CaseIterable, Codable {
    /// The township itself (一级网格).
    case township
    /// A work area, village or enterprise (二级网格).
    case area
    /// A village or residents' area inside a work area (三级网格). An area may hold communities or basic grids directly.
    case community
    /// A basic grid (基础网格, 四级 where communities exist): the only level that is patrolled.
    case basic

    /// Depth: township 1, area 2, community 3, basic 4. A grid's parent has a smaller rank.
    public var rank: Int { switch self { case .township: 1; case .area: 2; case .community: 3; case .basic: 4 } }
}

/// A grid (网格) with its unified code (统一网格编码).
public struct Grid: Hashable, Sendable, Codable {
    /// Unified code, e.g. `G01-03`.
    public var code: String
    /// Display name, e.g. 东湖村第三网格.
    public var name: String
    /// Level in the hierarchy.
    public var level: GridLevel
    /// The enclosing grid's code (nil only for the township).
    public var parent: String?
    /// Row on the grid map, if placed.
    public var row: Int?
    /// Column on the grid map, if placed.
    public var col: Int?
    /// The grid head (网格长): a staff login or a worker code; nil when none is named.
    public var head: String?
    /// The grid instructor (网格指导员): a staff login or a worker code; nil when none is named.
    public var instructor: String?

    /// Creates a grid.
    public init(code: String, name: String, level: GridLevel, parent: String?, row: Int? = nil, col: Int? = nil,
                head: String? = nil, instructor: String? = nil) {
        self.code = code; self.name = name; self.level = level; self.parent = parent; self.row = row; self.col = col
        self.head = head; self.instructor = instructor
    }
}
