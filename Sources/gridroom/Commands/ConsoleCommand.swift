import Foundation
import GridCore
import GridStore
import GridConsole

/// No command: the live console.
enum ConsoleCommand: Command {
    static let name = "console"
    static let summary = "open the live console (the default with no command)"
    static let usage = "usage: gridroom [--db PATH] [--lang zh|en] [console]"

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        try args.rejectUnknown()
        let store = try ctx.openStore()
        _ = store
        FileHandle.standardError.write("gridroom: the console is not built yet\n".data(using: .utf8)!)
        return 1
    }
}
