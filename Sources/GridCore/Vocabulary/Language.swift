/// The language people read GridRoom in (界面语言): the console, the command line and the reports.
///
/// Chinese is the default. Codes (case numbers, grid codes), file paths and ISO times are the same in both.
public enum Language: String, Sendable, CaseIterable, Codable {
    /// 中文 (default).
    case zh
    /// English.
    case en

    /// The one of a Chinese and an English text that belongs to this language.
    public func pick(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }
}

/// A value with a name for people in each language (显示名称). Every domain enum conforms, and its names are
/// written once, in `Names+*.swift` beside this file; the console, the command line and the reports call
/// `displayName(_:)` and never spell a name themselves.
public protocol Named {
    /// The Chinese and the English name.
    var names: (zh: String, en: String) { get }
}

extension Named {
    /// The name in `language`.
    public func displayName(_ language: Language) -> String { language == .zh ? names.zh : names.en }
}

/// A code stored in the file or typed on a command line (a raw value) that also has a name for people.
public protocol NamedCode: Named, RawRepresentable, CaseIterable where RawValue == String {}

extension NamedCode {
    /// Reads a case from its code or its name in either language (`dispatched`, `处置中`, `dispatched`).
    public init?(codeOrName text: String) {
        if let v = Self(rawValue: text) { self = v; return }
        guard let v = Self.allCases.first(where: { $0.names.zh == text || $0.names.en == text }) else { return nil }
        self = v
    }

    /// `code (name)` for every case, for "expected one of …" messages.
    public static func choices(_ language: Language) -> String {
        allCases.map { "\($0.rawValue) (\($0.displayName(language)))" }.joined(separator: ", ")
    }
}
