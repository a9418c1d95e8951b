import Foundation
import GridCore

/// Why a duty write (值班操作) was refused, as data; `StoreError.duty` carries it. A shift that is not under way
/// is `StoreError.noShift`; a bad duty setting `StoreError.badSetting`.
public enum DutyProblem: Sendable, Equatable {
    /// Another officer's shift is open; starting one takes it over only when asked to (the person said yes).
    case shiftOpen(id: Int, login: String, since: Date)
    /// The person starting a shift is already the one on duty.
    case alreadyOnDuty(login: String)
    /// The open shift is not the one the caller saw (someone started, took over or ended a shift meanwhile).
    case shiftChanged(expected: Int?, found: Int?)
    /// Only the officer on duty writes the shift's note and acknowledges the hand-over.
    case notTheOfficer(login: String, officer: String)
    /// There is no earlier shift whose hand-over could be acknowledged.
    case nothingToAcknowledge
    /// The hand-over of `shift` was acknowledged already, by `by` at `at`.
    case alreadyAcknowledged(shift: Int, by: String, at: Date)
    /// A roster shift name that is none of the periods (`known`).
    case unknownPeriod(name: String, known: [String])
    /// A roster entry that cannot stand: the column and the rule's message (as in import reports).
    case badRoster(column: String, message: Phrase)

    /// The shared wording (no flag, no key: the front ends word `shiftOpen` with their own way to take over).
    public func words(_ language: Language, zone: TownshipZone) -> String {
        let zh = language == .zh
        func t(_ d: Date) -> String { ISOTime.formatShort(d, zone: zone) }
        switch self {
        case let .shiftOpen(id, login, since):
            return zh ? "班次 \(id)（\(login)，\(t(since)) 起）尚未交班；接管会结束它（保留其交班记录）"
                : "shift \(id) of \(login) is open since \(t(since)); taking it over ends it (its note kept)"
        case let .alreadyOnDuty(login):
            return zh ? "\(login) 已在值班；先交班才能重新接班" : "\(login) is already on duty; end the shift first to start another"
        case let .shiftChanged(expected, found):
            func name(_ id: Int?) -> String { id.map { zh ? "班次 \($0)" : "shift \($0)" } ?? (zh ? "无人值班" : "no open shift") }
            return zh ? "班次已变化（你看到的是\(name(expected))，现在是\(name(found))）；请刷新后再试"
                : "the shift changed meanwhile (you saw \(name(expected)), now there is \(name(found))); reload and try again"
        case let .notTheOfficer(login, officer):
            return zh ? "\(login) 不是当班值班人（\(officer) 是）；只有值班人写交班记录、做接班确认"
                : "\(login) is not the officer on duty (\(officer) is); only they write this shift's note and acknowledge the hand-over"
        case .nothingToAcknowledge:
            return zh ? "没有可确认的上一班交接" : "there is no earlier shift whose hand-over could be acknowledged"
        case let .alreadyAcknowledged(shift, by, at):
            return zh ? "班次 \(shift) 的交接已由 \(by) 于 \(t(at)) 确认" : "the hand-over of shift \(shift) was acknowledged by \(by) at \(t(at))"
        case let .unknownPeriod(name, known):
            return zh ? "班次「\(name)」：应为 \(known.joined(separator: "、"))（班次在设置 duty.periods 中定义）"
                : "shift \"\(name)\": expected one of \(known.joined(separator: ", ")) (periods are set in duty.periods)"
        case let .badRoster(column, message):
            return zh ? "\(column)：\(message.zh)" : "\(column): \(message.en)"
        }
    }
}
