import CoachCore
import Testing
@testable import CoachTerminal

/// Ctrl and Alt keys as the terminal sends them.
@Suite struct KeyDecodingTests {
    @Test func controlLettersAreControlKeysButTabEnterAndBackspaceStayThemselves() {
        #expect(KeyDecoder.character(1) == .control("a"))
        #expect(KeyDecoder.character(23) == .control("w"))
        #expect(KeyDecoder.character(26) == .control("z"))
        #expect(KeyDecoder.character(9) == .tab)
        #expect(KeyDecoder.character(10) == .enter && KeyDecoder.character(13) == .enter)
        #expect(KeyDecoder.character(8) == .backspace && KeyDecoder.character(127) == .backspace)
        #expect(KeyDecoder.character(27) == .escape)
        #expect(KeyDecoder.character(0) == nil && KeyDecoder.character(28) == nil)
    }

    @Test func aCharacterRightBehindEscIsAlt() {
        #expect(KeyDecoder.alt(UInt32(("b" as Unicode.Scalar).value)) == .alt("b"))
        #expect(KeyDecoder.alt(UInt32(("é" as Unicode.Scalar).value)) == .alt("é"))
        // A control character behind ESC is a key of its own, after a plain Esc.
        #expect(KeyDecoder.alt(27) == nil && KeyDecoder.alt(13) == nil && KeyDecoder.alt(127) == nil)
    }
}
