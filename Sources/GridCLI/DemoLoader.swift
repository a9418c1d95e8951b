import Foundation
import GridCore
import GridStore

/// Loads the demo township (东湖镇) from `Data/` through the same importers a user runs.
enum DemoLoader {
    /// The four registry files, in the order their references need.
    static let files: [(kind: String, file: String)] = [
        ("departments", "departments.csv"), ("grids", "grids.csv"), ("categories", "categories.csv"), ("workers", "workers.csv"),
    ]

    /// Demo console users: login, display name, role.
    static let demoStaff: [Staff] = [
        Staff(login: "operator1", name: "陈晓燕", role: .operator_),
        Staff(login: "operator2", name: "刘志明", role: .operator_),
        Staff(login: "duty1", name: "王建国", role: .dutyOfficer),
        Staff(login: "supervisor1", name: "张卫东", role: .supervisor),
    ]

    /// `$GRIDROOM_DATA`, else `Data/` here, else the first `Data/` holding `grids.csv` found walking up
    /// from the executable (so `init --demo` works from any directory in a checkout).
    static func defaultDataDir() -> String {
        if let env = ProcessInfo.processInfo.environment["GRIDROOM_DATA"] { return env }
        let fm = FileManager.default
        if fm.fileExists(atPath: "Data/grids.csv") { return "Data" }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        if let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        }
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("Data")
            if fm.fileExists(atPath: candidate.appendingPathComponent("grids.csv").path) { return candidate.path }
            dir = dir.deletingLastPathComponent()
        }
        return "Data"
    }

    /// Imports the four files (departments, grids, categories, workers) and adds the demo staff.
    static func load(into store: Store, dataDir: String, actor: Actor, now: Date, quiet: Bool = false) throws {
        for (kind, file) in files {
            let path = (dataDir as NSString).appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: path) else {
                throw CLIError.demoDataMissing(path: path)
            }
            guard let kindEntry = ImportCommand.kinds.first(where: { $0.name == kind }) else { continue }
            let report = try kindEntry.run(store, path, ImportOptions(), actor, now)
            if !quiet { print(ImportCommand.summary(report, Output.language)) }
        }
        let existing = Set(try store.staffList().map(\.login))
        for s in demoStaff where !existing.contains(s.login) {
            try store.addStaff(s, by: actor, now: now)
        }
        if !quiet {
            let l = Output.language
            print(l.pick("演示人员：", "demo staff: ") + demoStaff.map { "\($0.login)" + l.pick("（\($0.role.displayName(.zh))）", " (\($0.role.rawValue))") }
                .joined(separator: l.pick("、", ", ")))
        }
    }
}
