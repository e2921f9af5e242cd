import Foundation
import Glibc
import Testing

/// Syncing from the full-screen coach in tmux: `P` brings another machine's session
/// onto History while the coach runs; with auto-sync on, a change made on screen
/// reaches the remote after quit, by the background sync.
@Suite(.serialized) struct SyncJourneyTests {
    static func command(_ bench: SyncBench, home: URL) -> String {
        let variables = bench.environment.map { "\($0.key)=\(shellQuoted($0.value))" }.sorted().joined(separator: " ")
        return "env -u COACH_DATA COACH_HOME=\(shellQuoted(home.path)) \(variables) \(shellQuoted(CoachBinary.url.path))"
    }

    @Test func sInTheFullScreenCoachBringsTheOtherMachinesSession() throws {
        let bench = try SyncBench()
        try bench.ok(["log", "--minutes", "15", "--note", "written on A"], bench.a)
        // The starter ideas the backlog offers on first use, there before syncing.
        try bench.ok(["idea", "list"], bench.a)
        try bench.ok(["sync", "--init", bench.remote.path], bench.a)
        try bench.ok(["sync", "--init", bench.remote.path], bench.b)
        try bench.ok(["log", "--minutes", "25", "--note", "written on B"], bench.b)
        try bench.ok(["sync"], bench.b)

        let tmux = try Tmux(command: Self.command(bench, home: bench.a))
        try tmux.waitFor("Coach · Today")
        try tmux.send("P")
        let synced = try tmux.waitFor("Synced with")
        #expect(synced.contains(": took 1 session"), "nothing to send, one session to take: \(synced)")
        try tmux.send("4")
        try tmux.waitFor("written on B")
        try tmux.send("q")
        try tmux.waitForExit()
        #expect(try bench.sessionNotes(bench.a) == ["written on A", "written on B"])
    }

    @Test func autoSyncSendsWhatChangedOnScreenAfterQuit() throws {
        let bench = try SyncBench()
        try bench.ok(["idea", "list"], bench.a)
        try bench.ok(["sync", "--init", bench.remote.path], bench.a)
        try bench.ok(["settings", "--auto-sync", "on"], bench.a)
        let settings = try bench.ok(["settings"], bench.a)
        #expect(settings.contains("auto-sync:   on"), "\(settings)")
        try bench.ok(["sync"], bench.a)

        let tmux = try Tmux(command: Self.command(bench, home: bench.a))
        try tmux.waitFor("Coach · Today")
        // The sync at start, after the first frame.
        try tmux.waitFor("already up to date")
        try tmux.send("+")
        try tmux.waitFor("50")
        try tmux.send("q")
        try tmux.waitForExit()
        // The background sync after quit pushes the new goal (the start's sync logged
        // "already up to date").
        let logFile = bench.a.appendingPathComponent("sync.log")
        var log = ""
        for _ in 0..<150 {
            log = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
            if log.contains("sent settings") { break }
            usleep(100_000)
        }
        #expect(log.contains("sent settings"), "\(log)")
        let onRemote = try bench.git(["--git-dir", bench.remote.path, "show", "main:settings.json"]).stdout
        #expect(onRemote.contains("\"dailyGoalMinutes\" : 50"), "\(onRemote)")
        try bench.ok(["sync", "--init", bench.remote.path], bench.b)
        #expect(try bench.ok(["settings"], bench.b).contains("daily goal:  50 min"))
    }
}
