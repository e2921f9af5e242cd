import Foundation
import Testing

/// Reviewing cards on the command line: finish an item, move the day on (COACH_TODAY),
/// review its cards with typed answers, see the next due days, and find the answers in
/// `coach item ID --json` and the Markdown export.
@Suite struct CardReviewCommandTests {
    static let item = "ai-product.what-is-different"

    static func coach(_ arguments: [String], _ home: TemporaryHome, day: Int = 0,
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> CoachBinary.Result {
        try StudyCommandTests.coach(arguments, home, environment: ["COACH_TODAY": StudyCommandTests.day(day)],
                                    sourceLocation: sourceLocation)
    }

    @Test func finishReviewTomorrowAndFindTheAnswers() throws {
        let home = TemporaryHome()
        try Self.coach(["check", Self.item], home)
        let before = try StudyCommandTests.object(["item", Self.item, "--json"], home)
        let cards = try #require(before["cards"] as? [[String: Any]])
        #expect(cards.count >= 2)
        #expect(cards.allSatisfy { $0["state"] as? String == "new" && $0["due"] as? String == StudyCommandTests.day(1) })

        let tomorrow = StudyCommandTests.day(1)
        let first = try Self.coach(["review", Self.item, "--card", "1", "--rating", "3",
                                    "--answer", "Outputs are probabilistic, so quality is measured"], home, day: 1).stdout
        #expect(first.contains("\(Self.item)#1: good; next review on "))
        #expect(first.contains("(first review)"))
        let second = try Self.coach(["review", Self.item, "--card", "2", "--rating", "again",
                                     "--answer", "Not sure"], home, day: 1).stdout
        #expect(second.contains("#2: again; next review on \(StudyCommandTests.day(2)), in 1 day"))

        let after = try StudyCommandTests.object(["item", Self.item, "--json"], home)
        let reviewed = try #require(after["cards"] as? [[String: Any]])
        #expect(reviewed[0]["state"] as? String == "review")
        #expect(reviewed[0]["reps"] as? Int == 1)
        #expect((reviewed[0]["stability"] as? Double ?? 0) > 0)
        #expect((reviewed[0]["difficulty"] as? Double ?? 0) > 0)
        #expect(reviewed[0]["retrievabilityToday"] != nil)
        let answers = try #require(reviewed[0]["reviews"] as? [[String: Any]])
        #expect(answers.first?["answer"] as? String == "Outputs are probabilistic, so quality is measured")
        #expect(answers.first?["day"] as? String == tomorrow)
        #expect((reviewed[1]["reviews"] as? [[String: Any]])?.first?["rating"] as? String == "again")
        #expect(after["status"] as? String == "done")
        #expect(after["track"] as? String != nil && after["section"] as? String != nil)

        let markdown = try Self.coach(["export", "--format", "markdown"], home, day: 1).stdout
        #expect(markdown.contains("## Recall answers"))
        #expect(markdown.contains("Outputs are probabilistic, so quality is measured"))
        #expect(markdown.contains("\(tomorrow), again:"))

        let text = try Self.coach(["item", Self.item], home, day: 1).stdout
        #expect(text.contains("\(tomorrow) good: Outputs are probabilistic"))
    }

    @Test func refusalsNameWhatIsAllowed() throws {
        let home = TemporaryHome()
        #expect(try StudyCommandTests.refused(["review", Self.item, "--card", "1", "--rating", "3"], home).contains("not done"))
        try Self.coach(["check", Self.item], home)
        #expect(try StudyCommandTests.refused(["review", Self.item, "--card", "9", "--rating", "3"], home).contains("--card must be 1–"))
        #expect(try StudyCommandTests.refused(["review", Self.item, "--card", "1", "--rating", "5"], home)
            .contains("1 again, 2 hard, 3 good or 4 easy"))
        #expect(try StudyCommandTests.refused(["review", Self.item, "--card", "1", "--rating", "3", "--at", "2001-02-30"], home)
            .contains("--at must be a date"))
        #expect(try StudyCommandTests.refused(["review", Self.item], home).contains("asks on a terminal"))
        #expect(try StudyCommandTests.refused(["settings", "--retention", "0.99"], home)
            .contains("--retention must be a number from 0.70 to 0.97"))
        #expect(try StudyCommandTests.refused(["item", "ai-product.what-is-diferent"], home).contains("did you mean"))
    }

    @Test func retentionIsASetting() throws {
        let home = TemporaryHome()
        let changed = try Self.coach(["settings", "--retention", "0.85"], home).stdout
        #expect(changed.contains("retention:   0.85"))
        let settings = try StudyCommandTests.object(["settings", "--json"], home)
        #expect(settings["retention"] as? Double == 0.85)
    }

    @Test func anItemIsFoundByItsTitle() throws {
        let home = TemporaryHome()
        let report = try StudyCommandTests.object(["item", Self.item, "--json"], home)
        let title = try #require(report["title"] as? String)
        let byTitle = try StudyCommandTests.object(["item", title.uppercased(), "--json"], home)
        #expect(byTitle["id"] as? String == Self.item)
    }

    @Test func aDrillIsAnsweredTickedAndKept() throws {
        let home = TemporaryHome()
        let list = try #require(try StudyCommandTests.json(["drill", "--json"], home) as? [[String: Any]])
        #expect(list.count >= 7)
        #expect(Set(list.compactMap { $0["kind"] as? String }) == ["star", "case"])
        let id = try #require(list.first?["id"] as? String)
        let rubric = try #require(list.first?["rubric"] as? [String])
        let done = try Self.coach(["drill", id, "--answer", "At Acme I cut churn by 12% in a quarter", "--covered", "1,2,3,4,5,6,7,8"
            .split(separator: ",").prefix(rubric.count).joined(separator: ",")], home).stdout
        #expect(done.contains("covered \(rubric.count) of \(rubric.count) (100%), rated easy"))
        try Self.coach(["drill", id, "--answer", "Second try", "--covered", "1", "--rating", "2"], home)
        let after = try #require(try StudyCommandTests.json(["drill", "--json"], home) as? [[String: Any]])
        let attempts = try #require(after.first { $0["id"] as? String == id }?["attempts"] as? [[String: Any]])
        #expect(attempts.map { $0["answer"] as? String } == ["Second try", "At Acme I cut churn by 12% in a quarter"])
        #expect(attempts.first?["rating"] as? String == "hard")
        let markdown = try Self.coach(["export", "--format", "markdown"], home).stdout
        #expect(markdown.contains("## Interview drills"))
        #expect(markdown.contains("At Acme I cut churn by 12% in a quarter"))
        #expect(markdown.contains("Not yet covered:"))
        #expect(try StudyCommandTests.refused(["drill", id, "--answer", "x", "--covered", "99"], home).contains("numbered 1–"))
        #expect(try StudyCommandTests.refused(["drill", "no such question at all"], home).contains("no drill asks"))
        #expect(try StudyCommandTests.refused(["drill", id], home).contains("asks on a terminal"))
    }
}
