import Foundation
import Testing

/// While the full-screen coach runs, a command-line writer is refused at once (it would
/// wait for a short command), and deleting `.lock` lets no second writer in: the lock is
/// on the home folder, `.lock` only says who holds it.
@Suite(.serialized) struct LockWhileRunningTests {
    static let item = "ai-product.what-is-different"

    @Test func aWriterIsRefusedAtOnceNamingTheFullScreenCoach() throws {
        let home = TemporaryHome()
        let tmux = try Tmux(command: TracksJourneyTests.command(home: home))
        try tmux.waitFor("Coach · Today")
        let result = try CoachBinary.run(["check", Self.item], home: home.url)
        #expect(result.status != 0)
        #expect(result.stderr.contains("the full-screen coach, pid"), "\(result.stderr)")
        #expect((try? home.statuses())?[Self.item] == nil)
    }

    @Test func deletingTheLockFileLetsNoSecondWriterIn() throws {
        let home = TemporaryHome()
        let tmux = try Tmux(command: TracksJourneyTests.command(home: home))
        try tmux.waitFor("Coach · Today")
        try FileManager.default.removeItem(at: home.url.appendingPathComponent(".lock"))
        let result = try CoachBinary.run(["check", Self.item], home: home.url)
        #expect(result.status != 0)
        #expect(result.stderr.contains("another Coach is running"), "\(result.stderr)")
        #expect((try? home.statuses())?[Self.item] == nil)
        // The coach still saves its own changes.
        _ = try tmux.openTracks()
        try tmux.send("l")
        try tmux.waitFor("Space status")
        try tmux.send("Space")
        try tmux.waitFor("[~]")
        try tmux.send("q")
        try tmux.waitForExit()
        #expect(try home.statuses().values.contains("doing"))
    }
}
