import CoachCore
import Foundation
import Testing

@Suite("ReviewSchedule")
struct ReviewScheduleTests {
    let doneOn = Days.day("2024-05-01")

    /// A progress book with these items done at noon UTC of these days.
    static func progress(_ done: [String: String]) -> ProgressBook {
        ProgressBook(items: done.mapValues { text in
            let moment = Days.day(text).start(in: Days.utc).addingTimeInterval(12 * 3_600)
            return ItemProgress(status: .done, changed: moment, done: moment)
        })
    }

    @Test func theLadder() {
        #expect(ReviewSchedule.ladder == [1, 3, 7, 14, 30, 60])
        #expect((0...8).map(ReviewSchedule.interval(atStep:)) == [1, 3, 7, 14, 30, 60, 60, 60, 60])
        #expect(ReviewSchedule.interval(atStep: -3) == 1)
    }

    @Test func aNeverReviewedItemIsDueOneDayAfterItWasDone() {
        let state = ReviewBook().state(of: "a", doneOn: doneOn)
        #expect(state == ReviewState(step: 0, due: Days.day("2024-05-02")))
        #expect(state.interval == 1)
    }

    /// Reviewed "good" on each due day: 1, 3, 7, 14, 30, 60, then every 60 days.
    @Test func goodEveryTimeClimbsTheLadderThenStaysAtSixty() {
        var book = ReviewBook()
        var day = book.state(of: "a", doneOn: doneOn).due
        var gaps: [Int] = [doneOn.days(to: day)]
        for _ in 0..<7 {
            let state = book.record(.good, for: "a", on: day, doneOn: doneOn)
            gaps.append(day.days(to: state.due))
            day = state.due
        }
        #expect(gaps == [1, 3, 7, 14, 30, 60, 60, 60])
        #expect(book.history(of: "a").count == 7)
        #expect(book.state(of: "a", doneOn: doneOn).step == 5)
    }

    @Test func hardRestartsTheLadder() {
        var book = ReviewBook()
        book.record(.good, for: "a", on: Days.day("2024-05-02"), doneOn: doneOn)
        book.record(.good, for: "a", on: Days.day("2024-05-05"), doneOn: doneOn)
        let hard = book.record(.hard, for: "a", on: Days.day("2024-05-12"), doneOn: doneOn)
        #expect(hard.step == 0)
        #expect(hard.due == Days.day("2024-05-13"), "next in 1 day")
        let good = book.record(.good, for: "a", on: Days.day("2024-05-13"), doneOn: doneOn)
        #expect(good.due == Days.day("2024-05-16"), "then 3 days, as from the start")
    }

    @Test func easyMovesTwoSteps() {
        var book = ReviewBook()
        let first = book.record(.easy, for: "a", on: Days.day("2024-05-02"), doneOn: doneOn)
        #expect(first.step == 2)
        #expect(first.due == Days.day("2024-05-09"), "7 days, skipping 3")
        let second = book.record(.easy, for: "a", on: first.due, doneOn: doneOn)
        #expect(second.step == 4)
        #expect(first.due.days(to: second.due) == 30)
        let third = book.record(.easy, for: "a", on: second.due, doneOn: doneOn)
        #expect(third.step == 5, "the top of the ladder")
        #expect(second.due.days(to: third.due) == 60)
        #expect(ReviewSchedule.step(after: 4, rating: .easy) == 5)
        #expect(ReviewSchedule.step(after: 5, rating: .good) == 5)
        #expect(ReviewSchedule.step(after: 5, rating: .hard) == 0)
    }

    @Test func aLateReviewCountsFromTheDayItWasDone() {
        var book = ReviewBook()
        // Due on 05-02, reviewed ten days late.
        let state = book.record(.good, for: "a", on: Days.day("2024-05-12"), doneOn: doneOn)
        #expect(state.due == Days.day("2024-05-15"))
        #expect(state.lastReview == Review(day: Days.day("2024-05-12"), rating: .good))
    }

    @Test func dueListsDoneItemsDueOnOrBeforeTheDayOldestFirst() {
        let progress = Self.progress(["b": "2024-05-01", "a": "2024-05-01", "c": "2024-04-20", "d": "2024-05-03",
                                      "e": "2024-05-02"])
        let due = ReviewBook().due(on: Days.day("2024-05-03"), progress: progress, timeZone: Days.utc)
        // c due 04-21, a and b 05-02 (by id), e 05-03; d not before 05-04.
        #expect(due.map(\.itemID) == ["c", "a", "b", "e"])
        #expect(due.map(\.due.description) == ["2024-04-21", "2024-05-02", "2024-05-02", "2024-05-03"])
    }

    @Test func onlyDoneItemsAreReviewed() {
        var progress = Self.progress(["a": "2024-05-01", "b": "2024-05-01"])
        progress.setStatus(.todo, of: "b", at: Days.moment(2024, 5, 2, 9, in: Days.utc))
        progress.setStatus(.doing, of: "c", at: Days.moment(2024, 4, 1, 9, in: Days.utc))
        progress.setStatus(.skipped, of: "d", at: Days.moment(2024, 4, 1, 9, in: Days.utc))
        var book = ReviewBook()
        book.record(.good, for: "b", on: Days.day("2024-05-02"), doneOn: doneOn)
        let due = book.due(on: Days.day("2024-06-01"), progress: progress, timeZone: Days.utc)
        #expect(due.map(\.itemID) == ["a"], "reopened b is out of the reviews")
        #expect(book.state(of: "b", progress: progress, timeZone: Days.utc) == nil)
        #expect(book.history(of: "b").count == 1, "its history is kept")
        let notDone = book.record(.good, for: "c", on: Days.day("2024-06-01"), progress: progress, timeZone: Days.utc)
        #expect(notDone == nil)
        #expect(book.history(of: "c").isEmpty, "nothing recorded for an item that is not done")
    }

    @Test func doneAgainStartsTheLadderAfreshAndKeepsTheHistory() {
        var book = ReviewBook()
        book.record(.good, for: "a", on: Days.day("2024-05-02"), doneOn: doneOn)
        book.record(.easy, for: "a", on: Days.day("2024-05-05"), doneOn: doneOn)
        // Reopened, and done again on 06-01.
        let again = book.state(of: "a", doneOn: Days.day("2024-06-01"))
        #expect(again == ReviewState(step: 0, due: Days.day("2024-06-02")))
        #expect(book.history(of: "a").count == 2)
        let next = book.record(.good, for: "a", on: Days.day("2024-06-02"), doneOn: Days.day("2024-06-01"))
        #expect(next.step == 1)
        #expect(next.due == Days.day("2024-06-05"))
    }

    @Test func aDoneItemWithoutADoneDateCountsFromItsLastChange() {
        let changed = Days.moment(2024, 5, 1, 10, in: Days.utc)
        let progress = ProgressBook(items: ["a": ItemProgress(status: .done, changed: changed, done: nil)])
        let state = ReviewBook().state(of: "a", progress: progress, timeZone: Days.utc)
        #expect(state?.due == Days.day("2024-05-02"))
    }

    @Test func theDoneDayIsTheDayInTheLearnersTimeZone() {
        // 23:30 in New York on 05-01 is already 05-02 in UTC.
        let moment = Days.moment(2024, 5, 1, 23, 30, in: Days.newYork)
        let progress = ProgressBook(items: ["a": ItemProgress(status: .done, changed: moment, done: moment)])
        #expect(ReviewBook().state(of: "a", progress: progress, timeZone: Days.newYork)?.due == Days.day("2024-05-02"))
        #expect(ReviewBook().state(of: "a", progress: progress, timeZone: Days.utc)?.due == Days.day("2024-05-03"))
    }

    @Test func recordViaProgressUsesTheDoneDay() throws {
        var book = ReviewBook()
        let progress = Self.progress(["a": "2024-05-01"])
        let recorded = book.record(.good, for: "a", on: Days.day("2024-05-02"), progress: progress, timeZone: Days.utc)
        let state = try #require(recorded)
        #expect(state == ReviewState(step: 1, due: Days.day("2024-05-05"), lastReview: Review(day: Days.day("2024-05-02"), rating: .good)))
    }

    @Test func historyIsKeptInDayOrder() {
        let day1 = Days.day("2024-05-02"), day2 = Days.day("2024-05-05")
        let book = ReviewBook(items: ["a": [Review(day: day2, rating: .hard), Review(day: day1, rating: .good),
                                            Review(day: day2, rating: .easy)]])
        #expect(book.history(of: "a") == [Review(day: day1, rating: .good), Review(day: day2, rating: .hard),
                                           Review(day: day2, rating: .easy)], "one day's reviews keep their order")
        var recorded = book
        recorded.record(.good, for: "a", on: Days.day("2024-05-03"), doneOn: doneOn)
        #expect(recorded.history(of: "a").map(\.day.description) == ["2024-05-02", "2024-05-03", "2024-05-05", "2024-05-05"])
        #expect(recorded.reviewCount == 4)
    }

    @Test func reviewedOnADay() {
        let progress = Self.progress(["a": "2024-05-01", "b": "2024-05-01", "c": "2024-05-10"])
        var book = ReviewBook()
        book.record(.good, for: "b", on: Days.day("2024-05-02"), doneOn: doneOn)
        book.record(.hard, for: "a", on: Days.day("2024-05-02"), doneOn: doneOn)
        book.record(.good, for: "c", on: Days.day("2024-05-02"), doneOn: doneOn)
        // c was done again after that review: the review belongs to an earlier round.
        #expect(book.reviewed(on: Days.day("2024-05-02"), progress: progress, timeZone: Days.utc) == ["a", "b"])
        #expect(book.reviewed(on: Days.day("2024-05-03"), progress: progress, timeZone: Days.utc).isEmpty)
    }

    @Test func aMissedMonthLeavesEachItemDueOnceNotOncePerMissedStep() {
        let progress = Self.progress(["a": "2024-05-01"])
        let due = ReviewBook().due(on: Days.day("2024-06-30"), progress: progress, timeZone: Days.utc)
        #expect(due == [DueReview(itemID: "a", due: Days.day("2024-05-02"), step: 0)])
    }
}
