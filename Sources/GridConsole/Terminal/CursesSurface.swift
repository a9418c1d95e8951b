import CNcursesw
import Foundation
import GridCore

/// Why the terminal could not be set up, in words a user can act on.
public enum TerminalError: Error, CustomStringConvertible {
    /// Neither `$LANG` nor C.UTF-8 gives a UTF-8 locale: Chinese text could not be drawn.
    case noUTF8Locale
    /// Standard input or output is not a terminal (a script or a pipe).
    case notATerminal
    /// `TERM` is empty, `dumb` or unknown to terminfo.
    case unknownTerminal(term: String)
    /// The terminal type cannot move the cursor, so no screen can be drawn.
    case noCursorAddressing(term: String)

    /// The refusal in `language`.
    public func message(_ language: Language) -> String {
        switch self {
        case .noUTF8Locale:
            language.pick("没有可用的 UTF-8 区域设置（已试 $LANG 和 C.UTF-8）；请设置 LANG=C.UTF-8",
                          "no UTF-8 locale available (tried $LANG and C.UTF-8); set LANG=C.UTF-8")
        case .notATerminal:
            language.pick("控制台需要终端；标准输入/输出不是终端（脚本中请用命令行命令）",
                          "the console needs a terminal; standard input/output are not one (use the CLI commands in scripts)")
        case .unknownTerminal(let term):
            language.pick("未知的终端类型 TERM=\"\(term)\"；请试 TERM=xterm-256color",
                          "unknown terminal type TERM=\"\(term)\"; try TERM=xterm-256color")
        case .noCursorAddressing(let term):
            language.pick("终端不能定位光标 TERM=\"\(term)\"；请试 TERM=xterm-256color",
                          "terminal without cursor addressing TERM=\"\(term)\"; try TERM=xterm-256color")
        }
    }
    /// The English refusal.
    public var description: String { message(.en) }
}

/// The curses surface: ncursesw on the controlling terminal.
///
/// Sets a UTF-8 locale (falling back to C.UTF-8), uses `newterm` so an unknown `TERM` is an error
/// rather than an exit, a 25 ms Esc delay, the terminal's default colours, and attributes only
/// when `NO_COLOR` is set. `close()` restores the terminal; so do SIGTERM, SIGHUP and Ctrl-C.
public final class CursesSurface: Surface {
    private var screen: OpaquePointer?
    private let useColor: Bool
    private let bell: Bool
    private var open = true

    /// How long a key read waits before the loop polls the file again (`PRAGMA data_version`) when nothing
    /// woke it: ten polls a second, so a deadline passing shows within 0.1 s. Another process's commit does not
    /// wait for it where the log is watched (`walWatch`): the write wakes the wait at once.
    public static let pollMilliseconds: Int32 = 100

    /// Right after the log was written, the wait is this short for `hotMilliseconds`: the event comes with the
    /// log's last frame, a moment before the writer marks the commit in the shared index, so the pragma read at
    /// once may not see it yet; a few short waits catch it without waiting for the next poll. Kept short: every
    /// open console wakes on every write, and twenty consoles polling every 5 ms take CPU from the writer.
    static let hotPollMilliseconds: Int32 = 5
    static let hotMilliseconds: UInt64 = 20

    /// Wakes the key wait when any process writes the database's log (set by the console command; nil: poll alone).
    /// With it the wait is a `poll` on the terminal and the watch, and curses reads without waiting.
    public var walWatch: WALWatch? {
        didSet { timeout(walWatch == nil ? CursesSurface.pollMilliseconds : 0) }
    }
    /// A key was read last time: read again without waiting, as curses may hold more in its own queue
    /// (the rest of a paste, a character after a lone Esc) that the terminal's descriptor no longer shows.
    private var keyPending = true
    /// Until when (monotonic ns) the wait is short after a write to the log.
    private var hotUntil: UInt64 = 0

    /// Starts curses. `bell` false keeps `alert()` silent.
    public init(bell: Bool = true) throws {
        setlocale(LC_ALL, "")
        if gr_utf8_codeset() == 0 {
            setlocale(LC_ALL, "C.UTF-8")
            if gr_utf8_codeset() == 0 {
                throw TerminalError.noUTF8Locale
            }
        }
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        guard isatty(0) != 0, isatty(1) != 0 else {
            throw TerminalError.notATerminal
        }
        gr_set_escdelay(25)
        // A terminal without cursor addressing (TERM=dumb, an empty TERM) cannot show the console: the same
        // refusal as an unknown type, before curses would draw a blank screen with one line.
        guard !term.isEmpty, term != "dumb", let scr = gr_newterm() else { throw TerminalError.unknownTerminal(term: term) }
        set_term(scr)
        guard gr_can_address() != 0 else {
            endwin(); delscreen(scr)
            throw TerminalError.noCursorAddressing(term: term)
        }
        screen = scr
        raw()
        noecho()
        keypad(gr_stdscr(), true)
        curs_set(0)
        timeout(CursesSurface.pollMilliseconds)
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        useColor = !noColor && gr_has_colors() != 0
        self.bell = bell
        if useColor {
            start_color()
            use_default_colors()
            for role in ColorRole.allCases {
                let (fg, bg) = CursesSurface.colors(role)
                init_pair(Int16(role.rawValue + 1), fg, bg)
            }
        }
        CursesSurface.installSignalHandlers()
    }

    /// Foreground and background for a role (-1 = the terminal's default).
    static func colors(_ role: ColorRole) -> (Int16, Int16) {
        switch role {
        case .normal, .heading: return (-1, -1)
        case .tabBar, .status: return (Int16(COLOR_WHITE), Int16(COLOR_BLUE))
        case .tabActive: return (Int16(COLOR_BLACK), Int16(COLOR_CYAN))
        case .key: return (Int16(COLOR_YELLOW), Int16(COLOR_BLUE))
        case .selected: return (Int16(COLOR_BLACK), Int16(COLOR_CYAN))
        case .overdue: return (Int16(COLOR_RED), -1)
        case .nearDue: return (Int16(COLOR_YELLOW), -1)
        case .met: return (Int16(COLOR_GREEN), -1)
        case .onPace: return (Int16(COLOR_CYAN), -1)
        case .banner: return (Int16(COLOR_WHITE), Int16(COLOR_RED))
        case .dim: return (-1, -1)
        }
    }

    /// The attributes that stand for a role without colour (`NO_COLOR`), added to any given.
    public static func monochromeAttrs(_ role: ColorRole) -> TextAttr {
        switch role {
        case .normal, .met, .onPace: return []
        case .tabBar, .status, .selected, .banner: return [.reverse]
        case .tabActive: return [.bold, .underline]
        case .key, .heading, .overdue: return [.bold]
        case .nearDue: return [.underline]
        case .dim: return [.dim]
        }
    }

    private func curses(_ role: ColorRole, _ attrs: TextAttr) -> attr_t {
        var a = attrs
        if !useColor { a.formUnion(CursesSurface.monochromeAttrs(role)) }
        if useColor && role == .overdue { a.insert(.bold) }
        if useColor && role == .dim { a.insert(.dim) }
        var out: attr_t = 0
        if a.contains(.bold) { out |= gr_a_bold() }
        if a.contains(.reverse) { out |= gr_a_reverse() }
        if a.contains(.underline) { out |= gr_a_underline() }
        if a.contains(.dim) { out |= gr_a_dim() }
        if useColor { out |= gr_color_pair(Int16(role.rawValue + 1)) }
        return out
    }

    /// Rows.
    public var rows: Int { Int(getmaxy(gr_stdscr())) }
    /// Columns.
    public var cols: Int { Int(getmaxx(gr_stdscr())) }

    /// Erases the frame (drawn on the next `present`).
    public func clear() { erase() }

    /// Writes clipped text; the last cell of the screen is never written (it would scroll).
    @discardableResult
    public func put(_ row: Int, _ col: Int, _ text: String, role: ColorRole, attrs: TextAttr, width: Int?) -> Int {
        let r = rows, c = cols
        guard row >= 0, row < r, col >= 0, col < c else { return 0 }
        var limit = min(c - col, width ?? Int.max)
        if row == r - 1 && col + limit >= c { limit = c - col - 1 }
        guard limit > 0 else { return 0 }
        // Stored text is hostile: controls shown escaped (^[, ^H), never sent to the terminal (TextSafety).
        let clipped = DisplayWidth.clip(TextSafety.escaped(text), to: limit)
        let w = DisplayWidth.of(clipped)
        let a = curses(role, attrs)
        attr_set(a, 0, nil)
        if useColor { attr_set(a, Int16(role.rawValue + 1), nil) }
        // With a joined emoji, grapheme by grapheme as DisplayWidth measured them (the emoji as its first glyph).
        var wide = DisplayWidth.hasJoinedGraphemes(clipped)
            ? clipped.flatMap { DisplayWidth.drawable($0).map { wchar_t(bitPattern: $0.value) } }
            : clipped.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        wide.append(0)
        _ = gr_mvaddnwstr(Int32(row), Int32(col), wide, Int32(wide.count - 1))
        attr_set(0, 0, nil)
        return w
    }

    /// Fills a rectangle with blanks.
    public func fill(row: Int, col: Int, width: Int, height: Int, role: ColorRole, attrs: TextAttr) {
        guard width > 0 else { return }
        let blank = String(repeating: " ", count: width)
        for r in row..<(row + height) { put(r, col, blank, role: role, attrs: attrs, width: width) }
    }

    /// Sends the frame to the terminal.
    public func present() { refresh() }

    /// Bell, or a flash when the terminal has no bell; nothing when bells are off.
    public func alert() { if bell { beep() } }

    /// Reads one key, waiting at most the poll interval (less when the log was just written, and not at all when
    /// it is written while waiting); nil when none came. A terminal that has gone away ends the console as a
    /// hang-up does (`stopSignal` = SIGHUP), whether or not the signal reached this process.
    public func readKey() -> Key? {
        if let watch = walWatch, !keyPending { waitForInput(watch) }
        let key = readKeyNow()
        keyPending = key != nil
        if key == nil && terminalGone() { CursesSurface.stopSignal = SIGHUP }
        return key
    }

    /// Whether the terminal hung up (its other end closed). The hang-up signal goes to the terminal's session
    /// leader; a console started under a shell that ignores it or does not pass it on (`nohup`, `sh -c`) would
    /// otherwise find every read ending at once and spin on a full core, its file never closed.
    private func terminalGone() -> Bool {
        var fd = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        return poll(&fd, 1, 0) > 0 && fd.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// Waits for a key or a write to the log, at most the poll interval; a signal (resize, stop) ends it too.
    private func waitForInput(_ watch: WALWatch) {
        watch.arm()
        let now = DispatchTime.now().uptimeNanoseconds
        let ms = now < hotUntil ? CursesSurface.hotPollMilliseconds : CursesSurface.pollMilliseconds
        var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: watch.fd, events: Int16(POLLIN), revents: 0)]
        guard poll(&fds, 2, Int32(ms)) > 0, fds[1].revents & Int16(POLLIN) != 0, watch.drain() else { return }
        hotUntil = DispatchTime.now().uptimeNanoseconds + CursesSurface.hotMilliseconds * 1_000_000
    }

    private func readKeyNow() -> Key? {
        var ch: Int32 = 0
        let rc = gr_get_wch(&ch)
        if rc == ERR { return nil }
        if rc == gr_key_code_yes() {
            switch ch {
            case gr_key_up(): return .up
            case gr_key_down(): return .down
            case gr_key_left(): return .left
            case gr_key_right(): return .right
            case gr_key_ppage(): return .pageUp
            case gr_key_npage(): return .pageDown
            case gr_key_home(): return .home
            case gr_key_end(): return .end
            case gr_key_enter(): return .enter
            case gr_key_backspace(): return .backspace
            case gr_key_dc(): return .delete
            case gr_key_btab(): return .backTab
            case gr_key_resize(): return .resize
            default:
                let f = Int(ch - gr_key_f1()) + 1
                return (1...12).contains(f) ? .function(f) : nil
            }
        }
        switch ch {
        case 10, 13: return .enter
        case 9: return .tab
        case 27: return .escape
        case 127, 8: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(ch) + 96)))
        default:
            guard let s = Unicode.Scalar(UInt32(bitPattern: ch)) else { return nil }
            return .char(Character(s))
        }
    }

    /// Restores the terminal. Safe to call twice.
    public func close() {
        guard open else { return }
        open = false
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
    }

    deinit { close() }

    /// Set by SIGTERM, SIGHUP or SIGINT; the loop notices it within one poll tick.
    nonisolated(unsafe) public static var stopSignal: Int32 = 0

    static func installSignalHandlers() {
        for sig in [SIGTERM, SIGHUP, SIGINT] {
            signal(sig) { s in CursesSurface.stopSignal = s }
        }
    }
}
