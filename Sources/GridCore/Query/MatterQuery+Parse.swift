extension MatterQuery {
    /// Parses the `/` filter syntax: words, and `state:` `grid:` `dept:` `cat:` `from:` `to:` terms separated by
    /// spaces (ASCII or full-width). Values are codes or the names shown on screen; a name may be given in part
    /// when only one thing bears it. `state:` takes a state code or name, `open` / `在办` (the default), `ended` /
    /// `已结束` or `all` / `全部`, and may be repeated (`state:new state:closed`). A word that is not a term is a
    /// search word; a word with a colon whose prefix is not a term is refused (a mistyped term must not silently
    /// become a word that matches nothing).
    public static func parse(_ text: String, vocabulary: MatterQueryVocabulary) throws(MatterQueryError) -> MatterQuery {
        var q = MatterQuery()
        var named: Set<MatterState> = [], anyState = false, stateGiven = false
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }).map(String.init) {
            guard let colon = word.firstIndex(where: { $0 == ":" || $0 == "：" }) else { q.words.append(word); continue }
            let term = String(word[..<colon]).lowercased()
            let value = String(word[word.index(after: colon)...])
            // A colon inside a word that does not start like a term (a time "08:30", a URL) is text.
            guard term.allSatisfy({ $0.isASCII && $0.isLetter }), !term.isEmpty else { q.words.append(word); continue }
            switch term {
            case "state":
                stateGiven = true
                if let found = try stateSet(value, vocabulary: vocabulary) { named.formUnion(found) } else { anyState = true }
            case "grid": q.grid = try resolve(term, value, vocabulary.grids)
            case "dept": q.department = try resolve(term, value, vocabulary.departments)
            case "cat": q.category = try resolve(term, value, vocabulary.categories)
            case "from", "to":
                guard let d = LocalDate(iso: value) else { throw .badDate(term: term, value: value) }
                if term == "from" { q.from = d } else { q.to = d }
            default: throw .unknownTerm(term)
            }
        }
        if let f = q.from, let t = q.to, t < f { throw .badDate(term: "to", value: t.description) }
        if stateGiven { q.states = anyState ? nil : named }
        return q
    }

    /// The states one `state:` value names; nil means every state.
    static func stateSet(_ value: String, vocabulary: MatterQueryVocabulary) throws(MatterQueryError) -> Set<MatterState>? {
        switch value.lowercased() {
        case "all", "全部": return nil
        case "open", "在办": return openStates
        case "ended", "已结束": return Set(MatterState.allCases.filter { !$0.isOpen })
        default: break
        }
        for s in MatterState.allCases {
            let names = [s.rawValue, s.names.zh, s.names.en] + (vocabulary.stateLabels[s] ?? [])
            if names.contains(where: { $0.lowercased() == value.lowercased() }) { return [s] }
        }
        let accepted = ["open/在办", "ended/已结束", "all/全部"] + MatterState.allCases.map { s in
            ([s.rawValue] + Set([s.names.zh, s.names.en] + (vocabulary.stateLabels[s] ?? [])).subtracting([s.rawValue]).sorted()).joined(separator: "/")
        }
        throw .unknownValue(term: "state", value: value, accepted: accepted)
    }

    /// A registry value by code (exact, any case) or name (exact, else the one name containing it).
    static func resolve(_ term: String, _ value: String, _ rows: [(code: String, name: String)]) throws(MatterQueryError) -> String {
        if let r = rows.first(where: { $0.code.lowercased() == value.lowercased() || $0.name == value }) { return r.code }
        let partial = rows.filter { !value.isEmpty && $0.name.contains(value) }
        if partial.count == 1 { return partial[0].code }
        if partial.count > 1 { throw .ambiguous(term: term, value: value, matches: partial.map { "\($0.code) \($0.name)" }) }
        throw .unknownValue(term: term, value: value, accepted: rows.map { "\($0.code) \($0.name)" })
    }
}
