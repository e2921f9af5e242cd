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
                        "flag 🇩🇪 and ❤️", "zero\u{200B}width", "ab日", "日ab", "🚀🚀🚀",
                        // Latin text, measured scalar by scalar without grapheme breaking.
                        "Café crème", "naïve Bayes für Einsteiger", "¡Hola! ¿Qué tal?", "\u{A0}nbsp\u{AD}", "ÀÉÎÕÜ ǅ ʼ ˆ˿",
                        "e\u{301}é", "é\u{301}", "control\u{85}C1", "tab\tin", "ÿ\u{7F}"]

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

    /// Text of scalars below U+0300 is measured by counting them; it must agree with
    /// measuring its characters, for any mix of such scalars with controls and marks.
    @Test func latinTextIsMeasuredAsItsCharactersAre() {
        var random = SeededRandom(seed: 15)
        let pool: [UInt32] = Array(0x20...0x7E) + Array(0xA0...0x2FF) + [0x09, 0x7F, 0x85, 0x9F, 0x300, 0x301, 0x36F, 0x1F680]
        for _ in 0..<2_000 {
            let scalars = (0..<random.next(below: 12)).map { _ in Unicode.Scalar(pool[random.next(below: pool.count)])! }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) }, "\(text.unicodeScalars.map(\.value))")
            let width = random.next(below: 14)
            #expect(DisplayWidth.truncate(text, to: width) == Self.truncated(text, to: width), "\(text.unicodeScalars.map(\.value))")
        }
    }
}
