import Foundation
import Testing

/// The mouse in a real terminal: a click selects a track or an item, a click on the
/// selected one opens it, the wheel scrolls, and quitting gives the mouse back.
@Suite struct MouseJourneyTests {
    @Test func clicksSelectAndOpenAndTheWheelMoves() throws {
        let home = TemporaryHome()
        let tmux = try Tmux(command: TracksJourneyTests.command(home: home))
        try tmux.openTracks()
        #expect(try tmux.value("#{mouse_any_flag}") == "1", "Coach asked for the mouse")

        // Rows: 0 title, 1 pane headings, 2 the first track. The third is Generative AI.
        try tmux.click(row: 4, col: 3)
        try tmux.waitFor("▸ Generative AI")
        try tmux.click(row: 4, col: 3)
        try tmux.waitFor("Space status")  // its items have the focus

        // Row 2 of the items is the section heading; rows 3 and 4 are the first two items.
        // On a loaded machine a mouse report can arrive split past the escape delay and
        // be dropped, so the second click (the one that opens) is repeated until the
        // detail shows: each click lands on the same row, so none can open another item.
        try tmux.click(row: 4, col: 50)
        var opened: String?
        for _ in 0..<5 where opened == nil {
            try tmux.click(row: 4, col: 50)
            opened = try? tmux.waitFor("Resources", timeout: 3)
        }
        let detail = try #require(opened, "a click on the selected item opens its detail")
        #expect(detail.contains("genai.transformers"), "the second item's detail")
        try tmux.send("Escape")
        try tmux.waitFor(timeout: 5, "the detail to close") { !$0.contains("Resources") }

        try tmux.wheel(down: true)
        try tmux.send("Space")
        try tmux.waitFor("[~]")
        try tmux.send("q")
        try tmux.waitForExit()
        let third = try CoachBinary.run(["show", "genai", "--json"], home: home.url)
        let items = (try JSONSerialization.jsonObject(with: Data(third.stdout.utf8)) as? [String: Any])?["items"] as? [[String: Any]]
        #expect(items?[2]["status"] as? String == "doing", "the wheel moved one item down")
    }
}
