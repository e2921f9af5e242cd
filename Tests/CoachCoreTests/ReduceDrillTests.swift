import Foundation
import Testing
@testable import CoachCore

/// A drill answered on the item detail: write, reveal the rubric, tick, keep.
@Suite struct ReduceDrillTests {
    static let start = Fixture.now
    static let item = Item(id: "career.star", title: "STAR answers", summary: "", minutes: 60, drills: [
        Drill(kind: .star, question: "Tell me about a time you changed a mind?", rubric: ["Situation", "Action", "A number", "Learning"]),
        Drill(kind: .caseStudy, question: "Design a copilot?", rubric: ["Goal", "Users", "Data", "Metrics"]),
    ])

    static func state() -> AppState {
        let curriculum = Curriculum(tracks: [Track(id: "t", title: "T", sections: [Section(title: "S", items: [item])])])
        var state = AppState(curriculum: curriculum, progress: ProgressBook(),
                             study: StudyState(timeZone: .utc, now: start))
        state.open(.detail(itemID: "career.star", scroll: 0))
        return state
    }

    static func press(_ key: Key, _ state: inout AppState) {
        if let action = KeyMap.action(for: key, in: state) { _ = reduce(&state, action, now: start) }
    }

    @Test func writeRevealTickAndKeepWithTheSuggestedRating() throws {
        var state = Self.state()
        Self.press(.char("w"), &state)
        #expect(state.modal?.isTyping == true)
        Self.press(.control("d"), &state)
        #expect(state.message == "Write your answer first (Esc leaves)", "an empty answer is not revealed")
        for character in "I cut churn 12%" { Self.press(.char(character), &state) }
        Self.press(.control("d"), &state)
        guard case .drill(let session)? = state.modal else { Issue.record("no drill open"); return }
        #expect(session.revealed && session.answer.text == "I cut churn 12%")
        Self.press(.char(" "), &state)  // Situation
        Self.press(.down, &state)
        Self.press(.down, &state)
        Self.press(.char(" "), &state)  // A number
        Self.press(.char(" "), &state)  // untick
        Self.press(.char(" "), &state)  // tick again
        Self.press(.enter, &state)
        let attempt = try #require(state.study.reviews.drillAttempts.last)
        #expect(attempt.drill == 1 && attempt.covered == [1, 3] && attempt.rating == .hard, "50% suggests hard")
        #expect(state.message == "Drill kept: covered 2 of 4 (50%), hard; u undoes")
        #expect(state.modal?.detailItemID == "career.star", "back on the detail")
        // The next `w` asks the drill answered least often.
        Self.press(.char("w"), &state)
        guard case .drill(let next)? = state.modal else { Issue.record("no drill open"); return }
        #expect(next.drill == 2)
    }

    @Test func aRatingKeyOverridesTheSuggestionAndEscKeepsNothing() throws {
        var state = Self.state()
        Self.press(.char("w"), &state)
        for character in "answer" { Self.press(.char(character), &state) }
        Self.press(.escape, &state)
        #expect(KeyContext(state) == .discardChanges, "a written answer is not dropped without asking")
        Self.press(.char("n"), &state)
        #expect(state.modal.flatMap { if case .drill(let s) = $0 { s.answer.text } else { nil } } == "answer")
        Self.press(.escape, &state)
        Self.press(.char("y"), &state)
        #expect(state.study.reviews.drillAttempts.isEmpty)
        #expect(state.message == "Drill left: the answer was dropped, nothing kept")
        Self.press(.char("w"), &state)
        for character in "answer" { Self.press(.char(character), &state) }
        Self.press(.control("d"), &state)
        Self.press(.char("4"), &state)
        #expect(state.study.reviews.drillAttempts.last?.rating == .easy)
        #expect(state.study.reviews.drillAttempts.last?.covered == [])
    }

    @Test func undoTakesBackTheLastDrillAttempt() throws {
        var state = Self.state()
        Self.press(.char("w"), &state)
        for character in "Cut churn 12%" { Self.press(.char(character), &state) }
        Self.press(.control("d"), &state)
        Self.press(.char("3"), &state)
        #expect(state.study.reviews.drillAttempts.count == 1)
        Self.press(.char("u"), &state)
        #expect(state.study.reviews.drillAttempts.isEmpty)
        let title = try #require(state.curriculum.item(id: "career.star")?.title)
        #expect(state.message == "Undid: drill attempt on \(title) (drill 1, good)")
        Self.press(.char("u"), &state)
        #expect(state.message == "Nothing to undo")
    }

    @Test func undoOfADrillAttemptSavesTheReviews() {
        var state = Self.state()
        Self.press(.char("w"), &state)
        for character in "x" { Self.press(.char(character), &state) }
        Self.press(.control("d"), &state)
        Self.press(.enter, &state)
        #expect(reduce(&state, .undo, now: Self.start) == [.save(.reviews)])
    }

    @Test func ctrlXWritesTheAnswerInTheEditorAndItComesBackIntoTheDrill() {
        var state = Self.state()
        Self.press(.char("w"), &state)
        for character in "S: a churn problem" { Self.press(.char(character), &state) }
        #expect(reduce(&state, .editExternally, now: Self.start)
                == [.editText(ExternalEdit(.drillAnswer(itemID: "career.star", drill: 1), text: "S: a churn problem"))])
        _ = reduce(&state, .externalEditFinished(.drillAnswer(itemID: "career.star", drill: 1),
                                                 .changed("S: a churn problem\nT: cut it\nA: …\nR: 12%")), now: Self.start)
        guard case .drill(let session)? = state.modal else { Issue.record("no drill open"); return }
        #expect(session.answer.text == "S: a churn problem\nT: cut it\nA: …\nR: 12%" && !session.revealed)
        #expect(state.message == "Answer taken from the editor: Ctrl-D shows the rubric")
        _ = reduce(&state, .externalEditFinished(.drillAnswer(itemID: "career.star", drill: 1), .failed("no editor")),
                   now: Self.start)
        #expect(state.message == "Answer not changed: no editor")
    }
}
