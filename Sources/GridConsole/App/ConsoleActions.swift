import Foundation
import GridCore
import GridStore

/// A move offered on the matter page (办理操作).
public struct MoveChoice: Sendable, Equatable {
    /// Identifier (the move's history kind: `dispatch`, `urge`, `extend_approve`, …).
    public var id: String
    /// What is shown.
    public var label: String
    /// Whether the move needs a note typed first.
    public var needsNote: Bool
    /// What the move asks before its note, in order (a department, an urge level, working days, a merge target).
    public var asks: [MoveInput.Ask]
    /// Creates a choice.
    public init(id: String, label: String, needsNote: Bool = false, asks: [MoveInput.Ask] = []) {
        self.id = id; self.label = label; self.needsNote = needsNote; self.asks = asks
    }
}

/// What the operator gave a move in the console: the note, and what the move asked for.
public struct MoveInput: Sendable, Equatable, ExpressibleByStringLiteral {
    /// Something a move asks for before its note.
    public enum Ask: Sendable, Equatable {
        /// The department to dispatch to (the category's default pre-selected).
        case department
        /// The urge level (普通/黄牌/红牌).
        case urgeLevel
        /// Working days of an extension.
        case days
        /// The matter to merge into, by number or by a search.
        case mergeTarget
        /// Co-handling departments (协办), asked after the lead department when Tab is pressed there.
        case coHandlers
    }
    /// Note or reason.
    public var note: String
    /// Department code (dispatch).
    public var department: String?
    /// Urge level.
    public var level: UrgeLevel?
    /// Working days (extension request).
    public var days: Int?
    /// Case number to merge into.
    public var into: String?
    /// Co-handling department codes (dispatch, 协办); the lead department is never among them.
    public var coHandlers: [String] = []

    /// An input with only a note.
    public init(note: String = "", department: String? = nil, level: UrgeLevel? = nil, days: Int? = nil, into: String? = nil) {
        self.note = note; self.department = department; self.level = level; self.days = days; self.into = into
    }
    /// A note written as a literal (tests, simple moves).
    public init(stringLiteral note: String) { self.init(note: note) }
}

/// A new matter as the form collects it.
public struct MatterDraft: Sendable, Equatable {
    /// Codes and texts typed into the form.
    public var grid = "", category = "", department = "", source = "hotline", title = "", description = "", location = "", reporter = ""
    /// Urgency code (`urgent` / `normal`); empty takes the category's default.
    public var urgency = ""
    /// When it was reported (nil: now).
    public var reportedAt: Date?
    /// The caller's name and phone, and the hotline work-order number (all may be empty).
    public var callerName = "", callerPhone = "", orderNo = ""
    /// Creates an empty draft.
    public init() {}
}

/// The writes the console can make, supplied by whoever knows the matter lifecycle's API.
/// Each returns a short message for the status line or throws a message to show.
public struct ConsoleActions {
    /// The moves allowed for a matter in its state for an actor.
    public var allowedMoves: (_ detail: MatterDetail, _ actor: Actor, _ strings: Strings) -> [MoveChoice]
    /// Performs a move (with the matter's version for the conflict check).
    public var perform: (_ move: MoveChoice, _ detail: MatterDetail, _ input: MoveInput, _ actor: Actor, _ now: Date) throws -> String
    /// Takes in a new matter and dispatches it when the draft names a department, in one store call;
    /// unless `force`, a possible duplicate refuses the save (`StoreError.possibleDuplicate`). Returns the case number.
    public var intake: (_ draft: MatterDraft, _ force: Bool, _ actor: Actor, _ now: Date) throws -> String
    /// Possible duplicates of a draft (case numbers), checked before saving.
    public var duplicates: (_ draft: MatterDraft, _ now: Date) throws -> [String]

    /// Creates the actions.
    public init(allowedMoves: @escaping (MatterDetail, Actor, Strings) -> [MoveChoice],
                perform: @escaping (MoveChoice, MatterDetail, MoveInput, Actor, Date) throws -> String,
                intake: @escaping (MatterDraft, Bool, Actor, Date) throws -> String,
                duplicates: @escaping (MatterDraft, Date) throws -> [String]) {
        self.allowedMoves = allowedMoves; self.perform = perform; self.intake = intake; self.duplicates = duplicates
    }

    /// No writes: what a read-only console or a build without the lifecycle uses.
    public static var none: ConsoleActions { ConsoleActions(
        allowedMoves: { _, _, _ in [] },
        perform: { _, _, _, _, _ in throw StoreError.unavailable(feature: "moves") },
        intake: { _, _, _, _ in throw StoreError.unavailable(feature: "intake") },
        duplicates: { _, _ in [] }) }
}
