/// What one history event (流转记录) records: every kind of event the `events` table holds.
///
/// The raw value is the code stored in `events.kind`; a stored code outside this list is refused when read.
public enum EventKind: String, Sendable, CaseIterable, Codable {
    /// 受理: the matter was taken in.
    case intake
    /// 派遣 to a department.
    case dispatch
    /// 签收: the department signed for the matter it was sent.
    case sign
    /// 未签收: the sign-for limit passed with no signature, recorded by the system (actor `system`) at that instant.
    case signOverdue = "sign_overdue"
    /// 重大事项: marked major (at intake or later).
    case markMajor = "mark_major"
    /// 就地化解: closed as settled on the spot.
    case settle
    /// 稳控: a dispute put under control.
    case control
    /// 解除稳控.
    case release
    /// 回复: the answer given to the hotline or the reporter (its channel in `replies`).
    case reply
    /// 回访: the follow-up call and its satisfaction (in `revisits`).
    case revisit
    /// 回退: returned by the department as misrouted.
    case returnMatter = "return"
    /// 反馈: the department reported what it did.
    case feedback
    /// 核查通过: verified and closed.
    case verifyPass = "verify_pass"
    /// 核查不通过, 返工: sent back to the department.
    case rework
    /// 上报 to the district centre.
    case escalate
    /// 作废.
    case invalidate
    /// 合并 into another matter.
    case merge
    /// 挂账: put on the problem register.
    case shelve
    /// 取消挂账.
    case unshelve
    /// 重新打开 a closed matter.
    case reopen
    /// 督办 at a level (the level is in `events.level`).
    case urge
    /// 申请延期 of the handling stage.
    case extendRequest = "extend_request"
    /// 批准延期.
    case extendApprove = "extend_approve"
    /// 不批准延期.
    case extendRefuse = "extend_refuse"
    /// 备注.
    case comment
    /// 超期: a stage passed its deadline, recorded by the system (actor `system`) at the due instant.
    case overdue
    /// 区已办结: the district centre handled an escalated matter; back to the township for verification.
    case districtReply = "district_reply"
    /// 区退回: the district centre sent an escalated matter back to the township (to `new`, with its reason).
    case districtReturn = "district_return"
}
