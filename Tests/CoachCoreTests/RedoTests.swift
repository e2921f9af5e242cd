@testable import CoachCore
import Foundation
import Testing

/// Ctrl-R redoes what undo took back, saying the same label; a new change ends redo.
@Suite struct RedoTests {
    @Test func redoDoesAgainWhatUndoTookBackWithTheSameLabel() {
        var state = Fixture.itemsState(track: 0, item: 0)
        _ = reduce(&state, .cycleStatus, now: Fixture.at(1))  // alpha.1 → doing
        _ = reduce(&state, .cycleStatus, now: Fixture.at(2))  // alpha.1 → done
        let done = state.progress.items["alpha.1"]
        _ = reduce(&state, .undo, now: Fixture.at(3))
        _ = reduce(&state, .undo, now: Fixture.at(4))
        #expect(state.progress.items["alpha.1"] == nil)

        #expect(KeyMap.action(for: .control("r"), in: state) == .redo)
        #expect(reduce(&state, .redo, now: Fixture.at(5)) == [.save(.progress)])
        #expect(state.message == "Redid: Alpha 1 → doing")
        #expect(state.progress.status(of: "alpha.1") == .doing)
        #expect(reduce(&state, .redo, now: Fixture.at(6)) == [.save(.progress)])
        #expect(state.message == "Redid: Alpha 1 → done")
        #expect(state.progress.items["alpha.1"] == done, "exactly as it was, dates and all")
        #expect(reduce(&state, .redo, now: Fixture.at(7)).isEmpty)
        #expect(state.message == "Nothing to redo")

        // What was redone can be undone again, with the same words.
        _ = reduce(&state, .undo, now: Fixture.at(8))
        #expect(state.message == "Undid: Alpha 1 → done")
        #expect(state.progress.status(of: "alpha.1") == .doing)
    }

    @Test func aNewChangeClearsWhatCouldBeRedone() {
        var state = Fixture.itemsState(track: 0, item: 0)
        _ = reduce(&state, .cycleStatus, now: Fixture.at(1))
        _ = reduce(&state, .undo, now: Fixture.at(2))
        #expect(state.undo.redoSteps.count == 1)
        _ = reduce(&state, .toggleSkip, now: Fixture.at(3))
        #expect(state.undo.redoSteps.isEmpty)
        #expect(reduce(&state, .redo, now: Fixture.at(4)).isEmpty)
        #expect(state.message == "Nothing to redo")
        #expect(state.progress.status(of: "alpha.1") == .skipped)
    }

    @Test func redoIsALetterWhileTyping() {
        var state = Fixture.itemsState(track: 0, item: 0)
        _ = reduce(&state, .cycleStatus, now: Fixture.at(1))
        _ = reduce(&state, .undo, now: Fixture.at(2))
        _ = reduce(&state, .openSearch, now: Fixture.at(3))
        #expect(reduce(&state, .redo, now: Fixture.at(4)).isEmpty)
        #expect(state.progress.items["alpha.1"] == nil, "nothing redone under the search box")
    }

    @Test func ideasAddedDeletedAndEditedAreRedone() {
        var state = ReduceBacklogTests.backlogState()
        _ = ReduceBacklogTests.addIdea("Bot", reach: "100", effort: "1", to: &state)
        Fixture.apply([.deleteIdea, .answer(true)], to: &state)
        #expect(state.backlog.isEmpty)
        Fixture.apply([.undo], to: &state)
        #expect(state.message == "Undid: delete Bot")
        #expect(state.backlog["bot"] != nil)
        #expect(Fixture.apply([.redo], to: &state) == [.save(.backlog)])
        #expect(state.message == "Redid: delete Bot")
        #expect(state.backlog.isEmpty)
        Fixture.apply([.undo, .undo], to: &state)
        #expect(state.backlog.isEmpty, "the add undone too")
        Fixture.apply([.redo], to: &state)
        #expect(state.message == "Redid: add Bot")
        #expect(state.backlog["bot"]?.reach == 100)
    }

    @Test func aDeletedSessionIsDeletedAgainAndAGoalChangeKeepsItsHistory() {
        var journal = Journal()
        _ = journal.add(JournalEntry(day: StudyDay(Fixture.now, in: .utc), start: Fixture.now, minutes: 20))
        var state = ReduceTodayTests.todayState(journal: journal)
        state.screen = .history
        Fixture.apply([.deleteEntry, .answer(true), .undo], to: &state)
        #expect(state.study.journal.entries.count == 1)
        #expect(Fixture.apply([.redo], to: &state) == [.save(.journal)])
        #expect(state.message?.hasPrefix("Redid: delete the session of") == true)
        #expect(state.study.journal.entries.isEmpty)
        Fixture.apply([.undo], to: &state)
        #expect(state.study.journal.entries.count == 1)

        state.screen = .today
        Fixture.apply([.changeGoal(5), .undo], to: &state)
        #expect(state.settings.dailyGoalMinutes == 45)
        #expect(Fixture.apply([.redo], to: &state) == [.save(.settings), .save(.journal)])
        #expect(state.message == "Redid: goal → 50 min")
        #expect(state.settings.dailyGoalMinutes == 50)
        #expect(state.study.journal.goals.goal(on: state.study.today) == 50)
    }

    @Test func aReviewRatingIsGivenAgain() {
        var book = ProgressBook()
        book.setStatus(.done, of: "alpha.1", at: ReduceTodayTests.start.addingTimeInterval(-3 * 86_400))
        var state = ReduceTodayTests.todayState(progress: book)
        state.study.planList.selected = state.study.plan!.entries.firstIndex { $0.kind == .review }!
        Fixture.apply([.markDone, .rate(.good), .undo], to: &state, now: ReduceTodayTests.start)
        #expect(state.study.reviews.history(of: "alpha.1").isEmpty)
        #expect(Fixture.apply([.redo], to: &state, now: ReduceTodayTests.start) == [.save(.reviews)])
        #expect(state.message == "Redid: review of Alpha 1: good")
        #expect(state.study.reviews.history(of: "alpha.1").map(\.rating) == [.good])
    }

    @Test func redoStepsAboutAFileReadBackGo() {
        var state = Fixture.itemsState(track: 0, item: 0)
        _ = reduce(&state, .cycleStatus, now: Fixture.at(1))
        _ = reduce(&state, .undo, now: Fixture.at(2))
        _ = reduce(&state, .reloaded(.progress(ProgressBook())), now: Fixture.at(3))
        #expect(state.undo.redoSteps.isEmpty)
    }
}
