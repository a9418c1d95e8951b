import Foundation
import GridCore
import GridStore

/// What every command shares: the database path, the fixed or real clock, the language and the OS user.
final class Context {
    /// Database path: `--db`, else `GRIDROOM_DB`, else `gridroom.sqlite` here.
    let dbPath: String
    /// "Now": `--now`, else `GRIDROOM_NOW`, else the wall clock (read once, here only).
    let now: Date
    /// Whether `now` was fixed by `--now`/`GRIDROOM_NOW`.
    let nowFixed: Bool
    /// Raw `--now` text, passed on to the console so it can run on a fixed or advancing clock.
    let nowText: String?
    /// Interface language (`--lang`, else `GRIDROOM_LANG`, else zh): console, messages and refusals.
    let language: Language
    /// The OS login name of the real user id. No flag or variable can change it.
    let login: String
    /// `--read-only` (or `GRIDROOM_READ_ONLY=1`): open the file without ever writing to it.
    let readOnly: Bool
    /// `GRIDROOM_DEMO_AS`: the staff login to act as (演练身份), on rehearsal files only (`actor`).
    let demoLogin: String?

    init(globals: inout Arguments) throws {
        let env = ProcessInfo.processInfo.environment
        dbPath = globals.option("db") ?? env["GRIDROOM_DB"] ?? "gridroom.sqlite"
        let nowRaw = globals.option("now") ?? env["GRIDROOM_NOW"]
        nowText = nowRaw
        if let nowRaw {
            guard let t = ISOTime.parse(nowRaw, zone: .shanghai) else {
                throw UsageError(zh: "--now \(nowRaw)：不是 ISO-8601 时间（例如 2026-11-22T09:30:00+08:00）", en: "--now \(nowRaw): not an ISO-8601 time (e.g. 2026-11-22T09:30:00+08:00)")
            }
            now = t; nowFixed = true
        } else {
            now = Date(); nowFixed = false
        }
        Output.now = now
        let envLang = env["GRIDROOM_LANG"].flatMap { $0.isEmpty ? nil : $0 }
        let l = globals.option("lang") ?? envLang ?? "zh"
        guard let parsed = Language(rawValue: l) else { throw ParserError.invalidValue(option: "lang", value: l, expected: .oneOf(["zh", "en"])) }
        language = parsed
        Output.language = parsed
        if let h = globals.option("headings") {
            guard let hl = Language(rawValue: h) else { throw ParserError.invalidValue(option: "headings", value: h, expected: .oneOf(["zh", "en"])) }
            Output.csvHeadings = hl
        }
        login = Context.osLogin()
        readOnly = globals.flag("read-only") || env["GRIDROOM_READ_ONLY"] == "1"
        demoLogin = env["GRIDROOM_DEMO_AS"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Who acts: the OS user's staff record, or on a rehearsal file the one `GRIDROOM_DEMO_AS` names (an
    /// active staff member; an unknown or switched-off login is refused, as is the variable on a live file).
    func actor(_ store: Store) throws -> Actor {
        guard let demoLogin else { return try store.actor(login: login) }
        return try store.demoActor(login: demoLogin)
    }

    /// The language for a message when the context could not be built: `--lang` among the words, else
    /// `GRIDROOM_LANG`, else zh.
    static func languageFromEnvironment(_ words: [String]) -> Language {
        if let i = words.firstIndex(of: "--lang"), i + 1 < words.count, let l = Language(rawValue: words[i + 1]) { return l }
        if let w = words.first(where: { $0.hasPrefix("--lang=") }), let l = Language(rawValue: String(w.dropFirst(7))) { return l }
        return ProcessInfo.processInfo.environment["GRIDROOM_LANG"].flatMap(Language.init(rawValue:)) ?? .zh
    }

    /// The login name of the real user id, from the password database.
    static func osLogin() -> String {
        let uid = getuid()
        if let pw = getpwuid(uid), let name = pw.pointee.pw_name { return String(cString: name) }
        return "uid\(uid)"
    }

    /// Opens the existing database (migrating it if older), or fails with a clear message.
    func openStore() throws -> Store {
        let store = try Store.open(path: dbPath, readOnly: readOnly)
        // Acting as someone else is for rehearsal files: on a live one the variable is refused by every command.
        if let demoLogin, !store.isRehearsal { throw StoreError.demoIdentity(login: demoLogin, problem: .liveFile(path: dbPath)) }
        Output.zone = store.zone
        Output.now = now(in: store.zone)
        return store
    }

    /// "Now" for a command that writes to `store`. On a live (正式) file writes take the operating system's clock,
    /// so a fixed clock (`--now`/`GRIDROOM_NOW`) is refused; on a rehearsal (演练) file it is used as given.
    func writeNow(_ store: Store, _ command: String) throws -> Date {
        guard nowFixed else { return Date() }
        guard store.mode.acceptsFixedClock else { throw StoreError.fixedClockOnLiveFile(path: dbPath, command: command) }
        return now(in: store.zone)
    }

    /// Re-reads `--now` text in the township's own zone once the store is open (text without offset is local).
    /// For reads ("as of" views and reports) on any file, and for writes only through `writeNow`.
    func now(in zone: TownshipZone) -> Date {
        guard let nowText, let t = ISOTime.parse(nowText, zone: zone) else { return now }
        return t
    }
}
