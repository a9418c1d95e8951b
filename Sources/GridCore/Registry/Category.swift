/// Urgency of a matter or category: 紧急 or 一般.
public enum Urgency: String, Sendable, CaseIterable, Codable {
    /// 紧急.
    case urgent
    /// 一般.
    case normal

}

/// The timed stages of a matter (环节): three in the township, one at the district centre.
public enum Stage: String, Sendable, CaseIterable, Codable {
    /// Dispatch (分流交办): from intake until sent to a department.
    case dispatch
    /// Handling (执行处置): from dispatch until the department's feedback.
    case handling
    /// Verification (核查): from feedback until the check passes or fails.
    case verification
    /// District (区指挥中心办理): from escalation until the district replies or sends it back. Its limit is a
    /// township setting per urgency, overridable per category (`MatterRules.limit(for:category:urgency:)`),
    /// not a category column.
    case district

}

/// A category of matter (事项分类: 大类/小类) with its department and stage time limits.
public struct Category: Hashable, Sendable, Codable {
    /// Category code, unique.
    public var code: String
    /// Minor class name (小类).
    public var name: String
    /// Major class name (大类), e.g. 市容环境.
    public var major: String
    /// Default department code.
    public var department: String
    /// Default urgency.
    public var urgency: Urgency
    /// Limit of the dispatch stage.
    public var dispatchLimit: TimeLimit
    /// Limit of the handling stage.
    public var handleLimit: TimeLimit
    /// Limit of the verification stage.
    public var verifyLimit: TimeLimit
    /// A dispute category (矛盾纠纷): its matters may be settled on the spot or kept under control (稳控), and count
    /// in 就地化解率 and 稳控率. A column of the category table, never guessed from the name.
    public var dispute: Bool
    /// First-report credit (首报激励): the first reporter of a merged group of this category is credited.
    public var firstReport: Bool
    /// Grid workers are expected to report it (网格员应报): a matter of it from another channel with no worker
    /// report before it is listed as should-have-reported (应报未报, `MissedReports`).
    public var workerReportable: Bool

    /// Creates a category. The flags default as an older file's categories read: first-report credit for the
    /// four major classes that earned it before the flag existed (`FirstReport.legacyMajors`), not worker-reportable.
    public init(code: String, name: String, major: String, department: String, urgency: Urgency,
                dispatchLimit: TimeLimit, handleLimit: TimeLimit, verifyLimit: TimeLimit, dispute: Bool = false,
                firstReport: Bool? = nil, workerReportable: Bool = false) {
        self.code = code; self.name = name; self.major = major; self.department = department; self.urgency = urgency
        self.dispatchLimit = dispatchLimit; self.handleLimit = handleLimit; self.verifyLimit = verifyLimit
        self.dispute = dispute
        self.firstReport = firstReport ?? FirstReport.legacyMajors.contains(major)
        self.workerReportable = workerReportable
    }

    /// A yes/no cell of the category table: `1`/`0`, `yes`/`no`, `true`/`false`, `是`/`否`; nil for anything else.
    public static func flag(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "1", "yes", "true", "是": true
        case "0", "no", "false", "否": false
        default: nil
        }
    }

    /// The limit of a township stage (nil for the district stage, whose limit is a setting).
    public func limit(for stage: Stage) -> TimeLimit? {
        switch stage { case .dispatch: dispatchLimit; case .handling: handleLimit; case .verification: verifyLimit; case .district: nil }
    }
}
