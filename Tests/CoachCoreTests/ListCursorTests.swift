import Foundation
import Testing
@testable import CoachCore

/// The one list cursor: moving, paging by the visible height, first and last, keeping the
/// selection in view and clicks; and every list of the program moving by it.
@Suite struct ListCursorTests {
    @Test func movesStayInsideTheList() {
        var list = ListCursor()
        let moved = list.move(.moveUp, count: 10, height: 4)
        #expect(moved)
        #expect(list.selected == 0)
        list.move(.moveBottom, count: 10, height: 4)
        #expect(list == ListCursor(selected: 9, scroll: 6), "the last page")
        list.move(.moveDown, count: 10, height: 4)
        #expect(list.selected == 9)
        list.move(.moveTop, count: 10, height: 4)
        #expect(list == ListCursor(selected: 0, scroll: 0))
        let opened = list.move(.open, count: 10, height: 4)
        #expect(!opened, "not a move")
        list.move(.moveBottom, count: 0, height: 4)
        #expect(list == ListCursor(), "an empty list keeps 0")
    }

    @Test func pagesByTheVisibleHeight() {
        var list = ListCursor()
        list.move(.pageDown, count: 30, height: 7)
        #expect(list == ListCursor(selected: 7, scroll: 1), "the selection is the last row shown")
        list.move(.pageDown, count: 30, height: 7)
        #expect(list == ListCursor(selected: 14, scroll: 8))
        list.move(.pageUp, count: 30, height: 7)
        #expect(list == ListCursor(selected: 7, scroll: 7), "going back up, the window follows at its top")
        list.move(.pageUp, count: 30, height: 0)
        #expect(list.selected == 6, "a page is at least one row")
    }

    @Test func keepVisibleScrollsAsLittleAsNeeded() {
        var list = ListCursor(selected: 5, scroll: 3)
        list.keepVisible(height: 4, total: 20)
        #expect(list.scroll == 3, "in view already")
        list.selected = 12
        list.keepVisible(height: 4, total: 20)
        #expect(list.scroll == 9)
        list.keepVisible(height: 4, total: 20, row: 2)
        #expect(list.scroll == 2, "a row other than the index: a heading above the item")
        list.scroll = 50
        list.keepVisible(height: 30, total: 20)
        #expect(list.scroll == 0, "everything fits")
    }

    @Test func aClickedLineIsAnEntryOrNothing() {
        let list = ListCursor(selected: 5, scroll: 5)
        #expect(list.index(atLine: 0, height: 4, count: 20) == 5)
        #expect(list.index(atLine: 3, height: 4, count: 20) == 8)
        #expect(list.index(atLine: 4, height: 4, count: 20) == nil, "below the list")
        #expect(list.index(atLine: -1, height: 4, count: 20) == nil, "above it")
        #expect(ListCursor().index(atLine: 2, height: 4, count: 2) == nil, "past the last entry")
        // A scroll left behind by a list that shrank: the click counts from what is drawn.
        #expect(ListCursor(selected: 1, scroll: 9).index(atLine: 1, height: 4, count: 3) == 1)
    }

    // Every list pages and jumps the same way.

    static func journal(_ count: Int) -> Journal {
        var journal = Journal()
        let day = StudyDay(ReduceTodayTests.start, in: ReduceTodayTests.utc)
        for n in 0..<count { _ = journal.add(JournalEntry(day: day.adding(days: -n), minutes: 10 + n, note: "n\(n)")) }
        return journal
    }

    @Test func todaysPlanPagesAndJumps() {
        var state = ReduceTodayTests.todayState(goal: 600)
        let count = state.study.plan?.entries.count ?? 0
        #expect(count > 3)
        let small = Size(rows: 13, cols: 80)
        _ = reduce(&state, .resize(small), now: ReduceTodayTests.start)
        let page = TodayLayout.planRows(entries: count, viewport: small)
        #expect(page < count, "the plan does not fit: it pages")
        _ = reduce(&state, .pageDown, now: ReduceTodayTests.start)
        #expect(state.study.planList.selected == page)
        _ = reduce(&state, .moveBottom, now: ReduceTodayTests.start)
        #expect(state.study.planList.selected == count - 1)
        #expect(state.study.planList.scroll == count - page)
        _ = reduce(&state, .moveTop, now: ReduceTodayTests.start)
        #expect(state.study.planList == ListCursor())
        #expect(KeyMap.action(for: .pageDown, in: state) == .pageDown)
        #expect(KeyMap.action(for: .wheelDown, in: state) == .moveDown)
    }

    @Test func historyPagesByTheJournalsHeightAndActsOnTheSelectedRow() {
        var state = ReduceTodayTests.todayState(journal: Self.journal(30))
        state.screen = .history
        let rows = try! #require(HistoryLayout(state.viewport, trackCount: state.curriculum.tracks.count).journal?.rows)
        _ = reduce(&state, .pageDown, now: ReduceTodayTests.start)
        #expect(state.study.journalList.selected == rows)
        _ = reduce(&state, .moveUp, now: ReduceTodayTests.start)
        _ = reduce(&state, .editEntry, now: ReduceTodayTests.start)
        #expect(state.modal?.entryForm?.entry == state.study.journal.newestFirst[rows - 1], "the selected session, not the top one")
        _ = reduce(&state, .close, now: ReduceTodayTests.start)
        _ = reduce(&state, .moveBottom, now: ReduceTodayTests.start)
        _ = reduce(&state, .deleteEntry, now: ReduceTodayTests.start)
        #expect(state.modal == .deleteEntry(id: state.study.journal.newestFirst[29].id))
    }

    @Test func aJournalThatIsNotShownIsNotActedOn() {
        var state = ReduceTodayTests.todayState(journal: Self.journal(3))
        state.screen = .history
        _ = reduce(&state, .resize(Size(rows: 24, cols: 60)), now: ReduceTodayTests.start)
        #expect(HistoryLayout(state.viewport, trackCount: state.curriculum.tracks.count).journal == nil)
        for action in [Action.editEntry, .deleteEntry] {
            _ = reduce(&state, action, now: ReduceTodayTests.start)
            #expect(state.modal == nil)
            #expect(state.message?.contains("does not fit") == true)
        }
    }

    @Test func aClickOnAJournalRowSelectsItAndASecondEditsIt() {
        var state = ReduceTodayTests.todayState(journal: Self.journal(10))
        state.screen = .history
        let journal = try! #require(HistoryLayout(state.viewport, trackCount: state.curriculum.tracks.count).journal)
        let click = Key.click(row: journal.firstRow + 2, col: journal.col + 3)
        let action = try! #require(KeyMap.action(for: click, in: state))
        _ = reduce(&state, action, now: ReduceTodayTests.start)
        #expect(state.study.journalList.selected == 2)
        #expect(state.modal == nil)
        _ = reduce(&state, action, now: ReduceTodayTests.start)
        #expect(state.modal?.entryForm?.entry == state.study.journal.newestFirst[2])
    }

    @Test func searchResultsPageAndJump() {
        var state = Fixture.state(viewport: Size(rows: 10, cols: 80))
        _ = reduce(&state, .openSearch, now: Fixture.now)
        _ = reduce(&state, .edit(.insert("a")), now: Fixture.now)
        let hits = state.modal?.search?.hits.count ?? 0
        #expect(hits > SearchLayout.listRows(state.viewport))
        _ = reduce(&state, .pageDown, now: Fixture.now)
        #expect(state.modal?.search?.list.selected == SearchLayout.listRows(state.viewport))
        #expect(KeyMap.action(for: .pageDown, in: state) == .pageDown)
        #expect(KeyMap.action(for: .wheelDown, in: state) == .moveDown)
    }

    @Test func helpScrollsWhenItDoesNotFit() {
        var state = Fixture.state(viewport: Size(rows: 16, cols: 80))
        _ = reduce(&state, .toggleHelp, now: Fixture.now)
        #expect(KeyMap.action(for: .char("j"), in: state) == .moveDown)
        #expect(KeyMap.action(for: .end, in: state) == .moveBottom)
        #expect(KeyMap.action(for: .wheelDown, in: state) == .moveDown)
        _ = reduce(&state, .moveBottom, now: Fixture.now)
        let lines = KeyMap.helpLines(for: .tracks).count
        guard case .help(let list) = state.modal else { Issue.record("help closed"); return }
        #expect(list.selected == lines - 1)
        #expect(list.scroll == lines - HelpLayout.visibleRows(state.viewport, lines: lines))
        _ = reduce(&state, .close, now: Fixture.now)
        #expect(state.modal == nil)
    }
}
