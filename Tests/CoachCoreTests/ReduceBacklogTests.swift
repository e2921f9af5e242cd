import Foundation
import Testing
@testable import CoachCore

/// The Backlog screen's engine: the form, ranking after changes, delete with y/n,
/// status cycling, the filter and undo of every backlog change.
@Suite struct ReduceBacklogTests {
    static func typed(_ text: String) -> [Action] { text.map { .edit(.insert($0)) } }

    /// Fills the new-idea form: title, reach, impact steps (→ from medium), confidence, effort.
    static func addIdea(_ title: String, reach: String, impactSteps: Int = 0, confidence: String = "80%",
                        effort: String, to state: inout AppState) -> [Effect] {
        var actions: [Action] = [.addIdea] + typed(title) + [.nextField, .nextField] + typed(reach) + [.nextField]
        actions += Array(repeating: .edit(.right), count: impactSteps)
        actions += [.nextField] + typed(confidence) + [.nextField] + typed(effort) + [.confirm]
        return Fixture.apply(actions, to: &state)
    }

    static func backlogState() -> AppState {
        var state = Fixture.state()
        _ = reduce(&state, .showScreen(.backlog), now: Fixture.now)
        return state
    }

    @Test func addingThroughTheFormSavesAndRanks() {
        var state = Self.backlogState()
        #expect(Self.addIdea("Small", reach: "100", effort: "1", to: &state) == [.save(.backlog)])
        #expect(Self.addIdea("Big", reach: "1000", effort: "1", to: &state) == [.save(.backlog)])
        #expect(state.backlog.ranked.map(\.title) == ["Big", "Small"])
        // The new idea is selected wherever it ranks.
        #expect(state.selectedIdea?.title == "Big")
        #expect(state.message?.hasPrefix("Added Big: score 800, rank 1") == true)
        #expect(state.modal?.ideaForm == nil)
    }

    @Test func invalidFormIsNotSavedAndFocusesTheFirstProblem() {
        var state = Self.backlogState()
        let effects = Fixture.apply([.addIdea] + Self.typed("X") + [.nextField, .nextField] + Self.typed("nan") + [.confirm], to: &state)
        #expect(effects.isEmpty)
        #expect(state.backlog.isEmpty)
        let form = try! #require(state.modal?.ideaForm)
        #expect(form.focus == .reach)
        #expect(form.problems[.reach]?.contains("finite number ≥ 0") == true)
        #expect(form.problems[.effort] != nil)
    }

    @Test func scaleFieldsCycleWithArrows() {
        var state = Self.backlogState()
        Fixture.apply([.addIdea, .nextField, .nextField, .nextField, .edit(.right), .edit(.right)], to: &state)
        #expect(state.modal?.ideaForm?.editor(.impact).text == "massive")
        Fixture.apply([.edit(.right)], to: &state)
        #expect(state.modal?.ideaForm?.editor(.impact).text == "minimal")
        Fixture.apply([.edit(.insert("z"))], to: &state)
        #expect(state.modal?.ideaForm?.editor(.impact).text == "minimal")
    }

    @Test func escapeWithTypedInputAsksFirst() {
        var state = Self.backlogState()
        Fixture.apply([.addIdea] + Self.typed("Draft") + [.close], to: &state)
        #expect(state.modal?.ideaForm?.confirmingDiscard == true)
        Fixture.apply([.answer(false)], to: &state)
        #expect(state.modal?.ideaForm?.confirmingDiscard == false)
        #expect(state.modal?.ideaForm?.editor(.title).text == "Draft")
        Fixture.apply([.close, .answer(true)], to: &state)
        #expect(state.modal?.ideaForm == nil)
        // An untouched form closes at once.
        Fixture.apply([.addIdea, .close], to: &state)
        #expect(state.modal?.ideaForm == nil)
    }

    @Test func editingChangesTheRanking() {
        var state = Self.backlogState()
        _ = Self.addIdea("A", reach: "100", effort: "1", to: &state)
        _ = Self.addIdea("B", reach: "200", effort: "1", to: &state)
        #expect(state.backlog.ranked.map(\.title) == ["B", "A"])
        Fixture.apply([.moveBottom, .editIdea, .nextField, .nextField] + Array(repeating: .edit(.backspace), count: 3)
                      + Self.typed("900") + [.confirm], to: &state)
        #expect(state.backlog.ranked.map(\.title) == ["A", "B"])
        #expect(state.selectedIdea?.title == "A")
        #expect(state.message == "Saved A: score 80 → 720")
    }

    @Test func deleteAsksAndUndoBringsItBack() {
        var state = Self.backlogState()
        _ = Self.addIdea("Keep", reach: "100", effort: "1", to: &state)
        _ = Self.addIdea("Drop", reach: "50", effort: "1", to: &state)
        let dropped = try! #require(state.backlog.ranked.last)
        Fixture.apply([.moveBottom, .deleteIdea], to: &state)
        #expect(state.modal == .deleteIdea(id: dropped.id))
        #expect(Fixture.apply([.answer(false)], to: &state).isEmpty)
        #expect(state.backlog.count == 2)
        Fixture.apply([.deleteIdea], to: &state)
        #expect(Fixture.apply([.answer(true)], to: &state) == [.save(.backlog)])
        #expect(state.backlog[dropped.id] == nil)
        #expect(Fixture.apply([.undo], to: &state) == [.save(.backlog)])
        #expect(state.backlog[dropped.id] == dropped)
        #expect(state.message == "Undid: delete Drop")
    }

    @Test func undoCoversAddEditAndStatus() {
        var state = Self.backlogState()
        _ = Self.addIdea("One", reach: "100", effort: "1", to: &state)
        let added = try! #require(state.selectedIdea)
        Fixture.apply([.cycleIdeaStatus], to: &state)
        #expect(state.backlog[added.id]?.status == .active)
        Fixture.apply([.undo], to: &state)
        #expect(state.backlog[added.id] == added)
        Fixture.apply([.undo], to: &state)
        #expect(state.backlog.isEmpty)
        #expect(state.message == "Undid: add One")
    }

    @Test func filterNarrowsAndEscapeClears() {
        var state = Self.backlogState()
        _ = Self.addIdea("Café bot", reach: "100", effort: "1", to: &state)
        _ = Self.addIdea("Other", reach: "900", effort: "1", to: &state)
        Fixture.apply([.openSearch] + Self.typed("cafe"), to: &state)
        #expect(state.backlogRows.map(\.title) == ["Café bot"])
        Fixture.apply([.confirm], to: &state)
        #expect(state.modal == nil)
        #expect(state.backlogRows.count == 1)
        Fixture.apply([.close], to: &state)
        #expect(state.backlogRows.count == 2)
    }

    @Test func filteredRowsShowRanksInTheWholeBacklogAndLoseDeletedIdeas() {
        var state = Self.backlogState()
        _ = Self.addIdea("Café bot", reach: "100", effort: "1", to: &state)
        _ = Self.addIdea("Other", reach: "900", effort: "1", to: &state)
        _ = Self.addIdea("Cafe menu", reach: "50", effort: "1", to: &state)
        Fixture.apply([.openSearch] + Self.typed("cafe") + [.confirm], to: &state)
        let rows = state.backlogRows
        #expect(rows.map(\.title) == ["Café bot", "Cafe menu"])
        #expect(rows.indices.map(rows.rank(at:)) == [2, 3], "Other ranks first in the whole backlog")
        #expect(rows.index(of: "cafe-menu") == 1)
        #expect(rows.index(of: "other") == nil)

        Fixture.apply([.deleteIdea, .answer(true)], to: &state)
        #expect(state.backlogRows.map(\.title) == ["Cafe menu"], "the deleted idea leaves the filter too")
        #expect(state.selectedIdea?.title == "Cafe menu")
        Fixture.apply([.undo], to: &state)
        #expect(state.backlogScreen.filtered == nil, "undo shows the whole backlog again")
        #expect(state.backlogRows.map(\.title) == ["Other", "Café bot", "Cafe menu"])
        #expect(state.selectedIdea?.title == "Café bot", "on the idea it brought back")
    }

    @Test func lettersTypedInTheFormAreNotCommands() {
        var state = Self.backlogState()
        let effects = Fixture.apply([.addIdea] + Self.typed("quit undo"), to: &state)
        #expect(effects.isEmpty)
        #expect(state.modal?.ideaForm?.editor(.title).text == "quit undo")
        #expect(KeyMap.action(for: .char("q"), in: state) == .edit(.insert("q")))
        #expect(KeyMap.action(for: .char("u"), in: state) == .edit(.insert("u")))
        #expect(KeyMap.action(for: .tab, in: state) == .nextField)
        #expect(KeyMap.action(for: .backTab, in: state) == .previousField)
    }

    @Test func screensSwitchWithNumbersAndTab() {
        var state = Fixture.state()
        #expect(KeyMap.action(for: .char("3"), in: state) == .showScreen(.backlog))
        #expect(KeyMap.action(for: .char("1"), in: state) == .showScreen(.today))
        #expect(KeyMap.action(for: .char("4"), in: state) == .showScreen(.history))
        #expect(KeyMap.action(for: .char("5"), in: state) == nil)
        Fixture.apply([.nextScreen], to: &state)
        #expect(state.screen == .backlog)
        Fixture.apply([.nextScreen, .nextScreen], to: &state)
        #expect(state.screen == .today)
        Fixture.apply([.previousScreen], to: &state)
        #expect(state.screen == .history)
    }

    @Test func pagingStaysInsideTheRows() {
        var state = Self.backlogState()
        for n in 1...30 { _ = Self.addIdea("Idea \(n)", reach: "\(n * 10)", effort: "1", to: &state) }
        Fixture.apply([.moveTop, .pageDown, .pageDown, .pageDown, .pageDown], to: &state)
        #expect(state.backlogScreen.list.selected == 29)
        let height = BacklogLayout.listRows(state.viewport)
        #expect(state.backlogScreen.list.scroll == 30 - height)
        Fixture.apply([.pageUp, .pageUp, .pageUp, .pageUp, .moveUp], to: &state)
        #expect(state.backlogScreen.list.selected == 0)
        #expect(state.backlogScreen.list.scroll == 0)
    }
}
