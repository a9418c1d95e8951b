import GridCore

/// The one-line prompt a move asks its note or reason in (办理说明), drawn over the bottom row of a screen:
/// the move's name, then the text. Enter gives the text, Esc cancels. Every screen that asks for a note uses it.
struct NotePrompt {
    /// What happened to a key.
    enum Result { case editing, cancelled, done(String) }

    /// The move the note is for.
    let move: MoveChoice
    /// The text so far.
    var input = TextInput()

    init(move: MoveChoice, text: String = "") { self.move = move; self.input = TextInput(text) }

    /// Whether there is typed text to lose.
    var dirty: Bool { !input.text.isEmpty }

    mutating func handle(_ key: Key) -> Result {
        switch key {
        case .escape: return .cancelled
        case .enter: return .done(input.text)
        default: _ = input.handle(key); return .editing
        }
    }

    func draw(_ s: Surface, row: Int, col: Int, width: Int) {
        s.fill(row: row, col: col, width: width, height: 1, role: .normal, attrs: [])
        let w = s.put(row, col + 1, move.label + "：", attrs: [.bold])
        input.draw(s, row: row, col: col + 1 + w, width: width - w - 2, focused: true)
    }
}
