/// What a legal move does: the next state, the shelved flag, and which stage clocks stop and start.
public struct Transition: Hashable, Sendable {
    /// State before the move.
    public let from: MatterState
    /// State after the move (the same for events such as urge or comment).
    public let to: MatterState
    /// The shelved flag after the move.
    public let shelved: Bool
    /// The stage whose clock stops now (nil: none running or it keeps running).
    public let stops: Stage?
    /// The stage whose clock starts now, with a fresh limit (nil: none).
    public let starts: Stage?
    /// Whether the move counts as rework (返工): a failed verification or a reopen.
    public let countsRework: Bool
}

/// An illegal move (不允许的操作): the move, the state it was tried in, and what that state allows.
public struct MoveError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The refused move.
    public let move: Move
    /// The state it was tried in.
    public let state: MatterState
    /// Whether the matter was shelved.
    public let shelved: Bool
    /// The moves that would have been accepted.
    public let allowed: [Move]

    /// Creates the error (the machine makes them; tests state what they expect).
    public init(move: Move, state: MatterState, shelved: Bool, allowed: [Move]) {
        self.move = move; self.state = state; self.shelved = shelved; self.allowed = allowed
    }

    /// A plain English line for logs and test failures; people read the front ends' wording.
    public var description: String {
        "\(move.kind.rawValue) refused in state \(state.rawValue)\(shelved ? " (shelved)" : ""); allowed: \(allowed.map { $0.kind.rawValue }.joined(separator: ", "))"
    }
}

/// The life of a matter as a pure state machine (事项流转规则).
public enum MatterMachine {
    /// Applies `move` to a matter in `state` (shelved or not). Extension approve/refuse are legal here
    /// whenever a handling clock may run; whether a request is pending is the store's check.
    public static func apply(_ move: Move, to state: MatterState, shelved: Bool = false) -> Result<Transition, MoveError> {
        if let t = transition(move, state, shelved) { return .success(t) }
        return .failure(MoveError(move: move, state: state, shelved: shelved, allowed: allowedMoves(from: state, shelved: shelved)))
    }

    /// The moves accepted from a state, in `Move.all` order.
    public static func allowedMoves(from state: MatterState, shelved: Bool = false) -> [Move] {
        Move.all.filter { transition($0, state, shelved) != nil }
    }

    /// Whether a move that depends on the matter's flags applies to it: 稳控 only to a dispute not under control,
    /// 解除稳控 only to one under control, 标记重大事项 only to a matter not yet major. Lists of offered moves apply
    /// it on top of `allowedMoves`; the store refuses the others with its typed errors.
    public static func flagsAllow(_ move: Move, dispute: Bool, underControl: Bool, major: Bool) -> Bool {
        switch move {
        case .control: dispute && !underControl
        case .release: dispute && underControl
        case .markMajor: !major
        default: true
        }
    }

    private static func transition(_ move: Move, _ state: MatterState, _ shelved: Bool) -> Transition? {
        let running = shelved ? nil : state.runningStage
        func ok(_ to: MatterState, shelved s: Bool = shelved, stops: Stage? = nil, starts: Stage? = nil,
                rework: Bool = false) -> Transition {
            Transition(from: state, to: to, shelved: s, stops: stops, starts: starts, countsRework: rework)
        }
        switch move {
        case .comment:
            return ok(state)
        case .urge:
            return state.isOpen ? ok(state) : nil
        case .shelve:
            return state.isOpen && !shelved ? ok(state, shelved: true, stops: running) : nil
        case .unshelve:
            return state.isOpen && shelved ? ok(state, shelved: false, starts: state.runningStage) : nil
        case .markMajor:
            return state.isOpen ? ok(state) : nil
        case .reply, .revisit:
            return state == .closed ? ok(state) : nil
        case .reopen:
            return state == .closed ? ok(.dispatched, starts: .handling, rework: true) : nil
        default:
            break
        }
        // Every other move needs an open matter that is not shelved.
        guard !shelved else { return nil }
        switch (move, state) {
        case (.dispatch, .new): return ok(.dispatched, stops: .dispatch, starts: .handling)
        case (.invalidate, .new): return ok(.invalid, stops: .dispatch)
        case (.settle, .new): return ok(.closed, stops: .dispatch)
        case (.control, _), (.release, _): return state.isOpen ? ok(state) : nil
        case (.merge, .new): return ok(.merged, stops: .dispatch)
        case (.sign, .dispatched): return ok(.dispatched)
        case (.returnMatter, .dispatched): return ok(.new, stops: .handling, starts: .dispatch)
        case (.feedback, .dispatched): return ok(.fedBack, stops: .handling, starts: .verification)
        case (.districtReply, .escalated): return ok(.fedBack, stops: .district, starts: .verification)
        case (.districtReturn, .escalated): return ok(.new, stops: .district, starts: .dispatch)
        case (.verifyPass, .fedBack): return ok(.closed, stops: .verification)
        case (.verifyRework, .fedBack): return ok(.dispatched, stops: .verification, starts: .handling, rework: true)
        case (.escalate, .new), (.escalate, .dispatched), (.escalate, .fedBack):
            return ok(.escalated, stops: state.runningStage, starts: .district)
        case (.extendRequest, .dispatched), (.extendApprove, .dispatched), (.extendRefuse, .dispatched):
            return ok(.dispatched)
        default: return nil
        }
    }
}
