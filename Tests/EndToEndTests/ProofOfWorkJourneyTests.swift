import Foundation
import Testing

/// Proof of work: links to what the learner made, added in the item detail with `p` or
/// with `coach proof`, and found by the other.
@Suite struct ProofOfWorkJourneyTests {
    static func links(_ id: String, home: TemporaryHome) throws -> [String] {
        let result = try CoachBinary.run(["proof", id, "--json"], home: home.url)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String] ?? []
    }

    @Test func linksAddedInTheDetailAreListedOnTheCommandLine() throws {
        let home = TemporaryHome()
        let items = try TracksJourneyTests.firstItems(home: home)
        try #require(!items.isEmpty)
        // A local path counts when it exists.
        let writeUp = home.url.deletingLastPathComponent().appendingPathComponent("prd-\(UUID().uuidString).md")
        try Data("# PRD".utf8).write(to: writeUp)
        defer { try? FileManager.default.removeItem(at: writeUp) }
        let tmux = try Tmux(command: TracksJourneyTests.command(home: home))
        try tmux.openTracks()
        try tmux.send("l")
        try tmux.waitFor("Space status")
        try tmux.send("Enter")
        try tmux.waitFor("none yet: p adds a link")
        try tmux.send("p")
        try tmux.waitFor("Proof of work: links, commas between")
        // Spaces do not separate links: the whole entry is refused beside the field.
        try tmux.type("https://github.com/me/ai-pm-notes notaurl")
        try tmux.send("Enter")
        try tmux.waitFor("notaurl\" has a space or a")
        for _ in 0..<" notaurl".count { try tmux.send("BSpace") }
        try tmux.type(", notaurl")
        try tmux.send("Enter")
        try tmux.waitFor("\"notaurl\" is not a link; each must be an")
        for _ in 0..<"notaurl".count { try tmux.send("BSpace") }
        try tmux.type(writeUp.path)
        try tmux.send("Enter")
        let saved = try tmux.waitFor("Proof of work saved: 2 links")
        #expect(saved.contains("• https://github.com/me/ai-pm-notes"))
        try tmux.send("q")
        try tmux.waitForExit()

        #expect(try Self.links(items[0].id, home: home) == ["https://github.com/me/ai-pm-notes", writeUp.path])
        let show = try CoachBinary.run(["show", "ai-product", "--json"], home: home.url)
        #expect(show.stdout.contains("\"proof\" : ["))
        let markdown = try CoachBinary.run(["export", "--format", "markdown"], home: home.url)
        #expect(markdown.stdout.contains("  - Proof of work: <https://github.com/me/ai-pm-notes>"))
        #expect(markdown.stdout.contains("  - Proof of work: `\(writeUp.path)`"))
    }

    @Test func theCommandLineAddsListsAndRemoves() throws {
        let home = TemporaryHome()
        let id = try TracksJourneyTests.firstItems(home: home)[0].id
        let none = try CoachBinary.run(["proof", id], home: home.url)
        #expect(none.stdout.contains("has no proof of work yet; add a link with: coach proof \(id) URL"))

        let added = try CoachBinary.run(["proof", id, "https://a.test/1", "https://a.test/2", "https://a.test/1"], home: home.url)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("  https://a.test/2"))
        #expect(try Self.links(id, home: home) == ["https://a.test/1", "https://a.test/2"], "a repeat is kept once")

        let removed = try CoachBinary.run(["proof", id, "--remove", "https://a.test/1"], home: home.url)
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(try Self.links(id, home: home) == ["https://a.test/2"])

        for (arguments, message) in [
            (["proof", id, "--remove", "https://nope.test"], "--remove: \(id) has no link \"https://nope.test\"; it has: https://a.test/2"),
            (["proof", id, "two words"], "\"two words\" has a space or a control character"),
            (["proof", id, "notaurl"], "proof of work: \"notaurl\" is not a link; each must be an https:// or http:// address, or the path of a file or folder that exists"),
            (["proof", id, "ftp://files.test/a"], "\"ftp://files.test/a\" is not a link"),
            (["proof", id] + (1...10).map { "https://b.test/\($0)" }, "got 11 links"),
            (["proof", "no.such-item", "https://a.test"], "unknown item \"no.such-item\""),
        ] {
            let result = try CoachBinary.run(arguments, home: home.url)
            #expect(result.status != 0)
            #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
        #expect(try Self.links(id, home: home) == ["https://a.test/2"], "a refused command changes nothing")
    }
}
