import CoachCore
import Testing

@Suite("DrillRubric: the covered share suggests the rating; every attempt is kept")
struct DrillRubricTests {
    static let drill = Drill(kind: .star, question: "Tell me about a time?", rubric: ["a", "b", "c", "d", "e"])

    @Test func theShareCountsValidTicksOnce() {
        #expect(DrillRubric.share(covered: [], of: Self.drill) == 0)
        #expect(DrillRubric.share(covered: [1, 1, 2], of: Self.drill) == 0.4)
        #expect(DrillRubric.share(covered: [1, 2, 3, 4, 5], of: Self.drill) == 1)
        #expect(DrillRubric.share(covered: [0, 6], of: Self.drill) == 0)
        #expect(DrillRubric.share(covered: [1], of: Drill(kind: .caseStudy, question: "Q?", rubric: [])) == 0)
    }

    @Test(arguments: [(0.0, CardRating.again), (0.39, .again), (0.4, .hard), (0.64, .hard), (0.65, .good), (0.89, .good),
                      (0.9, .easy), (1.0, .easy)])
    func theShareSuggestsTheRating(share: Double, rating: CardRating) {
        #expect(DrillRubric.suggestedRating(share: share) == rating)
    }

    @Test func ticksAreParsedOrRefusedWithTheRange() {
        #expect(DrillRubric.parseTicks("3 1,3  5", of: Self.drill) == .success([1, 3, 5]))
        #expect(DrillRubric.parseTicks("", of: Self.drill) == .success([]))
        #expect(DrillRubric.parseTicks("6", of: Self.drill) == .failure(DrillTickError(text: "6", count: 5)))
        #expect(DrillRubric.parseTicks("two", of: Self.drill).map { _ in 0 } == .failure(DrillTickError(text: "two", count: 5)))
        #expect(DrillTickError(text: "6", count: 5).description == "rubric entries are numbered 1–5; got \"6\"")
    }

    @Test func everyAttemptIsKeptNewestFirst() {
        var book = ReviewBook()
        let first = DrillAttempt(day: Days.day("2024-05-02"), itemID: "career.star", drill: 1, answer: "one", covered: [1], rating: .again)
        let second = DrillAttempt(day: Days.day("2024-05-03"), itemID: "career.star", drill: 1, answer: "two", covered: [1, 2, 3], rating: .good)
        let other = DrillAttempt(day: Days.day("2024-05-01"), itemID: "career.star", drill: 2, answer: "x", covered: [], rating: .again)
        book.record(second)
        book.record(first)
        book.record(other)
        #expect(book.drillAttempts.map(\.answer) == ["x", "one", "two"], "oldest first in the book")
        #expect(book.attempts(itemID: "career.star", drill: 1).map(\.answer) == ["two", "one"])
        #expect(book.reviewCount == 0, "drills are not reviews of cards")
    }
}
