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
        let window = max(Date().timeIntervalSince(started), 0.01) * 1.2
        var tried = 0, landedMidway = 0, inconsistent = 0, unusable = 0
        for step in 0..<kills {
            let goal = 30 + (step % 7) * 10
            let writer = try Torture.Started(["settings", "--goal", "\(goal)"], home: home.url)
            Thread.sleep(forTimeInterval: Double.random(in: 0...window))
            kill(writer.process.processIdentifier, SIGKILL)
            let result = writer.finish()
            tried += 1
            if result.killed { landedMidway += 1 }
            // Straight after the kill: the two agree, or the record says how to finish.
            let now = Self.goals(home.url)
            if now.settings != now.history && !Self.isPending(home.url) { inconsistent += 1 }
            // The next command (here one that only reads) finishes what was recorded.
            let reader = try CoachBinary.run(["settings", "--json"], home: home.url)
            if reader.status != 0 { unusable += 1 }
            let after = Self.goals(home.url)
            if after.settings != after.history { inconsistent += 1 }
        }
        Torture.report("goal-kills", tried: tried, passed: tried - inconsistent - unusable,
                       extra: "killed-while-running \(landedMidway) inconsistent \(inconsistent) unusable \(unusable)")
        #expect(inconsistent == 0)
        #expect(unusable == 0)
    }
}
