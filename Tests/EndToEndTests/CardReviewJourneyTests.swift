import Foundation
import Testing

/// Reviewing cards in the full-screen Today: an item done yesterday comes back, its
/// cards one at a time — type an answer of two lines, Ctrl-D shows the key points, rate — and the
/// answers are found afterwards in `coach item ID --json` and the export.
@Suite(.serialized) struct CardReviewJourneyTests {
    static let item = "ai-product.what-is-different"

    @Test func reviewTheCardsOfAnItemDoneYesterdayWithTypedAnswers() throws {
        let home = TemporaryHome()
        try StudyCommandTests.writeProgress(home, [(id: Self.item, status: "done", daysAgo: 1, note: nil)])
        let report = try StudyCommandTests.object(["item", Self.item, "--json"], home)
        let cards = try #require(report["cards"] as? [[String: Any]])
        let questions = cards.compactMap { $0["question"] as? String }
        #expect(questions.count >= 2)

        let tmux = try Tmux(command: TracksJourneyTests.command(home: home))
        try tmux.waitFor("Coach · Today")
        try tmux.send("Space")
        try tmux.waitFor("Review 1 of \(questions.count)")
        try tmux.waitFor("Your answer (optional; Ctrl-D, or Enter on none, shows the key points):")
        try tmux.type("Outputs are probabilistic")
        try tmux.waitFor("Outputs are probabilistic")
        try tmux.send("Enter")
        try tmux.type("so test them with evals")
        try tmux.waitFor("so test them with evals")
        #expect(try !tmux.screen().contains("Key points:"), "Enter after text is a new line")
        try tmux.send("C-d")
        try tmux.waitFor("Key points:")
        try tmux.send("3")
        try tmux.waitFor("#1 good: next review on")
        try tmux.waitFor("Review 2 of \(questions.count)")
        try tmux.type("Data quality decides")
        try tmux.send("C-d")
        try tmux.waitFor("Key points:")
        try tmux.send("1")
        try tmux.waitFor("#2 again: next review on")
        try tmux.send("Escape")
        try tmux.send("q")
        try tmux.waitForExit()

        let after = try StudyCommandTests.object(["item", Self.item, "--json"], home)
        let reviewed = try #require(after["cards"] as? [[String: Any]])
        let first = try #require((reviewed[0]["reviews"] as? [[String: Any]])?.first)
        #expect(first["answer"] as? String == "Outputs are probabilistic\nso test them with evals")
        #expect(first["rating"] as? String == "good")
        #expect((reviewed[1]["reviews"] as? [[String: Any]])?.first?["answer"] as? String == "Data quality decides")
        #expect(reviewed[0]["state"] as? String == "review")
        let markdown = try StudyCommandTests.coach(["export", "--format", "markdown"], home).stdout
        #expect(markdown.contains("Outputs are probabilistic"))
        #expect(markdown.contains("so test them with evals"))
        #expect(markdown.contains("Data quality decides"))
    }
}
