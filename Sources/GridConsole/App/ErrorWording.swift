import GridCore
import GridStore

/// How the console words an error (控制台的出错提示): the cases about what a person types here are worded with
/// the console's keys and prompts; every other case takes the store's shared wording, in the console's language.
enum ErrorWording {
    /// The error in words for the status line.
    static func words(_ error: Error, _ t: Strings, zone: TownshipZone) -> String {
        let zh = t.language == .zh
        if let v = error as? ValidationError { return v.words(t.language) }
        if let u = error as? UnsafeTextError { return u.words(t.language) }
        if let b = error as? ConsoleBusyError { return b.description }   // already in the console's language
        guard let e = error as? StoreError else {
            return zh ? "内部错误：\(error)" : "internal error: \(error)"
        }
        switch e {
        case let .missingReason(number, move):
            return zh ? "\(number)：\(t.name(move))需要说明，请先输入理由再按 Enter" : "\(number): \(t.name(move)) needs a reason; type it, then Enter"
        case let .missingValue(number, _, .mergeTarget):
            return zh ? "\(number)：请输入要并入的案件编号，再按 Enter" : "\(number): type the number of the matter it duplicates, then Enter"
        case let .missingValue(number, _, .extensionDays):
            let r = TimeRules.extensionDays
            return zh ? "\(number)：延期工作日数须在 \(r.lowerBound)–\(r.upperBound) 之间"
                : "\(number): the working days must be \(r.lowerBound)–\(r.upperBound)"
        case let .possibleDuplicate(of):
            return t.f("form.duplicate", of)
        case let .staleVersion(number, who, when, _, _):
            return zh ? "\(number) 已被 \(who) 于 \(PeopleTime.dated(when, now: when, zone: zone)) 改动；页面已过时，按 Ctrl-L 刷新后再办理"
                : "\(number) was changed by \(who) at \(PeopleTime.dated(when, now: when, zone: zone)); press Ctrl-L to reload, then try again"
        case .noShift:
            return zh ? "当前没有进行中的班次；请先按 s 接班" : "no shift is under way; press s to start one"
        case let .refusedRole(login, action, nil, _):
            return zh ? "\(login) 不在指挥室人员名单中，不能\(t.name(action))；只能查看" : "\(login) is not on the staff and may not \(t.name(action)); viewing only"
        default:
            return e.words(t.language, zone: zone)
        }
    }
}
