import Foundation
import GridCore
import GridStore

extension MatterPageScreen {
    /// Labels of the closing-the-loop fields (issue 16), kept beside the page's own.
    static let loopFieldKeys: [String: (String, String)] = [
        "major": ("重大事项", "Major"), "co_handlers": ("协办部门", "Co-handlers"), "signed": ("签收", "Signed for"),
        "reply": ("回复", "Reply"), "revisit": ("回访", "Follow-up"), "settled": ("就地化解", "Settled on the spot"),
        "under_control": ("稳控", "Under control"),
    ]

    /// The loop's fields, shown only when they say something: major, co-handlers, the sign-for, the reply and its
    /// deadline, the latest follow-up verdict, settled on the spot, under control.
    static func loopFields(_ d: MatterDetail, _ t: Strings, now: Date, zone: TownshipZone) -> [(String, String)] {
        let m = d.matter
        func time(_ x: Date) -> String { PeopleTime.dated(x, now: now, zone: zone) }
        var out: [(String, String)] = []
        if m.major { out.append(("major", "★ " + t["yes"])) }
        if !m.coHandlers.isEmpty { out.append(("co_handlers", m.coHandlers.joined(separator: ", "))) }
        if let s = m.signedAt { out.append(("signed", time(s) + " " + (m.signedBy ?? ""))) }
        else if m.awaitsSignature, let due = m.signDueAt {
            out.append(("signed", (m.isSignOverdue(now: now) ? t.name(EventKind.signOverdue) + " " : "≤ ") + time(due)))
        }
        if let r = m.repliedAt { out.append(("reply", time(r))) }
        else if let due = m.replyDueAt { out.append(("reply", (m.isReplyOverdue(now: now) ? "✗ " : "≤ ") + time(due))) }
        if let v = m.revisitResult { out.append(("revisit", t.name(v))) }
        if m.settled { out.append(("settled", t["yes"])) }
        if m.underControl { out.append(("under_control", t["yes"])) }
        return out
    }
}
