import Foundation
import Testing
@testable import CoachCore

/// The mouse: a click selects the row under it on the Tracks and Backlog lists, a click
/// on the selected row opens it, and the wheel moves like the arrow keys.
@Suite struct ReduceClicksTests {
    /// The first list row on screen.
    static let top = TracksLayout.listTop

    @Test func itemAtRowIsTheInverseOfRowOfItem() {
        let track = Fixture.curriculum().tracks[0]  // Basics: 3 items, More: 2 items
        for index in 0..<track.items.count {
            #expect(TracksLayout.itemAtRow(TracksLayout.rowOfItem(index, in: track), in: track) == index)
        }
        #expect(TracksLayout.itemAtRow(0, in: track) == nil, "the first section's heading")
        #expect(TracksLayout.itemAtRow(4, in: track) == nil, "the second section's heading")
        #expect(TracksLayout.itemAtRow(TracksLayout.rowCount(track), in: track) == nil, "past the end")
    }

    @Test func clickingATrackSelectsItAndClickingItAgainOpensItsItems() {
        var state = Fixture.state()
        Fixture.apply([.click(row: Self.top + 2, col: 3)], to: &state)
        #expect(state.tracksCursor.trackList.selected == 2)
        #expect(state.tracksCursor.pane == .tracks)
        Fixture.apply([.click(row: Self.top + 2, col: 3)], to: &state)
        #expect(state.tracksCursor.pane == .items)
        #expect(state.tracksCursor.itemList.selected == 0)
    }

    @Test func clickingAnItemSelectsItAndClickingItAgainOpensItsDetail() {
        var state = Fixture.state()
        let right = TracksLayout.trackPaneWidth(state.viewport) + 5
        // Alpha's rows: Basics, 1, 2, 3, More, 4, 5.
        Fixture.apply([.click(row: Self.top + 5, col: right)], to: &state)
        #expect(state.tracksCursor.pane == .items)
        #expect(state.selectedItem?.id == "alpha.4")
        Fixture.apply([.click(row: Self.top + 4, col: right)], to: &state)
        #expect(state.selectedItem?.id == "alpha.4", "a section heading selects nothing")
        Fixture.apply([.click(row: Self.top + 5, col: right)], to: &state)
        #expect(state.modal == .detail(itemID: "alpha.4", scroll: 0))
        #expect(KeyMap.action(for: .click(row: Self.top, col: right), in: state) == nil, "the detail is not a list")
    }

    @Test func clicksOutsideTheListsDoNothing() {
        var state = Fixture.state()
        let before = state.tracksCursor
        for (row, col) in [(0, 3), (1, 3), (state.viewport.rows - 1, 3), (Self.top + 30, 3),
                           (Self.top, TracksLayout.trackPaneWidth(state.viewport))] {
            Fixture.apply([.click(row: row, col: col)], to: &state)
        }
        #expect(state.tracksCursor == before)
        #expect(state.modal == nil)
    }

    @Test func clicksFollowTheScroll() {
        var state = Fixture.state(viewport: Fixture.smallViewport)
        Fixture.apply([.moveBottom], to: &state)
        #expect(state.tracksCursor.trackList.scroll > 0)
        let scroll = state.tracksCursor.trackList.scroll
        Fixture.apply([.click(row: Self.top, col: 3)], to: &state)
        #expect(state.tracksCursor.trackList.selected == scroll, "the first row shown, not the first track")
    }

    @Test func clickingAnIdeaSelectsItAndClickingItAgainEditsIt() {
        var state = ReduceBacklogTests.backlogState()
        _ = ReduceBacklogTests.addIdea("Big", reach: "900", effort: "1", to: &state)
        _ = ReduceBacklogTests.addIdea("Small", reach: "10", effort: "1", to: &state)
        Fixture.apply([.click(row: BacklogLayout.listTop, col: 10)], to: &state)
        #expect(state.selectedIdea?.title == "Big")
        #expect(state.modal?.ideaForm == nil)
        Fixture.apply([.click(row: BacklogLayout.listTop, col: 10)], to: &state)
        #expect(state.modal?.ideaForm?.editing == state.backlog.rankedIDs[0])
        #expect(KeyMap.action(for: .click(row: BacklogLayout.listTop + 1, col: 10), in: state) == nil, "not while the form is open")
    }

    @Test func theWheelMovesLikeTheArrows() {
        var state = Fixture.itemsState()
        #expect(KeyMap.action(for: .wheelDown, in: state) == .moveDown)
        #expect(KeyMap.action(for: .wheelUp, in: state) == .moveUp)
        Fixture.apply([.open], to: &state)
        #expect(KeyMap.action(for: .wheelDown, in: state) == .moveDown, "and scrolls the detail")
        state = Fixture.state()
        state.screen = .history
        #expect(Fixture.apply([.click(row: 3, col: 3)], to: &state).isEmpty)
        #expect(state.study.journalList == ListCursor() && state.modal == nil,
                "a click on History's heatmap does nothing (its journal is a list)")
    }

    @Test func clickingAPlannedItemSelectsItAndClickingItAgainOpensIt() {
        var state = ReduceTodayTests.todayState(goal: 90)  // beta.1, beta.2 and beta.3 fill the 90 minutes
        let entries = try! #require(state.study.plan?.entries)
        #expect(entries.count >= 3)
        let firstRow = TodayLayout.planHeading + 1
        #expect(KeyMap.action(for: .click(row: firstRow + 2, col: 5), in: state) == .click(row: firstRow + 2, col: 5))
        Fixture.apply([.click(row: firstRow + 2, col: 5)], to: &state)
        #expect(state.study.planList.selected == 2)
        #expect(state.modal == nil)
        Fixture.apply([.click(row: TodayLayout.planHeading, col: 5), .click(row: firstRow + entries.count, col: 5)], to: &state)
        #expect(state.study.planList.selected == 2, "the heading and the rule under the list select nothing")
        Fixture.apply([.click(row: firstRow + 2, col: 5)], to: &state)
        #expect(state.modal == .detail(itemID: entries[2].itemID, scroll: 0))
    }

    @Test func thePlanWindowKeepsTheSelectionInView() {
        // 30 entries under a heading at row 7, above a key bar at row 29: 19 rows, less the footer's 2.
        #expect(TodayLayout.planWindow(entries: 30, cursor: ListCursor(selected: 0), heading: 7, bottom: 29) == (0, 19))
        #expect(TodayLayout.planWindow(entries: 30, cursor: ListCursor(selected: 25), heading: 7, bottom: 29) == (7, 19))
        #expect(TodayLayout.planWindow(entries: 30, cursor: ListCursor(selected: 99), heading: 7, bottom: 29) == (11, 19))
        #expect(TodayLayout.planWindow(entries: 3, cursor: ListCursor(selected: 1), heading: 7, bottom: 29) == (0, 3))
        #expect(TodayLayout.planWindow(entries: 0, cursor: ListCursor(selected: 0), heading: 7, bottom: 29) == (0, 0))
        #expect(TodayLayout.planWindow(entries: 5, cursor: ListCursor(selected: 4), heading: 7, bottom: 9) == (4, 1), "at least one row")
    }
}
