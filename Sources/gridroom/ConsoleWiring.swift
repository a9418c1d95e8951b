import Foundation
import GridCore
import GridStore
import GridConsole

/// Connects the console's writes to the matter lifecycle (GridCore rules, GridStore moves).
enum ConsoleWiring {
    static func actions(store: Store) -> ConsoleActions {
        .none
    }
}
