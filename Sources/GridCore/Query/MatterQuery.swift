/// A search of the matters (案件检索): words anywhere in a matter's text, and typed conditions.
///
/// Typed by the operator on the Matters screen after `/` (`垃圾 state:待派遣 grid:东湖村第三网格 from:2026-11-01`)
/// and by `gridroom cases --search`; parsed by `MatterQuery.parse`, answered by `Store.searchMatters`.
public struct MatterQuery: Sendable, Hashable {
    /// Words that must all occur in the matter's number, title, description, location, caller name or phone,
    /// work-order number or a note of its history (each a substring, any case).
    public var words: [String] = []
    /// The states searched; nil: every state. The default is the open states (在办).
    public var states: Set<MatterState>? = MatterQuery.openStates
    /// Only this grid and the grids under it (a code).
    public var grid: String?
    /// Only matters (last) dispatched to this department (a code).
    public var department: String?
    /// Only this category (a code).
    public var category: String?
    /// Reported on or after this local day.
    public var from: LocalDate?
    /// Reported on or before this local day.
    public var to: LocalDate?

    /// The states of an open matter (受理、已派遣、已反馈、已上报).
    public static let openStates = Set(MatterState.allCases.filter(\.isOpen))

    /// An empty query: every open matter.
    public init() {}

    /// Creates a query.
    public init(words: [String] = [], states: Set<MatterState>? = MatterQuery.openStates, grid: String? = nil,
                department: String? = nil, category: String? = nil, from: LocalDate? = nil, to: LocalDate? = nil) {
        self.words = words; self.states = states; self.grid = grid; self.department = department
        self.category = category; self.from = from; self.to = to
    }

    /// Whether only open matters are searched (the Matters screen's 在办 scope).
    public var openOnly: Bool { states.map { $0.isSubset(of: MatterQuery.openStates) } ?? false }

    /// Whether the query has no words and no condition beyond the open/all scope.
    public var hasNoConditions: Bool { words.isEmpty && grid == nil && department == nil && category == nil && from == nil && to == nil }
}

/// What a search term can name: the registry's codes with their names, and the names a state goes by on screen.
public struct MatterQueryVocabulary: Sendable {
    /// Grid code → name.
    public var grids: [(code: String, name: String)]
    /// Department code → name.
    public var departments: [(code: String, name: String)]
    /// Category code → name.
    public var categories: [(code: String, name: String)]
    /// Extra names of each state beside its code and `chineseName` (e.g. the console's column labels).
    public var stateLabels: [MatterState: [String]]

    /// Creates a vocabulary.
    public init(grids: [(code: String, name: String)] = [], departments: [(code: String, name: String)] = [],
                categories: [(code: String, name: String)] = [], stateLabels: [MatterState: [String]] = [:]) {
        self.grids = grids; self.departments = departments; self.categories = categories; self.stateLabels = stateLabels
    }
}

/// Why a search text was refused; the message lists what is accepted.
public enum MatterQueryError: Error, Sendable, Hashable {
    /// `term:` is not one of the known terms.
    case unknownTerm(String)
    /// The value names nothing; `accepted` lists what it may be (codes with names).
    case unknownValue(term: String, value: String, accepted: [String])
    /// The value names more than one thing.
    case ambiguous(term: String, value: String, matches: [String])
    /// `from:`/`to:` is not a `YYYY-MM-DD` day, or `from` is after `to`.
    case badDate(term: String, value: String)

    /// The terms a query accepts, in the order the help lists them.
    public static let terms = ["state", "grid", "dept", "cat", "from", "to"]

    /// The message, in Chinese (`chinese`) or English; at most `limit` accepted values are listed.
    public func message(chinese: Bool, limit: Int = 12) -> String {
        func list(_ xs: [String]) -> String {
            let shown = xs.prefix(limit).joined(separator: chinese ? "、" : ", ")
            return xs.count > limit ? shown + (chinese ? " 等 \(xs.count) 项" : ", … (\(xs.count) in all)") : shown
        }
        switch self {
        case .unknownTerm(let t):
            let terms = MatterQueryError.terms.map { $0 + ":" }
            return chinese ? "未知条件 \(t):；可用 \(list(terms))" : "unknown term \(t):; accepted: \(list(terms))"
        case .unknownValue(let t, let v, let accepted):
            return chinese ? "\(t):\(v) 无此项；可用 \(list(accepted))" : "\(t):\(v) names nothing; accepted: \(list(accepted))"
        case .ambiguous(let t, let v, let matches):
            return chinese ? "\(t):\(v) 不唯一，符合 \(list(matches))；请写全" : "\(t):\(v) is ambiguous: \(list(matches)); be more exact"
        case .badDate(let t, let v):
            return chinese ? "\(t):\(v) 不是日期（YYYY-MM-DD，起不晚于止）" : "\(t):\(v) is not a day (YYYY-MM-DD, from not after to)"
        }
    }
}
