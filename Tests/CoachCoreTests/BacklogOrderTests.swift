@testable import CoachCore
import Foundation
import Testing

/// The backlog's order (`o`), the status shown (`s`), finished ideas below open ones,
/// and the kept `/` filter.
@Suite struct BacklogOrderTests {
    /// Scores: Gone 5000 (dropped), Aged 900 (shipped), Big 800 (effort 1, 80%), Mid 120 (effort 2, 60%),
    /// Small 100 (effort 0.5, 50%).
    static func ideas() -> Backlog {
        var backlog = Backlog()
        backlog.add(IdeaFixture.fields("Big", reach: 1000, confidence: 0.8, effort: 1), now: Fixture.now)
        backlog.add(IdeaFixture.fields("Mid", reach: 400, confidence: 0.6, effort: 2), now: Fixture.now)
        backlog.add(IdeaFixture.fields("Small", reach: 100, confidence: 0.5, effort: 0.5), now: Fixture.now)
        backlog.add(IdeaFixture.fields("Aged", status: .shipped, reach: 900, confidence: 1, effort: 1), now: Fixture.now)
        backlog.add(IdeaFixture.fields("Gone", status: .dropped, reach: 5000, confidence: 1, effort: 1), now: Fixture.now)
        return backlog
    }

    static func titles(_ order: BacklogOrder, _ backlog: Backlog = ideas()) -> [String] {
        order.apply(backlog.ranked).map(\.title)
    }

    @Test func finishedIdeasSinkBelowOpenOnesWhateverTheSort() {
        #expect(Self.ideas().ranked.map(\.title) == ["Gone", "Aged", "Big", "Mid", "Small"], "the RICE ranking itself")
        #expect(Self.titles(BacklogOrder()) == ["Big", "Mid", "Small", "Gone", "Aged"])
        #expect(Self.titles(BacklogOrder(sort: .effort)) == ["Small", "Big", "Mid", "Gone", "Aged"])
        #expect(Self.titles(BacklogOrder(sort: .confidence)) == ["Big", "Mid", "Small", "Gone", "Aged"])
        #expect(Self.titles(BacklogOrder(sort: .title)) == ["Big", "Mid", "Small", "Aged", "Gone"])
    }

    @Test func sortByStatusPutsActiveFirstAndKeepsTheRankingWithin() {
        var backlog = Self.ideas()
        _ = backlog.setStatus(.active, of: "mid", now: Fixture.now)
        #expect(Self.titles(BacklogOrder(sort: .status), backlog) == ["Mid", "Big", "Small", "Aged", "Gone"])
    }

    /// `coach idea list` arranges ranks of the whole backlog, so they match `idea show`:
    /// the same order as the ideas themselves, and several statuses kept at once.
    @Test func ranksAreArrangedAsTheIdeasAre() {
        let backlog = Self.ideas()
        let ranked = backlog.ranked
        for sort in BacklogOrder.Sort.allCases {
            let order = BacklogOrder(sort: sort)
            #expect(order.arrange(ranked).map { ranked[$0].title } == Self.titles(order), "\(sort)")
            #expect(order.arrange(ranked, keeping: [.shipped, .idea]).map { ranked[$0].title }
                    == Self.titles(order).filter { $0 != "Gone" }, "\(sort)")
        }
        #expect(BacklogOrder(status: .idea).arrange(ranked, keeping: [.shipped]).isEmpty)
        #expect(BacklogOrder().arrange(ranked, keeping: [.dropped]) == [0])
    }

    @Test func aStatusShownLeavesTheOthersOut() {
        #expect(Self.titles(BacklogOrder(status: .shipped)) == ["Aged"])
        #expect(Self.titles(BacklogOrder(sort: .title, status: .idea)) == ["Big", "Mid", "Small"])
    }

    @Test func theSortAndTheStatusCycleRound() {
        var sort = BacklogOrder.Sort.score
        var seen: [BacklogOrder.Sort] = []
        for _ in BacklogOrder.Sort.allCases { seen.append(sort); sort = sort.next }
        #expect(seen == [.score, .effort, .confidence, .title, .status])
        #expect(sort == .score)
        var status: IdeaStatus? = nil
        var statuses: [IdeaStatus?] = []
        for _ in 0...IdeaStatus.allCases.count { statuses.append(status); status = BacklogOrder.nextStatus(after: status) }
        #expect(statuses == [nil, .idea, .active, .shipped, .dropped])
        #expect(status == nil)
    }

    static func screenState() -> AppState {
        var state = AppState(curriculum: Fixture.curriculum(), progress: ProgressBook(), backlog: ideas())
        state.screen = .backlog
        return state
    }

    @Test func oSortsTheScreenAndKeepsTheSelectedIdea() {
        var state = Self.screenState()
        #expect(state.backlogRows.map(\.title) == ["Big", "Mid", "Small", "Gone", "Aged"])
        #expect(KeyMap.action(for: .char("o"), in: state) == .cycleBacklogSort)
        Fixture.apply([.moveDown, .moveDown], to: &state)  // Small
        Fixture.apply([.cycleBacklogSort], to: &state)
        #expect(state.backlogScreen.order.sort == .effort)
        #expect(state.message == "Sorted by effort ↑")
        #expect(state.backlogRows.map(\.title) == ["Small", "Big", "Mid", "Gone", "Aged"])
        #expect(state.selectedIdea?.title == "Small", "the cursor stays on its idea")
        // The # column is still the place in the RICE ranking.
        #expect(state.backlogRows.rank(at: 0) == 5)
    }

    @Test func sShowsOneStatusAtATimeAndEscShowsAllAgain() {
        var state = Self.screenState()
        #expect(KeyMap.action(for: .char("s"), in: state) == .cycleBacklogStatus)
        Fixture.apply([.cycleBacklogStatus], to: &state)
        #expect(state.backlogScreen.order.status == .idea)
        #expect(state.message == "Showing idea ideas: 3 of 5")
        Fixture.apply([.cycleBacklogStatus, .cycleBacklogStatus], to: &state)
        #expect(state.backlogRows.map(\.title) == ["Aged"])
        Fixture.apply([.close], to: &state)
        #expect(state.backlogScreen.order.status == nil)
        #expect(state.backlogRows.count == 5)
    }

    @Test func aChangedIdeaMovesToItsPlaceAndAShippedOneSinks() {
        var state = Self.screenState()
        Fixture.apply([.cycleIdeaStatus], to: &state)  // Big → active
        Fixture.apply([.cycleIdeaStatus], to: &state)  // Big → shipped
        #expect(state.backlogRows.map(\.title) == ["Mid", "Small", "Gone", "Aged", "Big"])
        #expect(state.selectedIdea?.title == "Big", "the cursor follows it down")
    }

    @Test func aKeptFilterSaysSoAndEscClearsItFirst() {
        var state = Self.screenState()
        Fixture.apply([.cycleBacklogStatus, .openSearch] + ReduceBacklogTests.typed("i") + [.confirm], to: &state)
        #expect(state.backlogScreen.query == "i")
        #expect(state.message == "Filter kept: \"i\" (Esc clears it, / changes it)")
        #expect(state.backlogRows.map(\.title) == ["Big", "Mid"])
        // / again starts from the kept text.
        Fixture.apply([.openSearch], to: &state)
        guard case .backlogFilter(let editor) = state.modal else { Issue.record("no filter box"); return }
        #expect(editor.text == "i")
        Fixture.apply([.confirm, .close], to: &state)
        #expect(state.backlogScreen.query.isEmpty)
        #expect(state.backlogScreen.order.status == .idea, "the status shown goes with the next Esc")
        Fixture.apply([.close], to: &state)
        #expect(state.backlogRows.count == 5)
    }

    @Test func aPlainBacklogIsListedWithoutACopy() {
        var backlog = Backlog()
        backlog.add(IdeaFixture.fields("One"), now: Fixture.now)
        let state = AppState(curriculum: Fixture.curriculum(), progress: ProgressBook(), backlog: backlog)
        #expect(state.backlogScreen.filtered == nil)
    }
}

/// The default order kept up one change at a time is the order built from scratch.
@Suite struct BacklogOrderStepTests {
    @Test func everyChangeLeavesTheRowsAsAFullRebuildWould() {
        var state = AppState(curriculum: Fixture.curriculum(), progress: ProgressBook(), backlog: BacklogOrderTests.ideas())
        state.screen = .backlog
        var random = SeededRandom(seed: 7)
        for step in 0..<300 {
            let rows = state.backlogRows
            guard !rows.isEmpty else { break }
            state.backlogScreen.list.selected = Int(random.next() % UInt64(rows.count))
            switch random.next() % 5 {
            case 0: _ = ReduceBacklogTests.addIdea("New \(step)", reach: "\(random.next() % 2000)", effort: "1", to: &state)
            case 1: Fixture.apply([.deleteIdea, .answer(true)], to: &state)
            case 2: Fixture.apply([.undo], to: &state)
            case 3: Fixture.apply([.redo], to: &state)
            default: Fixture.apply([.cycleIdeaStatus], to: &state)
            }
            let expected = BacklogOrder().apply(state.backlog.ranked).map(\.id)
            #expect(state.backlogRows.map(\.id) == expected, "step \(step)")
            if state.backlogRows.map(\.id) != expected { return }
        }
    }
}
