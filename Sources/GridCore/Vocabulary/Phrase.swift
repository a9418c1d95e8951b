/// A sentence for people in both languages (措辞): a row error, a file problem or a notice worded once where
/// it is found, and printed later in the reader's language (`--lang`, the console's language).
public struct Phrase: Hashable, Sendable, CustomStringConvertible {
    /// The Chinese wording.
    public let zh: String
    /// The English wording.
    public let en: String

    /// A phrase in both languages.
    public init(zh: String, en: String) { self.zh = zh; self.en = en }

    /// The same text in both (a path, a value quoted from the file).
    public init(same text: String) { zh = text; en = text }

    /// The wording for `language`.
    public func words(_ language: Language) -> String { language.pick(zh, en) }

    /// This phrase after a prefix in each language (`路径：` / `path: `).
    public func after(zh pzh: String, en pen: String) -> Phrase { Phrase(zh: pzh + zh, en: pen + en) }

    /// The English wording (logs, `description` of the errors that carry it).
    public var description: String { en }
}
