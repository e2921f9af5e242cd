import CoachCore
import Foundation
import Testing

@Suite("reduce: panes, Enter and the detail overlay")
struct ReducePaneTests {
    @Test func focusRightEntersTheItemsAndFocusLeftLeavesThem() {
        var state = Fixture.state()
        _ = reduce(&state, .focusRight, now: Fixture.now)
        #expect(state.tracksCursor.pane == .items)
        #expect(state.modal == nil)
        _ = reduce(&state, .focusLeft, now: Fixture.now)
        #expect(state.tracksCursor.pane == .tracks)
        _ = reduce(&state, .focusLeft, now: Fixture.now)
        #expect(state.tracksCursor.pane == .tracks)
    }

    @Test func focusRightOnATrackWithoutItemsStaysOnTheTrackList() {
        var state = Fixture.state()
        Fixture.apply([.moveDown, .moveDown, .moveDown], to: &state)
        #expect(state.selectedTrack?.id == "empty")
        _ = reduce(&state, .focusRight, now: Fixture.now)
        #expect(state.tracksCursor.pane == .tracks)
        _ = reduce(&state, .open, now: Fixture.now)
        #expect(state.tracksCursor.pane == .tracks)
        #expect(state.modal == nil)
    }

    @Test func enterOnTheTrackPaneEntersItsItemsWithoutOpeningDetail() {
        var state = Fixture.state()
        _ = reduce(&state, .moveDown, now: Fixture.now)
        let effects = reduce(&state, .open, now: Fixture.now)
        #expect(effects.isEmpty)
        #expect(state.tracksCursor.pane == .items)
        #expect(state.tracksCursor.trackList.selected == 1)
        #expect(state.modal == nil)
    }

    @Test func enterOnAnItemOpensItsDetailAndCloseClearsIt() {
        var state = Fixture.itemsState(track: 0, item: 3)
        _ = reduce(&state, .open, now: Fixture.now)
        #expect(state.modal == .detail(itemID: "alpha.4", scroll: 0))
        #expect(state.tracksCursor.pane == .items)

        _ = reduce(&state, .close, now: Fixture.now)
        #expect(state.modal == nil)
        #expect(state.tracksCursor.pane == .items)
        #expect(state.selectedItem?.id == "alpha.4")
    }

    @Test func closeWithNothingOpenClearsTheMessage() {
        var state = Fixture.state()
        state.message = "Undid: something"
        let effects = reduce(&state, .close, now: Fixture.now)
        #expect(effects.isEmpty)
        #expect(state.message == nil)
        #expect(state.modal == nil)
    }

    @Test func anyOtherActionClearsTheMessage() {
        var state = Fixture.state()
        state.message = "Nothing to undo"
        _ = reduce(&state, .moveDown, now: Fixture.now)
        #expect(state.message == nil)
    }

    @Test func detailMoveDownAndUpScrollTheDetailNotTheCursor() {
        // 10 rows leave 6 for the detail's 10 lines: it scrolls 4.
        var state = Fixture.itemsState(track: 1, item: 2, viewport: Size(rows: 10, cols: 80))
        _ = reduce(&state, .open, now: Fixture.now)
        Fixture.apply([.moveDown, .moveDown, .moveDown], to: &state)
        #expect(state.modal == .detail(itemID: "beta.3", scroll: 3))
        #expect(state.tracksCursor.itemList.selected == 2)

        _ = reduce(&state, .moveUp, now: Fixture.now)
        #expect(state.modal == .detail(itemID: "beta.3", scroll: 2))
        Fixture.apply([.moveUp, .moveUp, .moveUp, .moveUp], to: &state)
        #expect(state.modal == .detail(itemID: "beta.3", scroll: 0), "scroll stops at the top")
        #expect(state.tracksCursor.itemList.selected == 2)
    }

    @Test func detailScrollStopsAtTheLastScreenfulSoUpAlwaysMoves() {
        var state = Fixture.itemsState(track: 1, item: 2, viewport: Size(rows: 10, cols: 80))
        let item = try! #require(state.selectedItem)
        _ = reduce(&state, .open, now: Fixture.now)
        let lines = ItemDetailText.lines(for: item, in: state, changedDay: nil, width: ItemDetailText.width(state.viewport))
        #expect(lines.map(\.text) == ["Beta · beta.3", "Status: todo   Time: 0m of 30m", "", "About Beta 3", "",
                                      "Proof of work", "none yet: p adds a link (a repo, a write-up)", "", "Resources", "none listed"])
        #expect(ItemDetailText.maxScroll(for: item, in: state) == 4)
        Fixture.apply(Array(repeating: .moveDown, count: 20), to: &state)
        #expect(state.modal == .detail(itemID: "beta.3", scroll: 4))
        Fixture.apply([.moveUp], to: &state)
        #expect(state.modal == .detail(itemID: "beta.3", scroll: 3), "the first key back up moves")
        Fixture.apply([.moveBottom], to: &state)
        #expect(state.modal == .detail(itemID: "beta.3", scroll: 4))
        Fixture.apply([.pageUp], to: &state)
        #expect(state.modal == .detail(itemID: "beta.3", scroll: 0))
        Fixture.apply([.pageDown], to: &state)
        #expect(state.modal == .detail(itemID: "beta.3", scroll: 4))
        // A taller window shows more, so the scroll comes back within it.
        Fixture.apply([.resize(Size(rows: 12, cols: 80))], to: &state)
        #expect(state.modal == .detail(itemID: "beta.3", scroll: 2))
        Fixture.apply([.resize(Size(rows: 40, cols: 80))], to: &state)
        #expect(state.modal == .detail(itemID: "beta.3", scroll: 0))
    }

    @Test func detailIgnoresPagingAndPaneKeys() {
        var state = Fixture.itemsState(track: 1, item: 2)
        _ = reduce(&state, .open, now: Fixture.now)
        let before = state
        for action in [Action.pageDown, .pageUp, .moveTop, .moveBottom, .focusLeft, .focusRight, .open] {
            #expect(reduce(&state, action, now: Fixture.now).isEmpty)
        }
        #expect(state == before)
    }

    @Test func spaceInTheDetailChangesTheOpenItem() {
        var state = Fixture.itemsState(track: 0, item: 0)
        // The detail shows beta.3 while the list cursor is on alpha.1.
        state.open(.detail(itemID: "beta.3", scroll: 4))

        let effects = reduce(&state, .cycleStatus, now: Fixture.now)
        #expect(effects == [.save(.progress)])
        #expect(state.progress.status(of: "beta.3") == .doing)
        #expect(state.progress.status(of: "alpha.1") == .todo)
        #expect(state.modal == .detail(itemID: "beta.3", scroll: 4), "the detail stays open")

        _ = reduce(&state, .cycleStatus, now: Fixture.now)
        #expect(state.progress.status(of: "beta.3") == .done)
    }

    @Test func skipInTheDetailSkipsTheOpenItemAndBringsItBack() {
        var state = Fixture.itemsState(track: 0, item: 1)
        _ = reduce(&state, .open, now: Fixture.now)
        #expect(reduce(&state, .toggleSkip, now: Fixture.now) == [.save(.progress)])
        #expect(state.progress.status(of: "alpha.2") == .skipped)
        #expect(reduce(&state, .toggleSkip, now: Fixture.now) == [.save(.progress)])
        #expect(state.progress.status(of: "alpha.2") == .todo)
        #expect(state.undo.steps.count == 2)
    }

    @Test func detailOfAnIdNotInTheCurriculumChangesNothing() {
        var state = Fixture.itemsState()
        state.open(.detail(itemID: "gone.item", scroll: 0))
        #expect(reduce(&state, .cycleStatus, now: Fixture.now).isEmpty)
        #expect(state.progress.items.isEmpty)
        #expect(state.undo.steps.isEmpty)
    }
}
