@testable import CoachCore
import Foundation
import Testing

/// Today's rows stay where they are after a tick or a rating, the cursor moves on to the
/// next row still to do, `/` searches the curriculum, and a short session keeps its note.
@Suite struct PlanPlacesTests {
    typealias Entry = DailyPlan.Entry

    @Test func rowsKeepTheirPlacesAndNewRowsFollowTheirNeighbour() {
        let old = [Entry(kind: .review, itemID: "a", minutes: 5), Entry(kind: .review, itemID: "b", minutes: 5),
                   Entry(kind: .focus, itemID: "c", minutes: 30)]
        // The planner puts the review done today first, and a new focus item after c.
        let new = [Entry(kind: .review, itemID: "b", minutes: 5, finished: true), Entry(kind: .review, itemID: "a", minutes: 5),
                   Entry(kind: .focus, itemID: "c", minutes: 30, finished: true), Entry(kind: .focus, itemID: "d", minutes: 30)]
        #expect(StudyState.keepingPlaces(new, of: old).map(\.itemID) == ["a", "b", "c", "d"])
        #expect(StudyState.keepingPlaces(new, of: []).map(\.itemID) == ["b", "a", "c", "d"], "a first plan as planned")
    }

    @Test func theCursorMovesToTheNextRowStillToDo() {
        let old = [Entry(kind: .review, itemID: "a", minutes: 5), Entry(kind: .focus, itemID: "b", minutes: 5),
                   Entry(kind: .focus, itemID: "c", minutes: 30)]
        var new = old
        new[1].finished = true
        #expect(StudyState.cursorAfterChange(ListCursor(selected: 1), old: old, new: new).selected == 2)
        new[2].finished = true
        #expect(StudyState.cursorAfterChange(ListCursor(selected: 1), old: old, new: new).selected == 0, "none below: the first above")
        new[0].finished = true
        #expect(StudyState.cursorAfterChange(ListCursor(selected: 1), old: old, new: new).selected == 1, "all done: it stays")
        // A row that was done already does not move the cursor.
        #expect(StudyState.cursorAfterChange(ListCursor(selected: 1), old: new, new: new).selected == 1)
    }

    @Test func aRatedReviewStaysInItsRowAndTheCursorGoesOn() {
        var book = ProgressBook()
        let start = ReduceTodayTests.start
        book.setStatus(.done, of: "alpha.1", at: start.addingTimeInterval(-3 * 86_400))
        book.setStatus(.done, of: "alpha.2", at: start.addingTimeInterval(-3 * 86_400))
        var state = ReduceTodayTests.todayState(goal: 120, progress: book)
        let before = state.study.plan!.entries.map(\.itemID)
        #expect(Array(before.prefix(2)) == ["alpha.1", "alpha.2"])
        Fixture.apply([.moveDown, .markDone, .rate(.good)], to: &state, now: start)
        #expect(state.study.plan!.entries.map(\.itemID) == before, "alpha.2 reviewed today stays second")
        #expect(state.study.plan!.entries[1].finished)
        #expect(state.study.planList.selected == 2, "on the next row still to do")
    }

    @Test func aNewDayPlansAfresh() {
        var book = ProgressBook()
        let start = ReduceTodayTests.start
        book.setStatus(.done, of: "alpha.1", at: start.addingTimeInterval(-3 * 86_400))
        book.setStatus(.done, of: "alpha.2", at: start.addingTimeInterval(-3 * 86_400))
        var state = ReduceTodayTests.todayState(goal: 120, progress: book)
        Fixture.apply([.moveDown, .markDone, .rate(.good)], to: &state, now: start)
        #expect(state.study.plan!.entries.prefix(2).map(\.itemID) == ["alpha.1", "alpha.2"])
        // The next day the review done yesterday is gone and the plan is the planner's own.
        Fixture.apply([.tick], to: &state, now: start.addingTimeInterval(86_400))
        let fresh = DailyPlan(curriculum: state.curriculum, progress: state.progress, reviews: state.study.reviews,
                              settings: state.settings, day: state.study.today, timeZone: .utc)
        #expect(state.study.plan?.entries == fresh.entries)
    }

    @Test func slashOnTodayAndHistorySearchesAndShowsTheMatchOnTracks() {
        for screen in [Screen.today, .history] {
            var state = ReduceTodayTests.todayState()
            state.screen = screen
            #expect(KeyMap.action(for: .char("/"), in: state) == .openSearch)
            Fixture.apply([.openSearch] + "gamma".map { .edit(.insert($0)) }, to: &state)
            #expect(state.modal?.search?.hits.first == CurriculumSearch.Hit(track: 2, item: nil, matched: "track"))
            Fixture.apply([.moveDown, .confirm], to: &state)
            #expect(state.screen == .tracks)
            #expect(state.modal == nil)
            #expect(state.selectedItem?.id == "gamma.1")
        }
    }

    @Test func aSessionTooShortToLogKeepsItsNoteForTheNextF() {
        var state = ReduceTodayTests.todayState()
        let start = ReduceTodayTests.start
        Fixture.apply([.toggleTimer, .finishSession] + "read the paper".map { .edit(.insert($0)) }, to: &state, now: start)
        #expect(Fixture.apply([.confirm], to: &state, now: start.addingTimeInterval(10)).isEmpty)
        #expect(state.message == "Under half a minute: not logged yet. The session goes on; your note waits in f")
        #expect(state.study.timer != nil, "the session goes on")
        #expect(state.study.journal.isEmpty)
        Fixture.apply([.finishSession], to: &state, now: start.addingTimeInterval(600))
        guard case .finishNote(let note) = state.modal else { Issue.record("no note box"); return }
        #expect(note.text == "read the paper")
        Fixture.apply([.confirm], to: &state, now: start.addingTimeInterval(600))
        #expect(state.study.journal.entries.first?.note == "read the paper")
        #expect(state.study.journal.entries.first?.minutes == 10)
        #expect(state.study.keptNote == nil)
    }
}
