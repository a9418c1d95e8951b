/// The options every command shares (`--db`, `--now`, `--lang`, `--headings`, `--read-only`, `--help`). They may stand
/// before the command name and after it; a repeated one keeps its last value.
enum GlobalOptions {
    /// Global options that take a value.
    static let options: Set<String> = ["db", "now", "lang", "headings"]
    /// Global switches.
    static let switches: Set<String> = ["read-only", "help"]
}

/// One parsed command line: the command it names (nil: none, the console) and its arguments, global
/// options included (read by `Context`).
struct Invocation {
    /// The command named, or nil when only global options were given.
    let command: (any Command.Type)?
    /// Every word after the program name except the command's own name, parsed with the command's switches.
    var arguments: Arguments
    /// `--help` (or `-h`, `help`) before any command: the general usage.
    let wantsGeneralHelp: Bool

    /// Splits `words` (the words after the program name) into global options, the command and its words.
    /// Before the command only global options may stand; `--` there means the next word is the command.
    init(_ words: [String], commands: [any Command.Type]) throws(ParserError) {
        var leading: [String] = []
        var i = 0
        var help = false
        while i < words.count {
            let w = words[i]
            if w == "-h" || w == "help" || w == "--help" { help = true; i += 1; continue }
            if w == "--" { i += 1; break }
            guard w.hasPrefix("--") else { break }
            let body = w.dropFirst(2)
            let name = String(body.prefix { $0 != "=" })
            if GlobalOptions.switches.contains(name) {
                leading.append(w); i += 1
            } else if GlobalOptions.options.contains(name) {
                leading.append(w); i += 1
                if !body.contains("=") {
                    guard i < words.count else { throw .missingValue(option: name) }
                    leading.append(words[i]); i += 1
                }
            } else {
                throw .unknownOption(w)
            }
        }
        let name = i < words.count ? words[i] : nil
        if help && name == nil {
            command = nil; wantsGeneralHelp = true
            arguments = try Arguments(leading, switches: GlobalOptions.switches)
            return
        }
        if let name {
            guard let c = commands.first(where: { $0.name == name }) else { throw .unknownCommand(name) }
            command = c
        } else {
            command = nil
        }
        wantsGeneralHelp = false
        let rest = name == nil ? [] : Array(words[(i + 1)...])
        // `help` before the command name asks for that command's usage.
        arguments = try Arguments(leading + (help ? ["--help"] : []) + rest,
                                  switches: GlobalOptions.switches.union(command?.switches ?? ConsoleCommand.switches))
    }
}
