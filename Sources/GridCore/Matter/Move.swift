/// Something a person does to a matter after intake (流转操作).
public enum Move: Hashable, Sendable {
    /// 派遣 to a department: new → dispatched.
    case dispatch
    /// 签收: the department (or the operator on its behalf) signs for a dispatched matter; an event, not a state.
    case sign
    /// 重大事项: marked major, reported to the township's leaders; a flag on an open matter.
    case markMajor
    /// 就地化解: settled on the spot (by the grid worker's report or the operator): new → closed, with its own event;
    /// it counts as closed on time.
    case settle
    /// 稳控: a dispute kept under control; a flag, the matter stays open and its clock runs.
    case control
    /// 解除稳控: the control flag taken off.
    case release
    /// 回复: the answer to the hotline or the reporter, on a closed matter (channel in `MoveRequest`); an event.
    case reply
    /// 回访: the follow-up call with its satisfaction, on a closed matter; an event (an unsatisfied one may be reopened).
    case revisit
    /// 回退: the department returns it as misrouted: dispatched → new.
    case returnMatter
    /// 反馈: the department reports what it did: dispatched → fed_back.
    case feedback
    /// 核查通过: fed_back → closed.
    case verifyPass
    /// 核查不通过, 返工: fed_back → dispatched with a fresh handling clock.
    case verifyRework
    /// 上报 to the district centre, with a reason: new/dispatched/fed_back → escalated; the district stage starts.
    case escalate
    /// 区指挥中心办结: the district handled it: escalated → fed_back, for the township's verification.
    case districtReply
    /// 区指挥中心退回: the district sends it back: escalated → new, with the reason.
    case districtReturn
    /// 作废: new → invalid.
    case invalidate
    /// 合并 into another matter as a duplicate: new → merged.
    case merge
    /// 挂账: put an open matter on the problem register (flag; its stage clock stops).
    case shelve
    /// 取消挂账: take it off the register; its current stage starts a fresh clock.
    case unshelve
    /// 重新打开 a closed matter: closed → dispatched; counts as rework.
    case reopen
    /// 督办 at a level; an event, not a state.
    case urge(UrgeLevel)
    /// 申请延期 on the handling stage.
    case extendRequest
    /// 批准延期: the handling deadline moves.
    case extendApprove
    /// 不批准延期.
    case extendRefuse
    /// 备注.
    case comment

    /// Every move, one urge per level, in the order messages list them.
    public static let all: [Move] = [.dispatch, .sign, .returnMatter, .feedback, .verifyPass, .verifyRework, .escalate,
                                     .districtReply, .districtReturn,
                                     .invalidate, .merge, .shelve, .unshelve, .reopen,
                                     .urge(.ordinary), .urge(.yellow), .urge(.red),
                                     .extendRequest, .extendApprove, .extendRefuse, .comment, .reply, .revisit,
                                     .settle, .control, .release, .markMajor]

    /// The event kind written to the history, e.g. `dispatch`, `verify_pass`, `urge`.
    public var kind: EventKind {
        switch self {
        case .dispatch: .dispatch
        case .sign: .sign
        case .returnMatter: .returnMatter
        case .feedback: .feedback
        case .verifyPass: .verifyPass
        case .verifyRework: .rework
        case .escalate: .escalate
        case .districtReply: .districtReply
        case .districtReturn: .districtReturn
        case .invalidate: .invalidate
        case .merge: .merge
        case .shelve: .shelve
        case .unshelve: .unshelve
        case .reopen: .reopen
        case .urge: .urge
        case .extendRequest: .extendRequest
        case .extendApprove: .extendApprove
        case .extendRefuse: .extendRefuse
        case .comment: .comment
        case .reply: .reply
        case .revisit: .revisit
        case .settle: .settle
        case .control: .control
        case .release: .release
        case .markMajor: .markMajor
        }
    }

    /// The right it needs (see `Action.minimumRole`).
    public var action: Action {
        switch self {
        case .dispatch: .dispatch
        case .sign: .sign
        case .returnMatter: .returnMatter
        case .feedback: .feedback
        case .verifyPass, .verifyRework: .verify
        case .escalate: .escalate
        case .districtReply, .districtReturn: .districtAnswer
        case .invalidate: .invalidate
        case .merge: .merge
        case .shelve, .unshelve: .shelve
        case .reopen: .reopen
        case .urge: .urge
        case .extendRequest: .requestExtension
        case .extendApprove, .extendRefuse: .decideExtension
        case .comment: .comment
        case .reply, .revisit: .followUp
        case .settle: .settle
        case .control, .release: .control
        case .markMajor: .markMajor
        }
    }

    /// Whether the move must carry a note or reason (回退、作废、挂账、延期, refusals, 上报 and the district's answers need one).
    public var needsNote: Bool {
        switch self {
        case .returnMatter, .invalidate, .shelve, .extendRequest, .extendRefuse, .feedback, .comment, .verifyRework, .urge,
             .escalate, .districtReply, .districtReturn, .reply, .settle, .control, .release, .markMajor: true
        default: false
        }
    }
}
