import CoachCore
import Testing
@testable import CoachUI

/// The list and table widgets every screen draws with, and the one streak line.
@Suite struct WidgetTests {
    static func list(_ cursor: ListCursor, count: Int = 10, focused: Bool = true, rows: Int = 4) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: Size(rows: 6, cols: 20))
        ListWidget.draw(count: count, cursor: cursor, in: Rect(row: 1, col: 2, rows: rows, cols: 10), focused: focused,
                        into: &buffer) { index, row, buffer in
            buffer.put("row \(index)", row: row, col: 2)
        }
        return buffer
    }

    @Test func aListDrawsTheRowsItsCursorShowsAndTheSelectionReversed() {
        let buffer = Self.list(ListCursor(selected: 6, scroll: 0))
        #expect(buffer.lines[1...4].map { $0 } == ["  row 3", "  row 4", "  row 5", "  row 6"], "scrolled to the selection")
        #expect(buffer[4, 2].style.reverse && buffer[4, 11].style.reverse, "the whole row of the list")
        #expect(!buffer[3, 2].style.reverse && !buffer[4, 12].style.reverse && !buffer[4, 1].style.reverse)
        let unfocused = Self.list(ListCursor(selected: 6, scroll: 0), focused: false)
        #expect(unfocused[4, 2].style.bold && !unfocused[4, 2].style.reverse, "bold when the list does not have the keys")
    }

    @Test func aShortListDrawsWhatItHas() {
        let buffer = Self.list(ListCursor(), count: 2)
        #expect(buffer.lines[1...4].map { $0 } == ["  row 0", "  row 1", "", ""])
        #expect(ListWidget.range(0..<2, of: 2) == nil)
        #expect(ListWidget.range(3..<7, of: 10) == "4–7 of 10")
    }

    @Test func aTableSizesItsColumnsAndAlignsNumbersRight() {
        let table = TableWidget([.init("#", width: 3, right: true), .init("Title", width: nil), .init("Score", width: 6, right: true)],
                                width: 24)
        #expect(table.widths == [3, 13, 6])
        #expect(table.heading == "  # Title          Score")
        #expect(table.line(["12", "A rather long title", "3.5"]) == " 12 A rather lon…    3.5")
        #expect(DisplayWidth.of(table.line(["1", "日本語のタイトル", "1"])) == 24, "wide characters keep the columns")
    }

    @Test func theStreakLineIsTheSameOnTodayAndHistory() {
        let streaks = Streaks(minutes: [:], goals: GoalHistory(), today: StudyDay(year: 2026, month: 11, day: 23)!)
        var today = ScreenBuffer(size: Size(rows: 1, cols: 60))
        StreakLine.draw(streaks, right: ("no reviews due", Style(.dim)), in: Rect(row: 0, col: 1, rows: 1, cols: 58), into: &today)
        #expect(today.lines[0] == " Streak 0 days · longest 0 days              no reviews due")
        var history = ScreenBuffer(size: Size(rows: 1, cols: 60))
        StreakLine.draw(streaks, right: nil, in: Rect(row: 0, col: 1, rows: 1, cols: 58), into: &history)
        #expect(history.lines[0] == " Streak 0 days · longest 0 days")
        #expect(today.lines[0].hasPrefix(history.lines[0]))
    }

    @Test(arguments: [Screen.tracks])
    func theSelectedRowIsReversed(screen: Screen) {
        var state = Fixtures.state(size: Size(rows: 24, cols: 100))
        state.screen = screen
        let buffer = render(state, size: state.viewport)
        let reversed = (1..<23).filter { row in (0..<100).contains { buffer[row, $0].style.reverse } }
        #expect(reversed.count == 1, "\(screen): the selection shows without colour")
    }
}
