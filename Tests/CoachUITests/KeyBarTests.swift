import CoachCore
import Testing
@testable import CoachUI

/// The key bar: what goes when it does not fit.
@Suite struct KeyBarTests {
    static func reviewState(cols: Int) -> AppState {
        var state = Fixtures.state(size: Size(rows: 16, cols: cols))
        state.open(.reviewPrompt(itemID: "alpha.one"))
        return state
    }

    @Test(arguments: [60, 64, 80])
    func theReviewPromptKeepsItsAnswers(cols: Int) {
        let state = Self.reviewState(cols: cols)
        let bar = render(state, size: state.viewport).lines[15]
        #expect(bar.hasSuffix("h hard  g good  e easy  Esc later"), "\(cols): \(bar)")
        #expect(DisplayWidth.of(bar) <= cols)
    }

    @Test func theTitleIsShortenedFirst() {
        let wide = KeyBarFit(KeyMap.keyBar(for: Self.reviewState(cols: 120)), cols: 120)
        #expect(wide.prompt == "How did the review of First thing go?")
        let narrow = KeyBarFit(KeyMap.keyBar(for: Self.reviewState(cols: 60)), cols: 60)
        #expect(narrow.hints.map(\.key) == ["h", "g", "e", "Esc"])
        #expect(narrow.prompt == "First thing", "only the title is left when the question does not fit")
        let long = KeyBar(prompt: KeyBar.Prompt(lead: "How did the review of ", subject: String(repeating: "x", count: 40),
                                                tail: " go?"), hints: [])
        let cut = KeyBarFit(long, cols: 60)
        #expect(cut.prompt?.hasPrefix("How did the review of xxx") == true)
        #expect(cut.prompt?.hasSuffix("… go?") == true, "the title is cut, the question kept")
    }

    @Test func theLeastImportantHintsGoFirst() {
        var state = Fixtures.state(size: Size(rows: 16, cols: 60))
        state.tracksCursor.pane = .items
        let fit = KeyBarFit(KeyMap.keyBar(for: state), cols: 60)
        let all = KeyMap.hints(for: state)
        let dropped = all.filter { hint in !fit.hints.contains(hint) }
        #expect(!dropped.isEmpty)
        let lowestKept = fit.hints.map(\.priority).min() ?? 0
        #expect(dropped.allSatisfy { $0.priority <= lowestKept }, "nothing more important than a kept hint went")
        #expect(fit.hints.map(\.key).contains("q") && fit.hints.map(\.key).contains("?"))
        #expect(fit.hints == all.filter { fit.hints.contains($0) }, "the order stays the table's")
    }

    @Test func aFormsBarAt60ColumnsKeepsSaveAndCancel() {
        var state = Fixtures.state(size: Size(rows: 16, cols: 60))
        state.screen = .backlog
        Fixtures.apply([.addIdea], to: &state)
        let bar = render(state, size: state.viewport).lines[15]
        #expect(bar.contains("Enter save") && bar.contains("Esc cancel"), "\(bar)")
    }
}
