import CoachCore
import Foundation
import Testing

@Suite("ReviewCards: a card per prompt of a done item")
struct ReviewCardsTests {
    static let doneOn = Days.day("2024-05-01")
    static let scheduler = FSRSTests.scheduler(fuzz: false)

    static func item(_ id: String, prompts: Int) -> Item {
        Item(id: id, title: id, summary: "", minutes: 30,
             prompts: (1...prompts).map { RecallPrompt(question: "Q\($0)?", points: ["p"]) })
    }

    @Test func cardIDsNumberThePromptsFromOne() {
        let item = Self.item("genai.rag", prompts: 3)
        #expect(CardID.ids(of: item) == ["genai.rag#1", "genai.rag#2", "genai.rag#3"])
        #expect(CardID.itemID(of: "genai.rag#2") == "genai.rag")
        #expect(CardID.promptNumber(of: "genai.rag#2") == 2)
        #expect(CardID.promptNumber(of: "genai.rag") == nil)
    }

    @Test func aDoneItemsCardsAreNewAndDueTheNextDay() {
        let cards = ReviewBook().cards(of: Self.item("a", prompts: 2), doneOn: Self.doneOn, scheduler: Self.scheduler)
        #expect(cards.map(\.state) == [.new, .new])
        #expect(cards.allSatisfy { $0.due == Self.doneOn.adding(days: 1) })
    }

    @Test func eachCardKeepsItsOwnMemory() throws {
        let item = Self.item("a", prompts: 2)
        var book = ReviewBook()
        let day = Self.doneOn.adding(days: 1)
        let firstRated = book.rate(.again, card: 1, of: item, on: day, doneOn: Self.doneOn, scheduler: Self.scheduler)
        let first = try #require(firstRated)
        let secondRated = book.rate(.easy, card: 2, of: item, on: day, doneOn: Self.doneOn, scheduler: Self.scheduler)
        let second = try #require(secondRated)
        let cards = book.cards(of: item, doneOn: Self.doneOn, scheduler: Self.scheduler)
        #expect(cards[0] == Self.scheduler.review(Card(id: "a#1", due: day), rating: .again, on: day).card)
        #expect(cards[1] == Self.scheduler.review(Card(id: "a#2", due: day), rating: .easy, on: day).card)
        #expect(first.interval < second.interval)
        #expect(first.retrievability == nil, "a new card has none")
        let missing = book.rate(.good, card: 3, of: item, on: day, doneOn: Self.doneOn, scheduler: Self.scheduler)
        #expect(missing == nil)
    }

    @Test func theRetrievabilityBeforeTheRatingIsKept() throws {
        let item = Self.item("a", prompts: 1)
        var book = ReviewBook()
        let firstRated = book.rate(.good, card: 1, of: item, on: Self.doneOn.adding(days: 1), doneOn: Self.doneOn,
                                   scheduler: Self.scheduler)
        let first = try #require(firstRated)
        let later = Self.doneOn.adding(days: 1 + first.interval)
        let before = book.cards(of: item, doneOn: Self.doneOn, scheduler: Self.scheduler)[0]
        let secondRated = book.rate(.good, card: 1, of: item, on: later, doneOn: Self.doneOn, scheduler: Self.scheduler)
        let second = try #require(secondRated)
        let expected = try #require(Self.scheduler.retrievability(of: before, on: later))
        #expect(abs(try #require(second.retrievability) - expected) < 1e-12)
        #expect(expected > 0.85 && expected < 0.95, "due when recall has fallen to about the desired retention")
    }

    @Test func anAnswerIsKeptAndTheJournalIsNewestFirst() throws {
        let item = Self.item("a", prompts: 2)
        var book = ReviewBook()
        book.rate(.good, card: 1, of: item, on: Days.day("2024-05-02"), doneOn: Self.doneOn, answer: "first", scheduler: Self.scheduler)
        book.rate(.hard, card: 2, of: item, on: Days.day("2024-05-03"), doneOn: Self.doneOn, answer: "second", scheduler: Self.scheduler)
        #expect(book.entries(of: "a").map(\.answer) == ["second", "first"])
        #expect(book.entries(of: "b").isEmpty)
    }

    @Test func restoringACardTakesTheRatingBack() throws {
        let item = Self.item("a", prompts: 1)
        var book = ReviewBook()
        let day = Self.doneOn.adding(days: 1)
        let before = book
        let entryRated = book.rate(.good, card: 1, of: item, on: day, doneOn: Self.doneOn, scheduler: Self.scheduler)
        let entry = try #require(entryRated)
        book.restore(card: "a#1", to: nil, removing: entry)
        #expect(book == before)
    }

    @Test func ladderRatingsReplayIntoCardsUntilACardIsRated() throws {
        let item = Self.item("a", prompts: 2)
        var book = ReviewBook()
        book.record(.good, for: "a", on: Days.day("2024-05-02"), doneOn: Self.doneOn)
        let replayed = book.cards(of: item, doneOn: Self.doneOn, scheduler: Self.scheduler)
        #expect(replayed == ReviewReplay.cards(ids: ["a#1", "a#2"], of: "a", in: book, doneOn: Self.doneOn, scheduler: Self.scheduler))
        #expect(replayed.allSatisfy { $0.reps == 1 })
        book.rate(.again, card: 1, of: item, on: Days.day("2024-05-05"), doneOn: Self.doneOn, scheduler: Self.scheduler)
        let cards = book.cards(of: item, doneOn: Self.doneOn, scheduler: Self.scheduler)
        #expect(cards[0] == Self.scheduler.review(replayed[0], rating: .again, on: Days.day("2024-05-05")).card)
        #expect(cards[1] == replayed[1], "the other card is still the replay")
    }

    @Test func dueCardsComeLowestRetrievabilityFirstAndOnlyForDoneItems() throws {
        let a = Self.item("a", prompts: 1), b = Self.item("b", prompts: 1), c = Self.item("c", prompts: 1)
        let curriculum = Curriculum(tracks: [Track(id: "t", title: "T", sections: [Section(title: "S", items: [a, b, c])])])
        let done = Days.moment(2024, 5, 1, 12, in: Days.utc)
        var progress = ProgressBook()
        progress.setStatus(.done, of: "a", at: done)
        progress.setStatus(.done, of: "b", at: done)
        var book = ReviewBook()
        // a rated easy (long stability), b rated hard (short): weeks later b is the more forgotten.
        book.rate(.easy, card: 1, of: a, on: Days.day("2024-05-02"), doneOn: Self.doneOn, scheduler: Self.scheduler)
        book.rate(.hard, card: 1, of: b, on: Days.day("2024-05-02"), doneOn: Self.doneOn, scheduler: Self.scheduler)
        let day = Days.day("2024-09-01")
        let due = book.dueCards(on: day, curriculum: curriculum, progress: progress, timeZone: Days.utc, scheduler: Self.scheduler)
        #expect(due.map(\.card.id) == ["b#1", "a#1"])
        #expect(try #require(due[0].retrievability) < (try #require(due[1].retrievability)))
        #expect(book.dueCards(on: Days.day("2024-05-02"), curriculum: curriculum, progress: progress, timeZone: Days.utc,
                              scheduler: Self.scheduler).isEmpty)
    }
}
