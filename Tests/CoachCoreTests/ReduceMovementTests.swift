import CoachCore
import Foundation
import Testing

@Suite("reduce: moving the cursors")
struct ReduceMovementTests {
    @Test func trackPaneMovesDownAndUpAndClampsAtBothEnds() {
        var state = Fixture.state()
        #expect(state.tracksCursor.pane == .tracks)
        #expect(state.tracksCursor.trackList.selected == 0)

        _ = reduce(&state, .moveUp, now: Fixture.now)
        #expect(state.tracksCursor.trackList.selected == 0)

        _ = reduce(&state, .moveDown, now: Fixture.now)
        #expect(state.tracksCursor.trackList.selected == 1)
        #expect(state.selectedTrack?.id == "beta")

        Fixture.apply(Array(repeating: .moveDown, count: 20), to: &state)
        #expect(state.tracksCursor.trackList.selected == Fixture.trackCount - 1)

        _ = reduce(&state, .moveUp, now: Fixture.now)
        #expect(state.tracksCursor.trackList.selected == Fixture.trackCount - 2)
    }

    @Test func trackPaneTopAndBottom() {
        var state = Fixture.state()
        _ = reduce(&state, .moveBottom, now: Fixture.now)
        #expect(state.tracksCursor.trackList.selected == Fixture.trackCount - 1)
        _ = reduce(&state, .moveBottom, now: Fixture.now)
        #expect(state.tracksCursor.trackList.selected == Fixture.trackCount - 1)
        _ = reduce(&state, .moveTop, now: Fixture.now)
        #expect(state.tracksCursor.trackList.selected == 0)
        _ = reduce(&state, .moveTop, now: Fixture.now)
        #expect(state.tracksCursor.trackList.selected == 0)
    }

    @Test func trackPanePagesByTheListHeight() {
        var state = Fixture.state(viewport: Fixture.smallViewport)
        let page = TracksLayout.listRows(Fixture.smallViewport)
        #expect(page == 5)

        _ = reduce(&state, .pageDown, now: Fixture.now)
        #expect(state.tracksCursor.trackList.selected == page)
        _ = reduce(&state, .pageDown, now: Fixture.now)
        #expect(state.tracksCursor.trackList.selected == Fixture.trackCount - 1)  // 10 clamps to 9
        _ = reduce(&state, .pageUp, now: Fixture.now)
        #expect(state.tracksCursor.trackList.selected == Fixture.trackCount - 1 - page)
        _ = reduce(&state, .pageUp, now: Fixture.now)
        #expect(state.tracksCursor.trackList.selected == 0)
    }

    @Test func itemPaneMovesDownAndUpAndClampsAtBothEnds() {
        var state = Fixture.itemsState(track: 0)
        #expect(state.tracksCursor.pane == .items)
        #expect(state.selectedItem?.id == "alpha.1")

        _ = reduce(&state, .moveUp, now: Fixture.now)
        #expect(state.tracksCursor.itemList.selected == 0)

        // Moving crosses the section boundary: items count across all sections.
        Fixture.apply([.moveDown, .moveDown, .moveDown], to: &state)
        #expect(state.tracksCursor.itemList.selected == 3)
        #expect(state.selectedItem?.id == "alpha.4")

        Fixture.apply(Array(repeating: .moveDown, count: 10), to: &state)
        #expect(state.tracksCursor.itemList.selected == 4)
        #expect(state.selectedItem?.id == "alpha.5")

        _ = reduce(&state, .moveUp, now: Fixture.now)
        #expect(state.selectedItem?.id == "alpha.4")
        // The track does not change while moving in the item pane.
        #expect(state.tracksCursor.trackList.selected == 0)
    }

    @Test func itemPaneTopAndBottom() {
        var state = Fixture.itemsState(track: 1)
        _ = reduce(&state, .moveBottom, now: Fixture.now)
        #expect(state.selectedItem?.id == "beta.12")
        _ = reduce(&state, .moveTop, now: Fixture.now)
        #expect(state.selectedItem?.id == "beta.1")
        #expect(state.tracksCursor.trackList.selected == 1)
    }

    @Test func itemPanePagesByTheListHeight() {
        var state = Fixture.itemsState(track: 1, viewport: Fixture.smallViewport)
        _ = reduce(&state, .pageDown, now: Fixture.now)
        #expect(state.tracksCursor.itemList.selected == 5)
        _ = reduce(&state, .pageDown, now: Fixture.now)
        #expect(state.tracksCursor.itemList.selected == 10)
        _ = reduce(&state, .pageDown, now: Fixture.now)
        #expect(state.tracksCursor.itemList.selected == 11)
        _ = reduce(&state, .pageUp, now: Fixture.now)
        #expect(state.tracksCursor.itemList.selected == 6)
        _ = reduce(&state, .pageUp, now: Fixture.now)
        _ = reduce(&state, .pageUp, now: Fixture.now)
        #expect(state.tracksCursor.itemList.selected == 0)
        #expect(state.tracksCursor.trackList.selected == 1)
    }

    @Test func changingTrackResetsTheItemCursorAndItsScroll() {
        var state = Fixture.itemsState(track: 1, viewport: Fixture.smallViewport)
        _ = reduce(&state, .moveBottom, now: Fixture.now)
        #expect(state.tracksCursor.itemList.selected == 11)
        #expect(state.tracksCursor.itemList.scroll > 0)

        _ = reduce(&state, .focusLeft, now: Fixture.now)
        #expect(state.tracksCursor.itemList.selected == 11, "switching panes keeps the item cursor")

        _ = reduce(&state, .moveDown, now: Fixture.now)
        #expect(state.tracksCursor.trackList.selected == 2)
        #expect(state.tracksCursor.itemList.selected == 0)
        #expect(state.tracksCursor.itemList.scroll == 0)
        #expect(state.selectedItem?.id == "gamma.1")
    }

    @Test func movingPastTheLastTrackKeepsTheItemCursor() {
        var state = Fixture.itemsState(track: Fixture.trackCount - 1, item: 1)
        _ = reduce(&state, .focusLeft, now: Fixture.now)
        _ = reduce(&state, .moveDown, now: Fixture.now)
        #expect(state.tracksCursor.trackList.selected == Fixture.trackCount - 1)
        #expect(state.tracksCursor.itemList.selected == 1, "the track did not change, so neither does the item")
    }

    @Test func movingDoesNotChangeProgressOrEmitEffects() {
        var state = Fixture.itemsState(track: 1)
        for action in [Action.moveDown, .moveUp, .pageDown, .pageUp, .moveTop, .moveBottom] {
            #expect(reduce(&state, action, now: Fixture.now).isEmpty)
        }
        #expect(state.progress == ProgressBook())
        #expect(state.undo.steps.isEmpty)
    }

    @Test func movingInAnEmptyTrackIsHarmless() {
        var state = Fixture.state()
        Fixture.apply([.moveDown, .moveDown, .moveDown], to: &state)
        #expect(state.selectedTrack?.id == "empty")
        #expect(state.selectedItem == nil)
        _ = reduce(&state, .focusRight, now: Fixture.now)
        #expect(state.tracksCursor.pane == .tracks)
        Fixture.apply([.moveDown, .moveUp], to: &state)
        #expect(state.selectedTrack?.id == "empty")
    }

    @Test func anEmptyCurriculumDoesNotCrash() {
        var state = AppState(curriculum: Curriculum(tracks: []), progress: ProgressBook())
        for action in [Action.moveDown, .moveUp, .pageDown, .pageUp, .moveTop, .moveBottom,
                       .focusRight, .open, .cycleStatus, .toggleSkip, .undo] {
            _ = reduce(&state, action, now: Fixture.now)
        }
        #expect(state.tracksCursor.trackList.selected == 0)
        #expect(state.selectedTrack == nil)
        #expect(state.modal == nil)
        #expect(state.progress == ProgressBook())
    }
}
