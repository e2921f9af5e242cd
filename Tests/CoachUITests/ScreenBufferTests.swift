import CoachCore
import Testing
@testable import CoachUI

@Suite struct ScreenBufferTests {
    @Test func putClipsAtTheRightEdge() {
        var buffer = ScreenBuffer(size: Size(rows: 1, cols: 5))
        let used = buffer.put("abcdefgh", row: 0, col: 2)
        #expect(used == 3)
        #expect(buffer.lines == ["  abc"])
    }

    @Test func wideCharacterNeverStraddlesTheEdge() {
        var buffer = ScreenBuffer(size: Size(rows: 1, cols: 4))
        buffer.put("a日本", row: 0, col: 0)
        #expect(buffer.lines == ["a日"])
        #expect(buffer[0, 3].text == " ")
    }

    @Test func combiningMarksJoinThePreviousCell() {
        var buffer = ScreenBuffer(size: Size(rows: 1, cols: 4))
        buffer.put("e\u{301}x", row: 0, col: 0)
        #expect(buffer[0, 0].text == "e\u{301}")
        #expect(buffer[0, 1].text == "x")
    }

    @Test func writesOutsideTheBufferAreIgnored() {
        var buffer = ScreenBuffer(size: Size(rows: 2, cols: 3))
        buffer.put("x", row: 5, col: 0)
        buffer.put("y", row: -1, col: 0)
        buffer.fill(row: 0, col: -2, width: 10, with: "=")
        #expect(buffer.lines == ["===", ""])
    }

    @Test func progressBarClampsAndNeverShowsNaN() {
        var buffer = ScreenBuffer(size: Size(rows: 3, cols: 4))
        buffer.progressBar(row: 0, col: 0, width: 4, fraction: .nan)
        buffer.progressBar(row: 1, col: 0, width: 4, fraction: 7)
        buffer.progressBar(row: 2, col: 0, width: 4, fraction: 0.5)
        #expect(buffer.lines == ["░░░░", "████", "██░░"])
    }

    @Test func displayWidths() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("café") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("한국") == 4)
    }

    @Test func truncateAndPadRespectWidth() {
        #expect(DisplayWidth.truncate("abcdef", to: 4) == "abc…")
        #expect(DisplayWidth.truncate("日本語", to: 4) == "日…")
        #expect(DisplayWidth.pad("日", to: 4) == "日  ")
        #expect(DisplayWidth.truncate("abc", to: 0) == "")
    }

    @Test func wrapBreaksAtSpacesAndSplitsLongWords() {
        #expect(TextWrap.wrap("one two three four", width: 9) == ["one two", "three", "four"])
        #expect(TextWrap.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextWrap.wrap("a\n\nb", width: 5) == ["a", "", "b"])
    }

    @Test func durationsReadNaturally() {
        #expect(MinutesText.short(45) == "45m")
        #expect(MinutesText.short(60) == "1h")
        #expect(MinutesText.short(90) == "1h30")
        #expect(MinutesText.short(125) == "2h05")
    }
}
