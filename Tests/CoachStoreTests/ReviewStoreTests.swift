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

    @Test func theFileHoldsHistoriesOnly() throws {
        try DailyFiles.withHome { home throws in
            try ReviewStore.save(Self.book, to: home)
            #expect(ReviewStore.file(home).lastPathComponent == "reviews.json")
            let text = try String(contentsOf: ReviewStore.file(home), encoding: .utf8)
            #expect(text.contains("\"version\" : 1"))
            #expect(text.contains("\"day\" : \"2024-05-02\""))
            #expect(text.contains("\"rating\" : \"hard\""))
            #expect(!text.contains("step") && !text.contains("due"), "derived, never stored")
            let json = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(Set(json.keys) == ["version", "items"])
        }
    }

    /// The file's shape as JSONDecoder reads it: the reference the one reader must agree with.
    struct DecodedFile: Decodable, Equatable {
        var version: Int
        var items: [String: [Review]]
    }

    static let url = URL(fileURLWithPath: "/h/reviews.json")

    @Test func tenThousandReviewsWrittenInTheHouseFormatReadAsJSONDecoderReadsThem() throws {
        var book = ReviewBook()
        let first = DailyFiles.day("2020-01-01")
        for index in 0..<10_000 {
            let id = index % 100 == 0 ? "unicode.é.\(index % 2_500)" : "track-\(index % 50).item-\(index % 2_500)"
            book.record(ReviewRating.allCases[index % 3], for: id, on: first.adding(days: index % 1_500), doneOn: first)
        }
        #expect(book.reviewCount == 10_000)
        let data = Data(ReviewStore.text(of: book))
        #expect(FileFormat.problem(with: String(decoding: data, as: UTF8.self)) == nil)
        let exact = try JSONDecoder().decode(DecodedFile.self, from: data)
        #expect(exact == DecodedFile(version: 1, items: book.items))
        #expect(try ReviewStore.book(from: data, file: Self.url) == book)
    }

    @Test(arguments: [
        #"{"version":1,"items":{"a":[{"day":"2024-05-01","rating":"good"}]}}"#,
        "{ \"items\" :\t{ \"a\" : [ { \"rating\" : \"good\" , \"day\" : \"2024-05-01\" } ] } ,\r\n \"version\" : 1 }",
        #"{"version":1.0,"items":{"\u0061":[{"day":"2024\u002d05-01","rating":"go\u006fd","extra":[1,{"x":null}]}]}}"#,
        "\u{FEFF}{\"version\":1,\"items\":{\"a\":[{\"day\":\"2024-05-01\",\"rating\":\"good\"}]}}",
    ])
    func everySpellingOfTheFormatReadsTheSame(_ text: String) throws {
        let book = ReviewBook(items: ["a": [Review(day: DailyFiles.day("2024-05-01"), rating: .good)]])
        #expect(try ReviewStore.book(from: Data(text.utf8), file: Self.url) == book)
    }

    @Test(arguments: [
        (#"{"version":1,"items":{"a":[{"day":"2024-05-01","rating":"meh"}]}}"#, "items.a[0].rating"),
        (#"{"version":1,"items":{"a":[{"day":"2024-05-01"}]}}"#, "items.a[0].rating"),
        (#"{"version":1,"items":{"a":[],"a":[]}}"#, "items.a"),
        (#"{"version":1,"items":{"a":null}}"#, "items.a"),
        (#"{"version":1.5,"items":{}}"#, "version"),
    ])
    func unusualFilesAreRefusedWhereTheyAre(_ text: String, place: String) throws {
        #expect(DailyFiles.place(of: try refusal(text)) == place)
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
        #expect(found == 7 && supported == 1)
    }
}
