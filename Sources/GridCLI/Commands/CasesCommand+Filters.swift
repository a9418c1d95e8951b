import Foundation
import GridCore
import GridStore

/// The ledger filters of `gridroom cases` (台账筛选): a period by reported, closed or event time, states,
/// channels, a major class, and a category by code or name. An unknown value is a usage error listing the
/// accepted ones, never an empty list with exit 0.
struct CasesFilterWords {
    var from: String?, to: String?, by: String?, states: String?, sources: String?, major: String?, category: String?

    /// Reads the words (before `rejectUnknown`).
    init(_ args: inout Arguments) {
        from = args.option("from"); to = args.option("to"); by = args.option("by")
        states = args.option("state"); sources = args.option("source"); major = args.option("major-class")
        category = args.option("category")
    }

    /// Resolves them against the registry into `f`.
    func apply(to f: inout MatterFilter, store: Store, language: Language) throws {
        func day(_ flag: String, _ t: String?) throws -> LocalDate? {
            guard let t else { return nil }
            guard let d = LocalDate(iso: t) else { throw UsageError(zh: "--\(flag) \(t)：应为 YYYY-MM-DD，例如 2026-11-01", en: "--\(flag) \(t): expected YYYY-MM-DD, e.g. 2026-11-01") }
            return d
        }
        f.from = try day("from", from); f.through = try day("to", to)
        if let a = f.from, let b = f.through, a > b { throw UsageError(zh: "--from \(from!) 晚于 --to \(to!)", en: "--from \(from!) is after --to \(to!)") }
        if let by {
            guard let basis = MatterTimeBasis(rawValue: by) else {
                throw UsageError(zh: "--by \(by)：应为以下之一：\(MatterTimeBasis.allCases.map(\.rawValue).joined(separator: "、"))", en: "--by \(by): expected one of \(MatterTimeBasis.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard f.from != nil || f.through != nil else { throw UsageError(zh: "--by \(by) 需要 --from 和/或 --to", en: "--by \(by) needs --from and/or --to") }
            f.basis = basis
        }
        func list<E: NamedCode & Hashable>(_ flag: String, _ text: String?, _ type: E.Type) throws -> Set<E>? {
            guard let text else { return nil }
            var out: Set<E> = []
            for w in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !w.isEmpty {
                guard let v = E(codeOrName: w) else { throw UsageError(zh: "--\(flag) \(w)：应为以下之一：\(E.choices(.zh))", en: "--\(flag) \(w): expected one of \(E.choices(.en))") }
                out.insert(v)
            }
            guard !out.isEmpty else { throw UsageError(zh: "--\(flag)：应为以下之一：\(E.choices(.zh))", en: "--\(flag): expected one of \(E.choices(.en))") }
            return out
        }
        f.states = try list("state", states, MatterState.self)
        f.sources = try list("source", sources, MatterSource.self)
        guard major != nil || category != nil else { return }
        let categories = try store.categories()
        let majors = Array(Set(categories.map(\.major))).sorted()
        if let major {
            guard majors.contains(major) else { throw UsageError(zh: "--major-class \(major)：应为以下之一：\(majors.joined(separator: "、"))", en: "--major-class \(major): expected one of \(majors.joined(separator: ", "))") }
            f.majorClass = major
        }
        if let c = category {
            // A code, a category's name (小类), or a major class's name (大类: every category under it).
            if categories.contains(where: { $0.code == c }) { f.category = c }
            else if let hit = categories.first(where: { $0.name == c }) { f.category = hit.code }
            else if majors.contains(c) { f.majorClass = c }
            else {
                let accepted = categories.map { "\($0.code) (\($0.name))" } + majors
                throw UsageError(zh: "--category \(c)：应为类别编码或名称，或大类：\(accepted.joined(separator: "、"))", en: "--category \(c): expected a category code or name, or a major class: \(accepted.joined(separator: ", "))")
            }
        }
    }
}
