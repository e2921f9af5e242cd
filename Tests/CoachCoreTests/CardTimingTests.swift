import Foundation
import Testing
@testable import CoachCore

/// Minutes per card measured from the learner's own reviews, and review ahead: the
/// cards due soonest, early, scheduled with the days that really passed.
@Suite struct CardTimingTests {
    static let start = ReduceCardReviewTests.start
    static let day = StudyDay(start, in: .utc)

    static func entry(_ seconds: Double?) -> CardReviewEntry {
        CardReviewEntry(day: day, cardID: "rag#1", rating: .good, retrievability: nil, interval: 3, seconds: seconds)
    }

    @Test func theDefaultHoldsUntilAReviewIsTimed() {
        #expect(CardTiming.measuredMinutes([]) == nil)
        #expect(CardTiming.measuredMinutes([Self.entry(nil)]) == nil)
        #expect(ReviewBook().minutesPerCard == 1.5)
    }

    @Test func theMeanOfTheNewestTimedReviewsLeavingOutsiders() {
        let log = [Self.entry(30), Self.entry(90), Self.entry(4_000), Self.entry(nil), Self.entry(0)]
        #expect(CardTiming.measuredMinutes(log) == 1, "(30 + 90) / 2 seconds; over 10 minutes and zero are left out")
        let many = (0..<80).map { Self.entry($0 < 30 ? 600 : 60) }
        #expect(CardTiming.measuredMinutes(many) == 1, "only the newest 50")
    }

    @Test func aRatingOnTodayRecordsTheTimeFromShownToRatedAndThePlanUsesIt() throws {
        var state = ReduceCardReviewTests.state()
        _ = reduce(&state, .markDone, now: Self.start)
        #expect(state.modal?.cardSession?.shownAt == Self.start)
        _ = reduce(&state, .confirm, now: Self.start.addingTimeInterval(20))
        _ = reduce(&state, .rateCard(.good), now: Self.start.addingTimeInterval(30))
        #expect(state.study.reviews.log.last?.seconds == 30)
        #expect(state.modal?.cardSession?.shownAt == Self.start.addingTimeInterval(30), "the next card's clock starts")
        _ = reduce(&state, .confirm, now: Self.start.addingTimeInterval(40))
        _ = reduce(&state, .rateCard(.good), now: Self.start.addingTimeInterval(60))
        #expect(state.study.reviews.log.map(\.seconds) == [30, 30])
        #expect(state.study.reviews.minutesPerCard == 0.5)
        #expect(state.study.plan?.minutesPerCard == 0.5)
        #expect(DailyPlan.cardMinutes(4, perCard: 0.5) == 2)
        #expect(DailyPlan.cardMinutes(3) == 5, "4.5 rounded up")
    }

    @Test func reviewAheadBringsTheCardsDueSoonestAndSaysTheyAreEarly() throws {
        var state = ReduceCardReviewTests.state()
        // Review both cards today, so none is due.
        _ = reduce(&state, .markDone, now: Self.start)
        for _ in 0..<2 {
            _ = reduce(&state, .confirm, now: Self.start)
            _ = reduce(&state, .rateCard(.good), now: Self.start)
        }
        #expect(state.modal == nil)
        _ = reduce(&state, .reviewAhead, now: Self.start)
        let session = try #require(state.modal?.cardSession)
        #expect(session.early)
        #expect(session.itemID == "rag")
        #expect(session.cards.count == 2)
        #expect(state.message == "Reviewing ahead: Retrieval, before its cards are due (early)")
        _ = reduce(&state, .confirm, now: Self.start)
        _ = reduce(&state, .rateCard(.good), now: Self.start)
        let entry = try #require(state.study.reviews.log.last)
        #expect(entry.early)
        #expect(state.message?.hasSuffix(", reviewed early)") == true)
    }

    @Test func nothingToReviewAheadSaysWhy() {
        var state = ReduceTodayTests.todayState()
        _ = reduce(&state, .reviewAhead, now: Self.start)
        #expect(state.modal == nil)
        #expect(state.message == "No cards to review ahead: finish an item with prompts first")
    }

    @Test func anEarlyReviewLengthensTheIntervalLessThanOneOnTime() throws {
        let scheduler = try FSRSScheduler()
        let first = scheduler.review(Card(id: "c", due: Self.day), rating: .good, on: Self.day).card
        let interval = Self.day.days(to: first.due)
        #expect(interval > 1)
        let early = scheduler.review(first, rating: .good, on: Self.day.adding(days: 1))
        let onTime = scheduler.review(first, rating: .good, on: first.due)
        #expect(early.retrievability! > onTime.retrievability!, "fewer days passed: recall was likelier")
        #expect(early.card.stability < onTime.card.stability, "so the review teaches FSRS less")
    }
}
