import Foundation
import GridCore

extension ConsoleApp {
    /// The smallest usable terminal.
    public static let minimumSize = (cols: 80, rows: 24)

    /// Draws a whole frame.
    public func draw(_ s: Surface) {
        s.clear()
        if s.cols < ConsoleApp.minimumSize.cols || s.rows < ConsoleApp.minimumSize.rows {
            let text = strings.f("tooSmall", s.cols, s.rows)
            s.put(max(0, s.rows / 2), max(0, (s.cols - DisplayWidth.of(text)) / 2), text, attrs: [.bold], width: s.cols)
            s.present()
            return
        }
        let titles = tabs.map { $0.title(strings) }
        var right = strings["app.title"] + " " + actor.login
        if let r = actor.role { right += "(\(strings.name(r)))" }
        if readOnly { right += " [" + strings["status.readonly"] + "]" }
        Chrome.tabBar(s, row: 0, tabs: titles, active: active, right: right)
        var top = 1
        if let banner {
            Chrome.banner(s, row: 1, text: banner); top = 2
        }
        let area = Rect(row: top, col: 0, height: s.rows - top - 2, width: s.cols)
        current.draw(s, area, self)
        let day = dateText(now) + (clock.isSet ? " " + strings["status.fixedClock"] : "")
        var stamp = day + "  " + (lastRefresh.map { strings["status.refreshed"] + " " + ConsoleApp.clockText($0, zone: store.zone) } ?? "")
        // On a narrow line (a demo identity at 80 columns) the refresh time gives way before the date and who acts.
        if DisplayWidth.of(statusRight(stamp)) > s.cols - 12 { stamp = day }
        if let line = commandLine {
            s.fill(row: s.rows - 2, col: 0, width: s.cols, height: 1, role: .normal, attrs: [])
            s.put(s.rows - 2, 0, ":", attrs: [.bold])
            line.draw(s, row: s.rows - 2, col: 1, width: s.cols - 2, focused: true)
        } else {
            // The calendar notice before the path: when the line is short, the path is what gives way.
            var left = message ?? current.title(strings) + " · " + store.path
            if message == nil, let w = calendarNotice {
                left = current.title(strings) + " · " + (strings.language == .zh ? w.chinese : w.description) + " · " + store.path
            }
            Chrome.statusLine(s, row: s.rows - 2, left: left, right: statusRight(stamp), message: message != nil)
        }
        var hints = current.hints(self)
        // While a field has the keyboard, letters are text: only F1 (help) is offered, and the screen's own Esc.
        if current.editing {
            hints += [("F1", strings["hint.help"])]
        } else {
            if stack.isEmpty && hints.isEmpty { hints.append(("1-6", strings["hint.screens"])) }
            hints += [("?", strings["hint.help"]), ("n", strings["hint.new"]), (":", strings["hint.command"]),
                      (stack.isEmpty ? "q" : "Esc", stack.isEmpty ? strings["hint.quit"] : strings["hint.back"])]
        }
        Chrome.hintLine(s, row: s.rows - 1, hints: hints)
        if showHelp {
            HelpOverlay.draw(s, title: strings["help.title"], lines: current.help(self) + [strings["help.global"]])
        }
        if let (c, _) = confirm { c.draw(s, hint: strings["confirm.yesNo"]) }
        if pendingAlert {
            pendingAlert = false
            if bell { s.alert() }
        }
        s.present()
    }

    /// The local date and weekday: `2026-11-22 周日` / `2026-11-22 Sun`.
    func dateText(_ d: Date) -> String {
        let day = store.zone.localDate(of: d)
        let names = strings.language == .zh ? ["一", "二", "三", "四", "五", "六", "日"] : ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        return day.description + " " + (strings.language == .zh ? "周" : "") + names[day.weekday - 1]
    }

    /// `HH:MM:SS` in the township's zone.
    static func clockText(_ d: Date, zone: TownshipZone) -> String {
        let s = zone.secondsIntoDay(of: d)
        return String(format: "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
    }

    /// `MM-DD HH:MM` in the township's zone, the date always shown (columns that mix days stay aligned);
    /// the one short form is `PeopleTime`'s.
    static func shortTime(_ d: Date, zone: TownshipZone) -> String { PeopleTime.dated(d, now: d, zone: zone) }

    /// Time left or overdue by, e.g. `剩2天3时` / `超5时20分`.
    func dueText(_ due: Date?, now: Date) -> String {
        guard let due else { return strings["due.none"] }
        let secs = Int(due.timeIntervalSince(now))
        let a = abs(secs)
        let d = a / 86_400, h = a / 3600 % 24, m = a / 60 % 60
        let amount: String
        let (ud, uh, um) = (strings.name(DurationUnit.day), strings.name(DurationUnit.hour), strings.name(DurationUnit.minute))
        if d > 0 { amount = "\(d)\(ud)\(h)\(uh)" }
        else if h > 0 { amount = "\(h)\(uh)\(m)\(um)" }
        else { amount = "\(m)\(um)" }
        // One overdue boundary everywhere: the due second itself is still on time (`Deadline.isOverdue`).
        return Deadline.isOverdue(now: now, due: due) ? strings.f("due.over", amount) : strings.f("due.left", amount)
    }

    /// The colour for a deadline status.
    static func role(_ status: DueStatus) -> ColorRole {
        switch status { case .overdue: .overdue; case .nearDue: .nearDue; case .onTime: .normal }
    }

    /// The colour for a pace.
    static func role(_ pace: ComplianceMarks.Pace) -> ColorRole {
        switch pace { case .met: .met; case .onPace: .onPace; case .behind: .overdue }
    }
}
