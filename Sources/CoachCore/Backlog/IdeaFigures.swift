import FoundationEssentials
import Glibc

/// An idea's figures for people to read (`coach idea list` and `show`): two decimals, or
/// enough for two significant digits when the number is small (0.0012, not 0).
public enum IdeaFigures {
    public static func text(_ value: Double) -> String {
        NumberText.rounded(value, decimals: decimals(for: value))
    }

    /// `text(value)` added to `bytes`, for a table of many ideas.
    public static func append(_ value: Double, to bytes: inout [UInt8]) {
        NumberText.appendRounded(value, decimals: decimals(for: value), to: &bytes)
    }

    public static func percent(_ confidence: Double) -> String {
        NumberText.rounded(confidence * 100, decimals: 1) + "%"
    }

    /// `percent(confidence)` added to `bytes`.
    public static func appendPercent(_ confidence: Double, to bytes: inout [UInt8]) {
        NumberText.appendRounded(confidence * 100, decimals: 1, to: &bytes)
        bytes.append(UInt8(ascii: "%"))
    }

    static func decimals(for value: Double) -> Int {
        guard value != 0, abs(value) < 1 else { return 2 }
        return max(2, Int((-log10(abs(value))).rounded(.down)) + 2)
    }
}
