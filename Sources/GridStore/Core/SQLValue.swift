import Foundation

/// A value bound into or read out of SQL.
public enum SQLValue: Sendable, Hashable {
    /// SQL NULL.
    case null
    /// INTEGER.
    case int(Int64)
    /// REAL.
    case double(Double)
    /// TEXT.
    case text(String)
    /// BLOB.
    case blob([UInt8])

    /// An integer value.
    public static func of(_ v: Int) -> SQLValue { .int(Int64(v)) }
    /// A text value, NULL when nil.
    public static func of(_ v: String?) -> SQLValue { v.map { .text($0) } ?? .null }
    /// An integer, NULL when nil.
    public static func of(_ v: Int?) -> SQLValue { v.map { .int(Int64($0)) } ?? .null }
    /// An instant as whole UTC seconds since 1970, NULL when nil.
    public static func of(_ v: Date?) -> SQLValue { v.map { .int(Int64(floor($0.timeIntervalSince1970))) } ?? .null }
    /// A boolean as 0/1.
    public static func of(_ v: Bool) -> SQLValue { .int(v ? 1 : 0) }
}

extension SQLValue: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral, ExpressibleByNilLiteral, ExpressibleByFloatLiteral {
    public init(integerLiteral value: Int) { self = .int(Int64(value)) }
    public init(stringLiteral value: String) { self = .text(value) }
    public init(nilLiteral: ()) { self = .null }
    public init(floatLiteral value: Double) { self = .double(value) }
}
