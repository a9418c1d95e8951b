import GridCore

/// A `gridroom` subcommand.
protocol Command {
    /// The word that selects it, e.g. `init` or `import`.
    static var name: String { get }
    /// One line for `gridroom --help`.
    static var summary: String { get }
    /// Full usage text for `gridroom NAME --help`.
    static var usage: String { get }
    /// The switches it accepts (names without `--`, for every subcommand together): options that never
    /// take a value. Every other `--name` takes the next word as its value, so a value that starts with
    /// `--` is never mistaken. The global switches (`--read-only`, `--help`) are added by the parser.
    static var switches: Set<String> { get }
    /// Runs with the words after the name; returns the exit status.
    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32
}

extension Command {
    /// The full usage in `language`, for `gridroom NAME --help`: `usage` in English, its Chinese from
    /// `HelpWords.chineseUsage` (keyed by `name`) in Chinese — the English only while a new command has none
    /// (GridCLITests fails then).
    static func usage(_ language: Language) -> String {
        language == .zh ? (HelpWords.usage(name) ?? usage) : usage
    }
}
