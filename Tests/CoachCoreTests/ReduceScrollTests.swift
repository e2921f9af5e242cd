import CoachCore
import Foundation
import Testing

@Suite("reduce: scroll offsets and resize")
struct ReduceScrollTests {
    // With Fixture.smallViewport the lists have 5 rows.

    @Test func trackListScrollsToKeepTheSelectionVisible() {
        var state = Fixture.state(viewport: Fixture.smallViewport)
        Fixture.apply(Array(repeating: .moveDown, count: 4), to: &state)
        #expect(state.tracksCursor.trackList.scroll == 0)
        _ = reduce(&state, .moveDown, now: Fixture.now)
        #expect(state.tracksCursor.trackList.selected == 5)
        #expect(state.tracksCursor.trackList.scroll == 1, "one row down, not a whole page")
        _ = reduce(&state, .moveBottom, now: Fixture.now)
        #expect(state.tracksCursor.trackList.scroll == Fixture.trackCount - 5)
        _ = reduce(&state, .moveUp, now: Fixture.now)
        #expect(state.tracksCursor.trackList.scroll == Fixture.trackCount - 5, "still visible: no scroll")
        _ = reduce(&state, .moveTop, now: Fixture.now)
        #expect(state.tracksCursor.trackList.scroll == 0)
    }

    @Test func itemListScrollCountsSectionHeadings() {
        // beta: heading on row 0, beta.1…beta.12 on rows 1…12.
        var state = Fixture.itemsState(track: 1, viewport: Fixture.smallViewport)
        #expect(state.tracksCursor.itemList.scroll == 0)
        Fixture.apply(Array(repeating: .moveDown, count: 4), to: &state)
        #expect(state.tracksCursor.itemList.selected == 4)  // row 5
        #expect(state.tracksCursor.itemList.scroll == 1)
        _ = reduce(&state, .moveBottom, now: Fixture.now)
        #expect(state.tracksCursor.itemList.scroll == 13 - 5)
        _ = reduce(&state, .moveTop, now: Fixture.now)
        #expect(state.tracksCursor.itemList.scroll == 0, "the first item shows its section heading too")
    }

    @Test func resizeUpdatesTheViewportAndKeepsTheSelectionVisible() {
        // A big window: beta's 13 rows fit, nothing is scrolled.
        var state = Fixture.itemsState(track: 1)
        _ = reduce(&state, .moveBottom, now: Fixture.now)
        #expect(state.tracksCursor.itemList.scroll == 0)

        let effects = reduce(&state, .resize(Fixture.smallViewport), now: Fixture.now)
        #expect(effects.isEmpty)
        #expect(state.viewport == Fixture.smallViewport)
        #expect(state.tracksCursor.itemList.scroll == 13 - 5)
        let row = TracksLayout.rowOfItem(state.tracksCursor.itemList.selected, in: state.selectedTrack!)
        #expect(row >= state.tracksCursor.itemList.scroll && row < state.tracksCursor.itemList.scroll + 5)

        _ = reduce(&state, .resize(Size(rows: 40, cols: 120)), now: Fixture.now)
        #expect(state.viewport == Size(rows: 40, cols: 120))
        #expect(state.tracksCursor.itemList.scroll == 0, "everything fits again")
    }

    @Test func resizeScrollsTheTrackList() {
        var state = Fixture.state()
        _ = reduce(&state, .moveBottom, now: Fixture.now)
        #expect(state.tracksCursor.trackList.scroll == 0)
        _ = reduce(&state, .resize(Fixture.smallViewport), now: Fixture.now)
        #expect(state.tracksCursor.trackList.scroll == Fixture.trackCount - 5)
        #expect(state.tracksCursor.trackList.selected == Fixture.trackCount - 1)
    }

    @Test func resizeKeepsTheMessage() {
        var state = Fixture.state()
        state.message = "Undid: Alpha 1 → doing"
        _ = reduce(&state, .resize(Fixture.smallViewport), now: Fixture.now)
        #expect(state.message == "Undid: Alpha 1 → doing")
    }

    @Test func aTinyResizeDoesNotBreakScrolling() {
        var state = Fixture.itemsState(track: 1, item: 7)
        _ = reduce(&state, .resize(Size(rows: 1, cols: 10)), now: Fixture.now)
        #expect(TracksLayout.listRows(state.viewport) == 1)
        #expect(state.tracksCursor.itemList.scroll == TracksLayout.rowOfItem(7, in: state.selectedTrack!))
        #expect(state.tracksCursor.trackList.scroll == 1)
    }
}
