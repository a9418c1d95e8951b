/// Why a whole CSV file cannot be read (as opposed to one bad row, a `RowError`).
public enum CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file has no bytes, or only blank lines.
    case empty
    /// The bytes are neither UTF-8 nor GB18030/GBK; `line` holds the first offending byte.
    case invalidEncoding(line: Int)
    /// The bytes are valid GB18030 but decode only into rare or private-use characters (`GBPlausibility`):
    /// Big5 or another encoding, which would be stored as garbage.
    case implausibleEncoding
    /// A quoted field opened on `line` never closes.
    case unterminatedQuote(line: Int)
    /// The first line is not the expected header.
    case wrongHeader(expected: [String], found: [String])

    /// The line the problem is on (1 for the header and the empty file).
    public var line: Int {
        switch self {
        case .empty, .wrongHeader, .implausibleEncoding: 1
        case let .invalidEncoding(line), let .unterminatedQuote(line): line
        }
    }

    /// What is wrong, without the file name.
    public var message: String {
        switch self {
        case .empty:
            return "the file is empty; expected a header line and rows"
        case .invalidEncoding:
            return "the file is neither UTF-8 nor GB18030/GBK text; save it as \"CSV UTF-8\" and import again"
        case .implausibleEncoding:
            return "this looks like Big5 or another encoding, not UTF-8 or GBK (it reads as rare characters); save it as UTF-8 (\"CSV UTF-8\") or GBK and import again"
        case .unterminatedQuote:
            return "a quoted field opens on this line and never closes (a \" is missing)"
        case let .wrongHeader(expected, found):
            var diffs: [String] = []
            for i in 0..<max(expected.count, found.count) {
                let e = i < expected.count ? expected[i] : nil
                let f = i < found.count ? found[i] : nil
                if e != f {
                    diffs.append("column \(i + 1): expected \(e.map { "\"\($0)\"" } ?? "nothing"), found \(f.map { "\"\($0)\"" } ?? "nothing")")
                }
            }
            return "wrong header: expected \(expected.joined(separator: ",")); " + diffs.joined(separator: "; ")
        }
    }

    public var description: String { "line \(line): \(message)" }
}
