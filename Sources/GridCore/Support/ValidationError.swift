/// A value a user gave that cannot be accepted (a setting, office hours, a grade rule), with what is wrong in
/// English and, where written, in Chinese.
public struct ValidationError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What is wrong, in English words a user can act on.
    public let message: String
    /// The same in Chinese (nil: only the English has been written).
    public let chinese: String?
    /// Creates an error.
    public init(_ message: String, chinese: String? = nil) { self.message = message; self.chinese = chinese }
    public var description: String { message }

    /// What is wrong in `language`.
    public func words(_ language: Language) -> String { language == .zh ? (chinese ?? message) : message }
}
