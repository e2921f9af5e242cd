import CoachCore
import Testing
@testable import CoachTerminal

/// The characters between ESC[200~ and ESC[201~, as `Terminal` hands them to
/// `KeyDecoder.Paste`: one key's text, line breaks kept once, control characters dropped,
/// and no more than any field holds.
@Suite struct PasteDecodingTests {
    static func paste(_ values: [UInt32]) -> String {
        var paste = KeyDecoder.Paste()
        for value in values { paste.add(value) }
        return paste.text
    }

    @Test func lineBreaksOfEveryKindAreOneAndTabsAreSpaces() {
        let text = "a\r\nb\rc\nd\te"
        #expect(Self.paste(text.unicodeScalars.map(\.value)) == "a\nb\nc\nd e")
    }

    @Test func controlCharactersAndEscapesAreDropped() {
        let values: [UInt32] = [0x1B, 0x5B, 0x32, 0x4A, 0x07, 0x9B, 0x78, 0x7F]  // ESC [ 2 J BEL CSI x DEL
        #expect(Self.paste(values) == "[2Jx")
    }

    @Test func aHugePasteKeepsOnlyWhatAFieldCouldHold() {
        let text = Self.paste(Array(repeating: 0x78, count: 100_000))
        #expect(text.count == KeyDecoder.longestPaste)
        #expect(KeyDecoder.longestPaste >= TextLimits.line)
    }
}
