import Foundation
import GridCore
import GridStore

extension ConsoleActions {
    /// The real writes: moves allowed by `MatterMachine` for the state and the actor's role, performed through
    /// `Store.perform` with the version the page showed (a concurrent change is refused, not overwritten);
    /// intake through `Store.intake`, then a dispatch when the form named a department.
    public static func live(_ store: Store) -> ConsoleActions {
        ConsoleActions(
            allowedMoves: { detail, actor, strings in
                guard let state = MatterState(rawValue: detail.row.state) else { return [] }
                return MatterMachine.allowedMoves(from: state, shelved: detail.row.shelved)
                    .filter { actor.may($0.action) && $0 != .extendApprove && $0 != .extendRefuse }
                    .map { MoveChoice(id: ConsoleActions.id(of: $0), label: ConsoleActions.label($0, strings), needsNote: $0.needsNote || $0 == .merge) }
            },
            perform: { choice, detail, note, actor, now in
                guard let move = Move.all.first(where: { ConsoleActions.id(of: $0) == choice.id }) else {
                    throw StoreError.invalid("unknown move \(choice.id)")
                }
                var req = MoveRequest(move, number: detail.row.number, version: detail.version, note: note)
                if move == .merge {
                    req.into = note.trimmingCharacters(in: .whitespaces); req.note = "merged into \(req.into ?? "")"
                }
                if move == .extendRequest {
                    // "3 等待材料": working days first, then the reason.
                    let parts = note.split(separator: " ", maxSplits: 1).map(String.init)
                    guard let days = parts.first.flatMap({ Int($0) }), days > 0 else {
                        throw StoreError.invalid("extension: type the working days first, then the reason (e.g. 3 等待材料)")
                    }
                    req.days = days; req.note = parts.count > 1 ? parts[1] : ""
                }
                let m = try store.perform(req, by: actor, now: now)
                return "\(choice.label) ✓ \(m.number) (\(m.state.rawValue))"
            },
            intake: { draft, _, actor, now in
                guard let source = MatterSource(rawValue: draft.source) else { throw StoreError.invalid("source \(draft.source): unknown channel") }
                let receipt = try store.intake(MatterIntake(reportedAt: draft.reportedAt ?? now, source: source, reporter: draft.reporter,
                                                            grid: draft.grid, category: draft.category, urgency: Urgency(rawValue: draft.urgency),
                                                            title: draft.title, description: draft.description, location: draft.location,
                                                            callerName: draft.callerName, callerPhone: draft.callerPhone, orderNo: draft.orderNo),
                                               by: actor, now: now)
                if !draft.department.isEmpty {
                    try store.perform(MoveRequest(.dispatch, number: receipt.number, department: draft.department), by: actor, now: now)
                }
                return receipt.number
            },
            duplicates: { draft, now in
                try store.possibleDuplicates(category: draft.category, grid: draft.grid, at: now)
            })
    }

    /// A stable id for a move (`urge:yellow` for urges).
    static func id(of move: Move) -> String {
        if case .urge(let level) = move { return "urge:\(level.rawValue)" }
        return move.kind
    }

    /// The move's name in the interface language.
    static func label(_ move: Move, _ t: Strings) -> String {
        if case .urge(let level) = move { return t["move.urge." + level.rawValue] }
        return t["move." + move.kind]
    }
}
