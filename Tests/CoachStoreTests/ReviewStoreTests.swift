import CoachCore
@testable import CoachStore
import Foundation
import Testing

@Suite("ReviewStore")
struct ReviewStoreTests {
    static var book: ReviewBook {
        var book = ReviewBook()
        let doneOn = DailyFiles.day("2024-05-01")
        book.record(.good, for: "genai.rag", on: DailyFiles.day("2024-05-02"), doneOn: doneOn)
        book.record(.hard, for: "genai.rag", on: DailyFiles.day("2024-05-06"), doneOn: doneOn)
        book.record(.easy, for: "agents.tool-use", on: DailyFiles.day("2024-05-03"), doneOn: doneOn)
        book.record(.good, for: "old.removed-item", on: DailyFiles.day("2023-12-31"), doneOn: doneOn)
        return book
    }

    @Test func roundTrip() throws {
        try DailyFiles.withHome { home throws in
            try ReviewStore.save(Self.book, to: home)
            let loaded = try ReviewStore.load(home)
            #expect(loaded == Self.book)
            #expect(loaded.history(of: "genai.rag").map(\.rating) == [.good, .hard])
            #expect(loaded.state(of: "genai.rag", doneOn: DailyFiles.day("2024-05-01")).due == DailyFiles.day("2024-05-07"))
        }
    }

    @Test func aMissingFileIsNoReviewsAndCreatesNothing() throws {
        try DailyFiles.withHome { home throws in
            #expect(try ReviewStore.load(home) == ReviewBook())
            #expect(try names(in: home.url).isEmpty)
        }
    }

    @Test func theLadderHistoriesAreKeptInTheCurrentVersion() throws {
        try DailyFiles.withHome { home throws in
            try ReviewStore.save(Self.book, to: home)
            #expect(ReviewStore.file(home).lastPathComponent == "reviews.json")
            let text = try String(contentsOf: ReviewStore.file(home), encoding: .utf8)
            #expect(text.contains("\"version\" : 3"))
            #expect(text.contains("\"day\" : \"2024-05-02\""))
            #expect(text.contains("\"rating\" : \"hard\""))
            #expect(!text.contains("step"), "derived, never stored")
            let json = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(Set(json.keys) == ["version", "items", "cards", "reviews"])
        }
    }

    @Test func tenThousandReviewsTakeTheFastPathAndMatchJSONDecoder() throws {
        var book = ReviewBook()
        let first = DailyFiles.day("2020-01-01")
        for index in 0..<10_000 {
            let id = index % 100 == 0 ? "unicode.é.\(index % 2_500)" : "track-\(index % 50).item-\(index % 2_500)"
            book.record(ReviewRating.allCases[index % 3], for: id, on: first.adding(days: index % 1_500), doneOn: first)
        }
        #expect(book.reviewCount == 10_000)
        let data = try JSONFile.encoder().encode(ReviewStore.FileContents(version: 1, items: book.items))
        let fast = try #require(ReviewDecoding.document(in: data, supported: ReviewStore.version))
        let exact = try JSONFile.decode(ReviewStore.FileContents.self, from: data,
                                            file: URL(fileURLWithPath: "/h/reviews.json"), supported: ReviewStore.version)
        #expect(fast == exact)
        #expect(try ReviewStore.book(from: data, file: URL(fileURLWithPath: "/h/reviews.json")) == book)
    }

    @Test(arguments: [
        #"{"version":1,"items":{"a":[{"day":"2024-05-01","rating":"meh"}]}}"#,
        #"{"version":1,"items":{"a":[{"day":"2024-05-01"}]}}"#,
        #"{"version":1,"items":{"a":[],"a":[]}}"#,
        #"{"version":1,"items":{"a":null}}"#,
        #"{"version":4,"items":{}}"#,
    ])
    func unusualFilesAreLeftToJSONDecoder(_ text: String) {
        #expect(ReviewDecoding.document(in: Data(text.utf8), supported: ReviewStore.version) == nil)
    }

    func refusal(_ text: String) throws -> StoreError? {
        try DailyFiles.refusal(text, as: "reviews.json") { home in _ = try ReviewStore.load(home) }
    }

    @Test func anUnknownRatingIsRefusedWhereItIs() throws {
        let error = try refusal(#"{"version": 1, "items": {"genai.rag": [{"day": "2024-05-01", "rating": "meh"}]}}"#)
        let place = try #require(DailyFiles.place(of: error))
        #expect(place.contains("genai.rag") && place.contains("rating"), "\(place)")
    }

    @Test func aBadDayIsRefused() throws {
        let error = try refusal(#"{"version": 1, "items": {"a": [{"day": "01/05/2024", "rating": "good"}]}}"#)
        #expect(DailyFiles.place(of: error)?.contains("day") == true)
    }

    @Test(arguments: ["", "{", "[]", #"{"version": 1}"#, #"{"version": 1, "items": []}"#])
    func unreadableFilesAreRefused(_ text: String) throws {
        #expect(DailyFiles.place(of: try refusal(text)) != nil)
    }

    @Test func aNewerVersionIsRefused() throws {
        let error = try refusal(#"{"version": 7, "items": "new"}"#)
        guard case .newerVersion(_, let found, let supported)? = error else {
            Issue.record("expected newerVersion, got \(String(describing: error))")
            return
        }
        #expect(found == 7 && supported == 3)
    }
}
