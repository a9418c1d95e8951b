import XCTest
import GridCore
@testable import GridCLI

/// `gridroom NAME --help` in both languages (命令帮助): every command and report kind has a Chinese long help,
/// the two name the same options, and the Chinese has no English left in it.
final class UsageLanguageTests: XCTestCase {
    /// Every help text under test: the commands by name, the report kinds as `report KIND`.
    private var helps: [(key: String, en: String, zh: String)] {
        commands.map { ($0.name, $0.usage(.en), $0.usage(.zh)) }
            + ReportCommand.kinds.map { ("report " + $0.name, $0.usage(.en), $0.usage(.zh)) }
    }

    func testEveryCommandAndReportKindHasAChineseUsage() {
        for c in commands {
            XCTAssertNotNil(HelpWords.usage(c.name), "\(c.name): no Chinese usage in HelpWords+Usage.swift")
            XCTAssertEqual(c.usage(.en), c.usage, c.name)
            // `gridroom --help`'s one line too, naming the same options.
            let summary = HelpWords.chinese[c.name]
            XCTAssertNotNil(summary, "\(c.name): no Chinese summary in HelpWords.swift")
            XCTAssertEqual(Self.options(summary ?? ""), Self.options(c.summary), c.name)
        }
        for k in ReportCommand.kinds { XCTAssertNotNil(HelpWords.reportKinds[k.name], "report \(k.name): no Chinese usage") }
        for h in helps { XCTAssertNotEqual(h.zh, h.en, "\(h.key): the Chinese usage is the English one") }
        // No Chinese text for a command that is not registered (a rename would leave it unread).
        let known = Set(commands.map { $0.name } + ReportCommand.kinds.map { "report " + $0.name })
        XCTAssertEqual(Set(HelpWords.chineseUsage.keys).subtracting(known), [])
        XCTAssertEqual(Set(HelpWords.reportKinds.keys), Set(ReportCommand.kinds.map { $0.name }))
    }

    func testTheReportCommandsHelpIsItsKindsHelpInOrder() throws {
        let zh = ReportCommand.usage(.zh)
        XCTAssertTrue(zh.hasPrefix("用法：\n  gridroom report evaluation"), zh)
        let starts = try ReportCommand.kinds.map { k in
            try XCTUnwrap(zh.range(of: "  gridroom report \(k.name) ")?.lowerBound, "report \(k.name) missing from report --help")
        }
        XCTAssertEqual(starts, starts.sorted())
    }

    func testBothLanguagesNameTheSameOptions() {
        for h in helps {
            let en = Self.options(h.en), zh = Self.options(h.zh)
            XCTAssertEqual(en.subtracting(zh), [], "\(h.key): options in the English usage only")
            XCTAssertEqual(zh.subtracting(en), [], "\(h.key): options in the Chinese usage only")
        }
    }

    func testTheChineseUsageHasNoEnglishWords() {
        for h in helps { XCTAssertEqual(Self.englishWords(h.zh), [], h.key) }
    }

    /// The check above can fail: on every English usage (an untranslated text), and on a Chinese line with one
    /// English phrase left in it; and it lets through exactly the allowed kinds of ASCII.
    func testTheEnglishWordCheckCatchesUntranslatedText() {
        for h in helps { XCTAssertFalse(Self.englishWords(h.en).isEmpty, "\(h.key): the check finds nothing in the English") }
        XCTAssertEqual(Self.englishWords("      gridroom case reopen NUMBER [--note TEXT]   （督查 only; counts as rework）"),
                       ["only", "counts", "as", "rework"])
        XCTAssertEqual(Self.englishWords("Settings: 见 Docs/matters.md。"), ["Settings"])
        XCTAssertEqual(Self.englishWords("SHIFT 为 day、night（白班、夜班）"), ["day", "night"])
        let allowed = """
        用法：gridroom case show NUMBER [--format text|json]
              gridroom case settings [KEY VALUE]   （查看）
        来源：`hotline`、grid_worker（需 --reporter WORKER-CODE）；--by grid、--by worker；见 Docs/matters.md。
        CSV 和 JSON、SHA-256、YYYYQn、SQLite、30min、Asia/Shanghai、console.bell=off、由 cron 在 tmux 中运行 cases。
        """
        XCTAssertEqual(Self.englishWords(allowed), [])
    }

    // MARK: - The rules

    /// The `--option` words of a help text.
    static func options(_ text: String) -> Set<String> {
        Set(text.matches(of: /--[a-z][a-z0-9-]*/).map { String($0.output) })
    }

    /// Words the program itself accepts, allowed bare in any text: its name, its commands, report and import
    /// kinds, and the two tools the help names.
    static let programWords: Set<String> = Set(["gridroom", "tmux", "cron"] + commands.map { $0.name }
                                                   + ReportCommand.kinds.map { $0.name } + ImportCommand.kinds.map { $0.name })

    /// The ASCII words of `text` that are not allowed in a Chinese help. Allowed: anything in backticks; the
    /// synopsis at the start of a line that begins with `gridroom` (up to two spaces or a parenthesis: what
    /// follows is a comment); an option and the word right after it (`--by grid`); a word with no lower-case
    /// letter or two capitals first (placeholders and acronyms: `NUMBER`, `YYYY-MM`, `CSV`, `YYYYQn`, `SQLite`);
    /// one with a digit or `_ / | = $ ~ @ . , : * +` inside (codes, paths, examples: `grid_worker`,
    /// `Docs/matters.md`, `table|csv`, `30min`); and `programWords`.
    static func englishWords(_ text: String) -> [String] {
        var found: [String] = []
        for rawLine in text.replacing(/`[^`]*`/, with: " ").split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(rawLine)
            let lead = line.prefix { $0 == " " }.count + (line.drop { $0 == " " }.hasPrefix("用法：") ? 3 : 0)
            let body = line.dropFirst(lead)
            if body.hasPrefix("gridroom ") {
                let end = body.firstRange(of: /\ \ |\(|（/)?.lowerBound ?? body.endIndex
                line = body[end...]
            }
            let rest = String(line).replacing(/--[a-z][a-z0-9-]*[ =][!-~]+/, with: " ")
            for token in rest.split(whereSeparator: { !($0.isASCII && $0 > " " && $0 <= "~") }) {
                let word = token.drop { "([{<\"'".contains($0) }.reversed().drop { ")]}>\"'.,;:!?".contains($0) }.reversed()
                let w = String(word)
                guard w.contains(where: { $0.isASCII && $0.isLetter }) else { continue }
                let caps = w.prefix(2).allSatisfy { $0.isUppercase }
                if w.hasPrefix("--") || !w.contains(where: \.isLowercase) || caps
                    || w.contains(where: { $0.isNumber || "_/|=$~@.,:*+".contains($0) }) || programWords.contains(w) { continue }
                found.append(contentsOf: w.split(whereSeparator: { !$0.isLetter && $0 != "'" }).map(String.init))
            }
        }
        return found
    }
}
