import Foundation
import GridCore
import GridStore

/// One `gridroom report KIND`: each report kind registers here (others may add theirs to `ReportCommand.kinds`).
protocol ReportKind {
    /// The word after `report`.
    static var name: String { get }
    /// Usage lines.
    static var usage: String { get }
    /// Runs it.
    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32
}

/// `gridroom report KIND …`: the command room's reports.
enum ReportCommand: Command {
    /// Every report kind, in the order `--help` lists them.
    static let kinds: [any ReportKind.Type] = [ComplianceReport.self, RedBlackReport.self]

    static let name = "report"
    static let summary = "reports: compliance (patrol and reporting, 巡查考核), redblack (红黑榜)"
    static var usage: String { "usage:\n" + kinds.map { $0.usage }.joined(separator: "\n") }

    static func run(_ ctx: Context, _ args: inout Arguments) throws -> Int32 {
        let sub = try args.positional(0, "report kind (\(kinds.map { $0.name }.joined(separator: ", ")))")
        guard let kind = kinds.first(where: { $0.name == sub }) else {
            throw UsageError("report \(sub): expected one of \(kinds.map { $0.name }.joined(separator: ", "))")
        }
        return try kind.run(ctx, &args)
    }

    /// `1`/`0` for CSV booleans.
    static func flag(_ b: Bool) -> String { b ? "1" : "0" }

    /// Reads `--month YYYY-MM`.
    static func month(_ args: inout Arguments) throws -> LocalMonth? {
        guard let t = args.option("month") else { return nil }
        guard let m = LocalMonth(iso: t) else { throw UsageError("--month \(t): expected YYYY-MM, e.g. 2026-11") }
        return m
    }

    /// Reads `--day YYYY-MM-DD`.
    static func day(_ args: inout Arguments) throws -> LocalDate? {
        guard let t = args.option("day") else { return nil }
        guard let d = LocalDate(iso: t) else { throw UsageError("--day \(t): expected YYYY-MM-DD, e.g. 2026-11-22") }
        return d
    }
}
