import Foundation
import GridCore
import GridStore

extension ConsoleActions {
    /// The real writes: moves allowed by `MatterMachine` for the state and the actor's role, performed through
    /// `Store.perform` with the version the page showed (a concurrent change is refused, not overwritten);
    /// intake and the dispatch the form names through one `Store.intake(_:dispatchTo:force:by:now:)` transaction.
    public static func live(_ store: Store) -> ConsoleActions {
        ConsoleActions(
            allowedMoves: { detail, actor, strings in
                // Urges are one choice that asks its level; an extension is decided only while one is pending.
                var seen = Set<String>()
                return MatterMachine.allowedMoves(from: detail.row.state, shelved: detail.row.shelved)
                    .filter { actor.may($0.action) }
                    .filter { MatterMachine.flagsAllow($0, dispute: detail.dispute, underControl: detail.matter.underControl, major: detail.matter.major) }
                    .filter { ($0 != .extendApprove && $0 != .extendRefuse) || detail.pendingExtension != nil }
                    .filter { $0 != .extendRequest || detail.pendingExtension == nil }
                    .filter { seen.insert($0.kind.rawValue).inserted }
                    .map { move in
                        MoveChoice(id: move.kind.rawValue, label: ConsoleActions.label(move, strings),
                                   needsNote: move.needsNote || move == .escalate || move == .revisit, asks: ConsoleActions.asks(move))
                    }
            },
            perform: { choice, detail, input, actor, now in
                guard let move = Move.all.first(where: { $0.kind.rawValue == choice.id }) else {
                    throw StoreError.unknownCode(.move, choice.id)
                }
                var req = MoveRequest(move, number: detail.row.number, version: detail.version, note: input.note,
                                      department: input.department, days: input.days, into: input.into)
                if case .urge = move { req.move = .urge(input.level ?? .ordinary) }
                req.coHandlers = input.coHandlers
                if move == .reply || move == .revisit {
                    // "电话 已告知处理结果" / "满意": the channel or verdict first (code or name), then the note.
                    let parts = input.note.split(separator: " ", maxSplits: 1).map(String.init)
                    let first = parts.first ?? ""
                    req.note = parts.count > 1 ? parts[1] : ""
                    if move == .reply { req.channel = ReplyChannel(codeOrName: first) } else { req.result = Satisfaction(codeOrName: first) }
                }
                let m = try store.perform(req, by: actor, now: now)
                return "\(choice.label) ✓ \(m.number)"   // the page, reloaded, shows the new state in its own words
            },
            intake: { draft, force, actor, now in
                guard let source = MatterSource(rawValue: draft.source) else { throw StoreError.unknownCode(.source, draft.source) }
                let receipt = try store.intake(MatterIntake(reportedAt: draft.reportedAt ?? now, source: source, reporter: draft.reporter,
                                                            grid: draft.grid, category: draft.category, urgency: Urgency(rawValue: draft.urgency),
                                                            title: draft.title, description: draft.description, location: draft.location,
                                                            callerName: draft.callerName, callerPhone: draft.callerPhone, orderNo: draft.orderNo),
                                               dispatchTo: draft.department.isEmpty ? nil : draft.department, force: force, by: actor, now: now)
                return receipt.number
            },
            duplicates: { draft, now in
                try store.possibleDuplicates(category: draft.category, grid: draft.grid, at: now)
            })
    }

    /// What a move asks before its note.
    static func asks(_ move: Move) -> [MoveInput.Ask] {
        switch move {
        case .dispatch: [.department]
        case .urge: [.urgeLevel]
        case .extendRequest: [.days]
        case .merge: [.mergeTarget]
        default: []
        }
    }

    /// The move's name in the interface language.
    static func label(_ move: Move, _ t: Strings) -> String {
        switch move {
        case .urge: return t["move.urge"]
        case .reply: return t.name(move) + "（" + t["prompt.reply"] + "）"
        case .revisit: return t.name(move) + "（" + t["prompt.revisit"] + "）"
        default: return t.name(move)
        }
    }
}
