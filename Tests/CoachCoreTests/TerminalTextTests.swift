import CoachCore
import Foundation
import Testing

@Suite struct TerminalTextTests {
    @Test func plainTextIsUntouched() {
        for text in ["", "Retrieval-augmented generation", "café 日本語 🎉", "two\nlines\tand a tab"] {
            #expect(TerminalText.isSafe(text))
            #expect(TerminalText.safe(text) == text)
        }
    }

    @Test func escapeSequencesAreShownInert() {
        #expect(TerminalText.safe("x\u{1B}[2J") == "x^[[2J")
        #expect(TerminalText.safe("\u{1B}]0;pwned\u{07}title") == "^[]0;pwned^Gtitle")
        #expect(TerminalText.safe("bell\u{07} nul\u{00} del\u{7F}") == "bell^G nul^@ del^?")
        #expect(TerminalText.safe("a\rb") == "a^Mb")
    }

    @Test func c1ControlsAndBidiOverridesAreShownAsCodePoints() {
        #expect(TerminalText.safe("\u{9B}31m") == "<U+009B>31m")
        #expect(TerminalText.safe("\u{85}") == "<U+0085>")
        #expect(TerminalText.safe("abc\u{202E}fed") == "abc<U+202E>fed")
        #expect(TerminalText.safe("\u{2066}x\u{2069}") == "<U+2066>x<U+2069>")
        // Neighbours of the ranges are ordinary text.
        #expect(TerminalText.safe("\u{A0}\u{2029}\u{2070}\u{2065}") == "\u{A0}\u{2029}\u{2070}\u{2065}")
    }

    @Test func isSafeAgreesWithTheScalarRuleForEveryInterestingScalar() {
        let values: [UInt32] = Array(0...0x2FF) + Array(0x2000...0x2100) + [0xFEFF, 0x1F600]
        for value in values {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(Character(scalar)) + "b"
            let layout = scalar == "\n" || scalar == "\t"
            #expect(TerminalText.isSafe(text) == (!TerminalText.steers(scalar) || layout), "U+\(String(value, radix: 16))")
            #expect(TerminalText.isSafe(TerminalText.safe(text)))
        }
    }

    @Test func oneLineEscapesLayoutAndCutsLongValues() {
        #expect(TerminalText.oneLine("a\nb\tc") == "a^Jb^Ic")
        let long = String(repeating: "x", count: 130_000)
        let shown = TerminalText.quoted(long, limit: 20)
        #expect(shown == "\"" + String(repeating: "x", count: 20) + "… (129980 more characters)\"")
    }

    @Test func jsonStaysExactAndInert() throws {
        let json = "{\"note\": \"a\u{9B}b\u{202E}c\"}"
        let safe = TerminalText.safeJSON(json)
        #expect(safe == "{\"note\": \"a\\u009bb\\u202ec\"}")
        #expect(TerminalText.isSafe(safe))
        let decoded = try JSONSerialization.jsonObject(with: Data(safe.utf8)) as? [String: String]
        #expect(decoded?["note"] == "a\u{9B}b\u{202E}c")
    }
}
