/// A rectangle of the screen in rows and display columns.
public struct Rect: Equatable, Sendable {
    /// Top row, left column, height and width.
    public var row: Int, col: Int, height: Int, width: Int
    /// Creates a rectangle.
    public init(row: Int, col: Int, height: Int, width: Int) {
        self.row = row; self.col = col; self.height = max(0, height); self.width = max(0, width)
    }
    /// The row after the last.
    public var bottom: Int { row + height }
    /// A rectangle shrunk by `n` on every side.
    public func inset(_ n: Int) -> Rect { Rect(row: row + n, col: col + n, height: height - 2 * n, width: width - 2 * n) }
}
