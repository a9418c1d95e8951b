import GridCore

/// One screen of the console (a tab, or a page pushed over one).
public protocol Screen: AnyObject {
    /// Its title in the interface language.
    func title(_ t: Strings) -> String
    /// Reloads the data it shows (called when the database or the time changed, never while drawing).
    func reload(_ app: ConsoleApp) throws
    /// Draws into `area`.
    func draw(_ s: Surface, _ area: Rect, _ app: ConsoleApp)
    /// Handles a key; false lets the console handle it.
    func handle(_ key: Key, _ app: ConsoleApp) -> Bool
    /// Key hints for the bottom line.
    func hints(_ app: ConsoleApp) -> [(key: String, label: String)]
    /// Help lines for `?`.
    func help(_ app: ConsoleApp) -> [String]
    /// Whether a text field has the keyboard (then global single-letter keys go to it).
    var editing: Bool { get }
    /// Whether leaving would lose typed text.
    var dirty: Bool { get }
}

extension Screen {
    /// Not editing by default.
    public var editing: Bool { false }
    /// Nothing to lose by default.
    public var dirty: Bool { false }
}
