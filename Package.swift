// swift-tools-version:6.0
import PackageDescription

// GridRoom: a terminal console for a township's grid-governance command room.
// No package dependencies: only the system libraries ncursesw and sqlite3.
let package = Package(
    name: "GridRoom",
    products: [
        .executable(name: "gridroom", targets: ["gridroom"]),
    ],
    targets: [
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        .target(name: "GridCore", path: "Sources/GridCore"),
        .target(name: "GridStore", dependencies: ["GridCore", "CSQLite"], path: "Sources/GridStore"),
        .target(name: "GridConsole", dependencies: ["GridCore", "GridStore", "CNcursesw"], path: "Sources/GridConsole"),
        .target(name: "GridCLI", dependencies: ["GridCore", "GridStore", "GridConsole"], path: "Sources/GridCLI"),
        .executableTarget(name: "gridroom", dependencies: ["GridCLI"], path: "Sources/gridroom"),
        // Fixtures, dumps and harnesses shared by the test targets (no @testable: it is built in every configuration).
        .target(name: "GridTestSupport", dependencies: ["GridCore", "GridStore"], path: "Tests/GridTestSupport"),
        .testTarget(name: "GridCoreTests", dependencies: ["GridCore"], path: "Tests/GridCoreTests"),
        .testTarget(name: "GridStoreTests", dependencies: ["GridCore", "GridStore", "CSQLite", "GridTestSupport"], path: "Tests/GridStoreTests"),
        .testTarget(name: "GridConsoleTests", dependencies: ["GridCore", "GridStore", "GridConsole", "CNcursesw", "GridTestSupport"], path: "Tests/GridConsoleTests"),
        .testTarget(name: "GridCLITests", dependencies: ["GridCLI"], path: "Tests/GridCLITests"),
        .testTarget(name: "EndToEndTests", dependencies: ["GridCore", "GridStore", "CSQLite", "GridTestSupport"], path: "Tests/EndToEndTests"),
    ],
    swiftLanguageModes: [.v6]
)
