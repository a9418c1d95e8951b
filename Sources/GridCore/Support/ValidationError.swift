/// A value a user gave that cannot be accepted, with a message saying what is wrong.
public struct ValidationError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What is wrong, in words a user can act on.
    public let message: String
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
