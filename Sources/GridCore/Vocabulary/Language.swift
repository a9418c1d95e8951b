/// The interface language (界面语言) of every front end: console, command line, reports and bulletins.
public enum Language: String, Sendable, CaseIterable {
    /// 中文 (default).
    case zh
    /// English.
    case en
}
