/// What a piece of text means on screen; each surface turns a role into colours or attributes.
public enum ColorRole: Int, Sendable, CaseIterable {
    /// Ordinary text in the terminal's default colours.
    case normal
    /// The top tab bar's background.
    case tabBar
    /// The active tab.
    case tabActive
    /// The bottom status and hint lines.
    case status
    /// Key names in the hint line.
    case key
    /// A selected row.
    case selected
    /// Column headings.
    case heading
    /// Overdue (超期): bold red.
    case overdue
    /// Near due (临期): yellow.
    case nearDue
    /// Met / fine (达标): green.
    case met
    /// On pace but not yet met: cyan.
    case onPace
    /// The alert banner.
    case banner
    /// Frames and dim helper text.
    case dim
}

/// Text attributes independent of colour (the only styling left when `NO_COLOR` is set).
public struct TextAttr: OptionSet, Sendable, Hashable {
    /// The raw bits.
    public let rawValue: UInt8
    /// Creates from bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Bold.
    public static let bold = TextAttr(rawValue: 1)
    /// Reverse video.
    public static let reverse = TextAttr(rawValue: 2)
    /// Underline.
    public static let underline = TextAttr(rawValue: 4)
    /// Dim.
    public static let dim = TextAttr(rawValue: 8)
}

/// A drawing surface: a grid of cells addressed by row and display column.
///
/// Text is measured with `DisplayWidth`; every `put` is clipped to the surface (and to `width`
/// when given), never splits a wide character and never wraps into the next row.
public protocol Surface: AnyObject {
    /// Rows available.
    var rows: Int { get }
    /// Display columns available.
    var cols: Int { get }
    /// Blanks everything.
    func clear()
    /// Writes `text` at (`row`, `col`), at most `width` columns; returns the columns written.
    @discardableResult
    func put(_ row: Int, _ col: Int, _ text: String, role: ColorRole, attrs: TextAttr, width: Int?) -> Int
    /// Fills a rectangle with blanks in a role (backgrounds, bars).
    func fill(row: Int, col: Int, width: Int, height: Int, role: ColorRole, attrs: TextAttr)
    /// Shows what was drawn.
    func present()
    /// Rings the bell or flashes the screen.
    func alert()
}

extension Surface {
    /// Writes text in a role with no extra attributes and no width limit.
    @discardableResult
    public func put(_ row: Int, _ col: Int, _ text: String, role: ColorRole = .normal, attrs: TextAttr = [], width: Int? = nil) -> Int {
        put(row, col, text, role: role, attrs: attrs, width: width)
    }
}
