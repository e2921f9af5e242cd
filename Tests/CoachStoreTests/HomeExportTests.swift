import CoachCore
import CoachStore
import Foundation
import Testing

@Suite("HomeExport")
struct HomeExportTests {
    static let file = URL(fileURLWithPath: "/tmp/coach-export.json")

    /// A document with something in every section; times in whole seconds, as the files
    /// keep them.
    static func sample() -> HomeExport {
        var progress = ProgressBook()
        progress.setStatus(.done, of: "genai.rag", at: fixedDate)
        progress.setNote("Built a RAG demo: https://github.com/me/rag-demo", of: "genai.rag", at: fixedDate)
        progress.setStatus(.doing, of: "career.portfolio", at: fixedDate.addingTimeInterval(60))
        progress.setStatus(.done, of: "gone.from-the-curriculum", at: fixedDate.addingTimeInterval(120))
        var journal = Journal()
        journal.add(JournalEntry(day: DailyFiles.day("2023-11-14"), start: fixedDate, minutes: 45,
                                 items: ["genai.rag"], note: "Chunking ☕ 日本語"))
        journal.add(JournalEntry(day: DailyFiles.day("2023-11-15"), minutes: 20))
        journal.goals.change(from: 45, to: 30, on: DailyFiles.day("2023-11-15"))
        var reviews = ReviewBook()
        reviews.record(.good, for: "genai.rag", on: DailyFiles.day("2023-11-15"), doneOn: DailyFiles.day("2023-11-14"))
        reviews.record(.hard, for: "genai.rag", on: DailyFiles.day("2023-11-18"), doneOn: DailyFiles.day("2023-11-14"))
        return HomeExport(exportedAt: fixedDate, progress: progress, backlog: BacklogStoreTests.sample(),
                              journal: journal, reviews: reviews,
                              settings: Settings(focusTrack: "genai", dailyGoalMinutes: 30))
    }

    @Test func encodingAndDecodingGiveTheSameDocument() throws {
        let document = Self.sample()
        let data = try document.encoded()
        #expect(try HomeExport.decode(data, file: Self.file) == document)
        let text = String(decoding: data, as: UTF8.self)
        for key in ["\"version\" : 1", "\"exportedAt\" : \"2023-11-14T22:13:20Z\"", "\"progress\"", "\"backlog\"",
                    "\"journal\"", "\"reviews\"", "\"settings\"", "\"goals\"", "\"dailyGoalMinutes\" : 30"] {
            #expect(text.contains(key), "\(key)")
        }
        #expect(try document.encoded() == data, "the same document gives the same bytes")
    }

    @Test func cardsRatingsDrillsAndTheSchedulerSettingsRoundTrip() throws {
        var document = Self.sample()
        let item = Item(id: "genai.rag", title: "RAG", summary: "", minutes: 30,
                        prompts: [RecallPrompt(question: "Why?", points: ["a"])])
        var reviews = document.reviews
        reviews.rate(.good, card: 1, of: item, on: DailyFiles.day("2023-11-19"), doneOn: DailyFiles.day("2023-11-14"),
                     answer: "fresh facts", scheduler: try FSRSScheduler())
        reviews.record(DrillAttempt(day: DailyFiles.day("2023-11-19"), itemID: "career.star", drill: 1, answer: "STAR",
                                    covered: [1, 2], rating: .good))
        document.reviews = reviews
        document.settings.retention = 0.85
        document.settings.maximumInterval = 400
        let data = try document.encoded()
        #expect(try HomeExport.decode(data, file: Self.file) == document)
        #expect(String(decoding: data, as: UTF8.self).contains("\"reviewCards\""))
    }

    @Test func anEmptyDocumentRoundTrips() throws {
        let empty = HomeExport(exportedAt: fixedDate)
        #expect(try HomeExport.decode(try empty.encoded(), file: Self.file) == empty)
    }

    /// `text` with one section replaced by `json`.
    func sampleText(replacing key: String, with json: String) throws -> Data {
        let data = try Self.sample().encoded()
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object[key] = try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
        return try JSONSerialization.data(withJSONObject: object)
    }

    func refusal(_ data: Data) -> StoreError? {
        #expect(throws: StoreError.self) { try HomeExport.decode(data, file: Self.file) }
    }

    @Test func everySectionIsChecked() throws {
        let cases: [(key: String, json: String, place: String)] = [
            ("journal", #"{"entries": [{"id": 1, "day": "2024-05-01", "minutes": 0}], "goals": []}"#, "journal.entries[0].minutes"),
            ("journal", #"{"entries": [{"id": 1, "day": "2024-05-01", "minutes": 5}, {"id": 1, "day": "2024-05-02", "minutes": 5}], "goals": []}"#, "journal.entries[1].id"),
            ("journal", #"{"entries": [], "goals": [{"from": "2024-05-01", "minutes": 4}]}"#, "journal.goals[0].minutes"),
            ("journal", #"{"entries": [{"id": 1, "day": "2024-02-30", "minutes": 5}], "goals": []}"#, "journal.entries.[0].day"),
            ("settings", #"{"dailyGoalMinutes": 601}"#, "settings.dailyGoalMinutes"),
            ("progress", #"{"genai.rag": {"status": "finished", "changed": "2024-05-01T09:00:00Z"}}"#, "progress.genai.rag.status"),
            ("reviews", #"{"genai.rag": [{"day": "2024-05-01", "rating": "meh"}]}"#, "reviews.genai.rag.[0].rating"),
        ]
        for (key, json, place) in cases {
            let error = refusal(try sampleText(replacing: key, with: json))
            #expect(DailyFiles.place(of: error) == place, "\(key): \(json)")
            #expect(error?.description.contains(Self.file.path) == true)
        }
    }

    @Test func anIdeaIsCheckedAsTyped() throws {
        let idea = #"[{"id": "x", "title": "X", "status": "idea", "reach": 1, "impact": 1, "confidence": 2, "effort": 1, "created": "2024-05-01T09:00:00Z", "updated": "2024-05-01T09:00:00Z"}]"#
        let error = refusal(try sampleText(replacing: "backlog", with: idea))
        #expect(DailyFiles.place(of: error)?.hasPrefix("backlog.[0]") == true, "\(String(describing: error))")
        #expect(error?.description.contains("confidence") == true)
    }

    @Test func twoIdeasWithOneIdAreRefused() throws {
        let idea = #"{"id": "x", "title": "X", "status": "idea", "reach": 1, "impact": 1, "confidence": 0.5, "effort": 1, "created": "2024-05-01T09:00:00Z", "updated": "2024-05-01T09:00:00Z"}"#
        let error = refusal(try sampleText(replacing: "backlog", with: "[\(idea), \(idea)]"))
        #expect(DailyFiles.place(of: error) == "backlog[1].id")
    }

    @Test(arguments: ["progress", "backlog", "journal", "reviews", "settings", "exportedAt"])
    func aMissingSectionIsRefused(_ key: String) throws {
        let data = try Self.sample().encoded()
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object.removeValue(forKey: key)
        let error = refusal(try JSONSerialization.data(withJSONObject: object))
        #expect(error?.description.contains("missing field \"\(key)\"") == true)
    }

    @Test func aNewerVersionAndOtherFilesAreRefused() throws {
        let newer = refusal(Data(#"{"version": 2, "whatever": true}"#.utf8))
        guard case .newerVersion(_, let found, _)? = newer else {
            Issue.record("expected newerVersion, got \(String(describing: newer))")
            return
        }
        #expect(found == 2)
        // A progress file is not an export: it is refused, not imported as an empty home.
        let progressFile = refusal(Data(#"{"version": 1, "items": {}}"#.utf8))
        #expect(progressFile?.description.contains("missing field") == true)
        let markdown = refusal(Data("# Learning log\n".utf8))
        #expect(markdown?.description.contains("not valid JSON") == true)
    }

    @Test func restoreWritesTheHomeThatExportsTheSameDocument() throws {
        try DailyFiles.withHome { home throws in
            let document = Self.sample()
            try document.restore(into: home)
            #expect(try names(in: home.url) == ["backlog.json", "journal.json", "progress.json", "reviews.json", "settings.json"])
            #expect(try HomeExport.load(from: home, exportedAt: fixedDate) == document)
        }
    }

    /// Empty sections are not written; the backlog always is, so an empty one does not
    /// bring back the starter ideas that a missing file offers.
    @Test func restoreWritesOnlySectionsThatHoldSomethingAndTheBacklog() throws {
        try DailyFiles.withHome { home throws in
            try HomeExport(exportedAt: fixedDate).restore(into: home)
            #expect(try names(in: home.url) == ["backlog.json"])
            #expect(try BacklogStore.load(home).isEmpty)
        }
        try DailyFiles.withHome { home throws in
            var journalOnly = HomeExport(exportedAt: fixedDate)
            journalOnly.journal.add(JournalEntry(day: DailyFiles.day("2024-05-01"), minutes: 5))
            try journalOnly.restore(into: home)
            #expect(try names(in: home.url) == ["backlog.json", "journal.json"])
            #expect(try HomeExport.load(from: home, exportedAt: fixedDate) == journalOnly)
        }
    }

    @Test(arguments: ["progress.json", "backlog.json", "journal.json", "reviews.json", "settings.json"])
    func aHomeWithAnyDataIsRefusedAndLeftAsItWas(_ name: String) throws {
        try DailyFiles.withHome { home throws in
            let url = try writeFile("{}", to: name, in: home.url)
            #expect(HomeExport.existingDataFiles(in: home) == [url])
            let error = #expect(throws: HomeExport.HomeHasData.self) { try Self.sample().restore(into: home) }
            #expect(error?.files == [name])
            #expect(error?.description.contains(name) == true)
            #expect(error?.description.contains("nothing was changed") == true)
            #expect(try names(in: home.url) == [name])
            #expect(try String(contentsOf: url, encoding: .utf8) == "{}")
        }
    }

    @Test func otherFilesDoNotMakeAHomeFull() throws {
        try DailyFiles.withHome { home throws in
            try writeFile("", to: ".lock", in: home.url)
            try writeFile("[]", to: "tracks/mine.json", in: home.url)
            try HomeExport.requireEmpty(home)
            try Self.sample().restore(into: home)
        }
    }
}
