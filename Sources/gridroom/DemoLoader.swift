import Foundation
import GridCore
import GridStore

/// Loads the demo township from `Data/` through the same importers a user runs.
enum DemoLoader {
    /// `Data/` beside the executable's package, or in the current directory.
    static func defaultDataDir() -> String {
        if let env = ProcessInfo.processInfo.environment["GRIDROOM_DATA"] { return env }
        return "Data"
    }

    static func load(into store: Store, dataDir: String, actor: Actor, now: Date) throws {
        // Filled by the registry import work.
    }
}
