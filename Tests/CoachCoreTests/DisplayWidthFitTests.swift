@testable import CoachCore
import Testing

/// `truncate` and `pad` measure a text in one pass; they must cut and pad exactly as
/// measuring it whole and then cutting it character by character does (the rule they
/// had before), for every width, with wide, zero-width and combined characters.
struct DisplayWidthFitTests {
    /// The rule, written the long way.
    static func truncated(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        var result = "", used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    static let texts = ["", "a", "plain title", "Café ☕ 日本語 🚀", "日本語のタイトル", "e\u{301}le\u{300}ve", "👩‍👩‍👧 family",
                        "flag 🇩🇪 and ❤️", "zero\u{200B}width", "ab日", "日ab", "🚀🚀🚀"]

    @Test func cutsAndPadsAsMeasuringWholeDoes() {
        for text in Self.texts {
            for width in 0...24 {
                let expected = Self.truncated(text, to: width)
                #expect(DisplayWidth.truncate(text, to: width) == expected, "\(text) at \(width)")
                let padded = DisplayWidth.pad(text, to: width)
                #expect(padded == expected + String(repeating: " ", count: max(0, width - DisplayWidth.of(expected))),
                        "\(text) at \(width)")
                #expect(width == 0 || DisplayWidth.of(padded) == width || DisplayWidth.of(expected) > width, "\(text) at \(width)")
            }
        }
    }
}
