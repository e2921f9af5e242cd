import Foundation
import Testing

/// Time that counts, through the real binary: the timer on a planned step, finished,
/// and the minutes on the item (Today, `coach today`) and in `coach status`; and the
/// command line's `log --item`, `check --minutes` and `estimate`.
@Suite(.serialized) struct TimeSpentJourneyTests {
    static func today(_ home: TemporaryHome) throws -> [String: Any] {
        let result = try CoachBinary.run(["today", "--json"], home: home.url)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    static func firstEntry(_ home: TemporaryHome) throws -> [String: Any] {
        try #require((try today(home)["entries"] as? [[String: Any]])?.first)
    }

    @Test func theTimerOnAPlannedStepCreditsItsMinutesToTheItem() throws {
        let home = TemporaryHome()
        let set = try CoachBinary.run(["settings", "--focus", "genai", "--goal", "45"], home: home.url)
        #expect(set.status == 0, "\(set.stderr)")
        // The focus track's first item is longer than the day: a part of it is planned.
        let step = try Self.firstEntry(home)
        let id = try #require(step["item"] as? String)
        #expect(step["minutes"] as? Int == 45)
        let parts = try #require(step["parts"] as? Int)
        #expect(parts > 1)
        #expect(step["part"] as? Int == 1)

        let tmux = try Tmux(command: TracksJourneyTests.command(home: home))
        try tmux.waitFor("Coach · Today")
        try tmux.waitFor("part 1 of \(parts)")
        let started = Date()
        try tmux.send("s")
        try tmux.waitFor("Session started")
        // A session is logged once it has run half a minute.
        Thread.sleep(forTimeInterval: max(0, 32 - Date().timeIntervalSince(started)))
        try tmux.send("f")
        try tmux.waitFor("Finish the session")
        try tmux.send("Enter")
        try tmux.waitFor("Logged 1 min")
        try tmux.waitFor("\(id) 1m")
        try tmux.waitFor("1m of ")
        try tmux.send("q")
        try tmux.waitForExit()

        let after = try Self.firstEntry(home)
        #expect(after["item"] as? String == id)
        #expect(after["spent"] as? Int == 1, "the session's minute is the item's")
        let status = try CoachBinary.run(["status", "--plain"], home: home.url)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.hasPrefix("streak 0 | 1/45 min") || status.stdout.hasPrefix("streak 1 | 1/45 min"), "\(status.stdout)")
    }

    @Test func logCheckAndEstimateFromTheCommandLine() throws {
        let home = TemporaryHome()
        _ = try CoachBinary.run(["settings", "--focus", "genai", "--goal", "45"], home: home.url)
        let id = try #require(try Self.firstEntry(home)["item"] as? String)

        let log = try CoachBinary.run(["log", "--minutes", "30", "--item", id], home: home.url)
        #expect(log.status == 0, "\(log.stderr)")
        #expect(try Self.firstEntry(home)["spent"] as? Int == 30)

        let estimate = try CoachBinary.run(["estimate", id, "1h"], home: home.url)
        #expect(estimate.status == 0, "\(estimate.stderr)")
        #expect(estimate.stdout.hasPrefix("\(id): 30m of 1h · your estimate (shipped: "), "\(estimate.stdout)")
        let text = try CoachBinary.run(["today"], home: home.url)
        #expect(text.stdout.contains("part 1 of 2 · 30m of 1h · 30m left"), "\(text.stdout)")

        let bad = try CoachBinary.run(["estimate", id, "soon"], home: home.url)
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("MINUTES: expected minutes (90) or hours and minutes (1h30), got \"soon\""), "\(bad.stderr)")

        let check = try CoachBinary.run(["check", id, "--minutes", "30"], home: home.url)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("logged session 2:"), "\(check.stdout)")
        let done = try Self.firstEntry(home)
        #expect(done["finished"] as? Bool == true)
        #expect(done["spent"] as? Int == 60)
        #expect(try Self.today(home)["logged"] as? Int == 60, "both sessions count for the day")

        let badMinutes = try CoachBinary.run(["check", id, "--minutes", "lots"], home: home.url)
        #expect(badMinutes.status != 0)
        #expect(badMinutes.stderr.contains("--minutes"), "\(badMinutes.stderr)")

        let clear = try CoachBinary.run(["estimate", id, "--clear"], home: home.url)
        #expect(clear.stdout.contains("shipped estimate"), "\(clear.stdout)")
    }
}
