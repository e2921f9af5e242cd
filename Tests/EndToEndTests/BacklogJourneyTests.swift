import Foundation
import Testing

/// The Backlog screen through the real binary: the form, ranking, delete and undo, and
/// the command line seeing all of it.
@Suite(.serialized) struct BacklogJourneyTests {
    @Test func addEditRerankDeleteUndoQuitAndListAsJSON() throws {
        let home = TemporaryHome()
        let tmux = try Tmux(command: TracksJourneyTests.command(home: home), rows: 30, cols: 110)
        try tmux.waitFor("Coach · Today")
        try tmux.send("3")
        // The first run offers the starter ideas from the sources.
        try tmux.waitFor("6 ideas · sorted by score ↓")

        try tmux.send("a")
        try tmux.waitFor("┌─ New idea")
        try tmux.type("Zeta tutor 日本")
        try tmux.send("Tab", "Tab")
        try tmux.type("1")
        try tmux.send("Tab", "Tab")
        try tmux.type("150%")
        try tmux.waitFor("✗ Confidence: must be more than 0 and at most 1")
        try tmux.send("BSpace", "BSpace", "BSpace", "BSpace")
        try tmux.type("50%")
        try tmux.send("Tab")
        try tmux.type("1")
        try tmux.send("Enter")
        let added = try tmux.waitFor("Added Zeta tutor 日本")
        #expect(added.contains("rank 7"))

        // Edit the reach: the idea climbs to the top of the ranking.
        try tmux.send("e")
        try tmux.waitFor("┌─ Edit idea")
        try tmux.send("Tab", "Tab", "BSpace")
        try tmux.type("100000")
        try tmux.send("Enter")
        try tmux.waitFor("Saved Zeta tutor 日本: score 0.5 → 50000")
        let ranked = try tmux.screen().split(separator: "\n")
        #expect(ranked[2].contains("1 Zeta tutor 日本"))

        // Delete the idea ranked second, then undo the delete.
        try tmux.send("j", "d")
        try tmux.waitFor("? y/n")
        try tmux.send("y")
        let deleted = try tmux.waitFor("(u undoes)")
        let message = deleted.split(separator: "\n").last { $0.contains("Deleted ") } ?? ""
        let title = message.replacingOccurrences(of: "Deleted ", with: "")
            .replacingOccurrences(of: " (u undoes)", with: "").trimmingCharacters(in: .whitespaces)
        #expect(!title.isEmpty)
        try tmux.waitFor("6 ideas")
        try tmux.send("u")
        try tmux.waitFor("Undid: delete \(title)")
        try tmux.send("q")
        try tmux.waitForExit()

        let list = try CoachBinary.run(["idea", "list", "--json"], home: home.url)
        #expect(list.status == 0, "\(list.stderr)")
        let ideas = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(ideas.count == 7)
        #expect(ideas.first?["title"] as? String == "Zeta tutor 日本")
        #expect(ideas.first?["reach"] as? Double == 100000)
        #expect(ideas.first?["confidence"] as? Double == 0.5)
        #expect(ideas.contains { $0["title"] as? String == title })
    }
}
