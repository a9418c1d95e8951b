import Foundation
import GridCore
import GridStore

/// Starting and finishing a move from any screen: the dialog it asks through, and the write through
/// `ConsoleActions.perform` (the same store call as the command line, with the version the screen showed).
enum ConsoleMoves {
    /// The dialog for `move` on `detail`: dispatch offers `departments` with the category's default chosen — after
    /// a return too, when the department it came back from was the wrong one.
    static func dialog(_ move: MoveChoice, _ detail: MatterDetail, departments: [(code: String, name: String)]) -> MoveDialog {
        MoveDialog(move: move, number: detail.row.number, departments: departments.map { .init(code: $0.code, label: $0.name) },
                   preselected: detail.defaultDepartment)
    }

    /// Performs the move. A merge target that is not a case number is searched among the other matters: one
    /// match is taken, none or several are refused with what was found.
    static func perform(_ move: MoveChoice, _ detail: MatterDetail, _ input: MoveInput, _ app: ConsoleApp) -> Outcome {
        let t = app.strings
        var input = input
        do {
            if let target = input.into, try app.store.matter(number: target) == nil {
                let found = try app.store.searchMatters(MatterQuery(words: target.split(separator: " ").map(String.init)), limit: 6)
                    .map(\.number).filter { $0 != detail.row.number }
                guard !found.isEmpty else { return .message(t.f("merge.none", target)) }
                guard found.count == 1 else { return .message(t.f("merge.many", target, found.prefix(5).joined(separator: "、"))) }
                input.into = found[0]
                if input.note.isEmpty { input.note = t["move.merge"] + " " + found[0] }
            }
            // `writing` says 等待数据库… at once when another process holds the lock, and names it after the timeout.
            return .wrote(try app.writing { try app.actions.perform(move, detail, input, app.actor, app.now) })
        } catch {
            return .message(t["error.prefix"] + ErrorWording.words(error, t, zone: app.store.zone))
        }
    }
}
