import XCTest
@testable import GridCLI

/// The whole command line: global options before and after the command, each command's own switches.
final class InvocationTests: XCTestCase {
    private func parse(_ words: [String]) throws -> Invocation { try Invocation(words, commands: commands) }

    func testGlobalOptionsBeforeAndAfterTheCommand() throws {
        var inv = try parse(["--db", "a.sqlite", "--read-only", "cases", "--open", "--lang=en", "--now", "2026-11-22T09:30:00+08:00"])
        XCTAssertEqual(inv.command?.name, "cases")
        XCTAssertEqual(inv.arguments.option("db"), "a.sqlite")
        XCTAssertEqual(inv.arguments.option("lang"), "en")
        XCTAssertEqual(inv.arguments.option("now"), "2026-11-22T09:30:00+08:00")
        XCTAssertTrue(inv.arguments.flag("read-only"))
        XCTAssertTrue(inv.arguments.flag("open"))
        XCTAssertTrue(inv.arguments.positionals.isEmpty)
    }

    func testAGlobalOptionRepeatedAfterTheCommandWins() throws {
        var inv = try parse(["--db", "first.sqlite", "grids", "--db", "second.sqlite"])
        XCTAssertEqual(inv.arguments.option("db"), "second.sqlite")
    }

    func testNoCommandIsTheConsoleWithItsSwitch() throws {
        var inv = try parse(["--db=x.sqlite"])
        XCTAssertNil(inv.command)
        XCTAssertFalse(inv.wantsGeneralHelp)
        XCTAssertEqual(inv.arguments.option("db"), "x.sqlite")
        XCTAssertFalse(inv.arguments.flag("no-bell"))
    }

    func testASwitchOfOneCommandTakesAValueInAnother() throws {
        // `pass` is a switch of `case` only: for `cases` it is an unknown option that takes a value.
        var caseInv = try parse(["case", "verify", "20261122-0001", "--pass", "--version", "3"])
        XCTAssertTrue(caseInv.arguments.flag("pass"))
        XCTAssertEqual(caseInv.arguments.positionals, ["verify", "20261122-0001"])
        let casesInv = try parse(["cases", "--pass", "x"])
        XCTAssertThrowsError(try casesInv.arguments.rejectUnknown()) {
            XCTAssertEqual($0 as? ParserError, .unknownOption("--pass"))
        }
    }

    func testAValueStartingWithDashesAfterAnOptionOfACommand() throws {
        var inv = try parse(["case", "comment", "7", "--note", "--open", "--version", "1"])
        XCTAssertEqual(inv.arguments.option("note"), "--open")
        XCTAssertEqual(inv.arguments.option("version"), "1")
    }

    func testReportTakesEveryKindsSwitches() throws {
        var inv = try parse(["report", "compliance", "--explain", "--grid", "DH-01"])
        XCTAssertTrue(inv.arguments.flag("explain"))
        XCTAssertEqual(inv.arguments.positionals, ["compliance"])
    }

    func testOnlyGlobalOptionsMayStandBeforeTheCommand() {
        XCTAssertThrowsError(try parse(["--open", "cases"])) { XCTAssertEqual($0 as? ParserError, .unknownOption("--open")) }
        XCTAssertThrowsError(try parse(["--db"])) { XCTAssertEqual($0 as? ParserError, .missingValue(option: "db")) }
        XCTAssertThrowsError(try parse(["cases", "--format"])) { XCTAssertEqual($0 as? ParserError, .missingValue(option: "format")) }
        XCTAssertThrowsError(try parse(["nosuch"])) { XCTAssertEqual($0 as? ParserError, .unknownCommand("nosuch")) }
    }

    func testDoubleDashBeforeTheCommand() throws {
        var inv = try parse(["--db", "x", "--", "grids", "--format", "csv"])
        XCTAssertEqual(inv.command?.name, "grids")
        XCTAssertEqual(inv.arguments.option("format"), "csv")
    }

    func testHelp() throws {
        XCTAssertTrue(try parse(["--help"]).wantsGeneralHelp)
        XCTAssertTrue(try parse(["-h"]).wantsGeneralHelp)
        var inv = try parse(["help", "cases"])
        XCTAssertFalse(inv.wantsGeneralHelp)
        XCTAssertEqual(inv.command?.name, "cases")
        XCTAssertTrue(inv.arguments.flag("help"))
        var after = try parse(["grids", "--help"])
        XCTAssertTrue(after.arguments.flag("help"))
    }

    func testEveryCommandNameIsUniqueAndNoSwitchIsAGlobalOption() {
        let names = commands.map { $0.name }
        XCTAssertEqual(Set(names).count, names.count)
        for c in commands {
            XCTAssertTrue(c.switches.isDisjoint(with: GlobalOptions.options), "\(c.name) declares a global option as a switch")
        }
    }
}
