import Foundation
import GridCore
import GridStore

/// The move subcommands of `gridroom case`.
enum CaseMoves {
    static func run(_ sub: String, _ ctx: Context, _ args: inout Arguments, _ store: Store, _ now: Date) throws -> Int32 {
        let number = try args.positional(1, "case NUMBER")
        let version = try args.int("version", range: 1...Int.max)
        let note = args.option("note") ?? args.option("reason") ?? ""
        var req = MoveRequest(.comment, number: number, version: version, note: note)
        switch sub {
        case "dispatch":
            req.move = .dispatch; req.department = args.option("department")
            req.coHandlers = (args.option("with") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        case "sign": req.move = .sign
        case "return": req.move = .returnMatter
        case "feedback": req.move = .feedback
        case "verify":
            let pass = args.flag("pass"), fail = args.flag("fail")
            guard pass != fail else { throw UsageError(zh: "case verify：请只给 --pass 或 --fail 之一", en: "case verify: give exactly one of --pass or --fail") }
            req.move = pass ? .verifyPass : .verifyRework
        case "escalate": req.move = .escalate
        case "district-reply": req.move = .districtReply
        case "district-return": req.move = .districtReturn
        case "invalidate": req.move = .invalidate
        case "merge": req.move = .merge; req.into = try args.required("into")
        case "shelve": req.move = .shelve
        case "unshelve": req.move = .unshelve
        case "reopen": req.move = .reopen
        case "urge":
            let level = try args.choice("level", UrgeLevel.allCases.map(\.rawValue), default: "ordinary")!
            req.move = .urge(UrgeLevel(rawValue: level)!)
        case "extend":
            req.move = .extendRequest
            guard let days = try args.int("days", range: TimeRules.extensionDays) else { throw UsageError(zh: "case extend：缺少 --days N（工作日）", en: "case extend: missing --days N (working days)") }
            req.days = days
        case "approve": req.move = .extendApprove
        case "refuse": req.move = .extendRefuse
        case "comment": req.move = .comment
        case "mark-major": req.move = .markMajor
        case "settle": req.move = .settle
        case "control": req.move = .control
        case "release": req.move = .release
        case "reply":
            req.move = .reply
            req.channel = try args.choice("channel", ReplyChannel.allCases.map(\.rawValue)).flatMap(ReplyChannel.init(rawValue:))
        case "revisit":
            req.move = .revisit
            req.result = try args.choice("result", Satisfaction.allCases.map(\.rawValue)).flatMap(Satisfaction.init(rawValue:))
        default:
            throw UsageError(zh: "case \(sub)：未知的子命令；应为 new、dispatch、sign、return、feedback、verify、escalate、district-reply、district-return、invalidate、merge、shelve、unshelve、reopen、urge、extend、approve、refuse、comment、reply、revisit、settle、control、release、mark-major 或 show", en: "case \(sub): unknown subcommand; expected new, dispatch, sign, return, feedback, verify, escalate, district-reply, district-return, invalidate, merge, shelve, unshelve, reopen, urge, extend, approve, refuse, comment, reply, revisit, settle, control, release, mark-major or show")
        }
        try args.rejectUnknown()
        let actor = try ctx.actor(store)
        let before = try store.matter(number: number)
        let m = try store.perform(req, by: actor, now: now)
        let l = ctx.language
        func state(_ s: MatterState) -> String { l.pick(s.displayName(.zh), s.rawValue) }
        var line = "\(m.number)" + l.pick("：", ": ")
        if let b = before, b.state != m.state { line += "\(state(b.state)) → \(state(m.state))" }
        else { line += l.pick("已记录\(req.move.displayName(.zh))，\(state(m.state))", "\(req.move.kind.rawValue) recorded, \(m.state.rawValue)") }
        if m.shelved { line += l.pick("（挂账）", " (shelved)") }
        line += l.pick("；第 \(m.version) 版", "; version \(m.version)")
        if let st = m.stage, let due = m.stageDueAt {
            let dueText = ISOTime.format(due, zone: store.zone)
            line += l.pick("；\(st.displayName(.zh))期限 \(dueText)", "; \(st.rawValue) due \(dueText)")
        }
        print(line)
        if let due = m.stageDueAt { Output.warnCalendar(try store.officeCalendar(), from: now, to: due) }
        return 0
    }
}
