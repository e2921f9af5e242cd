import Foundation
import Testing

/// Keys in overlays and lists through the real binary: the item detail opened from Today
/// keeps Today's keys, History's journal has a cursor, and a recall card's answers
/// stay on the key bar at 60 columns.
@Suite(.serialized) struct OverlayKeysJourneyTests {
    /// A home with a review due today (an item done three days ago) and a focus track.
    static func homeWithAReview() throws -> TemporaryHome {
        let home = TemporaryHome()
        try StudyCommandTests.writeProgress(home, [("genai.diffusion", "done", 3, nil)])
        try StudyCommandTests.coach(["settings", "--focus", "genai", "--goal", "120"], home)
        return home
    }

    static func command(_ home: TemporaryHome, extra: String = "") -> String {
        TracksJourneyTests.command(home: home, extra: "TZ=UTC " + extra)
    }

    @Test func theDetailOpenedFromTodayReviewsRunsTheTimerAndSwitchesScreen() throws {
        let home = try Self.homeWithAReview()
        let tmux = try Tmux(command: Self.command(home))
        try tmux.waitFor("↻ review")
        try tmux.send("Enter")
        try tmux.waitFor("done / review")  // the detail's key bar says what Space does there
        try tmux.send("Space")
        // Space on the detail of a planned review starts its recall cards.
        try tmux.waitFor("Card 1 of 2")
        try tmux.send("Enter")
        try tmux.waitFor("1 again")
        try tmux.send("3")
        try tmux.waitFor("Card 2 of 2")
        try tmux.send("Escape")
        let detail = try tmux.waitFor(timeout: 5, "the cards to close onto the detail") { !$0.contains("Card 2 of 2") }
        #expect(detail.contains("┌"), "leaving the cards shows the detail again")
        try tmux.send("s")
        try tmux.waitFor("Session started")
        try tmux.send("2")
        try tmux.waitFor("→/Enter items")
        let tracks = try tmux.screen()
        #expect(tracks.contains("Coach · Tracks"))
        try tmux.send("q")
        try tmux.waitForExit()
        let reviews = try String(contentsOf: home.url.appendingPathComponent("reviews.json"), encoding: .utf8)
        #expect(reviews.contains("good"))
        #expect(FileManager.default.fileExists(atPath: home.url.appendingPathComponent("session.json").path),
                "the timer runs: its session is saved")
    }

    @Test func historysJournalDrawsItsSelectionAndEditsThatRow() throws {
        let home = TemporaryHome()
        for (offset, note) in [(-3, "oldest"), (-2, "middle"), (-1, "newest")] {
            try StudyCommandTests.coach(["log", "--minutes", "30", "--date", StudyCommandTests.day(offset), "--note", note], home)
        }
        let tmux = try Tmux(command: Self.command(home, extra: "NO_COLOR=1") + " --screen history")
        try tmux.waitFor("newest")
        try tmux.send("j")
        // The selected row is drawn reversed, colour or not.
        try tmux.waitFor(timeout: 10, "the second session to be selected") { _ in
            let styled = (try? tmux.tmux(["capture-pane", "-p", "-e", "-t", "main"])) ?? ""
            // tmux writes reverse video as SGR 7, alone or with other attributes ("\e[2;7m").
            return styled.components(separatedBy: "\n").contains { line in
                line.contains("middle") && (line.contains("\u{1B}[7m") || line.contains(";7m"))
            }
        }
        try tmux.send("e")
        try tmux.waitFor("Session of \(StudyCommandTests.day(-2))")
        try tmux.send("Escape")
        try tmux.waitFor(timeout: 5, "the form to close") { !$0.contains("Session of") }
        try tmux.send("q")
        try tmux.waitForExit()
    }

    @Test func theReviewPromptKeepsItsAnswersAt60Columns() throws {
        let home = try Self.homeWithAReview()
        let tmux = try Tmux(command: Self.command(home), rows: 24, cols: 60)
        try tmux.waitFor("↻ review")
        try tmux.send("Space")
        let question = try tmux.waitFor("Ctrl-D show the points")
        #expect(question.contains("Esc later"), "the question's way out stays on the bar at 60 columns")
        try tmux.send("Enter")
        let prompt = try tmux.waitFor("1 again  2 h hard  3 g good  4 e easy")
        let bar = prompt.components(separatedBy: "\n").first { $0.contains("2 h hard") } ?? ""
        #expect(bar.count <= 60)
        #expect(bar.contains("Esc later"))
        try tmux.send("Escape")
        try tmux.waitFor(timeout: 5, "the card to close") { !$0.contains("2 h hard") }
        try tmux.send("q")
        try tmux.waitForExit()
    }
}
