/// A key press, decoded from curses (or made up by tests).
public enum Key: Equatable, Sendable {
    /// A printable character (including Chinese from an input method).
    case char(Character)
    /// Ctrl plus a letter, e.g. `.ctrl("l")`.
    case ctrl(Character)
    /// Arrow keys.
    case up, down, left, right
    /// Page keys.
    case pageUp, pageDown
    /// Home and End.
    case home, end
    /// Enter / Return.
    case enter
    /// Escape.
    case escape
    /// Tab and Shift-Tab.
    case tab, backTab
    /// Backspace and Delete.
    case backspace, delete
    /// A function key (F1 = 1).
    case function(Int)
    /// The terminal changed size.
    case resize
}
