import GridCore

/// What a screen's key did, for the console to carry out (screens do not change the app's state themselves).
public enum Outcome {
    /// Not this screen's key: the console's own keys get it.
    case ignored
    /// Done; redraw.
    case handled
    /// Done; reload the screen's data (its query or sort changed).
    case reload
    /// Open a page over this one.
    case push(Screen)
    /// Close this page.
    case pop
    /// Show a line in the status line.
    case message(String)
    /// The data changed by this console's own write: reload and show a line.
    case wrote(String)
}

/// One key binding of a screen, declared once (as lazygit does): the hint line, the `?` overlay and the key
/// dispatch are all made from a screen's list, so they cannot drift apart.
public struct Binding {
    /// The keys that trigger it (the first is shown).
    public var keys: [Key]
    /// How the key is written in hints and help (`s/S`, `PgDn`).
    public var keyLabel: String
    /// The short label of the hint line.
    public var label: String
    /// The help overlay's line (defaults to the label).
    public var help: String
    /// Whether the hint line shows it (the help overlay always does).
    public var hinted: Bool
    /// What it does (given the key pressed, for bindings of several keys).
    public var action: (Key) -> Outcome

    /// Creates a binding.
    public init(_ keys: [Key], _ keyLabel: String, _ label: String, help: String? = nil, hinted: Bool = true,
                action: @escaping (Key) -> Outcome) {
        self.keys = keys; self.keyLabel = keyLabel; self.label = label; self.help = help ?? label
        self.hinted = hinted; self.action = action
    }

    /// The keys of an open field or dialog (Enter goes on, Esc cancels), handed to `feed`: while one is open
    /// these are a screen's whole list, so the hints say what Enter and Esc do instead of offering keys that type.
    public static func field(_ t: Strings, enter: String, _ feed: @escaping (Key) -> Outcome) -> [Binding] {
        [Binding([.enter], "Enter", enter, action: feed), Binding([.escape], "Esc", t["hint.cancel"], action: feed)]
    }

    /// The `?` overlay's line: the key in an 8-column field (longer keys are never cut), then the help text.
    public var helpLine: String {
        (DisplayWidth.of(keyLabel) >= 8 ? keyLabel : DisplayWidth.pad(keyLabel, to: 8)) + " " + help
    }
}

/// A screen whose keys are a `bindings` list. `input` sees a key first while a field has the keyboard.
protocol BoundScreen: Screen {
    /// The bindings in force now (they may depend on the screen's state, e.g. only pages can scroll text).
    func bindings(_ app: ConsoleApp) -> [Binding]
    /// A key for an open text field or picker, before the bindings; nil when nothing has the keyboard.
    func input(_ key: Key, _ app: ConsoleApp) -> Outcome?
}

extension BoundScreen {
    func input(_ key: Key, _ app: ConsoleApp) -> Outcome? { nil }

    /// The binding a key triggers, if any.
    func binding(for key: Key, _ app: ConsoleApp) -> Binding? {
        bindings(app).first { $0.keys.contains(key) }
    }

    /// Dispatch: the open field, then the bindings; the outcome is carried out by the console.
    func handle(_ key: Key, _ app: ConsoleApp) -> Bool {
        let outcome = input(key, app) ?? binding(for: key, app)?.action(key) ?? .ignored
        return app.apply(outcome)
    }

    /// The hint line: the hinted bindings, in order.
    func hints(_ app: ConsoleApp) -> [(key: String, label: String)] {
        bindings(app).filter(\.hinted).map { ($0.keyLabel, $0.label) }
    }

    /// The help overlay: every binding, one line each.
    func help(_ app: ConsoleApp) -> [String] {
        bindings(app).map(\.helpLine)
    }
}

extension ConsoleApp {
    /// Carries out a screen's outcome; false when the key was not the screen's.
    @discardableResult
    func apply(_ outcome: Outcome) -> Bool {
        switch outcome {
        case .ignored: return false
        case .handled: break
        case .reload: reloadCurrent()
        case .push(let screen): push(screen)
        case .pop: pop()
        case .message(let text): message = text
        case .wrote(let text): dataChanged(); reloadCurrent(); message = text
        }
        return true
    }
}
