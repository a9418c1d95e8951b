import Foundation
import GridCore

/// A usage error worded by a command (a value that does not fit its rules). Exit status 2.
/// The parser's own errors are the typed `ParserError`.
struct UsageError: Error, CustomStringConvertible {
    /// The message in Chinese and in English (the command line speaks `--lang`, Chinese by default).
    let zh: String, en: String
    /// A message in both languages.
    init(zh: String, en: String) { self.zh = zh; self.en = en }
    /// A message worded in both languages elsewhere (GridCore's `Phrase`).
    init(_ phrase: Phrase) { zh = phrase.zh; en = phrase.en }
    /// A message that is the same in both (already in the reader's language, or data such as a path).
    init(_ message: String) { zh = message; en = message }
    /// The message for `language`.
    func message(_ language: Language) -> String { language.pick(zh, en) }
    var description: String { en }
}

/// The words after the command name: `--name value` options, `--flag` switches and positionals.
///
/// Which `--name` is a switch is declared by the command (`Command.switches`, plus `GlobalOptions.switches`);
/// every other `--name` takes a value, the next word whatever it looks like (`--note --x` gives the note
/// "--x") or the text after `=`. `--` ends the options: every later word is a positional. A name no code
/// asks for is refused by `rejectUnknown()`, so an option is unknown only to the commands that lack it.
struct Arguments {
    private(set) var positionals: [String] = []
    private var options: [String: [String]] = [:]
    private var flags: Set<String> = []
    private var used: Set<String> = []

    /// Parses `words` for a command whose switches are `switches` (never taking a value).
    init(_ words: [String], switches: Set<String>) throws(ParserError) {
        var i = 0
        var onlyPositionals = false
        while i < words.count {
            let w = words[i]
            i += 1
            if onlyPositionals || !w.hasPrefix("--") || w == "-" { positionals.append(w); continue }
            if w == "--" { onlyPositionals = true; continue }
            var name = String(w.dropFirst(2))
            var value: String? = nil
            if let eq = name.firstIndex(of: "=") {
                value = String(name[name.index(after: eq)...]); name = String(name[..<eq])
            }
            if name.isEmpty { throw .unknownOption(w) }
            if switches.contains(name) {
                if let value { throw .unexpectedValue(option: name, value: value) }
                flags.insert(name); continue
            }
            if value == nil {
                guard i < words.count else { throw .missingValue(option: name) }
                value = words[i]; i += 1
            }
            options[name, default: []].append(value!)
        }
    }

    /// A switch's presence.
    mutating func flag(_ name: String) -> Bool { used.insert(name); return flags.contains(name) }

    /// An option's last value (a repeated option: the last one given wins).
    mutating func option(_ name: String) -> String? { used.insert(name); return options[name]?.last }

    /// Every value of a repeatable option, in the order given.
    mutating func options(_ name: String) -> [String] { used.insert(name); return options[name] ?? [] }

    /// A required option.
    mutating func required(_ name: String) throws(ParserError) -> String {
        guard let v = option(name), !v.isEmpty else { throw .missingOption(name) }
        return v
    }

    /// An option that must be one of `choices`.
    mutating func choice(_ name: String, _ choices: [String], default def: String? = nil) throws(ParserError) -> String? {
        guard let v = option(name) else { return def }
        guard choices.contains(v) else {
            throw .invalidValue(option: name, value: v, expected: .oneOf(choices))
        }
        return v
    }

    /// An integer option.
    mutating func int(_ name: String, range: ClosedRange<Int>? = nil) throws(ParserError) -> Int? {
        guard let v = option(name) else { return nil }
        guard let n = Int(v), range.map({ $0.contains(n) }) ?? true else {
            throw .invalidValue(option: name, value: v, expected: .wholeNumber(range))
        }
        return n
    }

    /// The positional at `index`, or a usage error naming `what`.
    func positional(_ index: Int, _ what: String) throws(ParserError) -> String {
        guard index < positionals.count else { throw .missingArgument(what) }
        return positionals[index]
    }

    /// Fails on a positional word past the first `count` the command takes (`gridroom grids extra`).
    func rejectPositionals(beyond count: Int) throws(ParserError) {
        if positionals.count > count { throw .unexpectedArgument(positionals[count]) }
    }

    /// Fails on any option or switch that no code asked for (a typo must not pass silently).
    func rejectUnknown() throws(ParserError) {
        let given = Set(options.keys).union(flags)
        if let extra = given.subtracting(used).sorted().first { throw .unknownOption("--" + extra) }
    }
}
