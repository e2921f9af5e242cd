import Foundation
import Testing

/// `coach settings --goal` changes two documents (the goal in settings.json, its history
/// in journal.json). SIGKILL at random moments of it must never leave them disagreeing
/// once Coach starts again: either the change is all there or none of it.
@Suite(.serialized) struct GoalKillTests {
    /// The goal in settings.json and the goal its history says is in force now.
    static func goals(_ home: URL) -> (settings: Int, history: Int) {
        let settings = WriterRaceTests.json(home, "settings.json")["dailyGoalMinutes"] as? Int ?? 45
        let changes = (WriterRaceTests.json(home, "journal.json")["goals"] as? [[String: Any]]) ?? []
        return (settings, changes.last?["minutes"] as? Int ?? 45)
    }

    static func isPending(_ home: URL) -> Bool {
        FileManager.default.fileExists(atPath: home.appendingPathComponent(".coach-change").path)
    }

    @Test func killsNeverLeaveTheGoalAndItsHistoryDisagreeing() throws {
        let kills = Torture.count(ci: 30, full: 300)
        let home = TemporaryHome()
        // How long one change takes here, so the kills land across the whole of it.
        let started = Date()
        #expect(try CoachBinary.run(["settings", "--goal", "50"], home: home.url).status == 0)
        var window = max(Date().timeIntervalSince(started), 0.01)
        var tried = 0, landedMidway = 0, recovered = 0, inconsistent = 0, unusable = 0
        // Only kills that land while the command runs count; one that comes after it
        // finished proves nothing.
        while landedMidway < kills {
            try #require(tried < kills * 10, "too few kills landed while the command ran")
            let goal = 30 + (tried % 7) * 10
            let writer = try Torture.Started(["settings", "--goal", "\(goal)"], home: home.url)
            Thread.sleep(forTimeInterval: Double.random(in: 0...window))
            kill(writer.process.processIdentifier, SIGKILL)
            let result = writer.finish()
            tried += 1
            // The machine's load changes how long a run takes: a kill that came too late
            // shortens the window, one that landed widens it a little.
            if result.killed { landedMidway += 1; window *= 1.05 } else { window *= 0.9 }
            // Straight after the kill: the two agree, or the record says how to finish.
            let now = Self.goals(home.url)
            if Self.isPending(home.url) { recovered += 1 } else if now.settings != now.history { inconsistent += 1 }
            // The next command (here one that only reads) finishes what was recorded.
            let reader = try CoachBinary.run(["settings", "--json"], home: home.url)
            if reader.status != 0 { unusable += 1 }
            let after = Self.goals(home.url)
            if after.settings != after.history { inconsistent += 1 }
        }
        Torture.report("goal-kills", tried: landedMidway, passed: landedMidway - inconsistent - unusable,
                       extra: "(runs \(tried); \(recovered) left the record and were finished by the next command) inconsistent \(inconsistent) unusable \(unusable)")
        #expect(inconsistent == 0)
        #expect(unusable == 0)
    }
}
