import CoachCore
import Foundation
import Testing
@testable import CoachUI

/// The card under review: question, the answer being typed, then the revealed points,
/// at 80×24 and 160×48.
@Suite struct ReviewCardViewTests {
    static let item = Item(id: "rag", title: "Retrieval-augmented generation", summary: "", minutes: 60, prompts: [
        RecallPrompt(question: "When would you choose retrieval over fine-tuning for a support assistant, and what would you tell the stakeholder who asked for fine-tuning?",
                     points: ["Retrieval keeps answers current without retraining", "Answers can cite the document they came from",
                              "Fine-tuning changes style and format more than facts"]),
        RecallPrompt(question: "What goes wrong without evals?", points: ["Silent regressions"]),
    ])

    static func state(_ session: CardSession, size: Size) -> AppState {
        let curriculum = Curriculum(tracks: [Track(id: "t", title: "T", sections: [Section(title: "S", items: [item])])])
        var state = AppState(curriculum: curriculum, progress: ProgressBook(), viewport: size)
        state.screen = .today
        state.open(.cardReview(session))
        return state
    }

    static func text(_ state: AppState) -> String {
        render(state, size: state.viewport).lines.joined(separator: "\n")
    }

    @Test(arguments: [Size(rows: 24, cols: 80), Size(rows: 48, cols: 160)])
    func theQuestionAndTheAnswerBeingTyped(size: Size) {
        let state = Self.state(CardSession(itemID: "rag", cards: [1, 2], answer: TextEditor("It stays fresh")), size: size)
        let lines = render(state, size: size).lines
        let text = lines.joined(separator: "\n")
        #expect(text.contains("Review 1 of 2 · Retrieval-augmented generation"))
        #expect(text.contains("Card 1 of 2"))
        #expect(text.contains("When would you choose retrieval over fine-tuning"))
        #expect(text.contains("stakeholder"), "the question wraps, it is not cut")
        #expect(text.contains("Your answer (optional; Ctrl-D, or Enter on none, shows the key points):"))
        #expect(text.contains("It stays fresh"))
        #expect(!text.contains("Key points"), "hidden until revealed")
        #expect(lines.last?.contains("Ctrl-D show the points") == true, "the key bar says how to reveal")
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= size.cols })
    }

    @Test(arguments: [Size(rows: 24, cols: 80), Size(rows: 48, cols: 160)])
    func theRevealShowsTheAnswerBesideTheKeyPointsAndTheRatings(size: Size) {
        let state = Self.state(CardSession(itemID: "rag", cards: [1, 2], answer: TextEditor("It stays fresh"), revealed: true),
                               size: size)
        let lines = render(state, size: size).lines
        let text = lines.joined(separator: "\n")
        #expect(text.contains("Your answer:"))
        #expect(text.contains("It stays fresh"))
        #expect(text.contains("Key points:"))
        #expect(text.contains("• Retrieval keeps answers current without retraining"))
        #expect(text.contains("• Answers can cite the document they came from"))
        #expect(text.contains("Fine-tuning changes style and format more than facts"))
        #expect(text.contains("1 again · 2 hard · 3 good · 4 easy"))
        #expect(lines.last?.contains("again") == true && lines.last?.contains("easy") == true)
    }

    @Test func anEmptyAnswerSaysSoOnceRevealed() {
        let text = Self.text(Self.state(CardSession(itemID: "rag", cards: [2], revealed: true), size: Size(rows: 24, cols: 80)))
        #expect(text.contains("Review 1 of 1"))
        #expect(text.contains("Card 2 of 2"))
        #expect(text.contains("(none typed)"))
        #expect(text.contains("• Silent regressions"))
    }

    @Test(arguments: [Size(rows: 24, cols: 80), Size(rows: 48, cols: 160)])
    func aTypedAnswerOfSeveralLinesWrapsInItsBoxWithTheCursorInIt(size: Size) throws {
        let long = "Retrieval keeps the answers current without retraining the model every week, and it can cite"
        let answer = TextEditor("First, the data changes daily.\n\n" + long)
        let state = Self.state(CardSession(itemID: "rag", cards: [1, 2], answer: answer), size: size)
        let buffer = render(state, size: size)
        let lines = buffer.lines
        let first = try #require(lines.firstIndex { $0.contains("First, the data changes daily.") })
        #expect(!lines[first + 1].contains("First") && lines[first + 2].contains("Retrieval keeps"), "the blank line stays")
        #expect(lines.contains { $0.contains("Enter new line · Ctrl-D when done") })
        let cursor = try #require(buffer.cursor)
        #expect(cursor.row > first + 1, "the cursor is at the end of the answer")
        #expect(lines[cursor.row].contains("cite") || lines[cursor.row - 1].contains("cite"))
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= size.cols })
        if size.cols == 80 {
            #expect(!lines.contains { $0.contains(long) }, "at 80 columns the long line wraps")
        }
    }

    @Test(arguments: [Size(rows: 24, cols: 80), Size(rows: 48, cols: 160)])
    func escWithAnAnswerAsksBeforeDroppingIt(size: Size) {
        var session = CardSession(itemID: "rag", cards: [1], answer: TextEditor("half an answer"))
        session.confirmingDiscard = true
        let state = Self.state(session, size: size)
        let buffer = render(state, size: size)
        #expect(buffer.text.contains("Drop the answer you typed? y/n"))
        #expect(buffer.lines.last?.contains("y drop the changes") == true)
        #expect(buffer.cursor == nil)
    }

    @Test(arguments: [Size(rows: 24, cols: 80), Size(rows: 48, cols: 160)])
    func theRevealShowsEveryLineOfTheAnswer(size: Size) {
        let state = Self.state(CardSession(itemID: "rag", cards: [1], answer: TextEditor("one\ntwo\nthree"), revealed: true),
                               size: size)
        let lines = render(state, size: size).lines
        let answer = lines.firstIndex { $0.contains("Your answer:") } ?? 0
        #expect(answer > 0)
        #expect(lines[answer + 1].contains("│ one ") && lines[answer + 2].contains("│ two ") && lines[answer + 3].contains("│ three "),
                "\(lines[answer + 1])")
        #expect(lines.contains { $0.contains("Key points:") })
    }
}
