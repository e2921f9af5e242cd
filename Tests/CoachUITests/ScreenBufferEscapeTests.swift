import CoachCore
import CoachUI
import Testing

/// The full-screen coach draws text from files through the same rule as the command
/// line: an escape sequence is shown as "^[[2J", taking a cell per visible character.
@Suite struct ScreenBufferEscapeTests {
    @Test func steeringCharactersAreDrawnAsVisibleEscapes() {
        var buffer = ScreenBuffer(size: Size(rows: 1, cols: 40))
        let used = buffer.put("a\u{1B}]0;x\u{07}b\u{9B}\u{202E}c", row: 0, col: 0)
        #expect(buffer.line(0) == "a^[]0;x^Gb<U+009B><U+202E>c")
        #expect(used == "a^[]0;x^Gb<U+009B><U+202E>c".count)
        #expect(buffer.cells.allSatisfy { TerminalText.isSafe($0.text) })
    }

    @Test func plainTextIsDrawnAsBefore() {
        var buffer = ScreenBuffer(size: Size(rows: 1, cols: 20))
        buffer.put("café\tend\nx", row: 0, col: 0)
        #expect(buffer.line(0) == "café end x")
    }
}
