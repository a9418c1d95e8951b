/// Where a matter (事项) stands in its life. Shelving (挂账) is a flag on an open matter, not a state.
public enum MatterState: String, Sendable, CaseIterable, Codable {
    /// 受理: taken in, waiting to be dispatched (the dispatch clock runs).
    case new
    /// 已派遣: with a department (the handling clock runs).
    case dispatched
    /// 已反馈: the department reported what it did; waiting for verification (the verification clock runs).
    case fedBack = "fed_back"
    /// 已上报: escalated to the district centre department; the district stage's clock runs until it replies
    /// (→ fed_back) or sends the matter back (→ new).
    case escalated
    /// 已结案: verified and closed.
    case closed
    /// 已作废: invalid, with a reason.
    case invalid
    /// 已合并: merged into another matter as a duplicate (重复).
    case merged


    /// Whether the matter is still open (not closed, invalid or merged).
    public var isOpen: Bool {
        switch self {
        case .new, .dispatched, .fedBack, .escalated: true
        case .closed, .invalid, .merged: false
        }
    }

    /// The stage whose clock runs in this state (nil when ended).
    public var runningStage: Stage? {
        switch self {
        case .new: .dispatch
        case .dispatched: .handling
        case .fedBack: .verification
        case .escalated: .district
        case .closed, .invalid, .merged: nil
        }
    }
}

/// Where a matter came from (多元受理).
public enum MatterSource: String, Sendable, CaseIterable, Codable {
    /// 网格员上报: the reporter is a grid worker's code (required).
    case gridWorker = "grid_worker"
    /// 12345 热线.
    case hotline
    /// 网格微信群.
    case wechat
    /// 群众随手拍.
    case `public`
    /// 群众来访.
    case walkIn = "walk_in"
    /// 视频监控 (雪亮工程).
    case video
    /// 专项督查.
    case inspection
    /// 驻村联村.
    case villageVisit = "village_visit"

}

/// The grade of an urging (督办等级).
public enum UrgeLevel: String, Sendable, CaseIterable, Codable {
    /// 普通督办.
    case ordinary
    /// 黄牌督办.
    case yellow
    /// 红牌督办.
    case red

}
