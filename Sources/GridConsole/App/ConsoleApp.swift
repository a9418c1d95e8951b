import Foundation
import GridCore
import GridStore

/// The live console: tabs of screens over one store, polled for other processes' commits.
///
/// Drawing and key handling work on any `Surface`, so tests drive it with a `MemorySurface`;
/// `run(on:)` is the curses loop.
public final class ConsoleApp {
    /// The store (the only way to the data).
    public let store: Store
    /// Interface strings.
    public let strings: Strings
    /// The clock.
    public let clock: ConsoleClock
    /// Who is at the console.
    public let actor: Actor
    /// The writes available.
    public let actions: ConsoleActions
    /// Whether writes are impossible (read-only file) or refused (unknown user).
    public let readOnly: Bool
    /// Ring the bell / flash on alerts.
    public var bell: Bool
    /// The six tabs.
    public private(set) var tabs: [Screen] = []
    /// The active tab.
    public private(set) var active = 0
    /// Pages pushed over the active tab (matter page, grid page, form).
    public private(set) var stack: [Screen] = []
    /// A one-line message for the status line (errors, confirmations).
    public var message: String?
    /// The alert banner's text, if shown.
    public internal(set) var banner: String?
    /// A year the office calendar lacks (this one, or from 1 December the next) for the status line,
    /// refreshed with the time-driven reload (`Store.calendarNotice`).
    public private(set) var calendarNotice: CalendarWarning?
    /// When data was last reloaded.
    public private(set) var lastRefresh: Date?
    /// A pending yes/no question and what `y` does.
    var confirm: (Confirm, () -> Void)?
    /// The `:` command line, when open.
    var commandLine: TextInput?
    /// The `?` overlay is shown.
    var showHelp = false
    private var dataVersion = -1
    private var lastTimeReload = Date.distantPast
    private var alertHighWater = 0
    private var alertCheckedAt: Date
    /// Set when the loop should end.
    public private(set) var quitting = false
    /// The township's compliance marks, re-read with every reload.
    public private(set) var settings = ComplianceSettings.standard
    /// The hours today's patrol pace runs over (setting `compliance.patrol_day`, default 08:00–20:00).
    public private(set) var patrolDay = PatrolDay.standard
    /// Whether `actor` was chosen by `GRIDROOM_DEMO_AS` (a rehearsal file's demo role), shown on the status line.
    public var actingAs = false
    /// Where an unsaved form is kept if the terminal goes away.
    public var draftPath: String?
    /// The surface being drawn on (set by `run(on:)`; tests set a `MemorySurface`), so a write that must wait
    /// can show that it waits before it blocks.
    public var activeSurface: Surface?
    /// Whether the file has been found damaged (the red banner stays up).
    public internal(set) var damaged = false
    /// Told `first_frame` after the first frame and `reload` after each reloaded frame (for `gridroom bench`).
    public var timing: ((String) -> Void)?

    /// Creates the console on an open store.
    public init(store: Store, language: Language, clock: ConsoleClock, actor: Actor, actions: ConsoleActions, bell: Bool = true) {
        self.store = store; self.strings = Strings(language); self.clock = clock; self.actor = actor
        self.readOnly = store.isReadOnly || actor.role == nil
        self.actions = store.isReadOnly ? .none : actions
        self.bell = bell
        alertCheckedAt = clock.now()
        alertHighWater = (try? store.lastMatterID()) ?? 0
        tabs = (0..<6).map(ConsoleApp.freshTab)
        if readOnly { message = store.isReadOnly ? strings["status.readonlyNotice"] : ConsoleApp.refusalNotice(actor, strings) }
        if store.markedDamaged { showDamage() }
    }

    /// The screen in front.
    public var current: Screen { stack.last ?? tabs[active] }

    /// Now, on the console's clock.
    public var now: Date { clock.now() }

    /// Switches to tab `i` (0-based), closing pages.
    public func show(tab i: Int) {
        guard tabs.indices.contains(i) else { return }
        if hasUnsavedText {
            ask(strings["form.discard"]) { [self] in stack.removeAll(); discardTabEdits(); show(tab: i) }
            return
        }
        stack.removeAll(); active = i; message = nil; reloadCurrent()
    }

    /// Pushes a page.
    public func push(_ screen: Screen) {
        if let page = screen as? MatterPageScreen, shiftAlertNumbers.contains(page.number) { acknowledgeAlerts(numbers: [page.number]) }
        stack.append(screen); message = nil; reloadCurrent()
    }

    /// Closes the front page (or does nothing on a tab).
    public func pop() {
        guard !stack.isEmpty else { return }
        stack.removeLast(); reloadCurrent()
    }

    /// Asks a yes/no question; `yes` runs on `y`.
    public func ask(_ question: String, yes: @escaping () -> Void) { confirm = (Confirm(question, tag: ""), yes) }

    /// Reloads the front screen now.
    public func reloadCurrent() {
        do {
            settings = try store.complianceSettings()
            patrolDay = try store.patrolDay()
            reminderMinutes = try store.urgentReminderMinutes()
            try current.reload(self); lastRefresh = now; lastError = nil
        } catch {
            lastError = error
            message = strings["error.prefix"] + ErrorWording.words(error, strings, zone: store.zone)
            noteDamage(error)
        }
    }

    /// The error of the last reload, if it failed (shown in the status line; `gridroom bench` refuses to time it).
    public private(set) var lastError: Error?

    /// One poll tick: reload when another process committed, every 30 s, or when a deadline instant passed (the
    /// earliest near-due or due time among open matters, so a deadline shows within a tick of passing); check alerts.
    /// Returns true when something changed and the screen should be redrawn.
    @discardableResult
    public func tick() -> Bool {
        let v = (try? store.dataVersion()) ?? dataVersion
        let t = now
        let deadlinePassed = nextDeadline.map { t >= $0 } ?? false
        let timeDue = t.timeIntervalSince(lastTimeReload) >= 30 || deadlinePassed
        if ringDue(now: t) { return true }
        guard v != dataVersion || timeDue else { return false }
        dataVersion = v
        if timeDue {
            lastTimeReload = t
            housekeeping(now: t)
            calendarNotice = try? store.calendarNotice(now: t)
        }
        checkAlerts(now: t)
        refreshShiftAlerts(now: t)
        reloadCurrent()
        nextDeadline = (try? store.nextDeadline(after: t)) ?? nil
        return true
    }
    /// When the next open matter falls near due or due (re-read with every reload).
    private var nextDeadline: Date?

    /// Every 30 s: record stages that went overdue while nobody wrote (once each, by `system`, dated at the
    /// deadline, never after the real clock, skipped at once when another process holds the write lock), and
    /// checkpoint the WAL so it does not grow while consoles sit idle all night. Never on a read-only file.
    private func housekeeping(now t: Date) {
        guard !store.isReadOnly else { return }
        // A try-lock: a busy file is skipped without waiting (the next sweep catches up), so an idle console never freezes.
        _ = try? store.sweepOverdue(now: t)
        if t.timeIntervalSince(lastCheckpoint) >= 300 {
            _ = try? store.checkpoint()
            lastCheckpoint = t
        }
        // Our own writes do not move data_version; read it again so they do not cause a second reload.
        dataVersion = (try? store.dataVersion()) ?? dataVersion
    }
    private var lastCheckpoint = Date.distantPast

    /// Forces the next tick to reload (after this console's own write, which `data_version` does not show).
    public func dataChanged() { dataVersion = -1 }

    private func checkAlerts(now t: Date) {
        let remind = t.timeIntervalSince(lastReminder) >= Double(reminderMinutes * 60)
        guard let found = try? store.newAlerts(afterID: alertHighWater, from: alertCheckedAt, to: t, remind: remind) else { return }
        alertHighWater = (try? store.lastMatterID()) ?? alertHighWater
        alertCheckedAt = t
        if remind { lastReminder = t }
        func names(_ ms: [AlertMatter]) -> String {
            ms.map { "\($0.number) \(strings.name($0.urgency)) \($0.category) \($0.grid) \($0.title)" }.joined(separator: "；")
        }
        var parts: [String] = []
        if !found.urgent.isEmpty { parts.append(strings.f("alert.urgent", names(found.urgent))) }
        if !found.overdue.isEmpty { parts.append(strings.f("alert.overdue", names(found.overdue))) }
        // A reminder repeats what the first banner said about a matter still waiting; new urgent ones are named above.
        let waiting = found.undispatched.filter { m in !(found.urgent + found.overdue).contains { $0.number == m.number } }
        if !waiting.isEmpty { parts.append(strings.f("alert.undispatched", names(waiting))) }
        if !found.major.isEmpty { parts.insert(strings.f("alert.major", names(found.major)), at: 0) }
        if !parts.isEmpty && !damaged {
            banner = parts.joined(separator: "  ")
            pendingAlert = true
            lastRing = t
            // During a shift what rang is kept, and rings and stays until acknowledged (ConsoleApp+DutyAlerts).
            unrecordedAlerts += [("urgent", found.urgent.map(\.number)), ("overdue", found.overdue.map(\.number))].filter { !$0.1.isEmpty }
        }
        recordShiftAlerts(now: t)
    }
    /// How often an urgent matter left undispatched past its limit rings again (setting
    /// `console.urgent_reminder_minutes`, default 10), re-read with every reload so `gridroom settings set` takes
    /// effect on a running console; a bad stored value is shown on the status line and the last good one kept.
    var reminderMinutes = TownshipSetting.defaultReminderMinutes
    private var lastReminder = Date.distantPast
    var pendingAlert = false
    /// The open shift's alerts not yet acknowledged (case numbers), shown in the banner.
    var shiftAlertNumbers: [String] = []
    /// When the bell last rang.
    var lastRing = Date.distantPast
    /// `duty.ring_until_ack`, re-read with the alerts.
    var ringUntilAcknowledged = true
    /// Alerts that rang but could not be recorded yet (the file was busy): kind and case numbers.
    var unrecordedAlerts: [(String, [String])] = []

    /// Replaces the banner's text (alerts, the damage banner).
    func setBanner(_ text: String) { banner = text; pendingAlert = true }

    /// Handles a key. Returns false when the console should quit.
    @discardableResult
    public func handle(_ key: Key) -> Bool {
        if key == .ctrl("c") { requestQuit(); return !quitting }
        if showHelp { showHelp = false; return true }
        if let (_, yes) = confirm {
            if key == .char("y") || key == .char("Y") { confirm = nil; yes() }
            else if key == .char("n") || key == .char("N") || key == .escape { confirm = nil }
            return true
        }
        if var line = commandLine {
            switch key {
            case .escape: commandLine = nil
            case .enter: commandLine = nil; runCommand(line.text)
            default: _ = line.handle(key); commandLine = line
            }
            return true
        }
        if key == .ctrl("l") || key == .resize { return true }
        if banner != nil && key == .escape && !damaged { acknowledgeAlerts(numbers: nil); banner = nil; return true }
        // F1 is help everywhere, a form included (where `?` is text).
        if key == .function(1) { showHelp = true; return true }
        if current.handle(key, self) { return !quitting }
        switch key {
        case .char("?"), .function(1): showHelp = true
        case .char(":"): commandLine = TextInput()
        case .char(let c) where ("1"..."6").contains(c): show(tab: Int(String(c))! - 1)
        case .char("n"): openForm()
        case .tab: show(tab: (active + 1) % tabs.count)
        case .backTab: show(tab: (active + tabs.count - 1) % tabs.count)
        case .escape, .char("q"):
            if !stack.isEmpty { pop() } else if key == .char("q") { requestQuit() }
        case .char("Q"): requestQuit()
        default: break
        }
        return !quitting
    }

    /// Quits, asking first if a form holds unsaved text.
    public func requestQuit() {
        if hasUnsavedText {
            ask(strings["form.discard"]) { [self] in quitting = true }
        } else {
            quitting = true
        }
    }

    /// Whether any open page or the active tab holds typed text that is not saved.
    public var hasUnsavedText: Bool { stack.contains { $0.dirty } || tabs[active].dirty }

    /// Replaces the active tab with a fresh one when leaving it discards its typing (e.g. a handover note).
    private func discardTabEdits() {
        guard tabs[active].dirty else { return }
        tabs[active] = ConsoleApp.freshTab(active)
    }

    static func freshTab(_ i: Int) -> Screen {
        [OverviewScreen(), MattersScreen(), OverdueScreen(), PatrolScreen(), GridMapScreen(), DutyScreen()][i]
    }

    /// Opens the new-matter form.
    public func openForm() {
        guard !readOnly else { message = current === tabs[active] ? strings["status.readonlyNotice"] : message; return }
        let form = NewMatterScreen(app: self)
        push(form)
        if form.restored { message = strings["form.restored"] }
    }

    /// Runs a `:` command: `case NUMBER` opens a matter, `grid CODE` a grid, `search TEXT` searches every matter
    /// on the Matters screen, `help` shows the keys, `q` quits, `1`…`6` switch tabs. Anything else is refused with
    /// the list of commands.
    public func runCommand(_ text: String) {
        let words = text.split(separator: " ").map(String.init)
        guard let first = words.first else { return }
        let rest = words.dropFirst().joined(separator: " ")
        switch first {
        case "case", "matter", "c":
            if words.count > 1 { openMatter(number: words[1]) } else { message = strings.f("cmd.unknown", text) }
        case "grid", "g":
            if words.count > 1 { openGrid(code: words[1]) } else { message = strings.f("cmd.unknown", text) }
        case "search", "s", "/":
            show(tab: 1)
            guard let screen = tabs[1] as? MattersScreen else { return }
            apply(screen.apply(rest.contains("state:") ? rest : rest + " state:all", self))
        case "help", "h", "?": showHelp = true
        case "q", "quit": requestQuit()
        default:
            if let n = Int(first), (1...6).contains(n) { show(tab: n - 1) } else { message = strings.f("cmd.unknown", text) }
        }
    }

    /// Opens a matter's page by case number.
    public func openMatter(number: String) {
        guard let page = matterPage(number: number) else { message = strings.f("matter.notFound", number); return }
        push(page)
    }

    /// A matter's page, or nil when there is no such matter.
    func matterPage(number: String) -> Screen? {
        (try? store.matterDetail(number: number)) ?? nil == nil ? nil : MatterPageScreen(number: number)
    }

    /// Opens a grid's page by code; an unknown code says so and opens nothing.
    public func openGrid(code: String) {
        if (try? store.gridDetail(code: code, now: now)) ?? nil == nil {
            message = strings.f("grid.notFound", code); return
        }
        push(GridPageScreen(code: code))
    }

    /// Saves an unsaved form as a draft file (terminal closed or killed), readable by its owner only (0600):
    /// it may hold a caller's name and phone.
    public func keepDraft() {
        guard let path = draftPath, let form = stack.last(where: { $0.dirty }) as? NewMatterScreen else { return }
        let dir = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        _ = FileManager.default.createFile(atPath: path, contents: Data(form.draftText.utf8), attributes: [.posixPermissions: 0o600])
        chmod(path, 0o600) // createFile keeps an existing file's mode
    }

    /// Where a user's unsaved form for a database is kept: the user's state directory (`$XDG_STATE_HOME`, else
    /// `~/.local/state`), `gridroom/drafts/`, named by the database's full path and the login, so two users or two
    /// databases never share a draft and nobody else can read it.
    public static func draftPath(database: String, login: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.local/state"
        let full = URL(fileURLWithPath: database).standardizedFileURL.path
        let name = full.unicodeScalars.map { CharacterSetLite.safe($0) ? String($0) : "_" }.joined()
        return state + "/gridroom/drafts/" + name + ".draft-" + login
    }
}

/// Characters kept as they are in a draft file's name (others become `_`).
enum CharacterSetLite {
    static func safe(_ u: Unicode.Scalar) -> Bool {
        u.isASCII && (u.properties.isAlphabetic || u.properties.numericType != nil || u == "-" || u == ".")
    }
}
