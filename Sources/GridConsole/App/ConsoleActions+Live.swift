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
                MatterMachine.allowedMoves(from: detail.row.state, shelved: detail.row.shelved)
                    .filter { actor.may($0.action) && $0 != .extendApprove && $0 != .extendRefuse }
                    .map { MoveChoice(id: ConsoleActions.id(of: $0), label: ConsoleActions.label($0, strings), needsNote: $0.needsNote || $0 == .merge || $0 == .revisit) }
            },
            perform: { choice, detail, note, actor, now in
                guard let move = Move.all.first(where: { ConsoleActions.id(of: $0) == choice.id }) else {
                    throw StoreError.unknownCode(.move, choice.id)
                }
                var req = MoveRequest(move, number: detail.row.number, version: detail.version, note: note)
                if move == .merge {
                    req.into = note.trimmingCharacters(in: .whitespaces); req.note = ""
                }
                if move == .extendRequest {
                    // "3 等待材料": working days first, then the reason.
                    let parts = note.split(separator: " ", maxSplits: 1).map(String.init)
                    guard let days = parts.first.flatMap({ Int($0) }), TimeRules.extensionDays.contains(days) else {
                        throw StoreError.missingValue(number: detail.row.number, move: .extendRequest, value: .extensionDays)
                    }
                    req.days = days; req.note = parts.count > 1 ? parts[1] : ""
                }
                if move == .reply || move == .revisit {
                    // "电话 已告知处理结果" / "满意": the channel or verdict first (code or name), then the note.
                    let parts = note.split(separator: " ", maxSplits: 1).map(String.init)
                    let first = parts.first ?? ""
                    req.note = parts.count > 1 ? parts[1] : ""
                    if move == .reply { req.channel = ReplyChannel(codeOrName: first) } else { req.result = Satisfaction(codeOrName: first) }
                }
                let m = try store.perform(req, by: actor, now: now)
                return "\(choice.label) ✓ \(m.number)"   // the page, reloaded, shows the new state in its own words
            },
            intake: { draft, force, actor, now in
                guard let source = MatterSource(rawValue: draft.source) else { throw StoreError.unknownCode(.source, draft.source) }
                let receipt = try store.intake(MatterIntake(reportedAt: now, source: source, reporter: draft.reporter, grid: draft.grid,
                                                            category: draft.category, title: draft.title, description: draft.description,
                                                            location: draft.location),
                                               dispatchTo: draft.department.isEmpty ? nil : draft.department, force: force, by: actor, now: now)
                return receipt.number
            },
            duplicates: { draft, now in
                try store.possibleDuplicates(category: draft.category, grid: draft.grid, at: now)
            })
    }

    /// A stable id for a move (`urge:yellow` for urges).
    static func id(of move: Move) -> String {
        if case .urge(let level) = move { return "urge:\(level.rawValue)" }
        return move.kind.rawValue
    }

    /// The move's name in the interface language.
    static func label(_ move: Move, _ t: Strings) -> String {
        switch move {
        case .merge: return t.name(move) + "（" + t["prompt.mergeTarget"] + "）"
        case .extendRequest: return t.name(move) + "（" + t["prompt.extension"] + "）"
        case .reply: return t.name(move) + "（" + t["prompt.reply"] + "）"
        case .revisit: return t.name(move) + "（" + t["prompt.revisit"] + "）"
        default: return t.name(move)
        }
    }
}
