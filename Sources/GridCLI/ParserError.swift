import GridCore

/// Why the command line could not be read (swift-argument-parser style: one case per kind of mistake,
/// carrying the words involved, so tests match cases and the wording is `words(_:)`, in `--lang`). Exit status 2.
enum ParserError: Error, Equatable, CustomStringConvertible {
    /// An option that takes a value stood last, with nothing after it (`--db` at the end).
    case missingValue(option: String)
    /// A `--name` the command (or, before the command, the global options) does not know; with its dashes.
    case unknownOption(String)
    /// A switch was given a value with `=` (`--open=yes`); switches never take one.
    case unexpectedValue(option: String, value: String)
    /// A positional word the command does not take (`gridroom grids extra`).
    case unexpectedArgument(String)
    /// An option's value does not fit: what was given and what was expected.
    case invalidValue(option: String, value: String, expected: Expected)
    /// A required option is absent or empty.
    case missingOption(String)
    /// A required positional word (a subcommand, a number, a path) is absent; `what` describes it.
    case missingArgument(String)
    /// No command has this name.
    case unknownCommand(String)

    /// What an option's value should have been.
    enum Expected: Equatable {
        /// One of these words.
        case oneOf([String])
        /// A whole number, in the range when there is one.
        case wholeNumber(ClosedRange<Int>?)
    }

    /// English words (logs, tests' failure messages).
    var description: String { words(.en) }

    /// The mistake in words, naming the option as typed.
    func words(_ language: Language) -> String {
        let zh = language == .zh
        switch self {
        case let .missingValue(option): return zh ? "选项 --\(option) 需要一个值" : "option --\(option) needs a value"
        case let .unknownOption(word): return zh ? "未知选项 \(word)" : "unknown option \(word)"
        case let .unexpectedValue(option, value):
            return zh ? "--\(option) 是开关，不带值（给了 \(value)）" : "--\(option) is a switch and takes no value (given \(value))"
        case let .unexpectedArgument(word): return zh ? "多余的参数 \(word)" : "unexpected argument \(word)"
        case let .invalidValue(option, value, expected):
            return "--\(option) \(value)" + (zh ? "：应为" : ": expected ") + Self.words(expected, zh)
        case let .missingOption(name): return zh ? "缺少 --\(name)" : "missing --\(name)"
        case let .missingArgument(what): return zh ? "缺少 \(what)" : "missing \(what)"
        case let .unknownCommand(name):
            return zh ? "没有命令 \(name)；`gridroom --help` 列出全部命令" : "unknown command \(name); `gridroom --help` lists them"
        }
    }

    private static func words(_ e: Expected, _ zh: Bool) -> String {
        switch e {
        case let .oneOf(choices): return (zh ? "以下之一：" : "one of ") + choices.joined(separator: ", ")
        case let .wholeNumber(range?): return zh ? "介于 \(range.lowerBound) 和 \(range.upperBound) 之间的整数" : "a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .wholeNumber(nil): return zh ? "整数" : "a whole number"
        }
    }
}
