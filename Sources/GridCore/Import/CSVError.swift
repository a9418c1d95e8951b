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

    /// What is wrong, without the file name, in English.
    public var message: String { phrase.en }

    /// What is wrong, without the file name, in both languages.
    public var phrase: Phrase {
        switch self {
        case .empty:
            return Phrase(zh: "文件为空；应有一行表头和数据行", en: "the file is empty; expected a header line and rows")
        case .invalidEncoding:
            return Phrase(zh: "文件既不是 UTF-8 也不是 GB18030/GBK 文本；请另存为“CSV UTF-8”后再导入",
                          en: "the file is neither UTF-8 nor GB18030/GBK text; save it as \"CSV UTF-8\" and import again")
        case .implausibleEncoding:
            return Phrase(zh: "文件看来是 Big5 或其他编码，不是 UTF-8 或 GBK（读出来是生僻字）；请另存为 UTF-8（“CSV UTF-8”）或 GBK 后再导入",
                          en: "this looks like Big5 or another encoding, not UTF-8 or GBK (it reads as rare characters); save it as UTF-8 (\"CSV UTF-8\") or GBK and import again")
        case .unterminatedQuote:
            return Phrase(zh: "本行开始的带引号字段没有结束（少了一个 \"）", en: "a quoted field opens on this line and never closes (a \" is missing)")
        case let .wrongHeader(expected, found):
            var zh: [String] = [], en: [String] = []
            for i in 0..<max(expected.count, found.count) {
                let e = i < expected.count ? expected[i] : nil
                let f = i < found.count ? found[i] : nil
                if e != f {
                    zh.append("第 \(i + 1) 列：应为 \(e.map { "\"\($0)\"" } ?? "无")，实为 \(f.map { "\"\($0)\"" } ?? "无")")
                    en.append("column \(i + 1): expected \(e.map { "\"\($0)\"" } ?? "nothing"), found \(f.map { "\"\($0)\"" } ?? "nothing")")
                }
            }
            return Phrase(zh: "表头不对：应为 \(expected.joined(separator: ","))；" + zh.joined(separator: "；"),
                          en: "wrong header: expected \(expected.joined(separator: ",")); " + en.joined(separator: "; "))
        }
    }

    public var description: String { "line \(line): \(message)" }
}
