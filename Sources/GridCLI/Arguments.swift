import Foundation
import GridCore

/// A usage error: a bad or missing command-line value. Exit status 2.
struct UsageError: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

/// The words after the command name: `--name value` options, `--flag` switches and positionals.
struct Arguments {
    private(set) var positionals: [String] = []
    private var options: [String: [String]] = [:]
    private var flags: Set<String> = []
    private var used: Set<String> = []

    /// Options that never take a value.
    static let knownFlags: Set<String> = [
        "help", "demo", "activity", "skip-invalid", "open", "overdue", "near-due", "shelved", "explain", "fail", "pass",
        "confirm", "all", "no-bell", "read-only", "quiet", "force", "json", "rehearsal",
    ]

    init(_ words: [String]) throws {
        var i = 0
        var onlyPositionals = false
        while i < words.count {
            let w = words[i]
            if onlyPositionals || !w.hasPrefix("--") || w == "-" {
                positionals.append(w); i += 1; continue
            }
            if w == "--" { onlyPositionals = true; i += 1; continue }
            var name = String(w.dropFirst(2))
            var value: String? = nil
            if let eq = name.firstIndex(of: "=") {
                value = String(name[name.index(after: eq)...]); name = String(name[..<eq])
            }
            if Arguments.knownFlags.contains(name) && value == nil {
                flags.insert(name); i += 1; continue
            }
            if value == nil {
                guard i + 1 < words.count else { throw UsageError("option --\(name) needs a value") }
                value = words[i + 1]; i += 1
            }
            options[name, default: []].append(value!)
            i += 1
        }
    }

    /// A switch's presence.
    mutating func flag(_ name: String) -> Bool { used.insert(name); return flags.contains(name) }

    /// An option's last value.
    mutating func option(_ name: String) -> String? { used.insert(name); return options[name]?.last }

    /// A required option.
    mutating func required(_ name: String) throws -> String {
        guard let v = option(name), !v.isEmpty else { throw UsageError("missing --\(name)") }
        return v
    }

    /// An option that must be one of `choices`.
    mutating func choice(_ name: String, _ choices: [String], default def: String? = nil) throws -> String? {
        guard let v = option(name) else { return def }
        guard choices.contains(v) else {
            throw UsageError("--\(name) \(v): expected one of \(choices.joined(separator: ", "))")
        }
        return v
    }

    /// An integer option.
    mutating func int(_ name: String, range: ClosedRange<Int>? = nil) throws -> Int? {
        guard let v = option(name) else { return nil }
        guard let n = Int(v), range.map({ $0.contains(n) }) ?? true else {
            throw UsageError("--\(name) \(v): expected a whole number\(range.map { " from \($0.lowerBound) to \($0.upperBound)" } ?? "")")
        }
        return n
    }

    /// The positional at `index`, or a usage error naming `what`.
    func positional(_ index: Int, _ what: String) throws -> String {
        guard index < positionals.count else { throw UsageError("missing \(what)") }
        return positionals[index]
    }

    /// Fails on any option or switch that no code asked for (a typo must not pass silently).
    func rejectUnknown() throws {
        let given = Set(options.keys).union(flags)
        if let extra = given.subtracting(used).sorted().first {
            throw UsageError("unknown option --\(extra)")
        }
    }
}
