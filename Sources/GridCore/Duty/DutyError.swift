/// Why a duty write (值班操作) was refused; each case says what to do next.
public enum DutyError: Error, CustomStringConvertible, Sendable, Equatable {
    /// No shift is under way, and the write needs one (a note, an acknowledgement, an end).
    case noShiftOpen
    /// Another officer's shift is open; starting one takes it over only when asked to (`--take-over`, or `y` in the console).
    case shiftOpen(id: Int, login: String, since: String)
    /// The person starting a shift is already the one on duty.
    case alreadyOnDuty(login: String)
    /// The open shift is not the one the caller saw (someone started, took over or ended a shift meanwhile).
    case shiftChanged(expected: Int?, found: Int?)
    /// Only the officer on duty writes the shift's note or acknowledges the handover.
    case notTheOfficer(login: String, officer: String)
    /// There is no earlier shift whose handover could be acknowledged.
    case nothingToAcknowledge
    /// The handover was acknowledged already.
    case alreadyAcknowledged(shift: Int, by: String, at: String)
    /// A note or other typed text was refused (control characters, length), naming the field.
    case badText(field: String, reason: String)
    /// A roster shift name that is not one of the periods.
    case unknownPeriod(name: String, known: String)
    /// A roster entry that cannot stand (unknown or inactive staff, deputy the same as the officer, bad date).
    case badRoster(String)
    /// A duty setting with a bad value.
    case badSetting(key: String, reason: String)

    public var description: String {
        switch self {
        case .noShiftOpen:
            return "no shift is under way; start one first (`gridroom duty start`, or s on the Duty screen)"
        case let .shiftOpen(id, login, since):
            return "shift \(id) of \(login) is open since \(since); `gridroom duty start --take-over` ends it (its note kept) and starts yours"
        case let .alreadyOnDuty(login):
            return "\(login) is already on duty; end the shift first to start another"
        case let .shiftChanged(expected, found):
            func name(_ id: Int?) -> String { id.map { "shift \($0)" } ?? "no open shift" }
            return "the shift changed meanwhile (you saw \(name(expected)), now there is \(name(found))); reload and try again"
        case let .notTheOfficer(login, officer):
            return "\(login) is not the officer on duty (\(officer) is); only they write this shift's note and acknowledge the handover"
        case .nothingToAcknowledge:
            return "there is no earlier shift whose handover could be acknowledged"
        case let .alreadyAcknowledged(shift, by, at):
            return "the handover of shift \(shift) was acknowledged by \(by) at \(at)"
        case let .badText(field, reason):
            return "\(field): \(reason)"
        case let .unknownPeriod(name, known):
            return "shift \"\(name)\": expected one of \(known) (periods are set by `gridroom duty settings duty.periods …`)"
        case let .badRoster(text):
            return text
        case let .badSetting(key, reason):
            return "setting \(key): \(reason)"
        }
    }
}
