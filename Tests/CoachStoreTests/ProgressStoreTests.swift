import CoachCore
import CoachStore
import Foundation
import Testing

@Suite("ProgressStore")
struct ProgressStoreTests {
    static let book = ProgressBook(items: [
        "genai.rag": ItemProgress(status: .done, changed: fixedDate, done: fixedDate,
                                  note: "Built a demo: https://github.com/me/rag-demo"),
        "agents.tool-use": ItemProgress(status: .doing, changed: fixedDate.addingTimeInterval(3_600)),
        "career.portfolio": ItemProgress(status: .skipped, changed: fixedDate.addingTimeInterval(-86_400),
                                         done: fixedDate.addingTimeInterval(-172_800), note: "Café ✓ 日本"),
        "old.removed-item": ItemProgress(status: .todo, changed: fixedDate.addingTimeInterval(60), note: ""),
    ])

    static let validText = """
    {
      "items" : {
        "genai.rag" : {
          "changed" : "2023-11-14T22:13:20Z",
          "done" : "2023-11-14T22:13:20Z",
          "note" : "a note",
          "status" : "done"
        }
      },
      "version" : 2
    }

    """

    /// Runs `body` with a home in a fresh temporary folder.
    @discardableResult
    func withHome<T>(_ body: (CoachHome) throws -> T) throws -> T {
        try withTemporaryFolder { folder in try body(CoachHome(url: folder)) }
    }

    func bytes(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    @Test func roundTripKeepsStatusesDatesAndNotes() throws {
        try withHome { home in
            try ProgressStore.save(Self.book, to: home)
            let loaded = try ProgressStore.load(home)
            #expect(loaded == Self.book)
            #expect(loaded.items["career.portfolio"]?.note == "Café ✓ 日本")
            #expect(loaded.items["agents.tool-use"]?.done == nil)
            #expect(loaded.items["agents.tool-use"]?.note == nil)
        }
    }

    @Test func anEmptyBookRoundTrips() throws {
        try withHome { home in
            try ProgressStore.save(ProgressBook(), to: home)
            #expect(try ProgressStore.load(home) == ProgressBook())
        }
    }

    @Test func theFileIsPrettyPrintedWithSortedKeysAndAVersion() throws {
        try withHome { home in
            try ProgressStore.save(Self.book, to: home)
            let text = try String(contentsOf: home.progressFile, encoding: .utf8)
            #expect(text.contains("\"version\" : 2"))
            #expect(text.hasSuffix("}\n"))
            #expect(text.split(separator: "\n").count > 10, "one field a line")
            #expect(text.contains("\n    \"genai.rag\" : {"), "indented")
            #expect(text.contains("https://github.com/me/rag-demo"), "slashes are not escaped")

            func position(_ needle: String) -> String.Index? { text.range(of: needle)?.lowerBound }
            let order = ["\"items\"", "\"agents.tool-use\"", "\"career.portfolio\"", "\"genai.rag\"",
                         "\"old.removed-item\"", "\"version\""]
            let positions = order.compactMap(position)
            #expect(positions.count == order.count)
            #expect(positions == positions.sorted(), "keys in sorted order")

            // Inside one item: changed, done, note, status.
            let rag = try #require(text.range(of: "\"genai.rag\" : {"))
            let fields = ["\"changed\"", "\"done\"", "\"note\"", "\"status\""]
                .compactMap { text.range(of: $0, range: rag.upperBound..<text.endIndex)?.lowerBound }
            #expect(fields.count == 4)
            #expect(fields == fields.sorted())

            let json = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(json["version"] as? Int == 2)
            #expect(Set(json.keys) == ["version", "items"])
        }
    }

    @Test func savingTheSameBookTwiceGivesTheSameBytes() throws {
        try withHome { home in
            try ProgressStore.save(Self.book, to: home)
            let first = try bytes(home.progressFile)
            try ProgressStore.save(Self.book, to: home)
            #expect(try bytes(home.progressFile) == first)
        }
    }

    @Test func datesAreWrittenAsISO8601() throws {
        try withHome { home in
            try ProgressStore.save(ProgressBook(items: ["a": ItemProgress(status: .doing, changed: fixedDate)]), to: home)
            let text = try String(contentsOf: home.progressFile, encoding: .utf8)
            #expect(text.contains("\"changed\" : \"2023-11-14T22:13:20Z\""))
        }
    }

    @Test func aHandWrittenFileLoads() throws {
        try withHome { home in
            try writeFile(Self.validText, to: "progress.json", in: home.url)
            let book = try ProgressStore.load(home)
            #expect(book == ProgressBook(items: [
                "genai.rag": ItemProgress(status: .done, changed: fixedDate, done: fixedDate, note: "a note"),
            ]))
        }
    }

    @Test func aMissingFileIsAnEmptyBookAndCreatesNothing() throws {
        try withHome { home throws in
            #expect(try ProgressStore.load(home) == ProgressBook())
            #expect(try names(in: home.url).isEmpty)
        }
    }

    /// Loads a file with `text` and returns the error, checking the file was not touched.
    func loadError(_ text: String) throws -> StoreError? {
        try withHome { home in
            let url = try writeFile(text, to: "progress.json", in: home.url)
            let before = try bytes(url)
            let error = #expect(throws: StoreError.self) { try ProgressStore.load(home) }
            #expect(try bytes(url) == before, "the file is byte-for-byte unchanged")
            #expect(try names(in: home.url) == ["progress.json"])
            if let error {
                #expect(error.description.contains(url.path), "the message names the file")
            }
            return error
        }
    }

    func expectUnreadable(_ error: StoreError?, placeContains: String? = nil,
                          sourceLocation: SourceLocation = #_sourceLocation) {
        guard case .unreadable(let file, let place, let reason)? = error else {
            Issue.record("expected StoreError.unreadable, got \(String(describing: error))", sourceLocation: sourceLocation)
            return
        }
        #expect(file.hasSuffix("/progress.json"), sourceLocation: sourceLocation)
        #expect(!reason.isEmpty, sourceLocation: sourceLocation)
        if let placeContains {
            #expect(place.contains(placeContains), "place was \(place)", sourceLocation: sourceLocation)
        }
    }

    @Test func aFileThatIsNotJSONIsUnreadable() throws {
        expectUnreadable(try loadError("this is not json at all {"))
    }

    @Test func anEmptyFileIsUnreadable() throws {
        expectUnreadable(try loadError(""))
    }

    @Test func aTruncatedFileIsUnreadable() throws {
        let half = String(Self.validText.prefix(Self.validText.count / 2))
        expectUnreadable(try loadError(half))
    }

    @Test func aWrongTypeDeepInsideNamesItsPath() throws {
        let text = Self.validText.replacingOccurrences(of: "\"status\" : \"done\"", with: "\"status\" : 5")
        #expect(text != Self.validText)
        let error = try loadError(text)
        expectUnreadable(error, placeContains: "status")
        expectUnreadable(error, placeContains: "genai.rag")
    }

    @Test func anUnknownStatusIsUnreadable() throws {
        let text = Self.validText.replacingOccurrences(of: "\"status\" : \"done\"", with: "\"status\" : \"finished\"")
        expectUnreadable(try loadError(text), placeContains: "status")
    }

    @Test func aBadDateIsUnreadable() throws {
        let text = Self.validText.replacingOccurrences(of: "\"changed\" : \"2023-11-14T22:13:20Z\"",
                                                       with: "\"changed\" : \"yesterday\"")
        #expect(text != Self.validText)
        let error = try loadError(text)
        expectUnreadable(error, placeContains: "items.genai.rag.changed")
        #expect(error?.description.contains("yesterday") == true)
    }

    @Test func aMissingFieldIsUnreadable() throws {
        let text = Self.validText.replacingOccurrences(of: "\"status\" : \"done\"", with: "\"unused\" : 1")
        expectUnreadable(try loadError(text), placeContains: "status")
    }

    @Test func aMissingVersionIsUnreadable() throws {
        expectUnreadable(try loadError(#"{"items": {}}"#), placeContains: "version")
    }

    @Test func versionZeroIsUnreadable() throws {
        expectUnreadable(try loadError(#"{"version": 0, "items": {}}"#), placeContains: "version")
    }

    @Test func topLevelArrayIsUnreadable() throws {
        expectUnreadable(try loadError("[]"))
    }

    @Test func aNewerVersionIsRefusedAndLeftAlone() throws {
        // Even with fields this version does not know, the message is about the version.
        let error = try loadError(#"{"version": 99, "items": "a shape from the future"}"#)
        guard case .newerVersion(let file, let found, let supported)? = error else {
            Issue.record("expected StoreError.newerVersion, got \(String(describing: error))")
            return
        }
        #expect(file.hasSuffix("/progress.json"))
        #expect(found == 99)
        #expect(supported == 2)
        #expect(ProgressStore.version == 2)
    }

    @Test func theErrorMessagesSayTheFileWasLeftAsItIs() {
        let unreadable = StoreError.unreadable(file: "/h/progress.json", place: "items.a.status", reason: "expected String")
        #expect(unreadable.description.contains("/h/progress.json"))
        #expect(unreadable.description.contains("items.a.status"))
        #expect(unreadable.description.contains("left as it is"))
        let newer = StoreError.newerVersion(file: "/h/progress.json", found: 99, supported: 1)
        #expect(newer.description.contains("99"))
        #expect(newer.description.contains("left as it is"))
    }

    @Test func savingIntoAMissingHomeFailsWithoutCreatingIt() throws {
        try withTemporaryFolder { folder in
            let home = CoachHome(url: folder.appendingPathComponent("missing"))
            #expect(throws: StoreError.self) { try ProgressStore.save(Self.book, to: home) }
            #expect(!FileManager.default.fileExists(atPath: home.url.path))
        }
    }
}
