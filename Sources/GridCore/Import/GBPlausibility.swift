/// Whether bytes that decode as GB18030 look like Chinese written in GBK (编码合理性检查).
///
/// Every byte pair with a lead of 0x81–0xFE is valid GB18030, so a Big5 file (Taiwan, Hong Kong) or a
/// Korean or Japanese one "decodes" without error into characters nobody writes: 臺灣事項 in Big5 is
/// `BB4F C657 A8C6 B6B5`, read as GBK 籓芖ㄆ兜. Text really written in GBK keeps to GB2312's hanzi and
/// punctuation: rows A1–A3 (punctuation, full-width forms) and B0–F7 (the 6 763 hanzi), second byte A1–FE.
/// A file whose multi-byte characters fall outside that set more than `maxUncommonShare` of the time
/// (GBK's extension areas, the kana/Greek/Cyrillic/bopomofo rows, the user-defined areas, four-byte codes)
/// is not GBK. Fed in chunks, so a streamed import can judge the whole file.
public struct GBPlausibility: Sendable {
    /// Multi-byte characters inside GB2312's punctuation and hanzi rows.
    public private(set) var common = 0
    /// Multi-byte characters outside them.
    public private(set) var uncommon = 0
    /// Whether every byte sequence so far is well-formed GB18030 (lead 81–FE; second byte 40–7E or 80–FE,
    /// or 30–39 for a four-byte code whose third byte is 81–FE and fourth 30–39).
    public private(set) var isWellFormed = true
    /// A lead byte (or the first bytes of a four-byte code) left from the previous chunk.
    private var pending: [UInt8] = []

    /// Above this share of uncommon characters the text is not GBK. Real office text stays under 5 %;
    /// Big5 text read as GBK lands around 60 %.
    public static let maxUncommonShare = 0.25
    /// Fewer multi-byte characters than this are too few to judge: accepted.
    public static let minimumSample = 4

    /// Creates an empty count.
    public init() {}

    /// Counts the characters of one chunk of GB18030 bytes.
    public mutating func feed<C: Collection>(_ chunk: C) where C.Element == UInt8 {
        var bytes = pending
        bytes.append(contentsOf: chunk)
        pending.removeAll()
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            if b == 0x80 || b == 0xFF { isWellFormed = false; i += 1; continue }
            guard i + 1 < n else { pending = [b]; return }
            let t = bytes[i + 1]
            if t >= 0x30 && t <= 0x39 {
                // Four-byte GB18030 code: outside GBK.
                guard i + 3 < n else { pending = Array(bytes[i...]); return }
                let c = bytes[i + 2], d = bytes[i + 3]
                if !(c >= 0x81 && c <= 0xFE && d >= 0x30 && d <= 0x39) { isWellFormed = false }
                uncommon += 1; i += 4; continue
            }
            if t < 0x40 || t == 0x7F || t == 0xFF { isWellFormed = false }
            if t >= 0xA1 && t <= 0xFE && ((b >= 0xA1 && b <= 0xA3) || (b >= 0xB0 && b <= 0xF7)) { common += 1 } else { uncommon += 1 }
            i += 2
        }
    }

    /// Ends the count: a lead byte left over is an incomplete character.
    public mutating func finish() { if !pending.isEmpty { isWellFormed = false; pending = [] } }

    /// Whether the text counted so far is plausibly GBK.
    public var isPlausible: Bool {
        let total = common + uncommon
        guard total >= GBPlausibility.minimumSample else { return true }
        return Double(uncommon) <= GBPlausibility.maxUncommonShare * Double(total)
    }
}
