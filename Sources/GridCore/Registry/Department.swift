/// The four platforms (四个平台) plus the district centre, the escalation target.
public enum Platform: String, Sendable, CaseIterable, Codable {
    /// 综治工作.
    case publicOrder = "public_order"
    /// 市场监管.
    case market
    /// 综合执法.
    case enforcement
    /// 便民服务.
    case services
    /// 区社会治理综合指挥中心: where escalated matters go.
    case district

}

/// A department (部门) that handles matters, under one platform.
public struct Department: Hashable, Sendable, Codable {
    /// Department code, unique.
    public var code: String
    /// Name, e.g. 综合行政执法队.
    public var name: String
    /// The platform it belongs to.
    public var platform: Platform

    /// Creates a department.
    public init(code: String, name: String, platform: Platform) {
        self.code = code; self.name = name; self.platform = platform
    }
}
