import CoachCore
import Foundation
import Testing
@testable import CoachUI

/// The drill box: the question and what to cover, the answer, then the rubric with ticks.
@Suite struct DrillViewTests {
    static let item = Item(id: "career.star", title: "STAR answers", summary: "", minutes: 60, drills: [
        Drill(kind: .star, question: "Tell me about a time you used data to change a stakeholder's mind about a product decision.",
              rubric: ["Names the situation and the stakes in a sentence", "Says what you did yourself",
                       "Gives the result with a number", "Says what you learnt"]),
    ])

    static func lines(_ session: DrillSession, size: Size) -> [String] {
        let curriculum = Curriculum(tracks: [Track(id: "t", title: "T", sections: [Section(title: "S", items: [item])])])
        var state = AppState(curriculum: curriculum, progress: ProgressBook(), viewport: size)
        state.open(.drill(session))
        return render(state, size: size).lines
    }

    @Test(arguments: [Size(rows: 24, cols: 80), Size(rows: 48, cols: 160)])
    func theAnswerIsWrittenUnderTheQuestion(size: Size) {
        let lines = Self.lines(DrillSession(itemID: "career.star", drill: 1, answer: TextEditor("At Acme I")), size: size)
        let text = lines.joined(separator: "\n")
        #expect(text.contains("Drill · Behavioural (STAR) · STAR answers"))
        #expect(text.contains("Tell me about a time you used data"))
        #expect(text.contains("Situation, Task, Action, Result, and numbers"))
        #expect(text.contains("Your answer (Ctrl-D shows the rubric, Ctrl-X writes it in $EDITOR):"))
        #expect(text.contains("Enter new line · Ctrl-D when done"))
        #expect(text.contains("At Acme I"))
        #expect(!text.contains("[ ]"), "the rubric waits for the answer")
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= size.cols })
    }

    @Test(arguments: [Size(rows: 24, cols: 80), Size(rows: 48, cols: 160)])
    func theRubricShowsTheTicksAndTheSuggestion(size: Size) {
        let lines = Self.lines(DrillSession(itemID: "career.star", drill: 1, answer: TextEditor("At Acme I cut churn 12%"),
                                            revealed: true, ticks: [1, 3], cursor: 1), size: size)
        let text = lines.joined(separator: "\n")
        #expect(text.contains("Your answer:"))
        #expect(text.contains("At Acme I cut churn 12%"))
        #expect(text.contains("[x] Names the situation and the stakes in a sentence"))
        #expect(text.contains("[ ] Says what you did yourself"))
        #expect(text.contains("[x] Gives the result with a number"))
        #expect(text.contains("Covered 2 of 4 (50%): suggests 2 hard"))
        #expect(lines.last?.contains("Space") == true)
    }

    @Test(arguments: [Size(rows: 24, cols: 80), Size(rows: 48, cols: 160)])
    func aStarAnswerOnFourLinesShowsWholeWithTheCursorOnTheLast(size: Size) throws {
        let answer = TextEditor("S: churn was 9%\nT: cut it in a quarter\nA: I ran an onboarding test\nR: 6%")
        var state = AppState(curriculum: Curriculum(tracks: [Track(id: "t", title: "T", sections: [Section(title: "S", items: [Self.item])])]),
                             progress: ProgressBook(), viewport: size)
        state.open(.drill(DrillSession(itemID: "career.star", drill: 1, answer: answer)))
        let buffer = render(state, size: size)
        let lines = buffer.lines
        for text in ["S: churn was 9%", "T: cut it in a quarter", "A: I ran an onboarding test", "R: 6%"] {
            #expect(lines.contains { $0.contains(text) }, "\(text)")
        }
        let last = try #require(lines.firstIndex { $0.contains("R: 6%") })
        #expect(buffer.cursor?.row == last)
        #expect(lines.last?.contains("Ctrl-D show the rubric") == true)
        #expect(lines.last?.contains("Ctrl-X $EDITOR") == true || size.cols < 100, "the editor key is on the bar when it fits")
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= size.cols })
    }

    @Test(arguments: [Size(rows: 24, cols: 80), Size(rows: 48, cols: 160)])
    func leavingAWrittenAnswerAsks(size: Size) {
        var session = DrillSession(itemID: "career.star", drill: 1, answer: TextEditor("At Acme"))
        session.confirmingDiscard = true
        let text = Self.lines(session, size: size).joined(separator: "\n")
        #expect(text.contains("Drop the answer you wrote? y/n"))
    }
}
