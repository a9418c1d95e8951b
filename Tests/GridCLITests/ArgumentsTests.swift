import XCTest
@testable import GridCLI

/// The parser of the words after the command name: switches as declared, values whatever they look like.
final class ArgumentsTests: XCTestCase {
    private let switches: Set<String> = ["open", "pass"]

    func testOptionTakesTheNextWordEvenWhenItStartsWithDashes() throws {
        var a = try Arguments(["--note", "--pass", "--title", "--", "12"], switches: switches)
        XCTAssertEqual(a.option("note"), "--pass")
        XCTAssertEqual(a.option("title"), "--")
        XCTAssertFalse(a.flag("pass"))
        XCTAssertEqual(a.positionals, ["12"])
        XCTAssertNoThrow(try a.rejectUnknown())
    }

    func testEqualsGivesTheValueInTheSameWordIncludingEmptyAndFurtherEquals() throws {
        var a = try Arguments(["--note=a=b", "--title=", "--db=--x"], switches: switches)
        XCTAssertEqual(a.option("note"), "a=b")
        XCTAssertEqual(a.option("title"), "")
        XCTAssertEqual(a.option("db"), "--x")
    }

    func testDoubleDashEndsTheOptions() throws {
        var a = try Arguments(["--open", "--", "--pass", "--note", "x"], switches: switches)
        XCTAssertTrue(a.flag("open"))
        XCTAssertFalse(a.flag("pass"))
        XCTAssertNil(a.option("note"))
        XCTAssertEqual(a.positionals, ["--pass", "--note", "x"])
    }

    func testRepeatedOptionKeepsEveryValueAndTheLastWins() throws {
        var a = try Arguments(["--grid", "A", "x", "--grid", "B", "--open", "--open"], switches: switches)
        XCTAssertEqual(a.option("grid"), "B")
        XCTAssertEqual(a.options("grid"), ["A", "B"])
        XCTAssertTrue(a.flag("open"))
        XCTAssertEqual(a.positionals, ["x"])
    }

    func testMissingValueAtTheEnd() {
        XCTAssertThrowsError(try Arguments(["12", "--note"], switches: switches)) {
            XCTAssertEqual($0 as? ParserError, .missingValue(option: "note"))
        }
    }

    func testSwitchGivenAValueIsRefused() {
        XCTAssertThrowsError(try Arguments(["--open=yes"], switches: switches)) {
            XCTAssertEqual($0 as? ParserError, .unexpectedValue(option: "open", value: "yes"))
        }
    }

    func testSingleDashAndNegativeNumbersArePositionals() throws {
        let a = try Arguments(["-", "-3"], switches: switches)
        XCTAssertEqual(a.positionals, ["-", "-3"])
    }

    func testAnOptionNoCodeAskedForIsUnknown() throws {
        var a = try Arguments(["--open", "--colour", "red"], switches: switches)
        _ = a.flag("open")
        XCTAssertThrowsError(try a.rejectUnknown()) { XCTAssertEqual($0 as? ParserError, .unknownOption("--colour")) }
        _ = a.option("colour")
        XCTAssertNoThrow(try a.rejectUnknown())
    }

    func testAnUnaskedSwitchIsUnknownToo() throws {
        let a = try Arguments(["--pass"], switches: switches)
        XCTAssertThrowsError(try a.rejectUnknown()) { XCTAssertEqual($0 as? ParserError, .unknownOption("--pass")) }
    }

    func testTypedValueErrors() throws {
        var a = try Arguments(["--days", "x", "--format", "xml", "--n", "70"], switches: [])
        XCTAssertThrowsError(try a.int("days")) {
            XCTAssertEqual($0 as? ParserError, .invalidValue(option: "days", value: "x", expected: .wholeNumber(nil)))
        }
        XCTAssertThrowsError(try a.choice("format", ["csv", "json"])) {
            XCTAssertEqual($0 as? ParserError, .invalidValue(option: "format", value: "xml", expected: .oneOf(["csv", "json"])))
        }
        XCTAssertThrowsError(try a.int("n", range: 1...60)) {
            XCTAssertEqual($0 as? ParserError, .invalidValue(option: "n", value: "70", expected: .wholeNumber(1...60)))
        }
        XCTAssertThrowsError(try a.required("title")) { XCTAssertEqual($0 as? ParserError, .missingOption("title")) }
        XCTAssertThrowsError(try a.positional(0, "NUMBER")) { XCTAssertEqual($0 as? ParserError, .missingArgument("NUMBER")) }
        XCTAssertEqual(try a.choice("sort", ["a", "b"], default: "a"), "a")
    }

    func testPositionalsPastWhatTheCommandTakes() throws {
        let a = try Arguments(["show", "7", "extra"], switches: [])
        XCTAssertNoThrow(try a.rejectPositionals(beyond: 3))
        XCTAssertThrowsError(try a.rejectPositionals(beyond: 2)) { XCTAssertEqual($0 as? ParserError, .unexpectedArgument("extra")) }
    }

    func testEmptyRequiredValueCountsAsMissing() throws {
        var a = try Arguments(["--title", ""], switches: [])
        XCTAssertThrowsError(try a.required("title")) { XCTAssertEqual($0 as? ParserError, .missingOption("title")) }
    }

    func testWordsInBothLanguagesNameTheOptionAsTyped() {
        let e = ParserError.invalidValue(option: "format", value: "xml", expected: .oneOf(["csv", "json"]))
        XCTAssertEqual(e.words(.en), "--format xml: expected one of csv, json")
        XCTAssertEqual(e.words(.zh), "--format xml：应为以下之一：csv, json")
        XCTAssertEqual(ParserError.missingValue(option: "db").words(.zh), "选项 --db 需要一个值")
        XCTAssertEqual(ParserError.invalidValue(option: "days", value: "0", expected: .wholeNumber(1...60)).words(.zh), "--days 0：应为介于 1 和 60 之间的整数")
    }
}
