import Foundation
import Testing

/// Search, a note in another script, focus, and the learner's own tracks, through the
/// real binary.
@Suite(.serialized) struct SearchAndNotesJourneyTests {
    @Test func searchOpenMatchWriteNoteRelaunchAndSeeIt() throws {
        let home = TemporaryHome()
        let tmux = try Tmux(command: TracksJourneyTests.command(home: home))
        try tmux.openTracks()
        try tmux.send("/")
        try tmux.waitFor("┌─ Search")
        try tmux.type("reAct")
        try tmux.waitFor("ReAct")
        try tmux.send("Enter")
        try tmux.waitFor(timeout: 5, "the search to close") { !$0.contains("┌─ Search") }
        try tmux.send("Enter")
        try tmux.waitFor("Resources")
        try tmux.send("n")
        try tmux.waitFor("┌─ Note · ReAct")
        try tmux.type("Relire l’article — 日本語 ✓")
        try tmux.send("C-d")
        try tmux.waitFor("Note saved")
        try tmux.send("Escape", "h", "f")
        try tmux.waitFor("Focus track: Agents")
        try tmux.send("q")
        try tmux.waitForExit()

        let again = try Tmux(command: TracksJourneyTests.command(home: home))
        let screen = try again.openTracks()
        #expect(screen.contains("★ Agents"))
        try again.send("/")
        try again.type("react")
        try again.waitFor("ReAct")
        try again.send("Enter", "Enter")
        try again.waitFor("Relire l’article — 日本語 ✓")
        try again.send("q")
        try again.waitForExit()

        let settings = try String(contentsOf: home.url.appendingPathComponent("settings.json"), encoding: .utf8)
        #expect(settings.contains("\"focusTrack\" : \"agents\""))
    }

    @Test func searchOnTheCommandLine() throws {
        let home = TemporaryHome()
        let result = try CoachBinary.run(["search", "PINECONE"], home: home.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("genai."))
        // No match is an answer, not a mistake: exit 0 with and without --json.
        let none = try CoachBinary.run(["search", "qqqzzz"], home: home.url)
        #expect(none.status == 0)
        #expect(none.stdout == "Nothing matches \"qqqzzz\"; try fewer or shorter words\n")
        let noneJSON = try CoachBinary.run(["search", "qqqzzz", "--json"], home: home.url)
        #expect(noneJSON.status == 0)
        #expect(try JSONSerialization.jsonObject(with: Data(noneJSON.stdout.utf8)) as? [Any] != nil)
        #expect((try JSONSerialization.jsonObject(with: Data(noneJSON.stdout.utf8)) as? [Any])?.isEmpty == true)
    }

    @Test func ownTracksLoadAndBadOnesAreReportedByPathAndField() throws {
        let home = TemporaryHome()
        let folder = home.url.appendingPathComponent("tracks")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let good = """
        {"id": "mine", "title": "My Own Track", "sections": [{"title": "Start", "items": [
          {"id": "mine.first", "title": "Read my notes", "summary": "Mine.", "minutes": 20}]}]}
        """
        let bad = """
        {"id": "broken", "title": "Broken", "sections": [{"title": "S", "items": [
          {"id": "broken.a", "title": "", "summary": "x", "minutes": 0}]}]}
        """
        let clash = """
        {"id": "genai", "title": "Not Allowed", "sections": []}
        """
        try Data(good.utf8).write(to: folder.appendingPathComponent("a-mine.json"))
        try Data(bad.utf8).write(to: folder.appendingPathComponent("b-broken.json"))
        try Data(clash.utf8).write(to: folder.appendingPathComponent("c-clash.json"))

        let result = try CoachBinary.run(["tracks"], home: home.url)
        #expect(result.status == 0)
        #expect(result.stdout.contains("My Own Track"))
        #expect(result.stdout.contains("Generative AI"))
        #expect(!result.stdout.contains("Broken"))
        #expect(!result.stdout.contains("Not Allowed"))
        #expect(result.stderr.contains("b-broken.json: $.sections[0].items[0].title: empty title"))
        #expect(result.stderr.contains("b-broken.json: $.sections[0].items[0].minutes"))
        #expect(result.stderr.contains("c-clash.json: $.id: duplicate track id \"genai\""))

        let check = try CoachBinary.run(["check", "mine.first"], home: home.url)
        #expect(check.status == 0, "\(check.stderr)")
    }
}
