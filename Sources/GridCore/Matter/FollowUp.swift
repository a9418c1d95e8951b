import Foundation

/// How an answer was given (回复渠道): to the 12345 hotline for hotline matters, to the reporter otherwise.
public enum ReplyChannel: String, Sendable, CaseIterable, Codable {
    /// 回复12345热线 (the hotline's work-order system).
    case hotline
    /// 电话回复.
    case phone
    /// 短信回复.
    case sms
    /// 上门回复.
    case visit
    /// 微信回复.
    case wechat
}

/// What the reporter said on the follow-up call (回访结果, 满意度).
public enum Satisfaction: String, Sendable, CaseIterable, Codable {
    /// 满意.
    case satisfied
    /// 基本满意: counts as satisfied in 满意率.
    case basic
    /// 不满意: a supervisor may reopen the matter.
    case unsatisfied

    /// Whether it counts in 满意率's numerator (满意 + 基本满意).
    public var countsSatisfied: Bool { self != .unsatisfied }
}

/// One recorded answer (回复) of a matter.
public struct MatterReply: Hashable, Sendable {
    /// When.
    public var at: Date
    /// How.
    public var channel: ReplyChannel
    /// What was said, as typed.
    public var note: String
    /// Who recorded it.
    public var actor: String
    /// Creates one.
    public init(at: Date, channel: ReplyChannel, note: String, actor: String) {
        self.at = at; self.channel = channel; self.note = note; self.actor = actor
    }
}

/// One follow-up call (回访) of a matter.
public struct MatterRevisit: Hashable, Sendable {
    /// When.
    public var at: Date
    /// The reporter's verdict.
    public var result: Satisfaction
    /// What was said, as typed.
    public var note: String
    /// Who called.
    public var actor: String
    /// Creates one.
    public init(at: Date, result: Satisfaction, note: String, actor: String) {
        self.at = at; self.result = result; self.note = note; self.actor = actor
    }
}
