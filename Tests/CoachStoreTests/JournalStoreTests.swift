import CoachCore
@testable import CoachStore
import Foundation
import Testing

/// Fixed days and moments for the journal, review and session files.
enum DailyFiles {
    static let berlin = SystemTimeZone.named("Europe/Berlin")!

    static func day(_ text: String) -> StudyDay {
        guard let day = StudyDay(text) else { fatalError("not a day: \(text)") }
        return day
    }

    /// 09:00 in Berlin on a day.
    static func morning(_ text: String) -> Date {
        day(text).start(in: berlin).addingTimeInterval(9 * 3_600)
    }

    /// Runs `body` with a home in a fresh temporary folder.
    @discardableResult
    static func withHome<T>(_ body: (CoachHome) throws -> T) throws -> T {
        try withTemporaryFolder { folder in try body(CoachHome(url: folder)) }
    }

    /// Writes `text` as `name` in a fresh home, runs `load`, and checks that it throws a
    /// StoreError naming the file and leaves the file byte for byte as it was.
    static func refusal(_ text: String, as name: String, load: (CoachHome) throws -> Void,
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> StoreError? {
        try withHome { home in
            let url = try writeFile(text, to: name, in: home.url)
            let before = try Data(contentsOf: url)
            let error = #expect(throws: StoreError.self, sourceLocation: sourceLocation) { try load(home) }
            #expect(try Data(contentsOf: url) == before, "the file is untouched", sourceLocation: sourceLocation)
            #expect(try names(in: home.url) == [name], "nothing else is written", sourceLocation: sourceLocation)
            if let error {
                #expect(error.description.contains(url.path), "the message names the file", sourceLocation: sourceLocation)
            }
            return error
        }
    }

    static func place(of error: StoreError?) -> String? {
        if case .unreadable(_, let place, _)? = error { return place }
        return nil
    }
}

@Suite("JournalStore")
struct JournalStoreTests {
    static var journal: Journal {
        var journal = Journal()
        journal.add(JournalEntry(day: DailyFiles.day("2024-05-01"), start: DailyFiles.morning("2024-05-01"), minutes: 46,
                                 items: ["genai.rag", "agents.tool-use"], note: "Built a demo: https://github.com/me/rag-demo"))
        journal.add(JournalEntry(day: DailyFiles.day("2024-05-02"), minutes: 20, note: "Café ✓ 日本 🚀 \"quoted\""))
        journal.add(JournalEntry(day: DailyFiles.day("2024-04-30"), minutes: 1_440))
        journal.goals.set(45, from: DailyFiles.day("2024-04-01"))
        journal.goals.set(60, from: DailyFiles.day("2024-05-02"))
        return journal
    }

    static let handWritten = """
    {
      "version": 1,
      "entries": [
        {"id": 4, "day": "2024-05-01", "minutes": 30},
        {"id": 2, "day": "2024-04-30", "minutes": 15, "note": "by hand", "items": ["genai.rag"],
         "start": "2024-04-30T07:00:00Z"}
      ]
    }
    """

    @Test func roundTrip() throws {
        try DailyFiles.withHome { home throws in
            try JournalStore.save(Self.journal, to: home)
            let loaded = try JournalStore.load(home)
            #expect(loaded == Self.journal)
            #expect(loaded.entries.first?.start == DailyFiles.morning("2024-05-01"))
            #expect(loaded.entries[1].start == nil)
            #expect(loaded.goals.goal(on: DailyFiles.day("2024-05-03")) == 60)
        }
    }

    @Test func anEmptyJournalRoundTrips() throws {
        try DailyFiles.withHome { home throws in
            try JournalStore.save(Journal(), to: home)
            #expect(try JournalStore.load(home) == Journal())
        }
    }

    @Test func aMissingFileIsAnEmptyJournalAndCreatesNothing() throws {
        try DailyFiles.withHome { home throws in
            #expect(try JournalStore.load(home) == Journal())
            #expect(try names(in: home.url).isEmpty)
        }
    }

    @Test func theFileIsVersionedSortedAndReadable() throws {
        try DailyFiles.withHome { home throws in
            try JournalStore.save(Self.journal, to: home)
            let url = JournalStore.file(home)
            #expect(url.lastPathComponent == "journal.json")
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.contains("\"version\" : 2"))
            #expect(text.contains("\"uid\" : \""), "each session has its stable id")
            #expect(text.contains("\"day\" : \"2024-05-01\""))
            #expect(text.contains("\"start\" : \"2024-05-01T07:00:00Z\""), "09:00 in Berlin, in UTC")
            #expect(text.contains("\"from\" : \"2024-04-01\""))
            #expect(text.contains("https://github.com/me/rag-demo"))
            #expect(text.hasSuffix("}\n"))
            let keys = ["\"entries\"", "\"goals\"", "\"version\""].compactMap { text.range(of: $0)?.lowerBound }
            #expect(keys.count == 3 && keys == keys.sorted())
            let first = try #require(text.range(of: "\"day\" : \"2024-05-01\""))
            let fields = ["\"id\"", "\"items\"", "\"minutes\"", "\"note\"", "\"start\""]
                .compactMap { text.range(of: $0, range: first.upperBound..<text.endIndex)?.lowerBound }
            #expect(fields.count == 5 && fields == fields.sorted(), "an entry's keys in order")

            try JournalStore.save(Self.journal, to: home)
            #expect(try String(contentsOf: url, encoding: .utf8) == text, "the same journal, the same bytes")
        }
    }

    @Test func aHandWrittenFileLoads() throws {
        try DailyFiles.withHome { home throws in
            try writeFile(Self.handWritten, to: "journal.json", in: home.url)
            let journal = try JournalStore.load(home)
            #expect(journal.entries.map(\.id) == [2, 4])
            #expect(journal.entries[0] == JournalEntry(id: 2, day: DailyFiles.day("2024-04-30"),
                                                       start: Date(timeIntervalSince1970: 1_714_460_400), minutes: 15,
                                                       items: ["genai.rag"], note: "by hand"))
            #expect(journal.entries[1].items.isEmpty)
            #expect(journal.goals == GoalHistory())
        }
    }

    // MARK: The one reader: every valid spelling, every problem with its path

    static func generated(days: Int) -> Journal {
        var journal = Journal()
        let first = DailyFiles.day("2015-01-01")
        let notes = [nil, "", "Café ✓ 日本 🚀", "quote \" backslash \\ slash / tab \t", "\u{2028}x"]
        for index in 0..<days {
            let day = first.adding(days: index)
            journal.add(JournalEntry(day: day, start: index % 4 == 0 ? nil : day.start(in: DailyFiles.berlin).addingTimeInterval(Double(index % 86_400)),
                                     minutes: 1 + index % 1_440, items: (0..<(index % 3)).map { "track-\($0).item-\(index)" },
                                     note: notes[index % notes.count]))
        }
        journal.goals.set(45, from: first)
        journal.goals.set(90, from: first.adding(days: 400))
        return journal
    }

    /// The format as JSONDecoder reads it: the reference, in the tests only.
    struct DecodedFile: Decodable {
        var version: Int
        var entries: [JournalEntry]
        var goals: [GoalHistory.Change]?
    }

    static let file = URL(fileURLWithPath: "/h/journal.json")

    /// The one reader's journal, after checking that JSONDecoder reads the file the same.
    func expectAgreement(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) throws -> Journal {
        let mine = try JournalStore.journal(from: data, file: Self.file)
        let exact = try JSONFile.decode(DecodedFile.self, from: data, file: Self.file, supported: JournalStore.version)
        #expect(mine == Journal(entries: exact.entries, goals: GoalHistory(changes: exact.goals ?? [])),
                sourceLocation: sourceLocation)
        return mine
    }

    @Test func tenYearsOfDaysAreWrittenInTheHouseFormatAndReadAsJSONDecoderReadsThem() throws {
        let journal = Self.generated(days: 3_650)
        let data = Data(JournalStore.text(of: journal))
        #expect(FileFormat.problem(with: String(decoding: data, as: UTF8.self)) == nil)
        #expect(try expectAgreement(data) == journal)
    }

    @Test func aHandWrittenFileReadsAsJSONDecoderReadsIt() throws {
        _ = try expectAgreement(Data(Self.handWritten.utf8))
    }

    @Test func aNullOptionalFieldIsAsIfLeftOut() throws {
        let text = #"{"version":1,"entries":[{"id":1,"day":"2024-05-01","minutes":5,"note":null,"start":null,"items":null}],"goals":null}"#
        let journal = try JournalStore.journal(from: Data(text.utf8), file: Self.file)
        #expect(journal.entries == [JournalEntry(id: 1, day: DailyFiles.day("2024-05-01"), minutes: 5)])
    }

    @Test(arguments: [
        (#"{"version":1,"entries":[{"id":1,"id":2,"day":"2024-05-01","minutes":5}]}"#, "entries[0].id"),
        (#"{"version":1,"entries":[{"id":1,"day":"2024-05-01","minutes":5}],"entries":[]}"#, "entries"),
        (#"{"version":1,"entries":[],"goals":[{"from":"2024-05-01","minutes":45,"minutes":50}]}"#, "goals[0].minutes"),
    ])
    func aKeyWrittenTwiceIsRefusedWithItsPath(text: String, place: String) throws {
        let error = try refusal(text)
        #expect(DailyFiles.place(of: error) == place)
        #expect(error?.description.contains("appears twice") == true)
    }

    @Test(arguments: [
        (#""5""#, "expected a whole number, found text"),
        ("45.5", "expected a whole number, got 45.5"),
        ("1234567890123456789", "expected a whole number from -9007199254740992 to 9007199254740992, got 1234567890123456789"),
        ("99999999999999999999", "expected a whole number from -9007199254740992 to 9007199254740992, got 99999999999999999999"),
        ("1e400", "expected a whole number from -9007199254740992 to 9007199254740992, got 1e400"),
    ])
    func aMinuteCountThatIsNotAWholeNumberIsRefused(minutes: String, reason: String) throws {
        let error = try refusal(#"{"version": 1, "entries": [{"id": 1, "day": "2024-05-01", "minutes": \#(minutes)}]}"#)
        guard case .unreadable(_, let place, let found)? = error else {
            Issue.record("expected unreadable, got \(String(describing: error))")
            return
        }
        #expect(place == "entries[0].minutes")
        #expect(found == reason)
    }

    @Test func everyValidSpellingReadsTheSame() throws {
        let spelled = "\u{FEFF} \n\t{ \"goals\" : [ { \"minutes\" : 4.5e1 , \"from\" : \"2024-04-01\" } ] ,\r\n"
            + #" "entr\u0069es":[{"minutes":46.0,"note":"Built a demo: https:\/\/github.com\/me\/rag-demo","day":"2024-05-01","#
            + #""items":["genai.rag","agents.tool-use"],"id":1.0,"start":"2024-05-01T07:00:00Z"}], "version" : 1 }  "#
        let journal = try JournalStore.journal(from: Data(spelled.utf8), file: Self.file)
        #expect(journal.entries == [Self.journal.entries[0]])
        #expect(journal.goals == GoalHistory(changes: [GoalHistory.Change(from: DailyFiles.day("2024-04-01"), minutes: 45)]))
    }

    @Test(arguments: [
        (#"{"version": 1, "entries": {}}"#, "entries"),
        (#"{"version": 1, "entries": [[]]}"#, "entries[0]"),
        (#"{"version": 1, "entries": [{"id": 1, "day": 20240501, "minutes": 5}]}"#, "entries[0].day"),
        (#"{"version": 1, "entries": [{"id": 1, "day": "2024-05-01", "minutes": 5, "items": "a"}]}"#, "entries[0].items"),
        (#"{"version": 1, "entries": [{"id": 1, "day": "2024-05-01", "minutes": 5, "items": [1]}]}"#, "entries[0].items[0]"),
        (#"{"version": 1, "entries": [], "goals": [{"from": "2024-05-01", "minutes": true}]}"#, "goals[0].minutes"),
        (#"{"version": 1, "entries": [{"day": "2024-05-01", "minutes": 5}]}"#, "entries[0].id"),
    ])
    func aValueOfTheWrongKindIsRefusedWithItsPath(text: String, place: String) throws {
        #expect(DailyFiles.place(of: try refusal(text)) == place)
    }

    // MARK: Refused, and left as they are

    func refusal(_ text: String) throws -> StoreError? {
        try DailyFiles.refusal(text, as: "journal.json") { home in _ = try JournalStore.load(home) }
    }

    @Test(arguments: ["not json {", "", #"{"version": 1, "entries": [{"id": 1, "day": "2024-05-01", "minutes": 5}"#, "[]",
                      #"{"version": 0, "entries": []}"#, #"{"entries": []}"#])
    func unreadableFilesAreRefused(_ text: String) throws {
        let error = try refusal(text)
        #expect(DailyFiles.place(of: error) != nil, "\(String(describing: error))")
    }

    @Test func aNewerVersionIsRefused() throws {
        let error = try refusal(#"{"version": 3, "entries": "from the future"}"#)
        guard case .newerVersion(let file, let found, let supported)? = error else {
            Issue.record("expected newerVersion, got \(String(describing: error))")
            return
        }
        #expect(file.hasSuffix("/journal.json"))
        #expect(found == 3 && supported == 2)
    }

    @Test(arguments: [("0", "entries[0].minutes"), ("1441", "entries[0].minutes"), ("-5", "entries[0].minutes")])
    func minutesOutOfRangeAreRefused(minutes: String, place: String) throws {
        let error = try refusal(#"{"version": 1, "entries": [{"id": 1, "day": "2024-05-01", "minutes": \#(minutes)}]}"#)
        #expect(DailyFiles.place(of: error) == place)
        #expect(error?.description.contains("1–1440") == true)
    }

    @Test func aRepeatedOrZeroIDIsRefused() throws {
        let twice = try refusal(#"{"version": 1, "entries": [{"id": 1, "day": "2024-05-01", "minutes": 5}, {"id": 1, "day": "2024-05-02", "minutes": 5}]}"#)
        #expect(DailyFiles.place(of: twice) == "entries[1].id")
        let zero = try refusal(#"{"version": 1, "entries": [{"id": 0, "day": "2024-05-01", "minutes": 5}]}"#)
        #expect(DailyFiles.place(of: zero) == "entries[0].id")
    }

    @Test func aBadDayIsRefusedWhereItIs() throws {
        let error = try refusal(#"{"version": 1, "entries": [{"id": 1, "day": "2024-02-30", "minutes": 5}]}"#)
        let place = try #require(DailyFiles.place(of: error))
        #expect(place.contains("entries") && place.contains("day"), "\(place)")
        #expect(error?.description.contains("2024-02-30") == true)
    }

    @Test func aGoalOutOfRangeIsRefused() throws {
        let error = try refusal(#"{"version": 1, "entries": [], "goals": [{"from": "2024-05-01", "minutes": 4}]}"#)
        #expect(DailyFiles.place(of: error) == "goals[0].minutes")
    }
}
