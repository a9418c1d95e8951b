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
                // Urges are one choice that asks its level; an extension is decided only while one is pending.
                var seen = Set<String>()
                return MatterMachine.allowedMoves(from: state, shelved: detail.row.shelved)
                    .filter { actor.may($0.action) }
                    .filter { ($0 != .extendApprove && $0 != .extendRefuse) || detail.pendingExtension != nil }
                    .filter { $0 != .extendRequest || detail.pendingExtension == nil }
                    .filter { seen.insert($0.kind).inserted }
                    .map { move in
                        MoveChoice(id: move.kind, label: ConsoleActions.label(move, strings),
                                   needsNote: move.needsNote || move == .escalate, asks: ConsoleActions.asks(move))
                    }
            },
            perform: { choice, detail, input, actor, now in
                guard let move = Move.all.first(where: { $0.kind == choice.id }) else {
                    throw StoreError.invalid("unknown move \(choice.id)")
                }
                var req = MoveRequest(move, number: detail.row.number, version: detail.version, note: input.note,
                                      department: input.department, days: input.days, into: input.into)
                if case .urge = move { req.move = .urge(input.level ?? .ordinary) }
                let m = try store.perform(req, by: actor, now: now)
                return "\(choice.label) ✓ \(m.number)"
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
        if case .urge = move { return t["move.urge"] }
        return t["move." + move.kind]
    }
}
