import Foundation
import Testing

/// Issue 10's screen journeys through the real binary at 80×24: History's journal cursor
/// (select, PgDn, e on that row), the review prompt, the message log, the Backlog's sort
/// and status filter, and undo/redo.
@Suite(.serialized) struct ScreensJourneyTests {
    static func command(_ home: TemporaryHome, extra: String = "") -> String {
        TracksJourneyTests.command(home: home, extra: "TZ=UTC " + extra)
    }

    @Test func theJournalCursorSelectsPagesAndEditsThatRowAt80x24() throws {
        let home = TemporaryHome()
        for offset in 1...12 {
            try StudyCommandTests.coach(["log", "--minutes", "\(10 + offset)", "--date", StudyCommandTests.day(-offset),
                                         "--note", "note-\(offset)"], home)
        }
        let tmux = try Tmux(command: Self.command(home) + " --screen history", rows: 24, cols: 80)
        try tmux.waitFor("note-5")
        try tmux.send("j")
        try tmux.send("NPage")
        // The journal shows 5 rows at 80×24: a page down from the second row is the seventh.
        try tmux.waitFor("note-7")
        try tmux.send("e")
        try tmux.waitFor("Session of \(StudyCommandTests.day(-7))")
        try tmux.send("Escape")
        try tmux.waitFor(timeout: 5, "the form to close") { !$0.contains("Session of") }
        try tmux.send("q")
        try tmux.waitForExit()
    }

    @Test func theReviewAnswersStayOnTheBarAt80x24() throws {
        let home = try OverlayKeysJourneyTests.homeWithAReview()
        let tmux = try Tmux(command: Self.command(home), rows: 24, cols: 80)
        try tmux.waitFor("↻ review")
        try tmux.send("Space")
        try tmux.waitFor("Ctrl-D show the points")
        try tmux.send("Enter")
        let prompt = try tmux.waitFor("1 again  2 h hard  3 g good  4 e easy")
        let bar = prompt.components(separatedBy: "\n").first { $0.contains("2 h hard") } ?? ""
        #expect(bar.contains("Esc later"))
        try tmux.send("Escape")
        try tmux.waitFor(timeout: 5, "the card to close") { !$0.contains("2 h hard") }
        try tmux.send("q")
        try tmux.waitForExit()
    }

    @Test func undoRedoAndTheMessageLog() throws {
        let home = TemporaryHome()
        let tmux = try Tmux(command: Self.command(home), rows: 24, cols: 80)
        try tmux.openTracks()
        try tmux.send("l")
        try tmux.waitFor("Space status")
        try tmux.send("Space")
        try tmux.waitFor("[~]")
        try tmux.send("u")
        let undone = try tmux.waitFor("Undid: ")
        let label = undone.components(separatedBy: "\n").first { $0.contains("Undid: ") }?
            .components(separatedBy: "Undid: ").last?.trimmingCharacters(in: .whitespaces) ?? ""
        #expect(label.hasSuffix("→ doing"))
        try tmux.send("C-r")
        try tmux.waitFor("Redid: \(label)")
        try tmux.waitFor("[~]")
        try tmux.send("M")
        let log = try tmux.waitFor("Messages, newest first")
        #expect(log.contains("• Redid: \(label)"))
        #expect(log.contains("• Undid: \(label)"))
        try tmux.send("Escape")
        try tmux.waitFor(timeout: 5, "the messages to close") { !$0.contains("Messages, newest first") }
        try tmux.send("q")
        try tmux.waitForExit()
        let progress = try String(contentsOf: home.url.appendingPathComponent("progress.json"), encoding: .utf8)
        #expect(progress.contains("\"doing\""), "the redone change is saved")
    }

    @Test func searchRanksWholeWordsFirstOnTheCommandLineAsOnScreen() throws {
        let home = TemporaryHome()
        let result = try CoachBinary.run(["search", "rag", "--json"], home: home.url)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let titles = rows.compactMap { $0["title"] as? String }
        #expect(titles.first == "Retrieval-augmented generation (RAG)", "\(titles)")
        #expect(!titles.contains { $0.localizedCaseInsensitiveContains("storage") }, "rag inside storage is no match: \(titles)")

        // On Today, / finds it too and Enter shows it on Tracks.
        let tmux = try Tmux(command: Self.command(home), rows: 24, cols: 80)
        try tmux.waitFor("Coach · Today")
        try tmux.send("/")
        try tmux.type("rag")
        try tmux.waitFor("Retrieval-augmented generation (RAG)")
        try tmux.send("Enter")
        let tracks = try tmux.waitFor("Coach · Tracks")
        #expect(tracks.contains("▸ Generative AI"), "the match's track is selected")
        #expect(tracks.contains("[ ] Retrieval-augmented"), "and the match itself in the items")
        try tmux.send("q")
        try tmux.waitForExit()
    }

    @Test func theBacklogSortsFiltersByStatusAndKeepsAFilter() throws {
        let home = TemporaryHome()
        try IdeaCommandTests.add(home, "Quick win zeta", reach: "10", effort: "0.1")
        try IdeaCommandTests.add(home, "Slow giant zeta", reach: "5000", effort: "9")
        let shipped = try IdeaCommandTests.add(home, "Shipped zeta", reach: "90000", effort: "1")
        try StudyCommandTests.coach(["idea", "edit", shipped, "--status", "shipped"], home)
        // The command line lists in the same order as the screen.
        let byScore = try IdeaCommandTests.list(home).compactMap { $0["title"] as? String }.filter { $0.hasSuffix("zeta") }
        #expect(byScore == ["Slow giant zeta", "Quick win zeta", "Shipped zeta"], "shipped sinks below the open ones")
        let byEffort = try IdeaCommandTests.list(home, ["--sort", "effort"]).compactMap { $0["title"] as? String }
            .filter { $0.hasSuffix("zeta") }
        #expect(byEffort == ["Quick win zeta", "Slow giant zeta", "Shipped zeta"])
        let refused = try CoachBinary.run(["idea", "list", "--sort", "size"], home: home.url)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("score") && refused.stderr.contains("effort"), "\(refused.stderr)")

        let tmux = try Tmux(command: Self.command(home) + " --screen backlog", rows: 24, cols: 80)
        try tmux.waitFor("sorted by score ↓")
        try tmux.send("o")
        try tmux.waitFor("sorted by effort ↑")
        try tmux.send("s")
        try tmux.send("s")
        try tmux.send("s")
        let onlyShipped = try tmux.waitFor("Showing shipped ideas")
        #expect(onlyShipped.contains("Shipped zeta") && !onlyShipped.contains("Quick win zeta"))
        try tmux.send("Escape")
        try tmux.waitFor("Quick win zeta")
        try tmux.send("/")
        try tmux.type("giant")
        try tmux.send("Enter")
        let kept = try tmux.waitFor("/giant")
        #expect(kept.contains("Esc clears"))
        #expect(!kept.contains("Quick win zeta"))
        try tmux.send("Escape")
        try tmux.waitFor("Quick win zeta")
        try tmux.send("q")
        try tmux.waitForExit()
    }
}
