import CoachCore
import CoachStore
import Foundation
import Testing

@Suite("BacklogStore")
struct BacklogStoreTests {
    /// The repository's Data folder, found from this file.
    static let dataFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data")

    static func fields(_ title: String, note: String? = nil, status: IdeaStatus = .idea, reach: Double = 100,
                       impact: Impact = .medium, confidence: Double = 0.8, effort: Double = 1,
                       costs: HiddenCosts = .zero, items: [String] = []) -> ValidIdeaFields {
        switch IdeaValidation.check(title: title, note: note, status: status, reach: reach, impact: impact,
                                    confidence: confidence, effort: effort, hiddenCosts: costs, items: items) {
        case .success(let fields): return fields
        case .failure(let problems): fatalError("\(problems)")
        }
    }

    /// Times in whole seconds: the file keeps ISO 8601 dates without fractions.
    static func sample() -> Backlog {
        var backlog = Backlog()
        backlog.add(fields("Movie bot", note: "Feedback loops.\nRefresh the catalogue.", reach: 50, impact: .medium,
                           confidence: 0.8, effort: 1, costs: HiddenCosts(retraining: 0.1, monitoring: 0.1),
                           items: ["genai.rag", "career.side-project-build"]), now: fixedDate)
        backlog.add(fields("Café ☕ 日本語 🚀", status: .active, reach: 1e-5, impact: .minimal, confidence: 1.0 / 3,
                           effort: 12_345.678), now: fixedDate.addingTimeInterval(60))
        backlog.add(fields("Lead scoring", status: .dropped, reach: 0, impact: .massive, confidence: 0.5, effort: 2,
                           costs: HiddenCosts(labeling: 0.25, retraining: 0.5, monitoring: 0.75, regulatory: 1)),
                    now: fixedDate.addingTimeInterval(-3_600))
        return backlog
    }

    static let validText = """
    {
      "ideas" : [
        {
          "confidence" : 0.8,
          "created" : "2023-11-14T22:13:20Z",
          "effort" : 1.5,
          "hiddenCosts" : {
            "labeling" : 0.25,
            "monitoring" : 0,
            "regulatory" : 0,
            "retraining" : 0.1
          },
          "id" : "movie-bot",
          "impact" : 2,
          "items" : [
            "genai.rag"
          ],
          "note" : "a note",
          "reach" : 500,
          "status" : "idea",
          "title" : "Movie bot",
          "updated" : "2023-11-14T22:13:20Z"
        }
      ],
      "version" : 1
    }

    """

    @discardableResult
    func withHome<T>(_ body: (CoachHome) throws -> T) throws -> T {
        try withTemporaryFolder { folder in try body(CoachHome(url: folder)) }
    }

    func bytes(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    // MARK: - Round trips

    @Test func theFileIsBacklogJSONInTheHome() {
        let home = CoachHome(url: URL(fileURLWithPath: "/h"))
        #expect(home.backlogFile.path == "/h/backlog.json")
    }

    @Test func roundTripKeepsEveryField() throws {
        try withHome { home in
            let backlog = Self.sample()
            try BacklogStore.save(backlog, to: home)
            let loaded = try BacklogStore.load(home)
            #expect(loaded == backlog)
            #expect(loaded.rankedIDs == backlog.rankedIDs)
            let cafe = try #require(loaded.ranked.first { $0.title.hasPrefix("Café") })
            #expect(cafe.title == "Café ☕ 日本語 🚀")
            #expect(cafe.confidence == 1.0 / 3, "doubles come back bit for bit")
            #expect(cafe.reach == 1e-5)
            #expect(loaded["movie-bot"]?.note == "Feedback loops.\nRefresh the catalogue.")
            #expect(loaded["movie-bot"]?.items == ["genai.rag", "career.side-project-build"])
            #expect(loaded["lead-scoring"]?.hiddenCosts == HiddenCosts(labeling: 0.25, retraining: 0.5, monitoring: 0.75, regulatory: 1))
            #expect(loaded["lead-scoring"]?.created == fixedDate.addingTimeInterval(-3_600))
        }
    }

    @Test func anEmptyBacklogRoundTrips() throws {
        try withHome { home in
            try BacklogStore.save(Backlog(), to: home)
            #expect(try BacklogStore.load(home) == Backlog())
        }
    }

    @Test func manyIdeasRoundTrip() throws {
        try withHome { home in
            var backlog = Backlog()
            for index in 0..<2_000 {
                backlog.add(Self.fields("Idea \(index) — café", note: index % 2 == 0 ? nil : "note \(index) \"quoted\" \\ ✓",
                                        reach: Double(index % 97), impact: Impact.allCases[index % 5],
                                        confidence: Double(1 + index % 100) / 100, effort: Double(1 + index % 13) / 4),
                            now: fixedDate.addingTimeInterval(Double(index)))
            }
            try BacklogStore.save(backlog, to: home)
            let loaded = try BacklogStore.load(home)
            #expect(loaded.count == 2_000)
            #expect(loaded == backlog)
        }
    }

    @Test func theFileIsPrettyVersionedAndInCreationOrder() throws {
        try withHome { home in
            try BacklogStore.save(Self.sample(), to: home)
            let text = try String(contentsOf: home.backlogFile, encoding: .utf8)
            #expect(text.contains("\"version\" : 2"))
            #expect(text.hasSuffix("}\n"))
            #expect(text.contains("\"impact\" : 0.25"), "impact is stored as its number")
            #expect(text.contains("\"created\" : \"2023-11-14T22:13:20Z\""))
            #expect(text.contains("日本語"), "text is written as it is, not escaped")

            let json = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(Set(json.keys) == ["version", "ideas"])
            let ideas = try #require(json["ideas"] as? [[String: Any]])
            #expect(ideas.compactMap { $0["title"] as? String } == ["Lead scoring", "Movie bot", "Café ☕ 日本語 🚀"],
                    "oldest first, so a new idea appends to the file")
            let cafe = ideas[2]
            #expect(cafe["note"] == nil, "no note, no key")
            #expect(Set(cafe.keys) == ["id", "title", "status", "reach", "impact", "confidence", "effort",
                                       "hiddenCosts", "items", "created", "updated"])
            #expect(Set((cafe["hiddenCosts"] as? [String: Any] ?? [:]).keys) == ["labeling", "retraining", "monitoring", "regulatory"])
        }
    }

    @Test func savingTheSameBacklogTwiceGivesTheSameBytes() throws {
        try withHome { home in
            try BacklogStore.save(Self.sample(), to: home)
            let first = try bytes(home.backlogFile)
            try BacklogStore.save(Self.sample(), to: home)
            #expect(try bytes(home.backlogFile) == first)
        }
    }

    @Test func aHandWrittenFileLoads() throws {
        try withHome { home in
            try writeFile(Self.validText, to: "backlog.json", in: home.url)
            let backlog = try BacklogStore.load(home)
            let idea = try #require(backlog["movie-bot"])
            #expect(idea.title == "Movie bot")
            #expect(idea.note == "a note")
            #expect(idea.reach == 500)
            #expect(idea.impact == .high)
            #expect(idea.confidence == 0.8)
            #expect(idea.effort == 1.5)
            #expect(idea.hiddenCosts == HiddenCosts(labeling: 0.25, retraining: 0.1))
            #expect(idea.items == ["genai.rag"])
            #expect(idea.created == fixedDate)
        }
    }

    @Test func escapesNamesAndOtherValidJSONAreRead() throws {
        try withHome { home in
            let text = """
            {"version": 1, "extra": [1, {"x": null}, true], "ideas": [{"id": "e", "title": "Caf\\u00e9 \\ud83d\\ude80 \\"q\\" \\\\ \\/",
             "note": null, "status": "active", "reach": 1E+2, "impact": "low", "confidence": 5e-1, "effort": 2.50,
             "created": "2023-11-14T22:13:20.500Z", "updated": "2023-11-15T00:13:20+02:00", "unknown": {"a": [1, 2]}}]}
            """
            try writeFile(text, to: "backlog.json", in: home.url)
            let idea = try #require(try BacklogStore.load(home)["e"])
            #expect(idea.title == "Café 🚀 \"q\" \\ /")
            #expect(idea.note == nil)
            #expect(idea.reach == 100)
            #expect(idea.impact == .low)
            #expect(idea.confidence == 0.5)
            #expect(idea.effort == 2.5)
            #expect(idea.hiddenCosts == .zero, "missing hidden costs are 0")
            #expect(idea.items.isEmpty)
            #expect(idea.created == fixedDate.addingTimeInterval(0.5))
            #expect(idea.updated == fixedDate)
        }
    }

    /// A date is read from its bytes when it is written as the house writes it; any other
    /// spelling of the same text is decoded first and reads as the same date.
    @Test func aDateWrittenWithAnEscapeIsTheSameDate() throws {
        try withHome { home in
            let text = Self.validText.replacingOccurrences(of: "\"created\" : \"2023-11-14T22:13:20Z\"",
                                                           with: "\"created\" : \"2023-11-14T22:13:2\\u0030Z\"")
            #expect(text != Self.validText)
            try writeFile(text, to: "backlog.json", in: home.url)
            #expect(try BacklogStore.load(home)["movie-bot"]?.created == fixedDate)
        }
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        try withHome { home throws in
            try Data([0xEF, 0xBB, 0xBF] + Array(Self.validText.utf8)).write(to: home.backlogFile)
            #expect(try BacklogStore.load(home)["movie-bot"] != nil)
        }
    }

    @Test func aMissingFileIsAnEmptyBacklogAndCreatesNothing() throws {
        try withHome { home throws in
            #expect(try BacklogStore.load(home) == Backlog())
            #expect(try names(in: home.url).isEmpty)
        }
    }

    // MARK: - Refusals

    /// Loads a file with `text` and returns the error, checking the file was not touched.
    func loadError(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> StoreError? {
        try withHome { home throws in
            let url = try writeFile(text, to: "backlog.json", in: home.url)
            let before = try bytes(url)
            let error = #expect(throws: StoreError.self, sourceLocation: sourceLocation) { try BacklogStore.load(home) }
            #expect(try bytes(url) == before, "the file is byte-for-byte unchanged", sourceLocation: sourceLocation)
            #expect(try names(in: home.url) == ["backlog.json"], sourceLocation: sourceLocation)
            if let error {
                #expect(error.description.contains(url.path), "the message names the file", sourceLocation: sourceLocation)
                #expect(error.description.contains("left as it is"), sourceLocation: sourceLocation)
            }
            return error
        }
    }

    func expectUnreadable(_ error: StoreError?, place expected: String? = nil, reason: String? = nil,
                          sourceLocation: SourceLocation = #_sourceLocation) {
        guard case .unreadable(let file, let place, let why)? = error else {
            Issue.record("expected StoreError.unreadable, got \(String(describing: error))", sourceLocation: sourceLocation)
            return
        }
        #expect(file.hasSuffix("/backlog.json"), sourceLocation: sourceLocation)
        #expect(!why.isEmpty, sourceLocation: sourceLocation)
        if let expected { #expect(place == expected, "place was \(place)", sourceLocation: sourceLocation) }
        if let reason { #expect(why.contains(reason), "reason was \(why)", sourceLocation: sourceLocation) }
    }

    func replacing(_ old: String, with new: String) -> String {
        let text = Self.validText.replacingOccurrences(of: old, with: new)
        precondition(text != Self.validText, "\(old) is not in the sample")
        return text
    }

    @Test func aNewerVersionIsRefusedAndLeftAlone() throws {
        // Even with ideas this version cannot read, the message is about the version.
        let error = try loadError(#"{"version": 3, "ideas": "a shape from the future"}"#)
        guard case .newerVersion(let file, let found, let supported)? = error else {
            Issue.record("expected StoreError.newerVersion, got \(String(describing: error))")
            return
        }
        #expect(file.hasSuffix("/backlog.json"))
        #expect(found == 3)
        #expect(supported == 2)
        #expect(BacklogStore.version == 2)
    }

    @Test func aCorruptFileIsRefusedAndLeftAlone() throws {
        expectUnreadable(try loadError("this is not json at all {"), reason: "not valid JSON")
        expectUnreadable(try loadError(""), place: "empty file")
        expectUnreadable(try loadError(String(Self.validText.prefix(Self.validText.count / 2))), reason: "not valid JSON")
        expectUnreadable(try loadError(Self.validText + "garbage"), reason: "not valid JSON")
        expectUnreadable(try loadError("{\"version\": 1,\n \"ideas\": [,]}"), place: "line 2, column 12")
    }

    @Test func theWrongShapeIsRefused() throws {
        expectUnreadable(try loadError("[]"), place: "top level")
        expectUnreadable(try loadError(#"{"ideas": []}"#), place: "version", reason: "missing field \"version\"")
        expectUnreadable(try loadError(#"{"version": 0, "ideas": []}"#), place: "version")
        expectUnreadable(try loadError(#"{"version": "1", "ideas": []}"#), place: "version")
        expectUnreadable(try loadError(#"{"version": 1.5, "ideas": []}"#), place: "version", reason: "expected a whole number")
        expectUnreadable(try loadError(#"{"version": 1}"#), place: "ideas", reason: "missing field \"ideas\"")
        expectUnreadable(try loadError(#"{"version": 1, "ideas": {}}"#), place: "ideas")
        expectUnreadable(try loadError(#"{"version": 1, "ideas": [3]}"#), place: "ideas[0]")
    }

    @Test func aValueOutOfRangeIsRefusedWithItsPlaceAndRange() throws {
        expectUnreadable(try loadError(replacing("\"confidence\" : 0.8", with: "\"confidence\" : 1.5")),
                         place: "ideas[0].confidence", reason: "must be more than 0 and at most 1 (80% and 0.8 are the same); got 1.5")
        expectUnreadable(try loadError(replacing("\"impact\" : 2", with: "\"impact\" : 4")),
                         place: "ideas[0].impact", reason: "got 4")
        expectUnreadable(try loadError(replacing("\"reach\" : 500", with: "\"reach\" : -1")),
                         place: "ideas[0].reach", reason: "≥ 0")
        expectUnreadable(try loadError(replacing("\"effort\" : 1.5", with: "\"effort\" : 0")),
                         place: "ideas[0].effort", reason: "> 0")
        expectUnreadable(try loadError(replacing("\"labeling\" : 0.25", with: "\"labeling\" : -0.1")),
                         place: "ideas[0].hiddenCosts.labeling", reason: "got -0.1")
        expectUnreadable(try loadError(replacing("\"title\" : \"Movie bot\"", with: "\"title\" : \"  \"")),
                         place: "ideas[0].title")
        expectUnreadable(try loadError(replacing("\"reach\" : 500", with: "\"reach\" : 1e999")),
                         place: "ideas[0].reach", reason: "finite")
    }

    @Test func wrongTypesAndMissingFieldsAreRefused() throws {
        expectUnreadable(try loadError(replacing("\"reach\" : 500", with: "\"reach\" : \"500\"")),
                         place: "ideas[0].reach", reason: "expected a number")
        expectUnreadable(try loadError(replacing("\"reach\" : 500,", with: "")),
                         place: "ideas[0].reach", reason: "missing field \"reach\"")
        expectUnreadable(try loadError(replacing("\"status\" : \"idea\"", with: "\"status\" : \"done\"")),
                         place: "ideas[0].status", reason: "idea, active, shipped, dropped")
        expectUnreadable(try loadError(replacing("\"created\" : \"2023-11-14T22:13:20Z\"", with: "\"created\" : \"yesterday\"")),
                         place: "ideas[0].created", reason: "yesterday")
        // As long as a date, and in a date's place, but not one.
        expectUnreadable(try loadError(replacing("\"created\" : \"2023-11-14T22:13:20Z\"", with: "\"created\" : \"2023-11-14T22:13:20X\"")),
                         place: "ideas[0].created", reason: "2023-11-14T22:13:20X")
        expectUnreadable(try loadError(replacing("\"created\" : \"2023-11-14T22:13:20Z\"", with: "\"created\" : \"2023-11-14T22:13:2\\\"Z\"")),
                         place: "ideas[0].created", reason: "2023-11-14T22:13:2\"Z")
        expectUnreadable(try loadError(replacing("\"id\" : \"movie-bot\"", with: "\"id\" : \"\"")),
                         place: "ideas[0].id")
        expectUnreadable(try loadError(replacing("\"items\" : [\n        \"genai.rag\"\n      ]", with: "\"items\" : \"genai.rag\"")),
                         place: "ideas[0].items")
    }

    /// Keys are matched as bytes; a key written with escapes is still the name it spells,
    /// and a repeated key is named with its place, known or not.
    @Test func keysWithEscapesAreTheNamesTheySpellAndRepeatsAreNamed() throws {
        try withHome { home in
            try writeFile(replacing("\"title\" : ", with: "\"t\\u0069tle\" : ").replacingOccurrences(of: "\"labeling\"", with: "\"label\\u0069ng\""),
                          to: "backlog.json", in: home.url)
            let idea = try #require(try BacklogStore.load(home)["movie-bot"])
            #expect(idea.title == "Movie bot")
            #expect(idea.hiddenCosts.labeling == 0.25)
        }
        expectUnreadable(try loadError(replacing("\"reach\" : 500,", with: "\"reach\" : 500, \"reach\" : 5,")),
                         place: "ideas[0].reach", reason: "this key appears twice in its object")
        expectUnreadable(try loadError(replacing("\"reach\" : 500,", with: "\"reach\" : 500, \"r\\u0065ach\" : 5,")),
                         place: "ideas[0].reach", reason: "this key appears twice in its object")
        expectUnreadable(try loadError(replacing("\"reach\" : 500,", with: "\"reach\" : 500, \"x\" : 1, \"x\" : 2,")),
                         place: "ideas[0].x", reason: "this key appears twice in its object")
        expectUnreadable(try loadError(replacing("\"reach\" : 500,", with: "\"reach\" : 500, \"é\" : 1, \"e\\u0301\" : 2,")),
                         place: "ideas[0].é", reason: "this key appears twice in its object")
        expectUnreadable(try loadError(replacing("\"labeling\" : 0.25", with: "\"labeling\" : 0.25, \"labeling\" : 1")),
                         place: "ideas[0].hiddenCosts.labeling", reason: "this key appears twice in its object")
        expectUnreadable(try loadError(replacing("\"reach\" : 500,", with: "\"re\tach\" : 500,")), place: "line 19, column 10", reason: "a control character inside text")
    }

    @Test func aRepeatedIdIsRefused() throws {
        let idea = #"{"id": "x", "title": "X", "status": "idea", "reach": 1, "impact": 1, "confidence": 1, "effort": 1, "created": "2023-11-14T22:13:20Z", "updated": "2023-11-14T22:13:20Z"}"#
        expectUnreadable(try loadError(#"{"version": 1, "ideas": [\#(idea), \#(idea)]}"#),
                         place: "ideas[1].id", reason: "duplicate id \"x\"")
    }

    // MARK: - Starter ideas

    @Test func theShippedStarterIdeasAllValidate() throws {
        let starters = try BacklogStore.loadStarterIdeas(data: Self.dataFolder)
        let raw = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: Self.dataFolder.appendingPathComponent("ideas.json"))) as? [Any])
        #expect(starters.count == raw.count, "every entry became a starter idea")
        #expect(starters.count >= 5)
        #expect(starters.allSatisfy { $0.id.hasPrefix(StarterIdea.idPrefix) })
        #expect(Set(starters.map(\.id)).count == starters.count)
        #expect(starters.allSatisfy { $0.fields.note != nil }, "each says what its hidden costs are")

        var backlog = Backlog()
        let added = backlog.addStarters(starters, now: fixedDate)
        #expect(added.count == starters.count)
        #expect(backlog.ranked.allSatisfy { $0.score.isFinite && $0.status == .idea })
    }

    @Test func aMissingStarterFileMeansNoStarters() throws {
        try withTemporaryFolder { folder throws in
            #expect(try BacklogStore.loadStarterIdeas(data: folder).isEmpty)
        }
    }

    @Test func badStarterEntriesAreAllReportedWithFileAndIndex() throws {
        try withTemporaryFolder { folder in
            let good = #"{"id": "starter.good", "title": "Good", "reach": 10, "impact": 1, "confidence": 0.5, "effort": 1}"#
            let text = """
            [\(good),
             {"id": "starter.bad", "title": "Bad", "reach": -1, "impact": 4, "confidence": 80, "effort": 1},
             {"id": "starter.missing", "title": "Missing", "impact": 1, "confidence": 0.5, "effort": 1},
             {"id": "no-prefix", "title": "No prefix", "reach": 1, "impact": 1, "confidence": 0.5, "effort": 1},
             \(good)]
            """
            let url = try writeFile(text, to: "ideas.json", in: folder)
            let error = #expect(throws: StoreError.self) { try BacklogStore.loadStarterIdeas(data: folder) }
            guard case .invalidCurriculum(let problems)? = error else {
                Issue.record("expected StoreError.invalidCurriculum, got \(String(describing: error))")
                return
            }
            #expect(problems.allSatisfy { $0.hasPrefix(url.path + ": ") }, "\(problems)")
            #expect(problems.count == 6, "\(problems)")
            #expect(problems.contains { $0.contains("[1].reach (starter.bad)") && $0.contains("≥ 0") })
            #expect(problems.contains { $0.contains("[1].impact (starter.bad)") && $0.contains("got 4") })
            #expect(problems.contains { $0.contains("[1].confidence (starter.bad)") && $0.contains("got 80") })
            #expect(problems.contains { $0.contains("[2].reach (starter.missing)") && $0.contains("missing") })
            #expect(problems.contains { $0.contains("[3].id") && $0.contains("starter.") })
            #expect(problems.contains { $0.contains("[4].id") && $0.contains("duplicate") })
        }
    }

    @Test func aStarterFileThatIsNotJSONIsNamed() throws {
        try withTemporaryFolder { folder in
            try writeFile("[{", to: "ideas.json", in: folder)
            let error = #expect(throws: StoreError.self) { try BacklogStore.loadStarterIdeas(data: folder) }
            #expect(error?.description.contains("ideas.json") == true)
        }
    }
}
