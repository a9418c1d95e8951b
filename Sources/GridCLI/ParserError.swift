/// Why the command line could not be read (swift-argument-parser style: one case per kind of mistake,
/// carrying the words involved, so tests match cases and each front end words them). Exit status 2.
enum ParserError: Error, Equatable, CustomStringConvertible {
    /// An option that takes a value stood last, with nothing after it (`--db` at the end).
    case missingValue(option: String)
    /// A `--name` the command (or, before the command, the global options) does not know; with its dashes.
    case unknownOption(String)
    /// A switch was given a value with `=` (`--open=yes`); switches never take one.
    case unexpectedValue(option: String, value: String)
    /// A positional word the command does not take (`gridroom grids extra`).
    case unexpectedArgument(String)
    /// An option's value does not fit: what was given and what was expected, in words.
    case invalidValue(option: String, value: String, expected: String)
    /// A required option is absent or empty.
    case missingOption(String)
    /// A required positional word (a subcommand, a number, a path) is absent; `what` describes it.
    case missingArgument(String)
    /// No command has this name.
    case unknownCommand(String)

    var description: String {
        switch self {
        case let .missingValue(option): return "option --\(option) needs a value"
        case let .unknownOption(word): return "unknown option \(word)"
        case let .unexpectedValue(option, value): return "--\(option) is a switch and takes no value (given \(value))"
        case let .unexpectedArgument(word): return "unexpected argument \(word)"
        case let .invalidValue(option, value, expected): return "--\(option) \(value): expected \(expected)"
        case let .missingOption(name): return "missing --\(name)"
        case let .missingArgument(what): return "missing \(what)"
        case let .unknownCommand(name): return "unknown command \(name); `gridroom --help` lists them"
        }
    }
}
