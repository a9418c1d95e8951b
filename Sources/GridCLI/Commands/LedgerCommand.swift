import Foundation
import GridCore
import GridStore

/// `gridroom ledger PERIOD`: the period's ledger (台账) as CSV, in the headings a township's ledger uses.
enum LedgerCommand: Command {
    static let name = "ledger"
    static let switches: Set<String> = []
    static let summary = "the period's ledger (台账) of matters as CSV: --month/--quarter/--year/--from --to [--by reported|closed|event]"
    static let usage = """
    usage: gridroom ledger \(ReportCommand.periodUsage) [--by reported|closed|event] [--output FILE]

    One CSV line per matter reported (default), closed, or with any event in the period: number, time,
    source, reporter, grid, category, summary, department, each stage's times, state, result (the last
    feedback), reworks, overdue, the reply's deadline and time, the follow-up call's verdict — names beside codes, times in ISO-8601. Headings in the --lang language
    (Chinese: the ledger's own headings). Written to FILE, or to standard output.
    """

    /// The columns, by code.
    static let header = ["number", "reported_at", "source", "reporter", "reporter_name", "grid", "grid_name", "category", "category_name",
                         "major", "summary", "department", "department_name", "dispatched_at", "fed_back_at", "verified_at", "ended_at",
                         "state", "result", "reworks", "ever_overdue", "reply_due_at", "replied_at", "revisit_result"]

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        let period = try ReportCommand.requiredPeriod(&args)
        let basis = MatterTimeBasis(rawValue: try args.choice("by", MatterTimeBasis.allCases.map(\.rawValue), default: "reported")!)!
        let output = args.option("output")
        try args.rejectUnknown()
        let store = try ctx.openStore()
        let lang = ctx.language, z = store.zone
        func t(_ d: Date?) -> String { d.map { ISOTime.format($0, zone: z) } ?? "" }
        // With the byte-order mark (Excel reads it as UTF-8), formula-safe text, the two counts as numbers.
        var text = CSVWriter.bom + CSVWriter.line(header.map { lang == .zh ? Heading.name($0, .zh) : $0 })
        for l in try store.ledger(from: period.firstDay, through: period.lastDay, by: basis, asOf: ctx.now(in: z)) {
            text += CSVWriter.line([
                l.number, t(l.reportedAt), l.source.displayName(lang), l.reporter, l.reporterName, l.grid, l.gridName,
                l.category, l.categoryName, l.major, l.title, l.department, l.departmentName, t(l.dispatchedAt), t(l.fedBackAt),
                t(l.verifiedAt), t(l.endedAt), l.state.displayName(lang), l.result, String(l.reworks), l.everOverdue ? "1" : "0",
                t(l.replyDueAt), t(l.repliedAt), l.revisit?.displayName(lang) ?? "",
            ], numbers: [19, 20])
        }
        if let output {
            do { try text.write(toFile: output, atomically: true, encoding: .utf8) } catch {
                throw UsageError(zh: "--output \(output)：无法写入（\(error.localizedDescription)）", en: "--output \(output): cannot write (\(error.localizedDescription))")
            }
            print(lang.pick("\(output)：台账 \(period.name(.zh))", "\(output): ledger \(period.name(.en))"))
        } else {
            print(text, terminator: "")
        }
        return 0
    }
}
