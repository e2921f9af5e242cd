import CoachCore
import Testing

@Suite("TracksLayout")
struct TracksLayoutTests {
    // Rows: 0 "A", 1 a.1, 2 a.2, 3 "B", 4 a.3, 5 a.4, 6 a.5, 7 "C", 8 a.6
    static let track = Fixture.track("a", "A", sections: [("A", 2), ("B", 3), ("C", 1)])

    @Test func rowOfItemCountsASectionHeadingBeforeEachSection() {
        let rows = (0..<6).map { TracksLayout.rowOfItem($0, in: Self.track) }
        #expect(rows == [1, 2, 4, 5, 6, 8])
    }

    @Test func rowCountIsHeadingsPlusItems() {
        #expect(TracksLayout.rowCount(Self.track) == 9)
        #expect(TracksLayout.rowCount(Track(id: "e", title: "E", sections: [])) == 0)
    }

    @Test func anEmptySectionStillTakesItsHeadingRow() {
        let track = Fixture.track("a", "A", sections: [("Empty", 0), ("Full", 2)])
        #expect(TracksLayout.rowOfItem(0, in: track) == 2)
        #expect(TracksLayout.rowOfItem(1, in: track) == 3)
        #expect(TracksLayout.rowCount(track) == 4)
    }

    @Test func listRowsLeavesRoomForTheChromeAndIsNeverZero() {
        #expect(TracksLayout.listRows(Size(rows: 24, cols: 80)) == 24 - TracksLayout.chromeRows)
        #expect(TracksLayout.listRows(Size(rows: 2, cols: 80)) == 1)
        #expect(TracksLayout.listRows(Size(rows: 0, cols: 0)) == 1)
    }

    @Test func scrollLeavesAVisibleRowAlone() {
        #expect(ListCursor(scroll: 0).first(height: 5, total: 20, row: 0) == 0)
        #expect(ListCursor(scroll: 0).first(height: 5, total: 20, row: 4) == 0)
        #expect(ListCursor(scroll: 7).first(height: 5, total: 20, row: 9) == 7)
    }

    @Test func scrollMovesAsLittleAsPossible() {
        #expect(ListCursor(scroll: 0).first(height: 5, total: 20, row: 5) == 1, "row below: it becomes the last row")
        #expect(ListCursor(scroll: 0).first(height: 5, total: 20, row: 12) == 8)
        #expect(ListCursor(scroll: 10).first(height: 5, total: 20, row: 9) == 9, "row above: it becomes the first row")
        #expect(ListCursor(scroll: 10).first(height: 5, total: 20, row: 2) == 2)
    }

    @Test func scrollClamps() {
        #expect(ListCursor(scroll: 18).first(height: 5, total: 20, row: 19) == 15, "never past the end")
        #expect(ListCursor(scroll: 50).first(height: 5, total: 20, row: 19) == 15)
        #expect(ListCursor(scroll: 3).first(height: 10, total: 4, row: 2) == 0, "everything fits: no scroll")
        #expect(ListCursor(scroll: -3).first(height: 5, total: 20, row: 0) == 0)
        #expect(ListCursor(scroll: 0).first(height: 5, total: 0, row: 0) == 0)
    }

    @Test func trackPaneWidthGrowsWithTheWindowWithinBounds() {
        let widths = (60...300).map { TracksLayout.trackPaneWidth(Size(rows: 24, cols: $0)) }
        #expect(widths == widths.sorted(), "never shrinks as the window grows")
        #expect(widths.allSatisfy { $0 >= 24 && $0 <= 36 })
        #expect(widths.last == 36, "capped on a wide window")
        #expect(TracksLayout.trackPaneWidth(Size(rows: 24, cols: 99)) == 33, "a third of a mid-size window")
        // The item pane always keeps at least half of a minimum-size window.
        #expect(TracksLayout.trackPaneWidth(Size.minimum) <= Size.minimum.cols / 2)
    }
}
