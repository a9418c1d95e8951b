/// Zero-padded decimal text without Foundation's `String(format:)`, which is slow in hot loops
/// (dates in every table row, case numbers in bulk generation).
public func zeroPad(_ n: Int, _ width: Int) -> String {
    let digits = String(abs(n))
    let padded = digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    return n < 0 ? "-" + padded : padded
}
