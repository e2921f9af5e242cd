import Foundation
import Testing
@testable import CoachCore

/// Time that counts on Today: the timer studies the selected row, finishing credits its
/// minutes, a done item with no time asks to log its estimate, the learner's own
/// estimate, studying more and reviewing ahead.
@Suite struct ReduceTimeSpentTests {
    static let start = ReduceTodayTests.start
    static func at(_ minutes: Double) -> Date { start.addingTimeInterval(minutes * 60) }

    @Test func theTimerStudiesTheSelectedRowAndFinishingCreditsIt() {
        var state = ReduceTodayTests.todayState()
        #expect(state.selectedPlanEntry?.itemID == "beta.1")
        _ = reduce(&state, .toggleTimer, now: Self.start)
        #expect(state.study.timer?.studying == "beta.1")
        _ = reduce(&state, .finishSession, now: Self.at(40))
        _ = reduce(&state, .confirm, now: Self.at(40))
        #expect(state.modal == nil, "one item: nothing to share")
        #expect(state.progress.minutesSpent(on: "beta.1") == 40)
        #expect(state.progress.minutesSpent(on: "beta.1", day: state.study.today) == 40)
        #expect(state.message == "Logged 40 min · today 40 of 45 · beta.1 40m")
    }

    @Test func movingTheSelectionWhileTheTimerRunsMovesTheTime() {
        var state = ReduceTodayTests.todayState()
        _ = reduce(&state, .toggleTimer, now: Self.start)
        let effects = reduce(&state, .moveDown, now: Self.at(30))
        #expect(effects == [.save(.session)], "the change of item is saved with the session")
        #expect(state.study.timer?.studying == "alpha.1")
        // A pause counts for neither.
        _ = reduce(&state, .toggleTimer, now: Self.at(40))
        _ = reduce(&state, .toggleTimer, now: Self.at(50))
        let timer = try! #require(state.study.timer)
        #expect(timer.seconds(on: "beta.1", at: Self.at(60)) == 30 * 60)
        #expect(timer.seconds(on: "alpha.1", at: Self.at(60)) == 20 * 60)
        _ = reduce(&state, .finishSession, now: Self.at(60))
        _ = reduce(&state, .confirm, now: Self.at(60))
        // Two items: the learner may share the 50 minutes otherwise; it starts by time.
        guard case .sessionSplit(let split)? = state.modal else {
            Issue.record("expected the split, got \(String(describing: state.modal))")
            return
        }
        #expect(split.items == ["beta.1", "alpha.1"])
        #expect(split.shares == [30, 20])
        #expect(state.study.journal.entries.first?.minutes == 50, "the session is logged already")
        // Two minutes less for beta.1, then one more for alpha.1: one stays uncredited.
        _ = reduce(&state, .focusLeft, now: Self.at(60))
        _ = reduce(&state, .focusLeft, now: Self.at(60))
        _ = reduce(&state, .moveDown, now: Self.at(60))
        _ = reduce(&state, .focusRight, now: Self.at(60))
        _ = reduce(&state, .focusRight, now: Self.at(60))
        _ = reduce(&state, .focusRight, now: Self.at(60))
        #expect(state.modal.flatMap { if case .sessionSplit(let s) = $0 { s.shares } else { nil } } == [28, 22])
        let effects2 = reduce(&state, .confirm, now: Self.at(60))
        #expect(effects2 == [.save(.progress)])
        #expect(state.progress.minutesSpent(on: "beta.1") == 28)
        #expect(state.progress.minutesSpent(on: "alpha.1") == 22)
    }

    @Test func escOnTheSplitCreditsByTime() {
        var state = ReduceTodayTests.todayState()
        _ = reduce(&state, .toggleTimer, now: Self.start)
        _ = reduce(&state, .moveDown, now: Self.at(10))
        _ = reduce(&state, .finishSession, now: Self.at(30))
        _ = reduce(&state, .confirm, now: Self.at(30))
        _ = reduce(&state, .focusLeft, now: Self.at(30))
        _ = reduce(&state, .close, now: Self.at(30))
        #expect(state.modal == nil)
        #expect(state.progress.minutesSpent(on: "beta.1") == 10)
        #expect(state.progress.minutesSpent(on: "alpha.1") == 20)
    }

    @Test func theSplitNeverGivesMoreThanTheSession() {
        var split = SessionSplit(day: StudyDay(Self.start, in: .utc), minutes: 10, shares: [("a", 6), ("b", 4)])
        split.change(by: 1)
        #expect(split.shares == [6, 4], "no minute is left to give")
        split.change(by: -7)
        #expect(split.shares == [0, 4])
        #expect(split.unassigned == 6)
        #expect(split.credited(byTime: false).map(\.itemID) == ["b"])
        #expect(split.credited(byTime: true).map(\.minutes) == [6, 4])
    }

    @Test func aSessionSplitByTimeAddsUpToItsMinutes() {
        var timer = SessionTimer.start(at: Self.start, studying: "a")
        timer.study("b", at: Self.at(10))
        timer.study("c", at: Self.at(20))
        let shares = timer.split(minutes: 31, at: Self.at(30))
        #expect(shares.map(\.minutes).reduce(0, +) == 31)
        #expect(shares.map(\.itemID) == ["a", "b", "c"])
        #expect(shares.map(\.minutes) == [11, 10, 10], "the odd minute to the first of the ties")
        #expect(SessionTimer.start(at: Self.start).split(minutes: 30, at: Self.at(30)).isEmpty, "no item studied")
    }

    @Test func doneWithNoTimeAsksToLogTheEstimate() {
        var state = ReduceTodayTests.todayState()
        _ = reduce(&state, .markDone, now: Self.start)
        #expect(state.modal == .logEstimate(itemID: "beta.1", minutes: 30))
        #expect(KeyContext(state) == .logEstimate)
        let effects = reduce(&state, .answer(true), now: Self.start)
        #expect(effects == [.save(.journal), .save(.progress)])
        #expect(state.study.minutesToday == 30, "the day counts it")
        #expect(state.progress.minutesSpent(on: "beta.1") == 30, "and the item")
        #expect(state.study.journal.entries.first?.items == ["beta.1"])
    }

    @Test func noLogsNothingAndARunningSessionDoesNotAsk() {
        var state = ReduceTodayTests.todayState()
        _ = reduce(&state, .markDone, now: Self.start)
        #expect(reduce(&state, .answer(false), now: Self.start).isEmpty)
        #expect(state.study.minutesToday == 0)
        var timed = ReduceTodayTests.todayState()
        _ = reduce(&timed, .toggleTimer, now: Self.start)
        _ = reduce(&timed, .markDone, now: Self.at(5))
        #expect(timed.modal == nil, "the session will count the time")
    }

    @Test func theOwnEstimateIsTypedInTheDetail() {
        var state = Fixture.itemsState()
        let id = try! #require(state.openOrSelectedItemID)
        _ = reduce(&state, .editEstimate, now: Self.start)
        #expect(KeyContext(state) == .estimateEditor)
        for c in "1h30" { _ = reduce(&state, .edit(.insert(c)), now: Self.start) }
        #expect(reduce(&state, .confirm, now: Self.start) == [.save(.progress)])
        #expect(state.progress.items[id]?.estimate == 90)
        #expect(state.message == "Your estimate: 1h30 (shipped: 30m)")
        // A bad one says what is allowed and keeps the text.
        _ = reduce(&state, .editEstimate, now: Self.start)
        for _ in 0..<2 { _ = reduce(&state, .edit(.backspace), now: Self.start) }
        for c in "abc" { _ = reduce(&state, .edit(.insert(c)), now: Self.start) }
        #expect(reduce(&state, .confirm, now: Self.start).isEmpty)
        #expect(state.message?.hasPrefix("expected minutes (90) or hours and minutes (1h30)") == true)
        #expect(KeyContext(state) == .estimateEditor)
        // Empty goes back to the shipped one; u undoes.
        _ = reduce(&state, .close, now: Self.start)
        _ = reduce(&state, .undo, now: Self.start)
        #expect(state.progress.items[id]?.estimate == nil)
    }

    @Test func studyMoreAddsAStepWhenThePlanIsDone() {
        var state = ReduceTodayTests.todayState(goal: 30)
        #expect(state.study.plan?.entries.map(\.itemID) == ["beta.1"])
        _ = reduce(&state, .studyMore, now: Self.start)
        #expect(state.study.plan?.entries.map(\.itemID) == ["beta.1", "beta.2"])
        #expect(state.study.plan?.totalMinutes == 60)
        #expect(state.message == "One more step: a session of 30m added to today's plan")
    }

    @Test func estimatesParseMinutesAndHours() throws {
        #expect(try ItemTime.parseEstimate("90").get() == 90)
        #expect(try ItemTime.parseEstimate("1h30").get() == 90)
        #expect(try ItemTime.parseEstimate("2h").get() == 120)
        #expect(try ItemTime.parseEstimate(" 45m ").get() == 45)
        #expect((try? ItemTime.parseEstimate("1h75").get()) == nil)
        #expect((try? ItemTime.parseEstimate("0").get()) == nil)
        #expect((try? ItemTime.parseEstimate("-5").get()) == nil)
        if case .failure(let problem) = ItemTime.parseEstimate("99999") {
            #expect(problem.message == "expected an estimate from 5 to 12000 minutes, got 99999")
        } else {
            Issue.record("99999 minutes is over the range")
        }
    }
}
