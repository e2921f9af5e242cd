import Foundation
import Testing
@testable import CoachCore

/// The Today and History screens' engine: timer, marking done, reviews, finishing,
/// the goal, and the journal.
@Suite struct ReduceTodayTests {
    static let utc = TimeZoneRules.utc
    /// 2023-11-14 22:13:20 UTC.
    static let start = Fixture.now

    static func todayState(goal: Int = 45, focus: String? = "beta", journal: Journal = Journal(),
                           progress: ProgressBook = ProgressBook()) -> AppState {
        let study = StudyState(journal: journal, timeZone: utc, now: start)
        var state = AppState(curriculum: Fixture.curriculum(), progress: progress,
                             settings: Settings(focusTrack: focus, dailyGoalMinutes: goal), study: study)
        state.screen = .today
        return state
    }

    @Test func theStateOpensWithTodaysPlan() {
        let state = Self.todayState()
        let plan = try! #require(state.study.plan)
        // Beta's items are 30 minutes each: one fits the 45-minute goal, and the 15
        // minutes left go to the first item of the least-progressed other track.
        #expect(plan.entries.map(\.itemID) == ["beta.1", "alpha.1"])
        #expect(plan.entries.map(\.kind) == [.focus, .explore])
        #expect(state.selectedPlanEntry?.itemID == "beta.1")
    }

    @Test func timerStartsPausesResumesAndIsSaved() {
        var state = Self.todayState()
        #expect(reduce(&state, .toggleTimer, now: Self.start) == [.save(.session)])
        #expect(state.study.timer?.isRunning == true)
        #expect(state.message == "Session started")
        _ = reduce(&state, .toggleTimer, now: Self.start.addingTimeInterval(60))
        #expect(state.study.timer?.isRunning == false)
        #expect(state.message == "Session paused")
        _ = reduce(&state, .toggleTimer, now: Self.start.addingTimeInterval(600))
        #expect(state.message == "Session resumed")
        #expect(state.study.timer?.elapsed(at: Self.start.addingTimeInterval(660)) == 120)
    }

    @Test func ticksCheckpointARunningSessionNowAndThen() {
        var state = Self.todayState()
        _ = reduce(&state, .toggleTimer, now: Self.start)
        #expect(reduce(&state, .tick, now: Self.start.addingTimeInterval(5)).isEmpty)
        #expect(reduce(&state, .tick, now: Self.start.addingTimeInterval(StudyTiming.checkpointSeconds)) == [.save(.session)])
        #expect(state.study.timer?.lastSeen == Self.start.addingTimeInterval(StudyTiming.checkpointSeconds))
    }

    @Test func spaceMarksThePlannedItemDoneAndTheSessionTouchesIt() {
        var state = Self.todayState()
        _ = reduce(&state, .toggleTimer, now: Self.start)
        let effects = reduce(&state, .markDone, now: Self.start.addingTimeInterval(10))
        #expect(effects == [.save(.progress), .save(.session)])
        #expect(state.progress.status(of: "beta.1") == .done)
        // The cursor moves on to the next row to do, and the running session follows it.
        #expect(state.study.timer?.items == ["beta.1", "alpha.1"])
        // Done today stays in the plan, ticked.
        #expect(state.study.plan?.entries.first { $0.itemID == "beta.1" }?.finished == true)
        // The cursor moved on to the next row still to do; back on the done one, Space says so.
        #expect(state.selectedPlanEntry?.itemID != "beta.1")
        #expect(state.selectedPlanEntry?.finished == false)
        _ = reduce(&state, .moveTop, now: Self.start)
        #expect(state.selectedPlanEntry?.itemID == "beta.1")
        #expect(reduce(&state, .markDone, now: Self.start).isEmpty)
        #expect(state.message == "Already done today")
        // Undo reopens it.
        _ = reduce(&state, .undo, now: Self.start)
        #expect(state.progress.status(of: "beta.1") == .todo)
    }

    @Test func finishingLogsTheSessionWithTheNote() {
        var state = Self.todayState()
        _ = reduce(&state, .toggleTimer, now: Self.start)
        _ = reduce(&state, .finishSession, now: Self.start.addingTimeInterval(25 * 60))
        #expect(state.modal == .finishNote(LineEditor()))
        #expect(state.isTyping)
        for c in "très bien" { _ = reduce(&state, .edit(.insert(c)), now: Self.start) }
        let effects = reduce(&state, .confirm, now: Self.start.addingTimeInterval(25 * 60))
        #expect(effects == [.save(.journal), .save(.session), .save(.progress)])
        #expect(state.study.timer == nil)
        let entry = try! #require(state.study.journal.entries.first)
        #expect(entry.minutes == 25)
        #expect(entry.note == "très bien")
        #expect(state.study.minutesToday == 25)
        // The timer ran on the selected plan row, which gets the session's minutes.
        #expect(state.message == "Logged 25 min · today 25 of 45 · beta.1 25m")
        #expect(state.progress.minutesSpent(on: "beta.1") == 25)
    }

    @Test func finishingWithoutASessionSaysHowToStartOne() {
        var state = Self.todayState()
        #expect(reduce(&state, .finishSession, now: Self.start).isEmpty)
        #expect(state.message == "No session running: s starts one")
    }

    @Test func aShortSessionIsNotLogged() {
        var state = Self.todayState()
        _ = reduce(&state, .toggleTimer, now: Self.start)
        _ = reduce(&state, .finishSession, now: Self.start.addingTimeInterval(10))
        #expect(reduce(&state, .confirm, now: Self.start.addingTimeInterval(10)) == [.save(.session)])
        #expect(state.study.journal.isEmpty)
        #expect(state.message == "Session under half a minute: not logged")
    }

    @Test func aDueReviewAsksHowItWentAndRecordsTheAnswer() {
        var book = ProgressBook()
        book.setStatus(.done, of: "alpha.1", at: Self.start.addingTimeInterval(-3 * 86_400))
        var state = Self.todayState(progress: book)
        let review = try! #require(state.study.plan?.entries.firstIndex { $0.kind == .review })
        state.study.planList.selected = review
        #expect(reduce(&state, .markDone, now: Self.start).isEmpty)
        #expect(state.modal == .reviewPrompt(itemID: "alpha.1"))
        #expect(KeyMap.action(for: .char("g"), in: state) == .rate(.good))
        #expect(KeyMap.action(for: .char("e"), in: state) == .rate(.easy))
        #expect(KeyMap.action(for: .char("h"), in: state) == .rate(.hard))
        #expect(reduce(&state, .rate(.good), now: Self.start) == [.save(.reviews)])
        #expect(state.study.reviews.history(of: "alpha.1").map(\.rating) == [.good])
        #expect(state.message == "Reviewed Alpha 1: good")
        #expect(!(state.study.plan?.entries.contains { $0.kind == .review && !$0.finished } ?? true), "reviewed for today")

        // A rating given by mistake can be taken back.
        state.screen = .tracks
        #expect(reduce(&state, .undo, now: Self.start) == [.save(.reviews)])
        #expect(state.message == "Undid: review of Alpha 1: good")
        #expect(state.screen == .today)
        #expect(state.study.reviews.history(of: "alpha.1").isEmpty)
        #expect(state.study.plan?.entries.contains { $0.kind == .review && $0.itemID == "alpha.1" && !$0.finished } == true,
                "due again")
    }

    @Test func goalChangesInStepsWithinItsRangeAndIsRemembered() {
        var state = Self.todayState(goal: 10)
        #expect(reduce(&state, .changeGoal(-5), now: Self.start) == [.save(.settings), .save(.journal)])
        #expect(state.settings.dailyGoalMinutes == 5)
        #expect(reduce(&state, .changeGoal(-5), now: Self.start).isEmpty)
        #expect(state.message == "The daily goal stays within 5–600 minutes")
        let today = state.study.today
        #expect(state.study.journal.goals.goal(on: today) == 5)
        #expect(state.study.journal.goals.goal(on: today.adding(days: -1)) == 10)
        _ = reduce(&state, .undo, now: Self.start)
        #expect(state.settings.dailyGoalMinutes == 10)
        #expect(state.study.journal.goals.goal(on: today) == 10)
    }

    @Test func focusCyclesThroughTheTracks() {
        var state = Self.todayState(focus: nil)
        #expect(reduce(&state, .cycleFocus(1), now: Self.start) == [.save(.settings)])
        #expect(state.settings.focusTrack == "alpha")
        _ = reduce(&state, .cycleFocus(-1), now: Self.start)
        #expect(state.settings.focusTrack == "t10")
        #expect(state.study.plan?.entries.first?.itemID == "t10.1")
    }

    @Test func historyDeletesASessionAfterYesAndUndoBringsItBack() {
        var journal = Journal()
        let day = StudyDay(Self.start, in: Self.utc)
        let first = journal.add(JournalEntry(day: day.adding(days: -1), minutes: 30, note: "older"))
        let second = journal.add(JournalEntry(day: day, minutes: 50, note: "newer"))
        var state = Self.todayState(journal: journal)
        state.screen = .history
        _ = reduce(&state, .deleteEntry, now: Self.start)
        #expect(state.modal == .deleteEntry(id: second.id))
        #expect(reduce(&state, .answer(false), now: Self.start).isEmpty)
        #expect(state.study.journal.entries.count == 2)
        _ = reduce(&state, .moveDown, now: Self.start)
        _ = reduce(&state, .deleteEntry, now: Self.start)
        #expect(state.modal == .deleteEntry(id: first.id))
        #expect(reduce(&state, .answer(true), now: Self.start) == [.save(.journal)])
        #expect(state.study.journal.entries.map(\.id) == [second.id])
        #expect(state.study.minutesByDay[day.adding(days: -1)] == nil)
        #expect(reduce(&state, .undo, now: Self.start) == [.save(.journal)])
        #expect(state.study.journal.entries.count == 2)
        #expect(state.study.minutesByDay[day.adding(days: -1)] == 30)
    }

    @Test func aNewDayRefreshesTheSummary() {
        var journal = Journal()
        let day = StudyDay(Self.start, in: Self.utc)
        _ = journal.add(JournalEntry(day: day, minutes: 45))
        var state = Self.todayState(journal: journal)
        #expect(state.study.minutesToday == 45)
        _ = reduce(&state, .tick, now: Self.start.addingTimeInterval(86_400))
        #expect(state.study.today == day.adding(days: 1))
        #expect(state.study.minutesToday == 0)
        #expect(state.study.streaks.current == 1)
    }

    @Test func historyEditsMinutesAndNoteWithTheJournalRulesAndUndo() {
        var journal = Journal()
        let day = StudyDay(Self.start, in: Self.utc)
        let entry = journal.add(JournalEntry(day: day, minutes: 20, note: "old"))
        var state = Self.todayState(journal: journal)
        state.screen = .history
        _ = reduce(&state, .editEntry, now: Self.start)
        #expect(state.modal?.entryForm?.entry == entry)
        #expect(KeyMap.action(for: .char("q"), in: state) == .edit(.insert("q")))
        for action in [Action.edit(.backspace), .edit(.backspace), .edit(.insert("0"))] { _ = reduce(&state, action, now: Self.start) }
        #expect(reduce(&state, .confirm, now: Self.start).isEmpty)
        #expect(state.modal?.entryForm?.problem?.contains("minutes") == true)
        let actions: [Action] = [.edit(.backspace), .edit(.insert("4")), .edit(.insert("0")), .nextField, .edit(.home)]
            + "très ".map { .edit(.insert($0)) } + [.confirm]
        for action in actions {
            _ = reduce(&state, action, now: Self.start)
        }
        #expect(state.modal?.entryForm == nil)
        #expect(state.study.journal.entry(id: entry.id)?.minutes == 40)
        #expect(state.study.journal.entry(id: entry.id)?.note == "très old")
        #expect(state.study.minutesToday == 40)
        #expect(reduce(&state, .undo, now: Self.start) == [.save(.journal)])
        #expect(state.study.journal.entry(id: entry.id) == entry)
    }
}
