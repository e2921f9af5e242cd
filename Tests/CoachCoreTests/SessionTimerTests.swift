import CoachCore
import Foundation
import Testing

@Suite("SessionTimer")
struct SessionTimerTests {
    /// 2024-05-01 09:00 in Berlin.
    static let start = Days.moment(2024, 5, 1, 9, in: Days.berlin)

    static func at(_ seconds: TimeInterval) -> Date { start.addingTimeInterval(seconds) }

    @Test func startRunsFromNow() {
        let timer = SessionTimer.start(at: Self.start)
        #expect(timer.isRunning)
        #expect(timer.started == Self.start)
        #expect(timer.elapsed(at: Self.start) == 0)
        #expect(timer.elapsed(at: Self.at(75)) == 75)
    }

    @Test func pauseStopsTheClockAndResumeRestartsIt() {
        var timer = SessionTimer.start(at: Self.start)
        timer.pause(at: Self.at(600))
        #expect(!timer.isRunning)
        #expect(timer.elapsed(at: Self.at(600)) == 600)
        #expect(timer.elapsed(at: Self.at(5_000)) == 600, "paused time does not count")
        timer.resume(at: Self.at(1_200))
        #expect(timer.isRunning)
        #expect(timer.elapsed(at: Self.at(1_500)) == 900)
    }

    @Test func pausingTwiceOrResumingARunningTimerChangesNothing() {
        var timer = SessionTimer.start(at: Self.start)
        timer.pause(at: Self.at(60))
        let paused = timer
        timer.pause(at: Self.at(120))
        #expect(timer == paused)
        timer.resume(at: Self.at(180))
        let running = timer
        timer.resume(at: Self.at(240))
        #expect(timer == running)
        #expect(timer.elapsed(at: Self.at(240)) == 120)
    }

    @Test func toggleIsTheSKey() {
        var timer = SessionTimer.start(at: Self.start)
        timer.toggle(at: Self.at(30))
        #expect(!timer.isRunning)
        timer.toggle(at: Self.at(90))
        #expect(timer.isRunning)
        #expect(timer.elapsed(at: Self.at(100)) == 40)
    }

    @Test func aClockThatWentBackCountsNothingForTheStretch() {
        var timer = SessionTimer.start(at: Self.start)
        timer.pause(at: Self.at(300))
        timer.resume(at: Self.at(400))
        #expect(timer.elapsed(at: Self.at(100)) == 300, "never less than what had run")
    }

    @Test(arguments: [(0.0, 0), (29.0, 0), (29.9, 0), (30.0, 1), (89.0, 1), (90.0, 2), (2_700.0, 45),
                      (2_729.0, 45), (2_730.0, 46), (86_400.0, 1_440), (300_000.0, 1_440), (-10.0, 0)])
    func minutesAreRoundedToTheNearest(seconds: Double, minutes: Int) {
        #expect(SessionTimer.minutes(seconds: seconds) == minutes)
    }

    @Test func finishLogsTheDayStartMinutesItemsAndNote() throws {
        var timer = SessionTimer.start(at: Self.start)
        timer.touch("alpha.1")
        timer.pause(at: Self.at(1_200))
        timer.resume(at: Self.at(2_000))
        timer.touch("beta.2")
        timer.touch("alpha.1")
        let entry = try #require(timer.finish(at: Self.at(2_000 + 1_530), timeZone: Days.berlin, note: "  good one "))
        #expect(entry == JournalEntry(id: 0, day: Days.day("2024-05-01"), start: Self.start, minutes: 46,
                                      items: ["alpha.1", "beta.2"], note: "good one"))
    }

    @Test func underThirtySecondsLogsNothing() {
        let timer = SessionTimer.start(at: Self.start)
        #expect(timer.finish(at: Self.at(29), timeZone: Days.berlin) == nil)
        #expect(timer.finish(at: Self.at(30), timeZone: Days.berlin)?.minutes == 1)
    }

    @Test func aSessionPastMidnightCountsForTheDayItStarted() throws {
        let lateStart = Days.moment(2024, 5, 1, 23, 40, in: Days.newYork)
        let timer = SessionTimer.start(at: lateStart)
        let entry = try #require(timer.finish(at: lateStart.addingTimeInterval(40 * 60), timeZone: Days.newYork))
        #expect(entry.day == Days.day("2024-05-01"))
        #expect(entry.minutes == 40)
    }

    @Test func aSessionOnTheNightTheClocksChangeCountsRealMinutes() throws {
        // Berlin, 2024-03-31: 01:30 to 03:30 on the wall clock is one real hour.
        let from = Days.moment(2024, 3, 31, 1, 30, in: Days.berlin)
        let to = Days.moment(2024, 3, 31, 3, 30, in: Days.berlin)
        let entry = try #require(SessionTimer.start(at: from).finish(at: to, timeZone: Days.berlin))
        #expect(entry.minutes == 60)
        #expect(entry.day == Days.day("2024-03-31"))
    }

    @Test func checkpointMarksHowFarItIsKnownToHaveRun() {
        var timer = SessionTimer.start(at: Self.start)
        #expect(timer.lastSeen == Self.start)
        timer.checkpoint(at: Self.at(600))
        #expect(timer.lastSeen == Self.at(600))
        #expect(timer.elapsed(at: Self.at(900)) == 900, "a checkpoint does not stop the clock")
    }

    /// The shell saves the timer as it goes; Coach is killed; at the next start the saved
    /// timer is logged with the minutes up to its last save, not up to the next start.
    @Test func anInterruptedSessionIsLoggedUpToItsLastSave() throws {
        var timer = SessionTimer.start(at: Self.start)
        timer.touch("alpha.1")
        timer.checkpoint(at: Self.at(25 * 60))
        let saved = try JSONEncoder().encode(timer)
        // … killed; restored a day later.
        let restored = try JSONDecoder().decode(SessionTimer.self, from: saved)
        #expect(restored == timer)
        #expect(restored.isRunning)

        var journal = Journal()
        let logged = journal.logInterrupted(restored, timeZone: Days.berlin)
        let entry = try #require(logged)
        #expect(entry.id == 1)
        #expect(entry.minutes == 25)
        #expect(entry.day == Days.day("2024-05-01"))
        #expect(entry.start == Self.start)
        #expect(entry.items == ["alpha.1"])
        let loggedAgain = journal.logInterrupted(restored, timeZone: Days.berlin)
        #expect(loggedAgain == nil, "logged once, even if found again")
        #expect(journal.entries.count == 1)
    }

    @Test func anInterruptedPausedSessionLogsWhatRanBeforeThePause() throws {
        var timer = SessionTimer.start(at: Self.start)
        timer.pause(at: Self.at(12 * 60))
        timer.checkpoint(at: Self.at(50 * 60))
        #expect(timer.finishInterrupted(timeZone: Days.berlin)?.minutes == 12)
    }

    @Test func anInterruptedSessionOfSecondsLogsNothing() {
        var journal = Journal()
        let timer = SessionTimer.start(at: Self.start)
        let logged = journal.logInterrupted(timer, timeZone: Days.berlin)
        #expect(logged == nil)
        #expect(journal.isEmpty)
    }

    @Test func itIsCodableWithPlainFields() throws {
        var timer = SessionTimer.start(at: Self.start)
        timer.pause(at: Self.at(90))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .iso8601
        let text = String(decoding: try encoder.encode(timer), as: UTF8.self)
        #expect(text == #"{"accumulatedSeconds":90,"itemSeconds":{},"items":[],"lastSeen":"2024-05-01T07:01:30Z","started":"2024-05-01T07:00:00Z","studySince":"2024-05-01T07:01:30Z"}"#)
    }
}
