import CoachCore
import CoachStore
import Foundation
import Testing

@Suite("SessionStore")
struct SessionStoreTests {
    static let start = DailyFiles.morning("2024-05-01")

    @Test func aRunningTimerRoundTrips() throws {
        try DailyFiles.withHome { home throws in
            var timer = SessionTimer.start(at: Self.start)
            timer.touch("genai.rag")
            timer.checkpoint(at: Self.start.addingTimeInterval(300))
            try SessionStore.save(timer, to: home)
            #expect(SessionStore.file(home).lastPathComponent == "session.json")
            #expect(try SessionStore.load(home) == timer)
        }
    }

    @Test func aPausedTimerRoundTrips() throws {
        try DailyFiles.withHome { home throws in
            var timer = SessionTimer.start(at: Self.start)
            timer.pause(at: Self.start.addingTimeInterval(90.5))
            try SessionStore.save(timer, to: home)
            let loaded = try #require(try SessionStore.load(home))
            #expect(!loaded.isRunning)
            #expect(loaded.accumulatedSeconds == 90.5)
            let text = try String(contentsOf: SessionStore.file(home), encoding: .utf8)
            #expect(text.contains("\"version\" : 2"))
            #expect(text.contains("\"started\" : \"2024-05-01T07:00:00Z\""))
        }
    }

    @Test func noFileIsNoSession() throws {
        try DailyFiles.withHome { home throws in
            #expect(try SessionStore.load(home) == nil)
            #expect(try names(in: home.url).isEmpty)
        }
    }

    @Test func clearRemovesTheFileAndIsFineWithoutOne() throws {
        try DailyFiles.withHome { home throws in
            try SessionStore.save(SessionTimer.start(at: Self.start), to: home)
            try SessionStore.clear(home)
            #expect(try names(in: home.url).isEmpty)
            try SessionStore.clear(home)
            #expect(try SessionStore.load(home) == nil)
        }
    }

    /// The TUI saves the running timer as it goes and is killed; the next start finds
    /// it, logs its minutes up to the last save, and clears it. Found again (a crash
    /// between logging and clearing), it is not logged twice.
    @Test func anInterruptedSessionIsLoggedAtTheNextStart() throws {
        try DailyFiles.withHome { home throws in
            var timer = SessionTimer.start(at: Self.start)
            try SessionStore.save(timer, to: home)
            timer.touch("genai.rag")
            for minute in 1...17 {
                timer.checkpoint(at: Self.start.addingTimeInterval(Double(minute) * 60))
                try SessionStore.save(timer, to: home)
            }
            // kill -9; the next start, two hours later:
            let found = try #require(try SessionStore.load(home))
            var journal = try JournalStore.load(home)
            let logged = journal.logInterrupted(found, timeZone: DailyFiles.berlin)
            let entry = try #require(logged)
            try JournalStore.save(journal, to: home)
            #expect(entry.minutes == 17, "up to the last save, not up to now")
            #expect(entry.items == ["genai.rag"])

            let again = try JournalStore.load(home)
            #expect(again.entries == [entry])
            var journalAgain = again
            let loggedAgain = journalAgain.logInterrupted(found, timeZone: DailyFiles.berlin)
            #expect(loggedAgain == nil)
            try SessionStore.clear(home)
            #expect(try SessionStore.load(home) == nil)
        }
    }

    func refusal(_ text: String) throws -> StoreError? {
        try DailyFiles.refusal(text, as: "session.json") { home in _ = try SessionStore.load(home) }
    }

    @Test(arguments: ["", "{", #"{"version": 1}"#, #"{"version": 1, "timer": {"started": "now"}}"#])
    func unreadableFilesAreRefused(_ text: String) throws {
        #expect(DailyFiles.place(of: try refusal(text)) != nil)
    }

    @Test func negativeSecondsAreRefused() throws {
        let text = #"{"version": 1, "timer": {"started": "2024-05-01T07:00:00Z", "lastSeen": "2024-05-01T07:00:00Z", "accumulatedSeconds": -3, "items": []}}"#
        #expect(DailyFiles.place(of: try refusal(text)) == "timer.accumulatedSeconds")
    }

    @Test func aNewerVersionIsRefused() throws {
        let error = try refusal(#"{"version": 3, "timer": null}"#)
        guard case .newerVersion(_, let found, _)? = error else {
            Issue.record("expected newerVersion, got \(String(describing: error))")
            return
        }
        #expect(found == 3)
    }
}
