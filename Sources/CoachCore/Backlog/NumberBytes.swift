import FoundationEssentials
import Glibc

extension NumberText {
    /// `rounded(value, decimals:)`'s text added to `bytes`, written digit by digit: a
    /// table of 10,000 ideas has 40,000 figures, and making each one a String through
    /// the general conversion was most of the cost of printing it. The digits are those
    /// of the rounded decimal itself, which is the shortest text that reads back as the
    /// rounded Double while the decimal has few enough digits (below 10¹² scaled units,
    /// at most 4 decimals); anything else goes through `rounded`.
    public static func appendRounded(_ value: Double, decimals: Int = 2, to bytes: inout [UInt8]) {
        let places = max(0, decimals)
        let scaled = places <= 4 ? (value * pow10[places]).rounded() : .nan
        guard scaled.isFinite, abs(scaled) < 1e12 else {
            bytes.append(contentsOf: rounded(value, decimals: decimals).utf8)
            return
        }
        let units = Int64(abs(scaled))
        let scale = Int64(pow10[places])
        let (whole, fraction) = units.quotientAndRemainder(dividingBy: scale)
        // A rounded -0 is "0", as `plain` writes it; any other negative keeps its sign.
        if scaled < 0, units != 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(whole, to: &bytes)
        guard fraction != 0 else { return }
        bytes.append(UInt8(ascii: "."))
        var digits = places, rest = fraction
        while rest % 10 == 0 {
            rest /= 10
            digits -= 1
        }
        var divisor = Int64(pow10[digits - 1])
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
            divisor /= 10
        }
    }

    private static let pow10: [Double] = [1, 10, 100, 1_000, 10_000]

    /// A non-negative whole number in decimal, as `String(_:)` writes it.
    public static func appendDigits(_ value: Int64, to bytes: inout [UInt8]) {
        var divisor: Int64 = 1
        while divisor <= value / 10 { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }
}
