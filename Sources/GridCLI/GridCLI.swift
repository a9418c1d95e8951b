import CSQLite
import Foundation
import GridCore
import GridStore

// Every subcommand, in the order `gridroom --help` lists them.
let commands: [any Command.Type] = [
    ConsoleCommand.self, InitCommand.self, StaffCommand.self, CalendarCommand.self,
    ImportCommand.self, ImportsCommand.self,
    GridsCommand.self, WorkersCommand.self, DepartmentsCommand.self, CategoriesCommand.self,
    BackupCommand.self, CheckCommand.self, SweepCommand.self, DemoCommand.self, BenchCommand.self,
    PatrolCommand.self, CaseCommand.self, CasesCommand.self, LedgerCommand.self, ReportCommand.self, DutyCommand.self,
    SettingsCommand.self,
]

@MainActor func printUsage(_ language: Language = .en) {
    if language == .zh {
        var text = HelpWords.zhHead
        for c in commands { text += "  " + DisplayWidth.pad(c.name, to: 14) + HelpWords.summary(c.name, english: c.summary, .zh) + "\n" }
        print(text + HelpWords.zhTail, terminator: "")
        return
    }
    var text = """
    gridroom — the township grid-governance command room console

    usage: gridroom [--db PATH] [--now ISO-8601] [--lang zh|en] [COMMAND [ARGS]]

    With no command, opens the live console on the database.

    commands:

    """
    for c in commands { text += "  " + DisplayWidth.pad(c.name, to: 14) + c.summary + "\n" }
    text += """

    global options:
      --db PATH        database file (else $GRIDROOM_DB, else ./gridroom.sqlite)
      --now TIME       fix "now" (else $GRIDROOM_NOW), e.g. 2026-11-22T09:30:00+08:00; writes accept it
                       only on a rehearsal (演练) file, reads use it as "as of" on any file
      --lang zh|en     interface language of tables, messages, refusals and help (else $GRIDROOM_LANG, default zh)
      --headings zh|en CSV headings (default en: the English codes scripts and imports rely on; zh: Chinese)
      --read-only      open the file read-only (else $GRIDROOM_READ_ONLY=1): views work, writes are refused
      $GRIDROOM_DEMO_AS=LOGIN  rehearsal files only: act as that staff member (console and writes, audited so), e.g. duty1

    `gridroom COMMAND --help` describes a command. Exit status: 0 ok, 1 failure, 2 usage error.

    """
    print(text, terminator: "")
}

func fail(_ message: String, status: Int32) -> Never {
    // A message may quote what the user gave (a title, a CSV field): controls shown, never sent (TextSafety).
    // Not `write(_:)`, which traps when the terminal is gone (EIO after a hang-up): the message is lost, not the exit.
    Output.toStandardError("gridroom: " + TextSafety.escaped(message, keepNewlines: true) + "\n")
    exit(status)
}

/// The database path as `Context` reads it, for an error met before or outside a context.
func dbPathForDamage(_ arguments: [String]) -> String {
    if let i = arguments.firstIndex(of: "--db"), i + 1 < arguments.count { return arguments[i + 1] }
    if let a = arguments.first(where: { $0.hasPrefix("--db=") }) { return String(a.dropFirst(5)) }
    return ProcessInfo.processInfo.environment["GRIDROOM_DB"] ?? "gridroom.sqlite"
}

/// The command line as a library: `main.swift` only hands it the words.
public enum GridCLI {
    /// Parses `arguments` (the words after the program name), runs the command and exits with its status.
    @MainActor public static func main(_ arguments: [String]) -> Never {
        do {
            var invocation = try Invocation(arguments, commands: commands)
            if invocation.wantsGeneralHelp { printUsage(Context.languageFromEnvironment(arguments)); exit(0) }
            let ctx = try Context(globals: &invocation.arguments)
            guard let command = invocation.command else {
                exit(try ConsoleCommand.run(ctx, &invocation.arguments))
            }
            if invocation.arguments.flag("help") { print(command.usage(ctx.language)); exit(0) }
            let status = try command.run(ctx, &invocation.arguments)
            fflush(nil)
            exit(status)
        } catch let e as ParserError {
            fflush(nil)
            fail(e.words(Context.languageFromEnvironment(arguments)), status: 2)
        } catch let e as UsageError {
            fflush(nil)
            fail(e.message(Context.languageFromEnvironment(arguments)), status: 2)
        } catch let e as DatabaseError where e.primaryCode == SQLITE_CORRUPT {
            // Met damage mid-command: say so, and keep later writes off the file until a check passes.
            fflush(nil)
            let path = dbPathForDamage(arguments)
            Store.markDamaged(path: path, detail: e.message)
            fail(ErrorWording.words(StoreError.damaged(path: path, reason: e.message), Context.languageFromEnvironment(arguments)), status: 1)
        } catch StoreError.damaged(let path, let detail) {
            fflush(nil)
            Store.markDamaged(path: path, detail: detail)
            fail(ErrorWording.words(StoreError.damaged(path: path, reason: detail), Context.languageFromEnvironment(arguments)), status: 1)
        } catch {
            fflush(nil)
            fail(ErrorWording.words(error, Context.languageFromEnvironment(arguments)), status: 1)
        }
    }
}
