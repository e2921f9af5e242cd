import CoachCore
import Foundation
import Testing
@testable import CoachUI

@Suite struct BacklogViewTests {
    static func state(size: Size = Size(rows: 20, cols: 100)) -> AppState {
        var state = AppState(curriculum: Fixtures.curriculum, progress: ProgressBook(), viewport: size)
        _ = reduce(&state, .showScreen(.backlog), now: Fixtures.day)
        return state
    }

    static func add(_ title: String, reach: String, effort: String, confidence: String = "80%",
                    labeling: String = "", linking query: String = "", to state: inout AppState) {
        var actions: [Action] = [.addIdea] + title.map { .edit(.insert($0)) } + [.nextField, .nextField]
        actions += reach.map { .edit(.insert($0)) } + [.nextField, .nextField]
        actions += confidence.map { .edit(.insert($0)) } + [.nextField] + effort.map { .edit(.insert($0)) }
        actions += [.nextField] + labeling.map { .edit(.insert($0)) }
        // Items are picked: the query opens the picker, Enter links the first match, Esc goes back.
        actions += Array(repeating: .nextField, count: 5)
        actions += query.isEmpty ? [] : query.map { .edit(.insert($0)) } + [.confirm, .close]
        actions += [.confirm]
        Fixtures.apply(actions, to: &state)
    }

    @Test func tableIsRankedWithEveryColumn() {
        var state = Self.state()
        Self.add("Triage bot", reach: "500", effort: "2", labeling: "0.5", to: &state)
        Self.add("Résumé 日本 parser", reach: "1000", effort: "1", confidence: "40%", linking: "first thing", to: &state)
        let lines = render(state, size: state.viewport).lines
        #expect(lines[0].hasPrefix(" Coach · Backlog"))
        #expect(lines[0].hasSuffix("2 ideas · sorted by score ↓"))
        #expect(lines[1] == "    # Title                                            Reach   Imp  Conf  Effort     Score Status")
        // 日本 takes four cells but two characters of the line's text.
        #expect(lines[2] == "    1 Résumé 日本 parser                                1000     1   40%       1       400 idea")
        #expect(lines[3] == "    2 Triage bot                                         500     1   80%     2.5       160 idea")
    }

    @Test func detailShowsTheScoreTermByTermAndFlagsMoonshots() {
        var state = Self.state()
        Self.add("Triage bot", reach: "500", effort: "2", labeling: "0.5", to: &state)
        Self.add("Résumé 日本 parser", reach: "1000", effort: "1", confidence: "40%", linking: "first thing", to: &state)
        let text = render(state, size: state.viewport).text
        #expect(text.contains(" Résumé 日本 parser   ☄ moonshot: confidence below 50%"))
        #expect(text.contains(" Score  1000 × 1 × 0.4 ÷ 1 = 400"))
        #expect(text.contains(" Practises First thing"))
        Fixtures.apply([.moveDown], to: &state)
        let second = render(state, size: state.viewport).text
        #expect(second.contains(" Effort 2 + 0.5 + 0 + 0 + 0 = 2.5 person-months"))
        #expect(!second.contains("moonshot"))
    }

    @Test func formShowsTheErrorBesideTheField() {
        var state = Self.state(size: Size(rows: 24, cols: 100))
        Fixtures.apply([.addIdea] + "Bot".map { .edit(.insert($0)) } + [.nextField, .nextField, .nextField, .nextField]
                       + "150%".map { .edit(.insert($0)) }, to: &state)
        let buffer = render(state, size: state.viewport)
        let lines = buffer.lines
        let confidence = try! #require(lines.first { $0.contains("Confidence") })
        #expect(confidence.contains("150%"))
        #expect(confidence.contains("✗ must be more than 0 and at most 1"))
        #expect(lines.contains { $0.contains("✗ Confidence: must be more than 0 and at most 1 (80% and 0.8 are the same); got 150%") })
        #expect(lines.contains { $0.contains("┌─ New idea ─") })
        #expect(buffer.cursor != nil)
    }

    @Test func emptyBacklogInvitesTheFirstIdea() {
        let state = Self.state()
        #expect(render(state, size: state.viewport).text.contains("No ideas yet: press a to add your first side project."))
    }

    @Test func deleteAsksOnTheRuleLine() {
        var state = Self.state()
        Self.add("Triage bot", reach: "500", effort: "2", to: &state)
        Fixtures.apply([.deleteIdea], to: &state)
        let lines = render(state, size: state.viewport).lines
        #expect(lines.contains(" Delete \"Triage bot\"? y/n"))
        #expect(lines.last == " y delete  n keep")
    }

    @Test(arguments: [Size(rows: 24, cols: 80), Size(rows: 48, cols: 160)])
    func theItemPickerFiltersByTitleAndTicksWhatIsLinked(size: Size) {
        var state = Self.state(size: size)
        Fixtures.apply([.addIdea] + Array(repeating: .nextField, count: 11), to: &state)
        #expect(state.modal?.ideaForm?.focus == .items)
        #expect(render(state, size: size).text.contains("type to pick"), "the field says how it is filled")
        Fixtures.apply("thing".map { .edit(.insert($0)) }, to: &state)
        #expect(state.modal?.itemPicker != nil, "typing on Items opens the picker")
        var text = render(state, size: size).text
        #expect(text.contains("Link items · 2 matches"))
        #expect(text.contains("First thing  · Alpha Track") && text.contains("Third thing  · Alpha Track"))
        #expect(!text.contains("Café"), "only what matches")
        Fixtures.apply([.moveDown, .confirm], to: &state)
        #expect(state.message == "Linked Third thing (alpha.three)")
        text = render(state, size: size).text
        #expect(text.contains("✓ Third thing"), "linked items are ticked")
        Fixtures.apply([.confirm], to: &state)
        #expect(state.message == "Linked already: Third thing")
        Fixtures.apply([.moveUp, .confirm, .close], to: &state)
        #expect(state.modal?.ideaForm?.linkedItems == ["alpha.three", "alpha.one"])
        let lines = render(state, size: size).lines
        #expect(lines.contains { $0.contains("Items") && $0.contains("alpha.three, alpha.one") })
        Fixtures.apply([.edit(.backspace)], to: &state)
        #expect(state.modal?.ideaForm?.linkedItems == ["alpha.three"])
        #expect(state.message == "Unlinked First thing")
        #expect(render(state, size: size).lines.allSatisfy { DisplayWidth.of($0) <= size.cols })
    }

    @Test func anUnfocusedFieldShowsTheStartOfItsTextAndFieldsGrowWithTheWindow() {
        var state = Self.state(size: Size(rows: 24, cols: 160))
        let title = "A very long idea title that runs on past thirty columns, to the end"
        Fixtures.apply([.addIdea] + title.map { .edit(.insert($0)) } + [.nextField], to: &state)
        let wide = render(state, size: state.viewport).lines.first { $0.contains("│ Title") } ?? ""
        #expect(wide.contains("A very long idea title that runs on past thirty columns, to the end"), "at 160 columns it fits whole")
        state.viewport = Size(rows: 24, cols: 80)
        let narrow = render(state, size: state.viewport).lines.first { $0.contains("│ Title") } ?? ""
        #expect(narrow.contains("A very long idea title"), "not focused: its start shows, not its end")
        #expect(!narrow.contains("to the end"))
    }
}
