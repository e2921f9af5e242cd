import Foundation
import Testing

/// A day's study through the real binary: focus and goal on the Today screen, the timer,
/// an item done, the session finished with a note, then the journal and the prompt line.
@Suite(.serialized) struct DailySessionJourneyTests {
    @Test func focusGoalTimerDoneFinishQuitThenJournalAndStatus() throws {
        let home = TemporaryHome()
        // Yesterday reached the goal in force then (the default 45), so it counts. Days
        // start at 04:00 (the default day start).
        let yesterday = Date().addingTimeInterval(-86_400 - 4 * 3_600)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let parts = calendar.dateComponents([.year, .month, .day], from: yesterday)
        let date = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
        let logged = try CoachBinary.run(["log", "--minutes", "50", "--date", date], home: home.url)
        #expect(logged.status == 0, "\(logged.stderr)")

        let tmux = try Tmux(command: TracksJourneyTests.command(home: home))
        try tmux.waitFor("Coach · Today")
        try tmux.waitFor("Choose a focus track")
        try tmux.send(">")
        try tmux.waitFor("Focus track: AI Product")
        try tmux.waitFor("focus: AI Product")
        for _ in 0..<8 { try tmux.send("-") }
        try tmux.waitFor("Daily goal: 5 minutes")

        let started = Date()
        try tmux.send("s")
        try tmux.waitFor("Session started")
        try tmux.waitFor(timeout: 10, "the timer to tick") { $0.contains("00:02") || $0.contains("00:03") }
        try tmux.send("Space")
        try tmux.waitFor("[x]")
        try tmux.waitFor("1 item touched")

        // A session is logged once it has run half a minute.
        Thread.sleep(forTimeInterval: max(0, 32 - Date().timeIntervalSince(started)))
        try tmux.send("f")
        try tmux.waitFor("Finish the session")
        try tmux.type("fini ✓ première")
        try tmux.send("Enter")
        try tmux.waitFor("Logged 1 min")
        try tmux.send("q")
        try tmux.waitForExit()

        let journal = try CoachBinary.run(["journal", "--json"], home: home.url)
        #expect(journal.status == 0, "\(journal.stderr)")
        let entries = try JSONSerialization.jsonObject(with: Data(journal.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(entries.count == 2)
        let today = try #require(entries.first)
        #expect(today["note"] as? String == "fini ✓ première")
        #expect(today["minutes"] as? Int == 1)
        #expect((today["items"] as? [String])?.first?.hasPrefix("ai-product.") == true)

        let status = try CoachBinary.run(["status", "--plain"], home: home.url)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.hasPrefix("streak 1 | 1/5 min"), "\(status.stdout)")
    }
}
