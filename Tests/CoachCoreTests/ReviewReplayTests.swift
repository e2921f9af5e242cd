import CoachCore
import Foundation
import Testing

@Suite("ReviewReplay")
struct ReviewReplayTests {
    let doneOn = Days.day("2024-05-01")
    let unfuzzed = FSRSTests.scheduler(fuzz: false)

    static func history(_ reviews: [(String, ReviewRating)]) -> [Review] {
        reviews.map { Review(day: Days.day($0.0), rating: $0.1) }
    }

    /// The card `id` reviewed by hand with these ratings, for comparison.
    func byHand(_ id: String, _ reviews: [(String, CardRating)], scheduler: FSRSScheduler) -> Card {
        reviews.reduce(Card(id: id, due: doneOn.adding(days: 1))) { card, review in
            scheduler.review(card, rating: review.1, on: Days.day(review.0)).card
        }
    }

    @Test func eachOldRatingKeepsItsName() {
        #expect(ReviewRating.allCases.map(CardRating.init) == [.hard, .good, .easy])
    }

    @Test func anItemNeverReviewedHasNewCardsDueWhenTheLadderHadIt() {
        let cards = ReviewReplay.cards(ids: ["a#1", "a#2"], history: [], doneOn: doneOn, scheduler: .standard)
        #expect(cards.map(\.id) == ["a#1", "a#2"])
        #expect(cards.allSatisfy { $0.state == .new && $0.reps == 0 && $0.lastReview == nil })
        #expect(cards.allSatisfy { $0.due == ReviewBook().state(of: "a", doneOn: doneOn).due })
        #expect(ReviewReplay.cards(ids: [], history: Self.history([("2024-05-02", .good)]), doneOn: doneOn,
                                   scheduler: .standard).isEmpty)
    }

    /// A learner who kept to the ladder: good the next day, good three days later, easy a week after.
    @Test func aTypicalHistoryReplaysIntoEveryCard() {
        let history = Self.history([("2024-05-02", .good), ("2024-05-05", .good), ("2024-05-12", .easy)])
        let cards = ReviewReplay.cards(ids: ["genai.rag#1", "genai.rag#2"], history: history, doneOn: doneOn,
                                       scheduler: unfuzzed)
        let expected = ["genai.rag#1", "genai.rag#2"].map {
            byHand($0, [("2024-05-02", .good), ("2024-05-05", .good), ("2024-05-12", .easy)], scheduler: unfuzzed)
        }
        #expect(cards == expected)
        for card in cards {
            #expect(card.state == .review && card.reps == 3 && card.lapses == 0)
            #expect(card.lastReview == Days.day("2024-05-12"))
            #expect(card.due > Days.day("2024-05-12"))
        }
        // Unfuzzed, cards with the same history differ only in their id.
        #expect(cards[0].stability == cards[1].stability && cards[0].due == cards[1].due)
    }

    @Test func withFuzzEachCardIsReplayedAsItWouldHaveBeenReviewed() {
        let history = Self.history([("2024-05-02", .good), ("2024-05-06", .good), ("2024-05-20", .good),
                                    ("2024-06-25", .good)])
        let ids = (1...6).map { "pm.metrics#\($0)" }
        let cards = ReviewReplay.cards(ids: ids, history: history, doneOn: doneOn, scheduler: .standard)
        let ratings: [(String, CardRating)] = history.map { ($0.day.description, .good) }
        #expect(cards == ids.map { byHand($0, ratings, scheduler: .standard) })
        #expect(ReviewReplay.cards(ids: ids, history: history, doneOn: doneOn, scheduler: .standard) == cards,
                "a replay repeats")
        #expect(Set(cards.map(\.due)).count > 1, "fuzz spreads cards learnt together")
    }

    /// Hard twice, then good: the hard reviews leave the cards harder and less stable than
    /// the same days rated good.
    @Test func hardStaysHard() {
        let hard = ReviewReplay.cards(ids: ["x#1"], history: Self.history([
            ("2024-05-02", .hard), ("2024-05-03", .hard), ("2024-05-06", .good),
        ]), doneOn: doneOn, scheduler: unfuzzed)[0]
        let good = ReviewReplay.cards(ids: ["x#1"], history: Self.history([
            ("2024-05-02", .good), ("2024-05-03", .good), ("2024-05-06", .good),
        ]), doneOn: doneOn, scheduler: unfuzzed)[0]
        #expect(hard == byHand("x#1", [("2024-05-02", .hard), ("2024-05-03", .hard), ("2024-05-06", .good)],
                                scheduler: unfuzzed))
        #expect(hard.difficulty > good.difficulty)
        #expect(hard.stability < good.stability)
        #expect(hard.lapses == 0, "the old ratings had no again")
    }

    /// Done in March, reviewed, reopened, done again in May: only the May round counts, as
    /// it did for the ladder.
    @Test func reviewsOfAnEarlierRoundAreNotReplayed() {
        let history = Self.history([("2024-03-02", .easy), ("2024-03-05", .easy), ("2024-05-02", .good)])
        let cards = ReviewReplay.cards(ids: ["y#1"], history: history, doneOn: doneOn, scheduler: unfuzzed)
        #expect(cards == [byHand("y#1", [("2024-05-02", .good)], scheduler: unfuzzed)])
        #expect(cards[0].reps == 1)
    }

    /// Two reviews recorded on one day (the ladder allowed it) replay as a same-day review.
    @Test func twoReviewsOnOneDay() {
        let history = Self.history([("2024-05-02", .good), ("2024-05-02", .easy), ("2024-05-04", .good)])
        let card = ReviewReplay.cards(ids: ["z#1"], history: history, doneOn: doneOn, scheduler: unfuzzed)[0]
        #expect(card == byHand("z#1", [("2024-05-02", .good), ("2024-05-02", .easy), ("2024-05-04", .good)],
                                scheduler: unfuzzed))
        #expect(card.reps == 3)
    }

    @Test func fromTheReviewBook() {
        var book = ReviewBook()
        book.record(.good, for: "genai.rag", on: Days.day("2024-05-02"), doneOn: doneOn)
        book.record(.hard, for: "genai.rag", on: Days.day("2024-05-05"), doneOn: doneOn)
        book.record(.easy, for: "pm.prd", on: Days.day("2024-05-03"), doneOn: doneOn)
        let ids = ["genai.rag#1", "genai.rag#2", "genai.rag#3"]
        let cards = ReviewReplay.cards(ids: ids, of: "genai.rag", in: book, doneOn: doneOn, scheduler: .standard)
        #expect(cards == ReviewReplay.cards(ids: ids, history: book.history(of: "genai.rag"), doneOn: doneOn,
                                            scheduler: .standard))
        #expect(cards.allSatisfy { $0.reps == 2 && $0.lastReview == Days.day("2024-05-05") })
        #expect(ReviewReplay.cards(ids: ["none#1"], of: "none", in: book, doneOn: doneOn, scheduler: .standard)
            == ReviewReplay.newCards(ids: ["none#1"], doneOn: doneOn))
    }
}
