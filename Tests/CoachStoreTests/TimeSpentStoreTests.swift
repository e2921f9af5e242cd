import CoachCore
import Foundation
import Testing
@testable import CoachStore

/// The files of time that counts: progress.json version 2 (minutes spent by day, own
/// estimates), session.json version 2 (time on each item), reviews.json version 3 (how
/// long a card took, early reviews); each older version loads.
@Suite struct TimeSpentStoreTests {
    static let moment = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func progressKeepsMinutesByDayAndTheOwnEstimate() throws {
        try DailyFiles.withHome { home in
            var book = ProgressBook()
            book.setStatus(.doing, of: "genai.rag", at: Self.moment)
            book.addMinutes(45, to: "genai.rag", on: DailyFiles.day("2024-05-01"), at: Self.moment)
            book.addMinutes(30, to: "genai.rag", on: DailyFiles.day("2024-05-02"), at: Self.moment)
            book.addMinutes(15, to: "genai.rag", on: DailyFiles.day("2024-05-02"), at: Self.moment)
            book.setEstimate(600, of: "genai.rag", at: Self.moment)
            try ProgressStore.save(book, to: home)
            let text = try String(contentsOf: home.progressFile, encoding: .utf8)
            #expect(text.contains("\"spent\" : {\n        \"2024-05-01\" : 45,\n        \"2024-05-02\" : 45\n      }"))
            #expect(text.contains("\"estimate\" : 600"))
            #expect(text.contains("\"version\" : 2"))
            let loaded = try ProgressStore.load(home)
            #expect(loaded == book)
            #expect(loaded.minutesSpent(on: "genai.rag") == 90)
            #expect(loaded.minutesSpent(on: "genai.rag", before: DailyFiles.day("2024-05-02")) == 45)
            // JSONDecoder reads the same.
            struct Contents: Decodable { var items: [String: ItemProgress] }
            #expect(try JSONFile.decoder().decode(Contents.self, from: Data(text.utf8)).items == loaded.items)
        }
    }

    @Test func aVersion1FileLoadsAndIsKeptWhenFirstRewritten() throws {
        try DailyFiles.withHome { home in
            let original = try FileFormat.releaseFile("progress.json")
            try original.write(to: home.progressFile)
            var book = try ProgressStore.load(home)
            #expect(!book.items.isEmpty)
            #expect(book.items.values.allSatisfy { $0.spent.isEmpty && $0.estimate == nil })
            book.addMinutes(20, to: "genai.rag", on: DailyFiles.day("2024-05-01"), at: Self.moment)
            try ProgressStore.save(book, to: home)
            let kept = home.url.appendingPathComponent("backups").appendingPathComponent(ProgressStore.firstReleaseBackup)
            #expect(try Data(contentsOf: kept) == original)
            // Saved again: the kept one stays the first release's.
            try ProgressStore.save(book, to: home)
            #expect(try Data(contentsOf: kept) == original)
            #expect(try ProgressStore.load(home) == book)
        }
    }

    @Test(arguments: [
        (#"{"version": 2, "items": {"a": {"status": "doing", "changed": "2024-05-01T07:00:00Z", "spent": {"May 1": 30}}}}"#,
         "items.a.spent.May 1"),
        (#"{"version": 2, "items": {"a": {"status": "doing", "changed": "2024-05-01T07:00:00Z", "spent": {"2024-05-01": 0}}}}"#,
         "items.a.spent.2024-05-01"),
        (#"{"version": 2, "items": {"a": {"status": "doing", "changed": "2024-05-01T07:00:00Z", "spent": {"2024-05-01": 2.5}}}}"#,
         "items.a.spent.2024-05-01"),
        (#"{"version": 2, "items": {"a": {"status": "doing", "changed": "2024-05-01T07:00:00Z", "spent": [30]}}}"#,
         "items.a.spent"),
        (#"{"version": 2, "items": {"a": {"status": "doing", "changed": "2024-05-01T07:00:00Z", "estimate": 1}}}"#,
         "items.a.estimate"),
    ])
    func badTimeIsRefusedWithItsPlace(_ text: String, _ place: String) throws {
        let error = try DailyFiles.refusal(text, as: "progress.json") { home in _ = try ProgressStore.load(home) }
        #expect(DailyFiles.place(of: error) == place)
    }

    @Test func theSessionKeepsTheTimeOnEachItem() throws {
        try DailyFiles.withHome { home in
            var timer = SessionTimer.start(at: Self.moment, studying: "genai.rag")
            timer.study("genai.evals", at: Self.moment.addingTimeInterval(600))
            timer.checkpoint(at: Self.moment.addingTimeInterval(900))
            try SessionStore.save(timer, to: home)
            let loaded = try #require(try SessionStore.load(home))
            #expect(loaded == timer)
            #expect(loaded.seconds(on: "genai.rag", at: Self.moment.addingTimeInterval(900)) == 600)
            #expect(loaded.seconds(on: "genai.evals", at: Self.moment.addingTimeInterval(900)) == 300)
        }
    }

    @Test func aVersion1SessionLoadsWithNoTimeOnItems() throws {
        try DailyFiles.withHome { home in
            let text = #"{"version": 1, "timer": {"started": "2024-05-01T07:00:00Z", "lastSeen": "2024-05-01T07:30:00Z", "accumulatedSeconds": 1800, "items": ["a"]}}"#
            try Data(text.utf8).write(to: SessionStore.file(home))
            let timer = try #require(try SessionStore.load(home))
            #expect(timer.itemSeconds.isEmpty)
            #expect(timer.studying == nil)
            #expect(timer.elapsed(at: Self.moment) == 1800)
        }
    }

    @Test func anInterruptedSessionCreditsItsItems() throws {
        try DailyFiles.withHome { home in
            try home.prepare()
            var timer = SessionTimer.start(at: Self.moment, studying: "genai.rag")
            timer.checkpoint(at: Self.moment.addingTimeInterval(20 * 60))
            try SessionStore.save(timer, to: home)
            let entry = try #require(try SessionRecovery.recoverInterruptedSession(home: home, timeZone: .utc))
            #expect(entry.minutes == 20)
            #expect(try ProgressStore.load(home).minutesSpent(on: "genai.rag") == 20)
        }
    }

    @Test func reviewsKeepHowLongACardTookAndWhetherItWasEarly() throws {
        try DailyFiles.withHome { home in
            let item = Item(id: "rag", title: "RAG", summary: "", minutes: 30,
                            prompts: [RecallPrompt(question: "Why?", points: ["Because"])])
            var book = ReviewBook()
            let day = DailyFiles.day("2024-05-01")
            let scheduler = try FSRSScheduler()
            book.rate(.good, card: 1, of: item, on: day, doneOn: day, seconds: 42.5, scheduler: scheduler)
            book.rate(.good, card: 1, of: item, on: day.adding(days: 1), doneOn: day, scheduler: scheduler)
            #expect(book.log.map(\.early) == [false, true])
            try ReviewStore.save(book, to: home)
            let text = try String(contentsOf: ReviewStore.file(home), encoding: .utf8)
            #expect(text.contains("\"seconds\" : 42.5"))
            #expect(text.contains("\"early\" : true"))
            #expect(text.contains("\"version\" : 3"))
            #expect(try ReviewStore.load(home) == book)
        }
    }
}

@Suite struct TimeSpentExportTests {
    @Test func anExportKeepsTheTimeSpentAndTheOwnEstimates() throws {
        try DailyFiles.withHome { home in
            var book = ProgressBook()
            book.addMinutes(40, to: "genai.rag", on: DailyFiles.day("2024-05-01"), at: TimeSpentStoreTests.moment)
            book.setEstimate(90, of: "genai.rag", at: TimeSpentStoreTests.moment)
            try ProgressStore.save(book, to: home)
            let export = try HomeExport.load(from: home, exportedAt: TimeSpentStoreTests.moment)
            let read = try HomeExport.decode(try export.encoded(), file: URL(fileURLWithPath: "/tmp/export.json"))
            #expect(read.progress == book)
        }
    }
}
