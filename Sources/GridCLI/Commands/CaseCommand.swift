import Foundation
import GridCore
import GridStore

/// `gridroom case new|dispatch|…|show`: the life of one matter (事项流转).
enum CaseCommand: Command {
    static let name = "case"
    static let switches: Set<String> = ["pass", "fail"]
    static let summary = "take in, move and show one matter: new, dispatch, feedback, verify, urge, show, …"
    static let usage = """
    usage: gridroom case new --source SRC --grid CODE --category CODE --title TEXT [--reporter WHO]
                             [--urgency urgent|normal] [--description TEXT] [--location TEXT] [--reported-at TIME] [--major]
                             [--caller-name NAME] [--caller-phone PHONE] [--order-no WORK-ORDER]   (order-no: unique per source)
           gridroom case dispatch NUMBER [--department CODE] [--with CODE,CODE] [--note TEXT]   (--with: co-handlers)
           gridroom case mark-major NUMBER --note WHY         (重大事项; duty officer or higher)
           gridroom case sign NUMBER [--note TEXT]            (签收: the department signs for what it was sent)
           gridroom case return NUMBER --note REASON          (department says misrouted: back to new)
           gridroom case feedback NUMBER --note WHAT-WAS-DONE
           gridroom case verify NUMBER --pass [--note TEXT] | --fail --note REASON
           gridroom case escalate NUMBER --note REASON        (duty officer or higher; to the district centre)
           gridroom case district-reply NUMBER --note WHAT-THE-DISTRICT-DID   (back to fed_back for verification)
           gridroom case district-return NUMBER --note REASON (the district sends it back: to new)
           gridroom case invalidate NUMBER --note REASON
           gridroom case merge NUMBER --into NUMBER [--note TEXT]
           gridroom case shelve NUMBER --note REASON | unshelve NUMBER [--note TEXT]   (supervisor)
           gridroom case reopen NUMBER [--note TEXT]          (supervisor; counts as rework)
           gridroom case urge NUMBER --level ordinary|yellow|red --note TEXT          (supervisor)
           gridroom case extend NUMBER --days N --note REASON (working days, on the handling stage)
           gridroom case approve NUMBER [--note TEXT] | refuse NUMBER --note REASON   (supervisor)
           gridroom case comment NUMBER --note TEXT
           gridroom case settle NUMBER --note HOW             (就地化解: from new, closed as settled on the spot)
           gridroom case control NUMBER --note TEXT | release NUMBER --note TEXT   (稳控, dispute categories only)
           gridroom case reply NUMBER --channel hotline|phone|sms|visit|wechat --note TEXT   (closed matters: 回复)
           gridroom case revisit NUMBER --result satisfied|basic|unsatisfied [--note TEXT] (回访; unsatisfied: a
                                                              supervisor may `case reopen`)
           gridroom case show NUMBER [--format text|json]
           gridroom case settings [KEY VALUE]                 (show, or change as supervisor)

    Every move takes --version N: the version you saw (from `case show`); if someone changed the
    matter since, the move is refused ("changed by X at T — reload"). --reason is the same as --note.
    Sources: grid_worker (needs --reporter WORKER-CODE), hotline, wechat, public, walk_in, video,
    inspection, village_visit. Times are ISO-8601; without an offset they are township local time.
    Settings: urgent_dispatch_limit (10min), urgent_handle_limit (4h), urgent_verify_limit (1h),
    near_due_share (0.25), duplicate_window_hours (24), district_limit (5wd), urgent_district_limit (1wd),
    district_limit.CATEGORY (a category's own district limit), sign_limit (2wh), urgent_sign_limit (30min),
    reply_limit (1wd after closing).
    See Docs/matters.md.
    """

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        let sub = try args.positional(0, "subcommand (new, dispatch, …, show); see `gridroom case --help`")
        let store = try ctx.openStore()
        // `show` and `settings` without a value read ("as of" --now); everything else writes on the real clock.
        let reads = sub == "show" || (sub == "settings" && args.positionals.count < 3)
        let now = reads ? ctx.now(in: store.zone) : try ctx.writeNow(store, "case \(sub)")
        switch sub {
        case "new": return try intake(ctx, &args, store, now)
        case "show": return try CaseShow.run(ctx, &args, store, now)
        case "settings": return try settings(ctx, &args, store, now)
        default: return try CaseMoves.run(sub, ctx, &args, store, now)
        }
    }

    static func settings(_ ctx: Context, _ args: inout Arguments, _ store: Store, _ now: Date) throws -> Int32 {
        try args.rejectUnknown()
        if args.positionals.count >= 2 {
            guard args.positionals.count == 3 else { throw UsageError(zh: "case settings：请给出 键 值，例如 near_due_share 0.2", en: "case settings: give KEY VALUE, e.g. near_due_share 0.2") }
            try store.setMatterSetting(args.positionals[1], args.positionals[2], by: try ctx.actor(store), now: now)
        }
        let rows = try store.matterRules().settingRows.map { [$0.key, $0.value] }
        Output.emit(format: "table", header: ["setting", "value"], rows: rows)
        return 0
    }

    static func intake(_ ctx: Context, _ args: inout Arguments, _ store: Store, _ now: Date) throws -> Int32 {
        let sourceText = try args.required("source")
        guard let source = MatterSource(codeOrName: sourceText) else {   // its code or its name (12345热线)
            throw UsageError(zh: "--source \(sourceText)：应为以下之一：\(MatterSource.choices(.zh))", en: "--source \(sourceText): expected one of \(MatterSource.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let urgency = try args.choice("urgency", Urgency.allCases.map(\.rawValue)).flatMap(Urgency.init(rawValue:))
        var reportedAt = now
        if let t = args.option("reported-at") {
            guard let d = ISOTime.parse(t, zone: store.zone) else {
                let why = ISOTime.skippedLocalTime(t, zone: store.zone) ?? Phrase(zh: "\(t)：不是 ISO-8601 时间", en: "\(t): not an ISO-8601 time")
                throw UsageError(why.after(zh: "--reported-at ", en: "--reported-at "))
            }
            reportedAt = d
        }
        let intake = MatterIntake(reportedAt: reportedAt, source: source, reporter: args.option("reporter") ?? "",
                                  grid: try args.required("grid"), category: try args.required("category"), urgency: urgency,
                                  title: try args.required("title"), description: args.option("description") ?? "",
                                  location: args.option("location") ?? "", callerName: args.option("caller-name") ?? "",
                                  callerPhone: args.option("caller-phone") ?? "", orderNo: args.option("order-no") ?? "")
        var major = intake; major.major = args.flag("major")
        try args.rejectUnknown()
        let actor = try ctx.actor(store)
        let receipt = try store.intake(major, by: actor, now: now)
        let m = try store.matter(number: receipt.number)
        let l = ctx.language
        var line = l.pick("已受理 \(receipt.number)", "new case \(receipt.number)")
        if let m, let due = m.stageDueAt {
            let dueText = ISOTime.format(due, zone: store.zone)
            line += l.pick("（\(m.urgency.displayName(.zh))；派遣期限 \(dueText)）", " (\(m.urgency.rawValue); dispatch due \(dueText))")
        }
        print(line)
        if let due = m?.stageDueAt { Output.warnCalendar(try store.officeCalendar(), from: intake.reportedAt, to: due) }
        if let dup = receipt.possibleDuplicate {
            print(l.pick("可能与 \(dup) 重复（同类别、同网格）：`gridroom case merge \(receipt.number) --into \(dup) --note …` 或两件都保留",
                         "possible duplicate of \(dup) (same category and grid): `gridroom case merge \(receipt.number) --into \(dup) --note …` or keep both"))
        }
        return 0
    }
}
