import CoachCore
import CoachStore
import Foundation
import Testing

@Suite("SessionRecovery")
struct SessionRecoveryTests {
    static let start = DailyFiles.morning("2024-05-01")

    /// A timer as the full-screen coach leaves it when it is killed: running, last saved
    /// `minutes` after it started.
    static func killedTimer(minutes: Double, items: [String] = ["genai.rag"]) -> SessionTimer {
        var timer = SessionTimer.start(at: start)
        for item in items { timer.touch(item) }
        timer.checkpoint(at: start.addingTimeInterval(minutes * 60))
        return timer
    }

    @Test func noSavedTimerIsNothingToDo() throws {
        try DailyFiles.withHome { home throws in
            #expect(try SessionRecovery.recoverInterruptedSession(home: home, timeZone: DailyFiles.berlin) == nil)
            #expect(try names(in: home.url).isEmpty, "nothing written, not even the lock")
        }
    }

    @Test func aKilledSessionIsLoggedAndClearedOnce() throws {
        try DailyFiles.withHome { home throws in
            var journal = Journal()
            journal.add(JournalEntry(day: DailyFiles.day("2024-04-30"), minutes: 10))
            try JournalStore.save(journal, to: home)
            let timer = Self.killedTimer(minutes: 17)
            try SessionStore.save(timer, to: home)

            let entry = try #require(try SessionRecovery.recoverInterruptedSession(home: home, timeZone: DailyFiles.berlin))
            #expect(entry.minutes == 17, "up to the last save")
            #expect(entry.day == DailyFiles.day("2024-05-01"))
            #expect(entry.start == Self.start)
            #expect(entry.items == ["genai.rag"])
            #expect(entry.id == 2)
            #expect(try SessionStore.load(home) == nil, "session.json is cleared")
            #expect(try JournalStore.load(home).entries.map(\.id) == [1, 2])

            // Called again: nothing left to log.
            #expect(try SessionRecovery.recoverInterruptedSession(home: home, timeZone: DailyFiles.berlin) == nil)
            #expect(try JournalStore.load(home).entries.count == 2)
        }
    }

    /// A crash after the journal was saved but before session.json was removed: the same
    /// timer is found again and is not logged twice, but the file is cleared.
    @Test func aTimerLoggedAlreadyIsOnlyCleared() throws {
        try DailyFiles.withHome { home throws in
            let timer = Self.killedTimer(minutes: 25)
            try SessionStore.save(timer, to: home)
            try SessionRecovery.recoverInterruptedSession(home: home, timeZone: DailyFiles.berlin)
            let logged = try JournalStore.load(home)
            try SessionStore.save(timer, to: home)
            #expect(try SessionRecovery.recoverInterruptedSession(home: home, timeZone: DailyFiles.berlin) == nil)
            #expect(try JournalStore.load(home) == logged)
            #expect(try SessionStore.load(home) == nil)
        }
    }

    @Test func aSessionUnderHalfAMinuteIsClearedWithoutALog() throws {
        try DailyFiles.withHome { home throws in
            try SessionStore.save(Self.killedTimer(minutes: 0.4), to: home)
            #expect(try SessionRecovery.recoverInterruptedSession(home: home, timeZone: DailyFiles.berlin) == nil)
            #expect(try SessionStore.load(home) == nil)
            #expect(!FileManager.default.fileExists(atPath: JournalStore.file(home).path), "no journal written")
        }
    }

    @Test func aPausedSessionLogsWhatRanBeforeThePause() throws {
        try DailyFiles.withHome { home throws in
            var timer = SessionTimer.start(at: Self.start)
            timer.pause(at: Self.start.addingTimeInterval(12 * 60))
            timer.checkpoint(at: Self.start.addingTimeInterval(3 * 3_600))
            try SessionStore.save(timer, to: home)
            let entry = try SessionRecovery.recoverInterruptedSession(home: home, timeZone: DailyFiles.berlin)
            #expect(entry?.minutes == 12)
        }
    }

    /// While a full-screen coach holds the lock, session.json is its live session: a
    /// command leaves it alone. The coach itself, holding the lock, recovers it.
    @Test func aLiveSessionOfAnotherCoachIsLeftAlone() throws {
        try DailyFiles.withHome { home throws in
            try SessionStore.save(Self.killedTimer(minutes: 5), to: home)
            let before = try Data(contentsOf: SessionStore.file(home))
            let lock = try HomeLock.acquire(home, as: .fullScreen)
            #expect(try SessionRecovery.recoverInterruptedSession(home: home, timeZone: DailyFiles.berlin) == nil)
            #expect(try Data(contentsOf: SessionStore.file(home)) == before)
            #expect(!FileManager.default.fileExists(atPath: JournalStore.file(home).path))

            let entry = try SessionRecovery.recoverInterruptedSession(home: home, timeZone: DailyFiles.berlin, holding: lock)
            #expect(entry?.minutes == 5)
            #expect(try SessionStore.load(home) == nil)
        }
    }

    @Test func anUnreadableSessionFileIsRefusedAndKept() throws {
        try DailyFiles.withHome { home throws in
            let url = try writeFile(#"{"version": 1, "timer": {"started": "now"}}"#, to: "session.json", in: home.url)
            let error = #expect(throws: StoreError.self) {
                try SessionRecovery.recoverInterruptedSession(home: home, timeZone: DailyFiles.berlin)
            }
            #expect(error?.description.contains(url.path) == true)
            #expect(FileManager.default.fileExists(atPath: url.path))
            #expect(!FileManager.default.fileExists(atPath: JournalStore.file(home).path))
        }
    }

    @Test func anUnreadableJournalKeepsTheSession() throws {
        try DailyFiles.withHome { home throws in
            try writeFile("{", to: "journal.json", in: home.url)
            try SessionStore.save(Self.killedTimer(minutes: 5), to: home)
            #expect(throws: StoreError.self) {
                try SessionRecovery.recoverInterruptedSession(home: home, timeZone: DailyFiles.berlin)
            }
            #expect(try SessionStore.load(home) != nil, "the session waits until the journal can take it")
            #expect(try String(contentsOf: JournalStore.file(home), encoding: .utf8) == "{")
        }
    }
}
