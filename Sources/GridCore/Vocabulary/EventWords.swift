import Foundation

/// One history event in words for people (流转记录的说明), the same on the matter page and in `case show`.
///
/// The stored note is only what a person typed; what the system knows (urge level, extension days, the
/// stage gone overdue, the merge target) is worded here from the event's fields in the reader's language,
/// so nothing English is stored into a Chinese history.
public enum EventWords {
    /// The move column: the kind's name, with the urge level for urges (`黄牌督办`).
    public static func kind(_ e: MatterEvent, _ language: Language) -> String {
        if e.kind == .urge, let l = e.level { return l.displayName(language) }
        return e.kind.displayName(language)
    }

    /// The note column: the event's facts, then the person's note. `mergedInto` is the matter's merge target.
    public static func note(_ e: MatterEvent, mergedInto: String?, _ language: Language) -> String {
        let zh = language == .zh
        var facts: [String] = []
        switch e.kind {
        case .overdue:
            if let s = e.stage { facts.append(zh ? "\(s.displayName(.zh))环节超期" : "\(s.displayName(.en)) stage overdue") }
        case .extendRequest, .extendApprove, .extendRefuse:
            if let d = e.extensionDays {
                let days = "\(d)\(DurationUnit.workingDay.displayName(language))"
                facts.append(e.kind == .extendApprove ? "+" + days : days)
            }
        case .merge:
            if let m = mergedInto { facts.append((zh ? "并入 " : "into ") + m) }
        default:
            break
        }
        let note = e.note.trimmingCharacters(in: .whitespacesAndNewlines)
        if !note.isEmpty { facts.append(note) }
        return facts.joined(separator: zh ? "：" : ": ")
    }
}
