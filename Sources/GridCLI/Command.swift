import GridCore

/// A `gridroom` subcommand.
protocol Command {
    /// The word that selects it, e.g. `init` or `import`.
    static var name: String { get }
    /// One line for `gridroom --help`.
    static var summary: String { get }
    /// Full usage text for `gridroom NAME --help`.
    static var usage: String { get }
    /// Runs with the words after the name; returns the exit status.
    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32
}
