import Foundation
import Testing

/// Another program (an editor, a sync tool) changes progress.json while Coach runs.
/// With nothing unsaved, Coach reads the file back; with a change of its own in flight,
/// it asks, and writes over the file only when told to.
@Suite(.serialized) struct ExternalChangeTests {
    /// progress.json with `item` done, as another program would leave it: made by the
    /// CLI in a home of its own, then copied over the file in place.
    static func theirFile(marking item: String) throws -> Data {
        let other = TemporaryHome()
        let result = try CoachBinary.run(["check", item, "--status", "done"], home: other.url)
        #expect(result.status == 0, "\(result.stderr)")
        return try Data(contentsOf: other.progressFile)
    }

    /// Coach on the first track's items, and their progress.json marking the second item.
    static func start(home: TemporaryHome) throws -> (Tmux, items: [(id: String, title: String)], theirs: Data) {
        let items = try TracksJourneyTests.firstItems(home: home)
        try #require(items.count == 2)
        let theirs = try theirFile(marking: items[1].id)
        let tmux = try Tmux(command: TracksJourneyTests.command(home: home))
        try tmux.openTracks()
        try tmux.send("l")
        try tmux.waitFor("Space status")
        return (tmux, items, theirs)
    }

    @Test func aFileChangedOnDiskIsReadBack() throws {
        let home = TemporaryHome()
        let (tmux, items, theirs) = try Self.start(home: home)
        try theirs.write(to: home.progressFile)
        let screen = try tmux.waitFor("progress.json was changed by another program")
        #expect(screen.contains("[x]"), "their change shows")
        try tmux.send("q")
        try tmux.waitForExit()
        #expect(try home.statuses() == [items[1].id: "done"], "and the file is as they left it")
    }

    @Test(arguments: [true, false])
    func aChangeOfBothSidesAsksWhichToKeep(keepMine: Bool) throws {
        let home = TemporaryHome()
        let (tmux, items, theirs) = try Self.start(home: home)
        // Their write and the key right after it, well inside the second in which Coach
        // looks for changed files only when no key comes.
        try tmux.send("k")
        try theirs.write(to: home.progressFile)
        try tmux.send("Space")
        // The whole question, not only its title: tmux can be read while the frame is
        // still arriving.
        let asked = try tmux.waitFor("the question") {
            $0.contains("progress.json changed on disk") && $0.contains("o  keep Coach's version")
        }
        #expect(asked.contains("o  keep Coach's version: write it over the file"))
        #expect(try home.statuses() == [items[1].id: "done"], "nothing is written while Coach asks")

        try tmux.send(keepMine ? "o" : "r")
        try tmux.waitFor(timeout: 5, "the question to go") { !$0.contains("changed on disk") }
        try tmux.send("q")
        try tmux.waitForExit()
        let expected = keepMine ? [items[0].id: "doing"] : [items[1].id: "done"]
        #expect(try home.statuses() == expected)
    }
}
