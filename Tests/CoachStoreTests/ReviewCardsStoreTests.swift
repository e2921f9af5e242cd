import CoachCore
@testable import CoachStore
import Foundation
import Testing

/// reviews.json version 2: cards and every rating, and the first release's file carried
/// over (its ratings replayed into the cards, the file itself kept in backups/).
@Suite("ReviewStore: cards")
struct ReviewCardsStoreTests {
    static let item = Item(id: "ai-product.what-is-different", title: "What is different", summary: "", minutes: 30,
                           prompts: [RecallPrompt(question: "Why?", points: ["a"]),
                                     RecallPrompt(question: "How?", points: ["b", "c"])])
    static let doneOn = DailyFiles.day("2026-12-02")
    static let scheduler = try! FSRSScheduler()

    @Test func theReleaseFileReplaysIntoEveryCardOfTheItem() throws {
        try DailyFiles.withHome { home throws in
            try FileFormat.releaseFile("reviews.json").write(to: ReviewStore.file(home))
            let book = try ReviewStore.load(home)
            let cards = book.cards(of: Self.item, doneOn: Self.doneOn, scheduler: Self.scheduler)
            let expected = ReviewReplay.cards(ids: ["ai-product.what-is-different#1", "ai-product.what-is-different#2"],
                                              history: [Review(day: Self.doneOn, rating: .good)],
                                              doneOn: Self.doneOn, scheduler: Self.scheduler)
            #expect(cards == expected)
            #expect(cards.allSatisfy { $0.state == .review && $0.reps == 1 })
            #expect(cards[0].due > Self.doneOn)
        }
    }

    @Test func theFirstRewriteKeepsTheReleaseFileInBackupsForGood() throws {
        try DailyFiles.withHome { home throws in
            let original = try FileFormat.releaseFile("reviews.json")
            try original.write(to: ReviewStore.file(home))
            var book = try ReviewStore.load(home)
            book.rate(.good, card: 1, of: Self.item, on: Self.doneOn.adding(days: 3), doneOn: Self.doneOn,
                      answer: "because", scheduler: Self.scheduler)
            try ReviewStore.save(book, to: home)
            let kept = home.url.appendingPathComponent("backups/reviews.v1.json")
            #expect(try Data(contentsOf: kept) == original)
            // A second save leaves the kept file alone: it is version 2 on disk now.
            book.rate(.easy, card: 2, of: Self.item, on: Self.doneOn.adding(days: 3), doneOn: Self.doneOn,
                      scheduler: Self.scheduler)
            try ReviewStore.save(book, to: home)
            #expect(try Data(contentsOf: kept) == original)
            #expect(try ReviewStore.load(home) == book)
        }
    }

    @Test func cardsAndRatingsRoundTripSortedAndReadable() throws {
        try DailyFiles.withHome { home throws in
            var book = ReviewBook()
            book.rate(.again, card: 2, of: Self.item, on: DailyFiles.day("2026-12-04"), doneOn: Self.doneOn,
                      answer: "  line one\nline two \n", scheduler: Self.scheduler)
            book.rate(.good, card: 1, of: Self.item, on: DailyFiles.day("2026-12-03"), doneOn: Self.doneOn,
                      answer: "   ", scheduler: Self.scheduler)
            try ReviewStore.save(book, to: home)
            let loaded = try ReviewStore.load(home)
            #expect(loaded == book)
            #expect(loaded.log.map(\.day) == [DailyFiles.day("2026-12-03"), DailyFiles.day("2026-12-04")], "oldest first")
            #expect(loaded.log[1].answer == "line one\nline two", "trimmed")
            #expect(loaded.log[0].answer == nil, "a blank answer is none")
            let text = try String(contentsOf: ReviewStore.file(home), encoding: .utf8)
            #expect(FileFormat.problem(with: text) == nil)
            #expect(text.contains(#""card" : "ai-product.what-is-different#2""#))
            #expect(text.contains(#""rating" : "again""#))
            #expect(text.contains(#""state" : "review""#))
        }
    }

    /// Version 2 is read in one pass when it is plain; the result is what JSONDecoder
    /// reads, and anything unusual is left to it.
    @Test func aPlainVersionTwoFileTakesTheFastPathAndMatchesJSONDecoder() throws {
        var book = ReviewBook()
        book.record(.good, for: "old.ladder", on: DailyFiles.day("2026-11-30"), doneOn: DailyFiles.day("2026-11-29"))
        for day in 0..<40 {
            book.rate(CardRating.allCases[day % 4], card: day % 2 + 1, of: Self.item, on: Self.doneOn.adding(days: day + 1),
                      doneOn: Self.doneOn, answer: day % 3 == 0 ? "é \"quoted\"\nline" : nil, scheduler: Self.scheduler)
        }
        book.record(DrillAttempt(day: Self.doneOn, itemID: "career.star", drill: 2, answer: "Result: +12%",
                                 covered: [1, 3], rating: .hard))
        let data = try JSONFile.encoder().encode(ReviewStore.contents(of: book))
        let fast = try #require(ReviewDecoding.cardDocument(in: data))
        let url = URL(fileURLWithPath: "/h/reviews.json")
        let exact = try JSONFile.decode(ReviewStore.CardContents.self, from: data, file: url, supported: ReviewStore.version)
        #expect(fast == exact)
        #expect(try ReviewStore.book(from: data, file: url) == book)
    }

    @Test(arguments: [
        #"{"version":1,"items":{}}"#,
        #"{"version":4,"cards":{}}"#,
        #"{"version":2,"cards":{},"cards":{}}"#,
        #"{"version":2,"future":[]}"#,
        #"{"version":2,"reviews":null}"#,
        #"{"version":2,"cards":{"a#1":{"state":"new","stability":1e400,"difficulty":5,"due":"2026-12-03","reps":0,"lapses":0}}}"#,
        #"{"version":2,"cards":{"a#1":{"state":"new","stability":1,"difficulty":5,"due":"2026-12-03","reps":-1,"lapses":0}}}"#,
        #"{"version":2,"reviews":[{"day":"2026-12-03","card":"a#1","rating":"good","interval":1,"answer":null}]}"#,
        #"{"version":2,"reviews":[{"day":"03/12/2026","card":"a#1","rating":"good","interval":1}]}"#,
    ])
    func unusualVersionTwoFilesAreLeftToJSONDecoder(_ text: String) {
        #expect(ReviewDecoding.cardDocument(in: Data(text.utf8)) == nil)
    }

    @Test func drillAttemptsRoundTrip() throws {
        try DailyFiles.withHome { home throws in
            var book = ReviewBook()
            book.record(DrillAttempt(day: Self.doneOn, itemID: "career.star", drill: 2, answer: "Situation…\nResult: +12%",
                                     covered: [1, 3], rating: .hard))
            try ReviewStore.save(book, to: home)
            #expect(try ReviewStore.load(home) == book)
            let text = try String(contentsOf: ReviewStore.file(home), encoding: .utf8)
            #expect(text.contains(#""item" : "career.star""#) && text.contains(#""rating" : "hard""#))
        }
    }

    func refusal(_ text: String) throws -> StoreError? {
        try DailyFiles.refusal(text, as: "reviews.json") { home in _ = try ReviewStore.load(home) }
    }

    static let card = #""state":"review","stability":2.3,"difficulty":5,"due":"2026-12-05","lastReview":"2026-12-02","reps":1,"lapses":0"#

    @Test(arguments: [
        (#"{"version":2,"cards":{"a#1":{"state":"learning","stability":2.3,"difficulty":5,"due":"2026-12-05","reps":1,"lapses":0}}}"#, "state"),
        (#"{"version":2,"cards":{"a#1":{"state":"review","stability":-1,"difficulty":5,"due":"2026-12-05","reps":1,"lapses":0}}}"#, "stability"),
        (#"{"version":2,"cards":{"a#1":{"state":"review","stability":1,"difficulty":11,"due":"2026-12-05","reps":1,"lapses":0}}}"#, "difficulty"),
        (#"{"version":2,"cards":{"a#1":{"state":"review","stability":1,"difficulty":5,"due":"soon","reps":1,"lapses":0}}}"#, "due"),
        (#"{"version":2,"reviews":[{"day":"2026-12-03","card":"a#1","rating":"meh","interval":3}]}"#, "rating"),
        (#"{"version":2,"reviews":[{"day":"2026-12-03","card":"a#1","rating":"good","interval":3,"retrievability":1.5}]}"#, "retrievability"),
        (#"{"version":2,"reviews":[{"day":"2026-12-03","rating":"good","interval":3}]}"#, "card"),
        (#"{"version":2,"drills":[{"day":"2026-12-03","item":"a","drill":1,"answer":"x","covered":[1],"rating":"ok"}]}"#, "drills[0].rating"),
        (#"{"version":2,"drills":[{"day":"2026-12-03","item":"a","drill":0,"answer":"x","covered":[1],"rating":"good"}]}"#, "drills[0]"),
    ])
    func badCardsAndRatingsAreRefusedWhereTheyAre(_ text: String, _ field: String) throws {
        let place = try #require(DailyFiles.place(of: try refusal(text)))
        #expect(place.contains(field), "\(place)")
    }

    @Test func aVersionOneFileWithoutItemsIsStillRefused() throws {
        #expect(DailyFiles.place(of: try refusal(#"{"version": 1}"#)) != nil)
    }
}
