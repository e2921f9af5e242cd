import Foundation
import Testing

/// The real binary in tmux: what a learner does on the Tracks screen.
@Suite(.serialized) struct TracksJourneyTests {
    static func command(home: TemporaryHome, extra: String = "") -> String {
        "env -u COACH_DATA COACH_HOME=\(shellQuoted(home.url.path)) \(extra) \(shellQuoted(CoachBinary.url.path))"
    }

    /// The first two items of the AI Product track, as the CLI lists them.
    static func firstItems(home: TemporaryHome) throws -> [(id: String, title: String)] {
        let result = try CoachBinary.run(["show", "ai-product", "--json"], home: home.url)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let items = object?["items"] as? [[String: Any]] ?? []
        return items.prefix(2).map { ($0["id"] as? String ?? "", $0["title"] as? String ?? "") }
    }

    @Test func moveToggleQuitAndRelaunchKeepsProgress() throws {
        let home = TemporaryHome()
        let items = try Self.firstItems(home: home)
        try #require(items.count == 2)

        let tmux = try Tmux(command: Self.command(home: home))
        let first = try tmux.openTracks()
        #expect(first.contains("Coach · Tracks"))
        #expect(first.contains("Data Science"))
        #expect(first.contains("? help"))

        // Into the items, first item → doing, second item → done.
        try tmux.send("l")
        try tmux.waitFor("Space status")
        try tmux.send("Space")
        try tmux.waitFor("[~]")
        try tmux.send("j", "Space", "Space")
        try tmux.waitFor("[x]")
        try tmux.send("q")
        try tmux.waitForExit()

        let saved = try home.statuses()
        #expect(saved[items[0].id] == "doing")
        #expect(saved[items[1].id] == "done")

        let again = try Tmux(command: Self.command(home: home))
        let screen = try again.openTracks()
        #expect(screen.contains("[~]"))
        #expect(screen.contains("[x]"))
        try again.send("q")
        try again.waitForExit()
    }

    @Test func undoDetailAndHelp() throws {
        let home = TemporaryHome()
        let tmux = try Tmux(command: Self.command(home: home, extra: "NO_COLOR=1"))
        try tmux.openTracks()
        try tmux.send("Enter", "Space")
        try tmux.waitFor("[~]")
        try tmux.send("u")
        let undone = try tmux.waitFor("Undid:")
        #expect(!undone.contains("[~]"))
        try tmux.send("Enter")
        try tmux.waitFor("Resources")
        try tmux.send("Escape")
        try tmux.waitFor(timeout: 5, "the detail to close") { !$0.contains("Resources") }
        try tmux.send("?")
        try tmux.waitFor("┌─ Keys")
        try tmux.send("x")
        try tmux.waitFor(timeout: 5, "help to close") { !$0.contains("┌─ Keys") }
        try tmux.send("q")
        try tmux.waitForExit()
    }

    @Test func smallWindowAsksToEnlargeAndResizeRedraws() throws {
        let home = TemporaryHome()
        let tmux = try Tmux(command: Self.command(home: home), rows: 10, cols: 40)
        try tmux.waitFor("Enlarge the window to 60×16 (now 40×10)")
        try tmux.resize(rows: 30, cols: 100)
        try tmux.openTracks()
        try tmux.resize(rows: 15, cols: 70)
        try tmux.waitFor("(now 70×15)")
        try tmux.send("q")
        try tmux.waitForExit()
    }

    @Test func aSecondWriterIsRefusedWhileTheScreenIsOpen() throws {
        let home = TemporaryHome()
        let items = try Self.firstItems(home: home)
        let tmux = try Tmux(command: Self.command(home: home))
        try tmux.openTracks()
        let refused = try CoachBinary.run(["check", items[0].id], home: home.url)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("another Coach is running"))
        let reader = try CoachBinary.run(["tracks"], home: home.url)
        #expect(reader.status == 0)
        try tmux.send("q")
        try tmux.waitForExit()
        let allowed = try CoachBinary.run(["check", items[0].id], home: home.url)
        #expect(allowed.status == 0, "\(allowed.stderr)")
    }
}
